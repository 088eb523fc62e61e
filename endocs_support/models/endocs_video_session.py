# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class EndocsVideoSession(models.Model):
    """A remote video session with the customer's users (regulation 3.3;
    R-WF-6), scheduled inside the team's working hours."""

    _name = "endocs.video.session"
    _description = "Remote Video Session"
    _order = "start desc, id desc"

    ticket_id = fields.Many2one(
        "helpdesk.ticket", required=True, ondelete="cascade", index=True
    )
    start = fields.Datetime(required=True)
    duration = fields.Float(string="Duration (hours)", default=1.0, required=True)
    stop = fields.Datetime(compute="_compute_stop", store=True)
    url = fields.Char(string="Conference link")
    user_id = fields.Many2one(
        "res.users", string="Specialist", default=lambda self: self.env.user
    )
    note = fields.Text()

    @api.depends("start", "duration")
    def _compute_stop(self):
        for session in self:
            session.stop = session.start and session.start + timedelta(
                hours=session.duration
            )

    @api.constrains("start", "duration", "ticket_id")
    def _check_working_hours(self):
        for session in self:
            if session.duration <= 0 or session.duration > 8:
                raise ValidationError(
                    self.env._("A session lasts more than 0 and at most 8 hours.")
                )
            wt = session.ticket_id._endocs_working_time()
            if not wt:
                raise ValidationError(
                    self.env._(
                        "The support hours of request %(number)s are unknown: "
                        "the team's calendar cannot count working time.",
                        number=session.ticket_id.number,
                    )
                )
            if not wt.is_working_time(session.start) or (
                wt.hours_between(session.start, session.stop) < session.duration
            ):
                raise ValidationError(
                    self.env._(
                        "The session must lie inside the support hours of "
                        "%(calendar)s, holidays excepted: the next free working "
                        "moment is %(moment)s.",
                        calendar=session.ticket_id._endocs_calendar().display_name,
                        moment=session.ticket_id._endocs_format_moment(
                            wt.next_working_moment(session.start)
                        ),
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        sessions = super().create(vals_list)
        # one notice per request, about its latest session
        sessions.ticket_id._endocs_notify("endocs_support.mail_template_video_session")
        return sessions
