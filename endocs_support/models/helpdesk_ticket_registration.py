# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Registration of a request and the terms it falls under: received time, when
processing starts, the registration notice (R-IN-6, R-TIME-6) and eligibility
(R-CON-1 .. R-CON-3). Also the one accessor of a request's calendar and zone."""

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_datetime

from ..tools.clock import zone_label

#: the notices that register a request (a split one gets its own)
REGISTRATION_NOTICES = (
    "endocs_support.mail_template_registration",
    "endocs_support.mail_template_split",
)


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    endocs_received_at = fields.Datetime(
        string="Received",
        default=fields.Datetime.now,
        readonly=True,
        copy=False,
        tracking=True,
        endocs_workflow=True,
    )
    endocs_processing_start = fields.Datetime(
        string="Processing starts",
        compute="_compute_endocs_processing_start",
        store=True,
        help="The received time, or the next working moment of the team's "
        "calendar when the request came in outside working time (2.3).",
        endocs_workflow=True,
    )
    endocs_off_hours = fields.Boolean(
        string="Received off-hours",
        compute="_compute_endocs_processing_start",
        store=True,
        endocs_workflow=True,
    )
    # not tracked: the notice in the chatter is its record (a tracking message
    # beside each notice cost 11 ms), a correction posts its own note
    endocs_registered_at = fields.Datetime(
        string="Registration notice sent",
        readonly=True,
        copy=False,
        endocs_workflow=True,
    )
    endocs_parent_id = fields.Many2one(
        "helpdesk.ticket",
        string="Split from",
        readonly=True,
        copy=False,
        index="btree_not_null",
        endocs_workflow=True,
    )
    endocs_split_ids = fields.One2many(
        "helpdesk.ticket", "endocs_parent_id", string="Split requests"
    )
    endocs_billing_class = fields.Selection(
        related="category_id.endocs_billing_class", string="Billing class"
    )
    endocs_eligibility = fields.Selection(
        [
            ("free", "Free support (subscription)"),
            ("paid", "Paid support (contract)"),
            ("no_subscription", "No active subscription"),
            ("paid_no_contract", "Paid work without a paid-support contract"),
            ("unknown_org", "Organisation unknown"),
        ],
        string="Eligibility",
        compute="_compute_endocs_eligibility",
        store=True,
    )
    endocs_eligibility_flag = fields.Boolean(
        string="Not eligible",
        compute="_compute_endocs_eligibility",
        store=True,
    )

    @api.depends(
        "endocs_received_at", "endocs_regulated", "team_id.resource_calendar_id"
    )
    def _compute_endocs_processing_start(self):
        for ticket in self:
            received = ticket.endocs_received_at
            wt = received and ticket.endocs_regulated and ticket._endocs_working_time()
            if not wt:
                ticket.endocs_processing_start = received
                ticket.endocs_off_hours = False
                continue
            start = wt.next_working_moment(received)
            ticket.endocs_processing_start = start
            ticket.endocs_off_hours = start > received

    @api.depends(
        "endocs_org_id.endocs_contract_ids.date_start",
        "endocs_org_id.endocs_contract_ids.date_end",
        "endocs_org_id.endocs_contract_ids.active",
        "category_id.endocs_billing_class",
        "endocs_received_at",
        "team_id.resource_calendar_id.tz",
        "endocs_regulated",
    )
    def _compute_endocs_eligibility(self):
        for ticket in self:
            eligibility = ticket.endocs_regulated and ticket._endocs_terms().eligibility
            ticket.endocs_eligibility = eligibility
            ticket.endocs_eligibility_flag = eligibility not in (False, "free", "paid")

    # ------------------------------------------------------------------
    # Calendar, zone and terms of the request
    # ------------------------------------------------------------------

    def _endocs_calendar(self):
        """The one accessor of the request's calendar: its team's, else the
        support calendar (empty while none exists, during installation)."""
        self.ensure_one()
        return self.team_id._endocs_calendar()

    def _endocs_working_time(self):
        """The working-time engine of the request's calendar, or None when the
        calendar is missing or unusable (the team form says why)."""
        self.ensure_one()
        return self.team_id._working_time()

    def _endocs_tz(self):
        """The time zone the request's times are told in (also to a portal
        user, who cannot read calendars): its calendar's, as the working-time
        engine kept for the calendar holds it (no query for each request)."""
        wt = self._endocs_working_time()
        if wt is not None:
            return wt.tz.key
        return self.sudo()._endocs_calendar().tz or "UTC"

    def _endocs_zone_label(self):
        """The name of the request's zone as people read it («МСК»)."""
        return zone_label(self._endocs_tz(), fields.Datetime.now())

    def _endocs_format_moment(self, moment, dt_format="dd.MM.yyyy HH:mm"):
        """``moment`` as told to people: in the request's zone, named
        («02.12.2026 10:00 (МСК)»); empty for no moment."""
        if not moment:
            return ""
        tz = self._endocs_tz()
        local = format_datetime(self.env, moment, tz=tz, dt_format=dt_format)
        return f"{local} ({zone_label(tz, moment)})"

    def _endocs_local_date(self, moment):
        """The local date of the naive-UTC ``moment`` in the request's zone."""
        zone = pytz.timezone(self._endocs_tz())
        return pytz.utc.localize(moment).astimezone(zone).date()

    def _endocs_terms(self, on_date=None):
        """Under which contracts the request's work falls on the local
        ``on_date`` (default: the day it was received); see
        ``res.partner._endocs_support_terms``."""
        self.ensure_one()
        if on_date is None:
            on_date = self._endocs_local_date(
                self.endocs_received_at or fields.Datetime.now()
            )
        return self.endocs_org_id._endocs_support_terms(
            on_date, self.category_id.endocs_billing_class
        )

    # ------------------------------------------------------------------
    # Registration
    # ------------------------------------------------------------------

    def action_endocs_send_registration(self):
        """Send the registration notice again (or for the first time), now."""
        self._endocs_send_registration(force=True)

    def _endocs_send_registration(self, force=False):
        """R-IN-6: one e-mail to the initiator with the number, the received
        time, when processing starts (off-hours), what intake data is missing
        (R-IN-4) and why the request is not eligible (R-CON-2, R-CON-3).

        New requests queue it: «EnDocs: post queued notices» posts it right
        after the commit, and only then is the request registered
        (``endocs_registered_at``), so work cannot start before it went out
        (3.5). ``force`` (the button) posts it at once. A request from a list
        or an address nobody reads (``endocs_mail_silent``) gets none: the
        button sends it when a person is behind it."""
        if not force and self.env.context.get("endocs_mail_silent"):
            return
        todo = self.filtered(
            lambda t: t.partner_id and (force or not t.endocs_registered_at)
        )
        split = todo.filtered("endocs_parent_id")
        for tickets, xmlid in (
            (todo - split, REGISTRATION_NOTICES[0]),
            (split, REGISTRATION_NOTICES[1]),
        ):
            if tickets:
                tickets._endocs_notify(xmlid, queue=not force)

    def _endocs_notice_posted(self, template):
        res = super()._endocs_notice_posted(template)
        xmlid_to_id = self.env["ir.model.data"]._xmlid_to_res_id
        if template.id in {xmlid_to_id(x, False) for x in REGISTRATION_NOTICES}:
            self.sudo().endocs_registered_at = fields.Datetime.now()
        return res

    def _endocs_check_registered(self):
        """3.5: work starts only after the registration notice went out."""
        unregistered = self.filtered(
            lambda t: t.endocs_regulated and not t.endocs_registered_at
        )
        if unregistered:
            raise UserError(
                self.env._(
                    "Request %(number)s: the customer has not been sent the "
                    "registration notice yet (regulation 3.5). Send it first.",
                    number=unregistered[0].number,
                )
            )
