# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

#: the SLA targets whose breaches a corrected moment decides
TARGETS = {
    "endocs_received_at": ("accept", "response", "resolve"),
    "endocs_accepted_at": ("accept",),
    "endocs_first_response_at": ("response",),
    "pause_from": ("accept", "response", "resolve"),
    "pause_to": ("accept", "response", "resolve"),
}
#: the moments of the audit trail a support manager may correct
MOMENTS = [
    ("endocs_received_at", "Received"),
    ("endocs_registered_at", "Registration notice sent"),
    ("endocs_accepted_at", "Accepted"),
    ("endocs_first_response_at", "First response"),
    ("pause_from", "Start of a pause"),
    ("pause_to", "End of a pause"),
]


class EndocsTicketCorrectionWizard(models.TransientModel):
    """A support manager corrects one moment of a request's audit trail (a
    moment the workflow recorded wrongly, e.g. after an outage), with a reason
    that stays in the request's history (R-WF-1, R-WF-7)."""

    _name = "endocs.ticket.correction.wizard"
    _description = "Correct the Audit Trail of a Request"

    ticket_id = fields.Many2one("helpdesk.ticket", required=True, ondelete="cascade")
    moment = fields.Selection(MOMENTS, string="What to correct", required=True)
    pause_id = fields.Many2one(
        "endocs.sla.pause", domain="[('ticket_id', '=', ticket_id)]"
    )
    value = fields.Datetime(string="Correct value")
    reason = fields.Text(required=True)

    @api.constrains("moment", "pause_id", "ticket_id")
    def _check_pause(self):
        for wizard in self:
            pause = wizard.pause_id
            if wizard.moment in ("pause_from", "pause_to") and (
                not pause or pause.ticket_id != wizard.ticket_id
            ):
                raise UserError(
                    self.env._(
                        "Choose a pause of request %(number)s.",
                        number=wizard.ticket_id.number,
                    )
                )

    def action_apply(self):
        self.ensure_one()
        if not self.env.user.has_group("helpdesk_mgmt.group_helpdesk_manager"):
            raise UserError(self.env._("Only a support manager corrects the trail."))
        ticket = self.ticket_id
        if self.moment in ("pause_from", "pause_to"):
            field = "date_from" if self.moment == "pause_from" else "date_to"
            if field == "date_from" and not self.value:
                raise UserError(self.env._("A pause has a start."))
            record = self.pause_id
        else:
            field, record = self.moment, ticket
        old = record[field]
        record.sudo().write({field: self.value or False})
        # the breaches this moment decided are judged again on the corrected
        # trail: the one case where a logged breach may go
        targets = TARGETS.get(self.moment, ())
        breaches = ticket.sudo().endocs_sla_breach_ids.filtered(
            lambda b: b.target in targets
        )
        breaches.unlink()
        ticket._endocs_record_breaches()
        label = dict(self._fields["moment"]._description_selection(self.env))[
            self.moment
        ]
        ticket.message_post(
            body=Markup("<p>{}</p>").format(
                self.env._(
                    "Audit trail corrected by %(user)s: %(what)s %(old)s → %(new)s. "
                    "Reason: %(reason)s",
                    user=self.env.user.name,
                    what=label,
                    old=ticket._endocs_format_moment(old) or "—",
                    new=ticket._endocs_format_moment(self.value) or "—",
                    reason=self.reason,
                )
            ),
            subtype_xmlid="mail.mt_note",
        )
        return {"type": "ir.actions.act_window_close"}
