# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HelpdeskTicketTeam(models.Model):
    _inherit = "helpdesk.ticket.team"

    def _default_resource_calendar_id(self):
        return self.env.ref(
            "endocs_support.resource_calendar_support_msk", raise_if_not_found=False
        )

    resource_calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working Hours",
        default=lambda self: self._default_resource_calendar_id(),
        help="Support hours of the team: the SLA clocks, reminders and timeouts "
        "count working time on this calendar.",
    )

    endocs_reminder_days = fields.Integer(
        string="Reminder every (days)",
        default=7,
        help="While a request waits for the customer, a reminder goes out every "
        "this many calendar days (regulation 2.7: weekly).",
    )
    endocs_timeout_days = fields.Integer(
        string="No reply after (working days)",
        default=5,
        help="After this many working days without an answer the request is "
        "closed as «Ответ от клиента не получен» (regulation 2.7).",
    )
    endocs_timeout_action = fields.Selection(
        [("close", "Close automatically"), ("list", "Only list for the specialist")],
        string="On no reply",
        default="close",
        required=True,
    )

    def _working_time(self):
        """The working-time engine of the team's calendar (the support calendar
        when the team has none); None while no calendar exists yet (during the
        addon's installation)."""
        self.ensure_one()
        calendar = self.resource_calendar_id or self._default_resource_calendar_id()
        return calendar._working_time() if calendar else None
