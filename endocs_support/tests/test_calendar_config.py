# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Calendar configurations the working-time engine meets: two-week calendars
(R-TIME-5) and calendars it cannot use, told on the forms (R-TIME-1)."""

from datetime import datetime, timedelta

import pytz

from odoo.tests import Form, TransactionCase


class TestCalendarConfig(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.Calendar = cls.env["resource.calendar"]
        cls.Team = cls.env["helpdesk.ticket.team"]

    def _calendar(self, attendances, **vals):
        return self.Calendar.create(
            dict(
                {
                    "name": "Night desk",
                    "tz": "Europe/Moscow",
                    "attendance_ids": [(5, 0, 0)]
                    + [(0, 0, row) for row in attendances],
                },
                **vals,
            )
        )

    def test_calendar_without_attendances_r_time_1(self):
        """R-TIME-1: a calendar without working attendances (lunch breaks do
        not count) has no engine, says so on its form and on its team's form,
        and the team's engine is None instead of an error."""
        lunch_only = self._calendar(
            [
                {
                    "name": "Lunch",
                    "dayofweek": "0",
                    "hour_from": 13,
                    "hour_to": 14,
                    "day_period": "lunch",
                }
            ]
        )
        self.assertIsNone(lunch_only._working_time())
        self.assertIn("have no working attendances", lunch_only.endocs_calendar_warning)
        empty = self._calendar([])
        self.assertIsNone(empty._working_time())
        self.assertIn("Night desk", empty.endocs_calendar_warning)
        if self.env["res.lang"]._lang_get("ru_RU"):  # R-UX-1: told in Russian
            self.assertIn(
                "нет рабочих интервалов",
                empty.with_context(lang="ru_RU").endocs_calendar_warning,
            )
        team = self.Team.create({"name": "Night", "resource_calendar_id": empty.id})
        self.assertIsNone(team._working_time())
        self.assertEqual(team.endocs_calendar_warning, empty.endocs_calendar_warning)
        with Form(team) as form:  # the form shows it (and keeps it current)
            self.assertTrue(form.endocs_calendar_warning)
            form.resource_calendar_id = self.env.ref(
                "endocs_support.resource_calendar_support_msk"
            )
            self.assertFalse(form.endocs_calendar_warning)
        self.assertIsNotNone(team._working_time())

        empty.attendance_ids = [
            (0, 0, {"name": "Monday", "dayofweek": "0", "hour_from": 9, "hour_to": 17})
        ]
        self.assertFalse(empty.endocs_calendar_warning)
        self.assertEqual(
            empty._working_time().hours_between(
                datetime(2026, 3, 2, 6), datetime(2026, 3, 2, 14)
            ),
            8,
        )

    def test_attendance_ending_before_start_r_time_1(self):
        """R-TIME-1: an attendance that ends no later than it starts (Odoo lets
        dated rows through) is named in the warning; no engine is built."""
        calendar = self._calendar(
            [
                {"name": "Monday", "dayofweek": "0", "hour_from": 9, "hour_to": 17},
                {
                    "name": "Summer Tuesday",
                    "dayofweek": "1",
                    "hour_from": 18,
                    "hour_to": 10,
                    "date_from": "2026-06-01",
                },
            ]
        )
        self.assertIn("Summer Tuesday, 18:00–10:00", calendar.endocs_calendar_warning)
        self.assertIsNone(calendar._working_time())

    def test_two_week_calendar_equals_odoo_r_time_5(self):
        """R-TIME-5: a two-week calendar works each row in the weeks of its
        type; its hours are Odoo's own (``get_work_hours_count``,
        ``plan_hours``), week after week."""
        calendar = self.Calendar.create({"name": "Shifts", "tz": "Europe/Moscow"})
        # Odoo's two weeks of Monday-Friday 8:00-12:00, 13:00-17:00 (with lunch
        # rows and a section row per week); the second week has no Friday
        calendar.switch_calendar_type()
        self.assertTrue(calendar.two_weeks_calendar)
        calendar.attendance_ids.filtered(
            lambda row: row.week_type == "1" and row.dayofweek == "4"
        ).unlink()
        self.assertFalse(calendar.endocs_calendar_warning)
        wt = calendar._working_time()
        self.assertIsNotNone(wt)
        msk = pytz.timezone("Europe/Moscow")
        monday = msk.localize(datetime(2026, 2, 2))  # a first week (Odoo's "0")
        self.assertEqual(
            self.env["resource.calendar.attendance"].get_week_type(monday.date()), 0
        )
        self.assertEqual(wt.hours_between(monday, monday + timedelta(days=7)), 40)
        self.assertEqual(
            wt.hours_between(monday + timedelta(days=7), monday + timedelta(days=14)),
            32,
        )
        friday = msk.localize(datetime(2026, 2, 13, 10))  # second week
        self.assertFalse(wt.is_working_time(friday))
        self.assertTrue(wt.is_working_time(friday - timedelta(days=7)))
        start = msk.localize(datetime(2026, 1, 26, 11, 30))
        for days in (1, 5, 9, 12, 20, 47):
            end = start + timedelta(days=days, hours=3)
            self.assertAlmostEqual(
                wt.hours_between(start, end),
                calendar.get_work_hours_count(start, end, compute_leaves=True),
                places=6,
                msg=days,
            )
        for hours in (1, 8, 30, 41, 75):
            self.assertEqual(
                wt.add_hours(start, hours),
                calendar.plan_hours(hours, start, compute_leaves=True),
                hours,
            )
