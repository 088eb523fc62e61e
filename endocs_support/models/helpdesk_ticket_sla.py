# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""SLA of a request (R-WF-7): the policy of its priority and team, deadlines in
working hours that follow every change of policy, calendar and pauses, and
breaches kept as events in ``endocs.sla.breach`` that no later change undoes."""

from datetime import datetime

from odoo import api, fields, models

SLA_TARGETS = ("accept", "response", "resolve")
DEADLINE_FIELDS = tuple(f"endocs_{target}_deadline" for target in SLA_TARGETS)
#: writes that may be the event of a target (acceptance, answer, closure)
SLA_EVENT_FIELDS = {"endocs_accepted_at", "endocs_first_response_at", "stage_id"}
#: what depends on the calendar's contents (attendances, leaves, special days)
CLOCK_FIELDS = (
    "endocs_processing_start",
    "endocs_processing_hours",
    "endocs_sla_policy_id",
    *DEADLINE_FIELDS,
)


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    endocs_sla_policy_id = fields.Many2one(
        "endocs.sla.policy",
        string="SLA",
        compute="_compute_endocs_sla_policy_id",
        store=True,
        endocs_workflow=True,
    )
    endocs_first_response_at = fields.Datetime(
        string="First response",
        readonly=True,
        copy=False,
        tracking=True,
        endocs_workflow=True,
    )
    endocs_sla_paused = fields.Boolean(
        string="SLA paused",
        compute="_compute_endocs_sla",
        store=True,
        endocs_workflow=True,
    )
    endocs_accept_deadline = fields.Datetime(
        string="Accept by",
        compute="_compute_endocs_sla",
        store=True,
        endocs_workflow=True,
    )
    endocs_response_deadline = fields.Datetime(
        string="First response by",
        compute="_compute_endocs_sla",
        store=True,
        endocs_workflow=True,
    )
    endocs_resolve_deadline = fields.Datetime(
        string="Resolve by",
        compute="_compute_endocs_sla",
        store=True,
        endocs_workflow=True,
    )
    endocs_sla_breach_ids = fields.One2many(
        "endocs.sla.breach", "ticket_id", string="SLA breaches", readonly=True
    )
    endocs_accept_breached = fields.Boolean(
        string="Acceptance late",
        compute="_compute_endocs_breached",
        store=True,
        endocs_workflow=True,
    )
    endocs_response_breached = fields.Boolean(
        string="First response late",
        compute="_compute_endocs_breached",
        store=True,
        endocs_workflow=True,
    )
    endocs_resolve_breached = fields.Boolean(
        string="Resolution late",
        compute="_compute_endocs_breached",
        store=True,
        endocs_workflow=True,
    )
    endocs_sla_status = fields.Selection(
        [("met", "Within the SLA"), ("breached", "SLA breached")],
        string="SLA status",
        compute="_compute_endocs_sla_status",
        store=True,
        help="For the SLA report: whether any target of the request's SLA was "
        "breached.",
    )
    endocs_sla_breached = fields.Boolean(
        string="SLA breached",
        compute="_compute_endocs_breached",
        store=True,
        endocs_workflow=True,
    )

    @api.depends("priority", "team_id", "endocs_regulated")
    def _compute_endocs_sla_policy_id(self):
        """The regulation's SLA policy of a regulated team's request (none for
        other requests: no deadlines, no breaches)."""
        Policy = self.env["endocs.sla.policy"]
        for ticket in self:
            ticket.endocs_sla_policy_id = (
                Policy._endocs_policy_for(ticket.priority, ticket.team_id)
                if ticket.endocs_regulated
                else False
            )

    @api.depends(
        "closed",
        "endocs_sla_policy_id.accept_hours",
        "endocs_sla_policy_id.response_hours",
        "endocs_sla_policy_id.resolve_hours",
        "endocs_processing_start",
        "endocs_pause_ids.date_from",
        "endocs_pause_ids.date_to",
        "team_id.resource_calendar_id",
    )
    def _compute_endocs_sla(self):
        """Deadlines: the targets in working hours from the start of processing,
        moved on by every pause that began before them. While a pause that began
        before a deadline is open, that clock is stopped: no deadline. A closed
        request keeps the deadlines it was closed with."""
        names = ("endocs_sla_paused", *DEADLINE_FIELDS)
        for ticket in self:
            if ticket.closed:
                ticket.update({name: ticket._origin[name] for name in names})
                continue
            wt = ticket._endocs_working_time()
            policy = ticket.endocs_sla_policy_id
            if not (wt and policy and ticket.endocs_processing_start):
                ticket.update(dict.fromkeys(names, False))
                continue
            start = ticket.endocs_processing_start
            # pauses in the order they began (an open one, with no end, after
            # a closed one that began at the same moment)
            pauses = sorted(
                ((p.date_from, p.date_to) for p in ticket.endocs_pause_ids),
                key=lambda pause: (pause[0], pause[1] or datetime.max),
            )
            values = {"endocs_sla_paused": any(not end for _begin, end in pauses)}
            hours = policy._endocs_target_hours()
            for target in SLA_TARGETS:
                deadline = wt.add_hours(start, hours[target])
                for pause_from, pause_to in pauses:
                    if pause_from >= deadline:
                        break
                    if not pause_to:
                        deadline = False  # stopped
                        break
                    if pause_to > start:
                        deadline = wt.add_hours(
                            deadline, wt.hours_between(max(pause_from, start), pause_to)
                        )
                values[f"endocs_{target}_deadline"] = deadline
            ticket.update(values)

    @api.depends("endocs_sla_breached", "endocs_sla_policy_id")
    def _compute_endocs_sla_status(self):
        for ticket in self:
            ticket.endocs_sla_status = (
                ("breached" if ticket.endocs_sla_breached else "met")
                if ticket.endocs_sla_policy_id or ticket.endocs_sla_breached
                else False
            )

    @api.depends("endocs_sla_breach_ids.target")
    def _compute_endocs_breached(self):
        for ticket in self:
            targets = set(ticket.endocs_sla_breach_ids.mapped("target"))
            for target in SLA_TARGETS:
                ticket[f"endocs_{target}_breached"] = target in targets
            ticket.endocs_sla_breached = bool(targets)

    # ------------------------------------------------------------------
    # Breaches
    # ------------------------------------------------------------------

    def _endocs_after_write(self, vals, snapshot):
        res = super()._endocs_after_write(vals, snapshot)
        if SLA_EVENT_FIELDS.intersection(vals):
            self._endocs_record_breaches()
        return res

    def _endocs_sla_events(self):
        """``{target: moment of its event or False}``."""
        self.ensure_one()
        return {
            "accept": self.endocs_accepted_at,
            "response": self.endocs_first_response_at,
            "resolve": self.closed and self.closed_date,
        }

    def _endocs_record_breaches(self, now=None):
        """Log every target missed and not logged yet: its event came after the
        deadline, or there is no event and the deadline has passed. The log is
        the SLA's memory: a later change of priority, team or policy moves the
        deadlines of open targets, never a breach that happened."""
        now = now or fields.Datetime.now()
        vals_list = []
        for ticket in self:
            logged = set(ticket.endocs_sla_breach_ids.mapped("target"))
            for target, event in ticket._endocs_sla_events().items():
                deadline = ticket[f"endocs_{target}_deadline"]
                if target in logged or not deadline or (event or now) <= deadline:
                    continue
                vals_list.append(
                    {
                        "ticket_id": ticket.id,
                        "target": target,
                        "deadline": deadline,
                        "event_at": event or False,
                        "policy_id": ticket.endocs_sla_policy_id.id,
                        "detected_at": now,
                    }
                )
        self.env["endocs.sla.breach"].sudo().create(vals_list)

    @api.model
    def _endocs_due_breach_domain(self, now):
        """Open requests with a target whose deadline passed, without its event
        and not logged yet."""
        domain = [
            ("closed", "=", False),
            ("endocs_sla_policy_id", "!=", False),
            ("endocs_cron_error", "=", False),
        ]
        due = ["|"] * (len(SLA_TARGETS) - 1)
        for target, event in (
            ("accept", "endocs_accepted_at"),
            ("response", "endocs_first_response_at"),
            ("resolve", "closed_date"),
        ):
            due += [
                "&",
                "&",
                (event, "=", False),
                (f"endocs_{target}_breached", "=", False),
                (f"endocs_{target}_deadline", "<=", now),
            ]
        return domain + due

    @api.model
    def _cron_endocs_sla(self, batch_size=500):
        """R-WF-7, R-REL-1: log the breaches of open requests whose deadline
        passed without the event (time alone changes nothing in the database).
        One batch per call, under row locks a concurrent run skips; a logged
        breach is not taken again."""
        now = fields.Datetime.now()
        domain = self._endocs_due_breach_domain(now)
        candidates = self.search(domain, limit=batch_size, order="id")
        tickets = self.browse()
        if candidates:
            self.env.cr.execute(
                "SELECT id FROM helpdesk_ticket WHERE id IN %s "
                "ORDER BY id FOR UPDATE SKIP LOCKED",
                (tuple(candidates.ids),),
            )
            tickets = self.browse([row[0] for row in self.env.cr.fetchall()])
        done = tickets._endocs_run_isolated("_endocs_record_breaches", now)
        self.env["ir.cron"]._notify_progress(
            done=len(done), remaining=self.search_count(domain)
        )
        return len(done)

    # ------------------------------------------------------------------
    # Following the configuration
    # ------------------------------------------------------------------

    @api.model
    def _endocs_recompute_clocks(self, calendars=None):
        """The open requests follow a change of the SLA policies or of working
        time (a calendar, its attendances, time off, special days): their
        policy, processing start and deadlines are computed again — of the
        requests on ``calendars`` (a ``resource.calendar`` recordset), or of all
        when None."""
        open_tickets = self.with_context(active_test=False).search(
            [("closed", "=", False)]
        )
        if calendars is not None:
            open_tickets = open_tickets.filtered(
                lambda t: t._endocs_calendar() in calendars
            )
        if not open_tickets:
            return
        for name in CLOCK_FIELDS:
            self.env.add_to_compute(self._fields[name], open_tickets)
        open_tickets.flush_recordset(list(CLOCK_FIELDS))
