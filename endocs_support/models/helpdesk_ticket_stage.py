# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

STAGE_ROLES = [
    ("new", "New"),
    ("in_progress", "Accepted / in progress"),
    ("waiting_customer", "Waiting for customer information"),
    ("waiting_third_party", "Waiting for a third party"),
    ("resolved", "Resolved"),
    ("closed_no_reply", "Closed: no reply from customer"),
    ("withdrawn", "Withdrawn by the customer"),
]


class HelpdeskTicketStage(models.Model):
    _inherit = "helpdesk.ticket.stage"

    endocs_role = fields.Selection(
        STAGE_ROLES,
        string="Regulation role",
        index=True,
        help="What the stage means for the regulation's rules (acceptance, "
        "waiting, timeouts, SLA), whatever its name.",
    )

    @api.model
    def _endocs_assign_default_roles(self):
        """The roles of helpdesk_mgmt's default stages, where none is set."""
        defaults = {
            "helpdesk_mgmt.helpdesk_ticket_stage_new": "new",
            "helpdesk_mgmt.helpdesk_ticket_stage_in_progress": "in_progress",
            "helpdesk_mgmt.helpdesk_ticket_stage_awaiting": "waiting_customer",
            "helpdesk_mgmt.helpdesk_ticket_stage_done": "resolved",
            "helpdesk_mgmt.helpdesk_ticket_stage_cancelled": "withdrawn",
        }
        for xmlid, role in defaults.items():
            stage = self.env.ref(xmlid, raise_if_not_found=False)
            if stage and not stage.endocs_role:
                stage.endocs_role = role
