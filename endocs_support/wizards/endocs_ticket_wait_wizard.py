# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError


class EndocsTicketWaitWizard(models.TransientModel):
    """Ask the customer for information or give a recommendation (2.6, R-WF-2),
    or wait for a third party (3.9, R-WF-4): the customer is told what is
    asked or awaited, the request moves to the waiting stage, its clocks stop."""

    _name = "endocs.ticket.wait.wizard"
    _description = "Wait for the Customer or a Third Party"

    ticket_id = fields.Many2one("helpdesk.ticket", required=True, ondelete="cascade")
    reason = fields.Selection(
        [("customer", "Ask the customer"), ("third_party", "Wait for a third party")],
        required=True,
        default="customer",
    )
    kind = fields.Selection(
        [("information", "Information request"), ("recommendation", "Recommendation")],
        default="information",
    )
    message = fields.Text(
        required=True,
        help="Customer: what is asked or recommended. Third party: who or what "
        "is awaited (information, a licence, a consultation…).",
    )

    def action_confirm(self):
        self.ensure_one()
        ticket = self.ticket_id
        ticket.check_access("write")  # the user's own right, before the sudo
        ticket._endocs_check_registered()
        role = (
            "waiting_customer" if self.reason == "customer" else "waiting_third_party"
        )
        stage = ticket._endocs_stage(role)
        if not stage:
            raise UserError(self.env._("No stage has the role %(role)s.", role=role))
        if self.reason == "customer":
            # the question is the workflow's record (specialists read it)
            self.env["endocs.info.request"].sudo().create(
                {"ticket_id": ticket.id, "kind": self.kind, "question": self.message}
            )
            ticket._endocs_notify("endocs_support.mail_template_question")
        else:
            ticket.endocs_third_party_awaited = self.message
            ticket._endocs_notify("endocs_support.mail_template_third_party")
        ticket.stage_id = stage
        return {"type": "ir.actions.act_window_close"}
