# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime, time, timedelta

import pytz

from odoo import _, api, fields, models
from odoo.tools import format_duration, ormcache

from ..tools.production_calendar import covered_years, russian_production_calendar
from ..tools.worktime import Attendance, WorkingTime


class ResourceCalendar(models.Model):
    _name = "resource.calendar"
    _inherit = ["resource.calendar", "endocs.working.time.source"]

    endocs_production_calendar = fields.Boolean(
        string="Russian production calendar",
        help="Load the official Russian non-working days, working weekend days "
        "and shortened days into this calendar (yearly, on install and from the "
        "button).",
    )
    endocs_follow_working_weekends = fields.Boolean(
        string="Follow working weekends",
        default=True,
        help="Weekend days made working by a government decree (e.g. Saturday "
        "1 November 2025) are working days of this calendar.",
    )
    endocs_shorten_preholiday = fields.Boolean(
        string="Shorten pre-holiday days",
        default=True,
        help="A working day right before a non-working holiday is one hour "
        "shorter (Labour Code art. 95).",
    )
    endocs_day_ids = fields.One2many(
        "endocs.calendar.day", "calendar_id", string="Special days"
    )
    endocs_calendar_warning = fields.Char(
        string="Working time warning",
        compute="_compute_endocs_calendar_warning",
        help="Why the SLA clocks cannot count working time on this calendar, or "
        "which years its production calendar does not cover.",
    )

    @api.depends(
        "name",
        "attendance_ids.hour_from",
        "attendance_ids.hour_to",
        "attendance_ids.day_period",
        "attendance_ids.display_type",
        "endocs_production_calendar",
        "leave_ids.endocs_date",
    )
    @api.depends_context("lang")
    def _compute_endocs_calendar_warning(self):
        loaded = self._endocs_production_years()
        for calendar in self:
            problems = (
                calendar._endocs_working_time_problem(),
                calendar._endocs_production_calendar_problem(
                    loaded.get(calendar._origin.id)
                ),
            )
            calendar.endocs_calendar_warning = (
                " ".join(problem for problem in problems if problem) or False
            )

    # ------------------------------------------------------------------
    # Working-time engine
    # ------------------------------------------------------------------

    def _endocs_calendars(self):
        return self

    def _working_time(self):
        """The working-time engine of this calendar
        (:class:`~odoo.addons.endocs_support.tools.worktime.WorkingTime`), cached
        until the calendar, its attendances, leaves or special days change; None
        when the engine cannot be used on it
        (:meth:`_endocs_working_time_problem`)."""
        self.ensure_one()
        return self._endocs_working_time_cached()

    @ormcache("self.id")
    def _endocs_working_time_cached(self):
        calendar = self.sudo()
        if calendar._endocs_working_time_problem():
            return None
        return WorkingTime(**calendar._endocs_working_time_data())

    def _endocs_working_attendances(self):
        """The rows that make working time: section rows of two-week calendars
        and lunch breaks aside (Odoo excludes lunch, it does not subtract it)."""
        return self.attendance_ids.filtered(
            lambda row: not row.display_type and row.day_period != "lunch"
        )

    def _endocs_working_time_problem(self):
        """Why the working-time engine cannot be used on this calendar (a
        translated message), or False."""
        self.ensure_one()
        rows = self._endocs_working_attendances()
        if not rows:
            return _(
                "The working hours %(calendar)s have no working attendances "
                "(lunch breaks aside): the SLA clocks cannot count working time "
                "on them.",
                calendar=self.display_name,
            )
        for row in rows:
            if row.hour_to <= row.hour_from:
                return _(
                    "The working hours %(calendar)s have an attendance that ends "
                    "no later than it starts: %(attendance)s, "
                    "%(hour_from)s–%(hour_to)s. The SLA clocks cannot count "
                    "working time on them.",
                    calendar=self.display_name,
                    attendance=row.name,
                    hour_from=format_duration(row.hour_from),
                    hour_to=format_duration(row.hour_to),
                )
        return False

    def _endocs_working_time_data(self):
        """The plain data the engine is built from (keyword arguments of
        :class:`WorkingTime`)."""
        self.ensure_one()
        two_weeks = self.two_weeks_calendar
        attendances = [
            Attendance(
                int(row.dayofweek),
                row.hour_from,
                row.hour_to,
                row.date_from or None,
                row.date_to or None,
                # as Odoo reads a two-week calendar: a row without a week type
                # belongs to the first week
                (row.week_type or "0") if two_weeks else None,
            )
            for row in self._endocs_working_attendances()
        ]
        leave_domain = [
            ("time_type", "=", "leave"),
            ("calendar_id", "in", [False, self.id]),
            ("resource_id", "=", False),
        ]
        if self.company_id:
            leave_domain.append(("company_id", "in", [False, self.company_id.id]))
        leaves = self.env["resource.calendar.leaves"].search_read(
            leave_domain, ["date_from", "date_to"]
        )
        working_days, short_days = [], {}
        for day in self.endocs_day_ids:
            if day.day_type == "working" and self.endocs_follow_working_weekends:
                working_days.append(day.date)
            elif day.day_type == "short" and self.endocs_shorten_preholiday:
                short_days[day.date] = day.hours_cut
        return {
            "tz": self.tz,
            "attendances": attendances,
            "leaves": [(leave["date_from"], leave["date_to"]) for leave in leaves],
            "working_days": working_days,
            "short_days": short_days,
        }

    # ------------------------------------------------------------------
    # Russian production calendar
    # ------------------------------------------------------------------

    def action_endocs_sync_production_calendar(self):
        counts = self._endocs_sync_production_calendar()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "title": _("Production calendar loaded"),
                "message": _(
                    "%(created)s days added, %(updated)s updated, %(removed)s removed.",
                    **counts,
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    @api.model
    def _cron_endocs_sync_production_calendar(self):
        calendars = self.search([("endocs_production_calendar", "=", True)])
        calendars._endocs_sync_production_calendar()
        self.env["ir.cron"]._notify_progress(done=len(calendars), remaining=0)

    def _endocs_sync_production_calendar(self, years=None):
        """Load the production calendar of ``years`` (default: every year the
        installed ``holidays`` library knows, :func:`covered_years`) into these
        calendars. Idempotent: a day already there is updated when the library
        changed it, a day the library no longer lists is removed, manual leaves
        and days are never touched.

        :return: ``{"created": n, "updated": n, "removed": n}``
        """
        years = sorted(set(covered_years() if years is None else years))
        # the open requests follow once, at the end, not at every day written
        deferred = self.with_context(endocs_defer_clocks=True)
        production = russian_production_calendar(years)
        first, last = date(years[0], 1, 1), date(years[-1], 12, 31)
        counts = dict.fromkeys(("created", "updated", "removed"), 0)
        # nothing is written when nothing changed: each write of a working-time
        # source drops the cached engines and moves the open requests' clocks
        unflagged = deferred.filtered(lambda cal: not cal.endocs_production_calendar)
        if unflagged:
            unflagged.endocs_production_calendar = True
        for calendar in deferred:
            calendar._endocs_sync_leaves(production.non_working, first, last, counts)
            calendar._endocs_sync_days(
                {
                    (day, "working"): name
                    for day, name in production.working_weekends.items()
                }
                | {(day, "short"): name for day, name in production.short_days.items()},
                first,
                last,
                counts,
            )
        if any(counts.values()):
            self.env["helpdesk.ticket"]._endocs_recompute_clocks(self)
        return counts

    def _endocs_production_years(self):
        """``{calendar id: (first year, last year)}`` of the production calendar
        loaded into these calendars (calendars without any are left out)."""
        groups = (
            self.env["resource.calendar.leaves"]
            .sudo()
            ._read_group(
                [
                    ("calendar_id", "in", self._origin.ids),
                    ("endocs_date", "!=", False),
                ],
                ["calendar_id"],
                ["endocs_date:min", "endocs_date:max"],
            )
        )
        return {
            calendar.id: (first.year, last.year) for calendar, first, last in groups
        }

    def _endocs_production_calendar_problem(self, loaded=None):
        """A translated message when this calendar follows the production
        calendar but today's or next year is not loaded into it (its holidays
        would silently be missing), else False.

        :param loaded: the calendar's ``(first year, last year)`` from
            :meth:`_endocs_production_years` (read when not given)
        """
        self.ensure_one()
        if not self.endocs_production_calendar:
            return False
        if loaded is None:
            loaded = self._endocs_production_years().get(self._origin.id)
        if not loaded:
            return _(
                "The Russian production calendar is not loaded: holidays, working "
                "weekends and shortened days are unknown. Load it with the button "
                "«Load Russian production calendar».",
            )
        first, last = loaded
        this_year = fields.Date.context_today(self).year
        known = covered_years()
        for year in (this_year, this_year + 1):
            if not first <= year <= last:
                return _(
                    "The production calendar covers the years %(first)s–%(last)s; "
                    "%(year)s is outside: its holidays, working weekends and "
                    "shortened days are unknown. Load the production calendar "
                    "again; the installed «holidays» library knows the years "
                    "%(known_first)s–%(known_last)s.",
                    first=first,
                    last=last,
                    year=year,
                    known_first=known[0],
                    known_last=known[-1],
                )
        return False

    def _endocs_day_bounds(self, day):
        """Local midnight to midnight of ``day`` as naive UTC datetimes."""
        tz = pytz.timezone(self.tz or "UTC")
        start = tz.localize(datetime.combine(day, time.min))
        end = tz.localize(datetime.combine(day + timedelta(days=1), time.min))
        return (
            start.astimezone(pytz.utc).replace(tzinfo=None),
            end.astimezone(pytz.utc).replace(tzinfo=None),
        )

    def _endocs_sync_leaves(self, non_working, first, last, counts):
        Leaves = self.env["resource.calendar.leaves"].sudo()
        existing = {
            leave.endocs_date: leave
            for leave in Leaves.search(
                [
                    ("calendar_id", "=", self.id),
                    ("endocs_date", ">=", first),
                    ("endocs_date", "<=", last),
                ]
            )
        }
        to_create = []
        for day, name in sorted(non_working.items()):
            date_from, date_to = self._endocs_day_bounds(day)
            vals = {"name": name, "date_from": date_from, "date_to": date_to}
            leave = existing.pop(day, None)
            if leave is None:
                to_create.append(
                    dict(
                        vals,
                        calendar_id=self.id,
                        endocs_date=day,
                        time_type="leave",
                        resource_id=False,
                    )
                )
            elif (leave.name, leave.date_from, leave.date_to) != (
                name,
                date_from,
                date_to,
            ):
                leave.write(vals)
                counts["updated"] += 1
        if to_create:
            Leaves.create(to_create)
        counts["created"] += len(to_create)
        stale = Leaves.browse([leave.id for leave in existing.values()])
        counts["removed"] += len(stale)
        if stale:
            stale.unlink()

    def _endocs_sync_days(self, wanted, first, last, counts):
        Days = self.env["endocs.calendar.day"].sudo()
        existing = {
            (day.date, day.day_type): day
            for day in Days.search(
                [
                    ("calendar_id", "=", self.id),
                    ("date", ">=", first),
                    ("date", "<=", last),
                ]
            )
        }
        to_create = []
        for (day, day_type), name in sorted(wanted.items()):
            record = existing.pop((day, day_type), None)
            if record is None:
                to_create.append(
                    {
                        "calendar_id": self.id,
                        "date": day,
                        "day_type": day_type,
                        "name": name,
                        "origin": "holidays",
                    }
                )
            elif record.origin == "holidays" and record.name != name:
                record.name = name
                counts["updated"] += 1
        if to_create:
            Days.create(to_create)
        counts["created"] += len(to_create)
        stale = Days.browse([r.id for r in existing.values() if r.origin == "holidays"])
        counts["removed"] += len(stale)
        if stale:
            stale.unlink()
