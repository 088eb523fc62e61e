# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime, time, timedelta

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import ormcache

from ..tools.production_calendar import russian_production_calendar
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

    # ------------------------------------------------------------------
    # Working-time engine
    # ------------------------------------------------------------------

    def _working_time(self):
        """The working-time engine of this calendar
        (:class:`~odoo.addons.endocs_support.tools.worktime.WorkingTime`), cached
        until the calendar, its attendances, leaves or special days change."""
        self.ensure_one()
        return self._endocs_working_time_cached()

    @ormcache("self.id")
    def _endocs_working_time_cached(self):
        return WorkingTime(**self.sudo()._endocs_working_time_data())

    def _endocs_working_time_data(self):
        """The plain data the engine is built from (keyword arguments of
        :class:`WorkingTime`)."""
        self.ensure_one()
        if self.two_weeks_calendar:
            raise UserError(
                _(
                    "Working time on two-week calendars is not supported "
                    "(calendar %(calendar)s).",
                    calendar=self.display_name,
                )
            )
        attendances = [
            Attendance(
                int(row.dayofweek),
                row.hour_from,
                row.hour_to,
                row.date_from or None,
                row.date_to or None,
            )
            for row in self.attendance_ids
            if row.day_period != "lunch" and not row.display_type
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
        """Load the production calendar of ``years`` (default: last, current and
        next year) into these calendars. Idempotent: a day already there is
        updated when the library changed it, a day the library no longer lists
        is removed, manual leaves and days are never touched.

        :return: ``{"created": n, "updated": n, "removed": n}``
        """
        if years is None:
            this_year = fields.Date.context_today(self).year
            years = [this_year - 1, this_year, this_year + 1]
        years = sorted(set(years))
        production = russian_production_calendar(years)
        first, last = date(years[0], 1, 1), date(years[-1], 12, 31)
        counts = dict.fromkeys(("created", "updated", "removed"), 0)
        for calendar in self:
            calendar.endocs_production_calendar = True
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
        return counts

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
        Leaves.create(to_create)
        counts["created"] += len(to_create)
        stale = Leaves.browse([leave.id for leave in existing.values()])
        counts["removed"] += len(stale)
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
        Days.create(to_create)
        counts["created"] += len(to_create)
        stale = Days.browse([r.id for r in existing.values() if r.origin == "holidays"])
        counts["removed"] += len(stale)
        stale.unlink()
