# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError


class EndocsTicketResolveWizard(models.TransientModel):
    """The resolution step (regulation 3.5, 3.10, R-WF-6): the resolution and
    how it reached the customer, then the request is closed as resolved — or
    the customer is asked to confirm it on the portal."""

    _name = "endocs.ticket.resolve.wizard"
    _description = "Resolve a Request"

    ticket_id = fields.Many2one("helpdesk.ticket", required=True, ondelete="cascade")
    resolution = fields.Text(
        required=True,
        default=lambda self: self._default_ticket().endocs_resolution,
        help="What was done and what the solution is; the customer reads it.",
    )
    delivery_method = fields.Selection(
        selection=lambda self: self.env["helpdesk.ticket"]
        ._fields["endocs_delivery_method"]
        ._description_selection(self.env),
        string="Solution delivered by",
        required=True,
        default=lambda self: self._default_ticket().endocs_delivery_method,
    )
    close_now = fields.Boolean(
        string="Close the request now",
        default=True,
        help="Unticked: the customer is sent the resolution and confirms it on "
        "the portal, which closes the request.",
    )

    def _default_ticket(self):
        return self.env["helpdesk.ticket"].browse(
            self.env.context.get("default_ticket_id")
        )

    def action_confirm(self):
        self.ensure_one()
        ticket = self.ticket_id
        ticket.check_access("write")
        ticket._endocs_check_registered()
        ticket.write(
            {
                "endocs_resolution": self.resolution,
                "endocs_delivery_method": self.delivery_method,
            }
        )
        if self.close_now:
            stage = ticket._endocs_stage("resolved")
            if not stage:
                raise UserError(
                    self.env._("No stage has the role %(role)s.", role="resolved")
                )
            ticket.stage_id = stage
        else:
            ticket._endocs_notify("endocs_support.mail_template_resolution_proposed")
        return {"type": "ir.actions.act_window_close"}
