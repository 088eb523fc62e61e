# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HelpdeskTicketCategory(models.Model):
    _inherit = "helpdesk.ticket.category"

    endocs_billing_class = fields.Selection(
        [("free", "Free support"), ("paid", "Paid support")],
        string="Billing class",
        default="free",
        required=True,
        help="Free: consultations and incidents on the product (1.4, 2.1). "
        "Paid: end-user training, configuration, development, integration "
        "(1.3, 2.10) — needs an active paid-support contract.",
    )
