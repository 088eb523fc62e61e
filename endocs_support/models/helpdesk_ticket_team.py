# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models, tools

from ..tools import mailcheck

#: regulation 2.7: the reminder goes out weekly, the request is closed after 5
#: working days without an answer (the one place of these defaults)
DEFAULT_REMINDER_DAYS = 7
DEFAULT_TIMEOUT_DAYS = 5

#: the team settings that decide which team is a company's intake team
INTAKE_TEAM_FIELDS = {"endocs_regulated", "company_id", "sequence", "active"}
#: and the one that decides which team an incoming message is for (its alias;
#: the alias's address, written through the team too, clears in mail.alias)
ALIAS_TEAM_FIELDS = {"alias_id"}


class HelpdeskTicketTeam(models.Model):
    _name = "helpdesk.ticket.team"
    _inherit = ["helpdesk.ticket.team", "endocs.kept.source"]
    _endocs_kept_fields = INTAKE_TEAM_FIELDS | ALIAS_TEAM_FIELDS

    def _default_resource_calendar_id(self):
        return self.env.ref(
            "endocs_support.resource_calendar_support_msk", raise_if_not_found=False
        )

    resource_calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working Hours",
        # the company's, as helpdesk_mgmt_sla has it (teams that exist when the
        # column is made get it too); a regulated team gets the support hours
        default=lambda self: self.env.company.resource_calendar_id,
        help="Support hours of the team: the SLA clocks, reminders and timeouts "
        "count working time on this calendar.",
    )

    endocs_regulated = fields.Boolean(
        string="Works under the support regulation",
        help="The regulation's rules apply to this team's requests: intake data, "
        "registration notices, working-time clocks, SLA, waiting reminders and "
        "timeouts, the resolution rule. Other teams work as plain helpdesk_mgmt "
        "teams.",
    )
    endocs_reminder_days = fields.Integer(
        string="Reminder every (days)",
        default=DEFAULT_REMINDER_DAYS,
        help="While a request waits for the customer, a reminder goes out every "
        "this many calendar days (regulation 2.7: weekly).",
    )
    endocs_timeout_days = fields.Integer(
        string="No reply after (working days)",
        default=DEFAULT_TIMEOUT_DAYS,
        help="After this many working days without an answer the request is "
        "closed as «Ответ от клиента не получен» (regulation 2.7).",
    )
    endocs_timeout_action = fields.Selection(
        [("close", "Close automatically"), ("list", "Only list for the specialist")],
        string="On no reply",
        default="close",
        required=True,
    )
    endocs_notice_author_id = fields.Many2one(
        "res.partner",
        string="Notices signed by",
        help="The author of the notices the customers get (registration, "
        "questions, reminders, closures); empty: the company.",
    )
    endocs_mail_silent_senders = fields.Char(
        string="Addresses never answered",
        default=mailcheck.DEFAULT_SILENT_SENDERS,
        help="Mail from these addresses gets no notice and makes no new contact "
        "(it is still registered): local parts separated by commas; a word "
        "matches an address that contains it, * matches any beginning or end "
        "(*-request: list digests).",
    )
    endocs_mail_list_action = fields.Selection(
        [
            ("register", "Register without a notice"),
            ("quarantine", "Keep in the mail quarantine"),
        ],
        string="Mailing-list posts",
        default="register",
        required=True,
        help="Posts through a mailing list (List-Id, Precedence: list, a «via» "
        "rewritten sender, -request addresses) are written by people: registered "
        "without a notice, or kept for a specialist to review.",
    )
    endocs_mail_bulk_action = fields.Selection(
        [
            ("register", "Register without a notice"),
            ("quarantine", "Keep in the mail quarantine"),
        ],
        string="Newsletters and bulk mail",
        default="quarantine",
        required=True,
        help="Newsletters (List-Unsubscribe) and Precedence: bulk or junk mail "
        "that is not a list post.",
    )
    endocs_calendar_warning = fields.Char(
        string="Working time warning",
        compute="_compute_endocs_calendar_warning",
        help="Why the SLA clocks cannot count working time on the team's "
        "calendar, or which years its production calendar does not cover.",
    )

    @api.depends("resource_calendar_id.endocs_calendar_warning")
    @api.depends_context("lang")
    def _compute_endocs_calendar_warning(self):
        for team in self:
            calendar = team._endocs_calendar()
            team.endocs_calendar_warning = (
                calendar.endocs_calendar_warning if calendar else False
            )

    @api.onchange("endocs_regulated")
    def _onchange_endocs_regulated(self):
        """A team put under the regulation works the support hours, unless it
        was given a calendar of its own."""
        support = self._default_resource_calendar_id()
        for team in self.filtered("endocs_regulated"):
            if support and team.resource_calendar_id in (
                self.env.company.resource_calendar_id,
                self.env["resource.calendar"],
            ):
                team.resource_calendar_id = support

    @api.model
    def _endocs_intake_team(self, company=None):
        """The team that receives the requests of the regulation's channels
        (portal, API) when the customer chose none: the company's first
        regulated team (none: the request has no team, as in helpdesk_mgmt)."""
        company = company or self.env.company
        return self.sudo().browse(self._endocs_intake_team_id(company.id))

    @api.model
    @tools.ormcache("company_id")
    def _endocs_intake_team_id(self, company_id):
        """The id of :meth:`_endocs_intake_team`, kept per worker: every portal
        form and request asks it (the cache is cleared when a team's setting
        that decides it changes)."""
        team = self.sudo().search(
            [
                ("endocs_regulated", "=", True),
                ("company_id", "in", [company_id, False]),
            ],
            order="sequence, id",
            limit=1,
        )
        return team.id or None

    @api.model
    @tools.ormcache()
    def _endocs_alias_table(self):
        """``((alias address, team id), ...)``: the regulated teams' aliases in
        the teams' order, kept per worker (every incoming message asks whether
        it is for one of them, R-IN-4; cleared when a team, an alias or an
        alias domain changes)."""
        teams = self.sudo().search([("endocs_regulated", "=", True)])
        return tuple(
            (team.alias_id.alias_full_name.lower(), team.id)
            for team in teams
            if team.alias_id.alias_full_name
        )

    @api.model
    def _endocs_team_of_addresses(self, addresses):
        """The first regulated team whose alias is one of the lower-case
        ``addresses``, or an empty recordset."""
        team_id = next(
            (
                team_id
                for alias, team_id in self._endocs_alias_table()
                if alias in addresses
            ),
            None,
        )
        return self.sudo().browse(team_id or [])

    def _endocs_calendar(self):
        """The team's calendar, the support calendar when the team has none or
        for no team (empty while no calendar exists yet, during the addon's
        installation)."""
        return (
            self[:1].resource_calendar_id
            or self._default_resource_calendar_id()
            or self.env["resource.calendar"]
        )

    def _working_time(self):
        """The working-time engine of the team's calendar
        (:meth:`_endocs_calendar`); None when there is no calendar or the
        engine cannot be used on it (``endocs_calendar_warning`` says why)."""
        calendar = self._endocs_calendar()
        return calendar._working_time() if calendar else None

    def _endocs_reminder_interval(self):
        """How often a waiting customer is reminded (a team's setting, the
        regulation's week by default; also for a request without a team)."""
        days = (self[:1].endocs_reminder_days if self else 0) or DEFAULT_REMINDER_DAYS
        return timedelta(days=days)

    def _endocs_timeout_working_days(self):
        """After how many working days without an answer a request is closed."""
        return (self[:1].endocs_timeout_days if self else 0) or DEFAULT_TIMEOUT_DAYS

    def _endocs_mail_verdict(self, headers, subject, email_from):
        """Who sent an incoming message to the team (``tools.mailcheck``), with
        the team's addresses that are never answered (or the defaults, for no
        team)."""
        patterns = (
            self[:1].endocs_mail_silent_senders
            if self
            else mailcheck.DEFAULT_SILENT_SENDERS
        )
        return mailcheck.classify(
            headers, subject or "", email_from or "", silent=patterns or ""
        )

    def _endocs_mail_keeps_out(self, verdict):
        """Whether a new message of that verdict opens no request of the team
        (it goes to the quarantine): machines never do; lists and bulk mail as
        the team says."""
        if verdict.kind == "machine":
            return True
        action = {
            "bulk": self[:1].endocs_mail_bulk_action or "quarantine",
            "list": self[:1].endocs_mail_list_action or "register",
        }.get(verdict.kind, "register")
        return action == "quarantine"
