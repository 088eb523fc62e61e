# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class EndocsSlaPause(models.Model):
    """A period when the request's clocks stop: waiting for the customer or for
    a third party (R-WF-3, R-WF-4): who, why, from, to."""

    _name = "endocs.sla.pause"
    _description = "SLA Pause"
    _order = "date_from, id"

    ticket_id = fields.Many2one(
        "helpdesk.ticket", required=True, ondelete="cascade", index=True
    )
    reason = fields.Selection(
        [
            ("customer", "Waiting for the customer"),
            ("third_party", "Waiting for a third party"),
        ],
        required=True,
    )
    note = fields.Char()
    user_id = fields.Many2one("res.users", default=lambda self: self.env.user)
    date_from = fields.Datetime(required=True, default=fields.Datetime.now)
    date_to = fields.Datetime()
