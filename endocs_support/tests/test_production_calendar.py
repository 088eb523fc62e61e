# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Production calendar in the database: R-TIME-1, R-TIME-2, R-TIME-3, R-TIME-4."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import holidays

from odoo.exceptions import AccessError
from odoo.tests import Form, TransactionCase, freeze_time, new_test_user


class TestProductionCalendar(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.env.ref("endocs_support.resource_calendar_support_msk")
        cls.Leaves = cls.env["resource.calendar.leaves"]

    def _synced_leaves(self, year):
        return self.Leaves.search(
            [
                ("calendar_id", "=", self.calendar.id),
                ("endocs_date", ">=", date(year, 1, 1)),
                ("endocs_date", "<=", date(year, 12, 31)),
            ]
        )

    def test_support_calendar_r_time_1(self):
        """R-TIME-1: Europe/Moscow, Mon-Fri 10-13 and 14-19, 8 h a day."""
        cal = self.calendar
        self.assertEqual(cal.tz, "Europe/Moscow")
        rows = sorted(
            (int(a.dayofweek), a.hour_from, a.hour_to) for a in cal.attendance_ids
        )
        self.assertEqual(
            rows, [(d, h0, h1) for d in range(5) for h0, h1 in ((10, 13), (14, 19))]
        )
        self.assertEqual(cal.hours_per_day, 8)

    def _loaded_years(self):
        return self.calendar._endocs_production_years().get(self.calendar.id)

    def test_loaded_on_install_r_time_2(self):
        """R-TIME-2: the post-init hook loaded every year the ``holidays``
        library knows, not only the years around the installation."""
        self.assertEqual(
            self._loaded_years(), (holidays.RU.start_year, holidays.RU.end_year)
        )
        this_year = date.today().year
        for year in (this_year - 2, this_year, this_year + 1):
            self.assertTrue(self._synced_leaves(year), year)
        new_year = self._synced_leaves(this_year).filtered(
            lambda leave: leave.endocs_date == date(this_year, 1, 1)
        )
        self.assertEqual(new_year.name, "Новогодние каникулы")
        self.assertFalse(new_year.resource_id)
        self.assertEqual(new_year.time_type, "leave")

    def test_sync_idempotent_and_updates_r_time_2(self):
        """R-TIME-2: a second run changes nothing; changed data is put back;
        stale days are removed; manual leaves and days stay."""
        cal = self.calendar
        cal._endocs_sync_production_calendar([2025])
        leaves = self._synced_leaves(2025)
        days = cal.endocs_day_ids.filtered(lambda d: d.date.year == 2025)
        self.assertEqual(len(leaves), 19)  # holidays.RU 2025, weekend holidays included
        self.assertEqual(
            sorted((d.date, d.day_type) for d in days),
            [
                (date(2025, 3, 7), "short"),
                (date(2025, 4, 30), "short"),
                (date(2025, 6, 11), "short"),
                (date(2025, 11, 1), "short"),
                (date(2025, 11, 1), "working"),
            ],
        )
        self.assertEqual(
            cal._endocs_sync_production_calendar([2025]),
            {"created": 0, "updated": 0, "removed": 0},
        )
        self.assertEqual(self._synced_leaves(2025), leaves)

        christmas = leaves.filtered(lambda x: x.endocs_date == date(2025, 1, 7))
        christmas.name = "edited"
        days.filtered(lambda d: d.day_type == "working").unlink()
        stale = self.Leaves.create(
            {
                "name": "not a holiday",
                "calendar_id": cal.id,
                "date_from": datetime(2025, 7, 1, 0, 0),
                "date_to": datetime(2025, 7, 1, 21, 0),
                "endocs_date": date(2025, 7, 1),
            }
        )
        manual = self.Leaves.create(
            {
                "name": "Office move",
                "calendar_id": cal.id,
                "date_from": datetime(2025, 7, 2, 7, 0),
                "date_to": datetime(2025, 7, 2, 16, 0),
            }
        )
        manual_day = self.env["endocs.calendar.day"].create(
            {
                "calendar_id": cal.id,
                "date": date(2025, 7, 5),
                "day_type": "working",
                "name": "Inventory Saturday",
            }
        )
        counts = cal._endocs_sync_production_calendar([2025])
        self.assertEqual(counts, {"created": 1, "updated": 1, "removed": 1})
        self.assertEqual(christmas.name, "Рождество Христово")
        self.assertFalse(stale.exists())
        self.assertTrue(manual.exists())
        self.assertTrue(manual_day.exists())

    def test_cron_and_button_r_time_2(self):
        """R-TIME-2: the yearly scheduled action and the button load every year
        the ``holidays`` library knows, whatever today is."""
        cron = self.env.ref("endocs_support.ir_cron_sync_production_calendar")
        self.assertEqual((cron.interval_number, cron.interval_type), (12, "months"))
        known = (holidays.RU.start_year, holidays.RU.end_year)
        leaves = self.Leaves.search(
            [("calendar_id", "=", self.calendar.id), ("endocs_date", "!=", False)]
        )
        leaves.unlink()
        self.calendar.endocs_day_ids.unlink()
        with freeze_time("2031-06-15 12:00:00"):
            self.env["resource.calendar"]._cron_endocs_sync_production_calendar()
        self.assertEqual(self._loaded_years(), known)
        self.assertEqual(len(self._synced_leaves(2024)), 19)
        self.Leaves.search(
            [("calendar_id", "=", self.calendar.id), ("endocs_date", "!=", False)]
        ).unlink()
        with freeze_time("2034-06-15 12:00:00"):
            action = self.calendar.action_endocs_sync_production_calendar()
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(self._loaded_years(), known)
        # the whole range again, in one batch: nothing to do
        with self.assertQueryCount(2):
            self.assertEqual(
                self.calendar._endocs_sync_production_calendar(),
                {"created": 0, "updated": 0, "removed": 0},
            )

    def test_every_year_official_total_r_time_2(self):
        """R-TIME-2: a database installed in 2026 counts the official hours of
        the years before (2024: 1979 h, not the 2096 h of a year without
        holidays; 2019: 1970 h) with the default synchronisation."""
        msk = ZoneInfo("Europe/Moscow")
        wt = self.calendar._working_time()
        for year, hours in ((2024, 1979), (2019, 1970)):
            start = datetime(year, 1, 1, tzinfo=msk)
            end = datetime(year + 1, 1, 1, tzinfo=msk)
            self.assertEqual(wt.hours_between(start, end), hours, year)

    def test_year_outside_production_calendar_warns_r_time_2(self):
        """R-TIME-2: today's or next year outside the loaded production calendar
        is a visible warning on the calendar and its teams' forms, never silently
        a year without holidays."""
        cal = self.calendar.with_context(lang="en_US")
        team = self.env["helpdesk.ticket.team"].with_context(lang="en_US")
        team = team.create({"name": "L1", "resource_calendar_id": self.calendar.id})
        self.assertFalse(cal.endocs_calendar_warning)
        last = holidays.RU.end_year
        with freeze_time(f"{last}-06-15 12:00:00"):
            cal.invalidate_recordset(["endocs_calendar_warning"])
            warning = cal.endocs_calendar_warning
            team.invalidate_recordset(["endocs_calendar_warning"])
            self.assertEqual(team.endocs_calendar_warning, warning)
        self.assertIn(
            f"covers the years {holidays.RU.start_year}–{last}; {last + 1} is outside",
            warning,
        )
        self.assertIsNotNone(cal._working_time())  # a warning, not an error

        fresh = cal.create(
            {
                "name": "Branch office",
                "tz": "Europe/Moscow",
                "endocs_production_calendar": True,
            }
        )
        self.assertIn("is not loaded", fresh.endocs_calendar_warning)
        with freeze_time("2030-03-01 12:00:00"):
            fresh._endocs_sync_production_calendar([2030])
            self.assertIn("2030–2030; 2031 is outside", fresh.endocs_calendar_warning)
            fresh._endocs_sync_production_calendar([2030, 2031])
            self.assertFalse(fresh.endocs_calendar_warning)
        fresh.endocs_production_calendar = False
        self.assertFalse(fresh.endocs_calendar_warning)

    def test_settings_change_engine_r_time_3_r_time_4(self):
        """R-TIME-3 / R-TIME-4: the calendar's settings take effect at once
        (the cached engine is rebuilt)."""
        cal = self.calendar
        cal._endocs_sync_production_calendar([2025])
        saturday = datetime(2025, 11, 1, 9, 0)  # 12:00 Moscow
        eve_late = datetime(2025, 4, 30, 15, 30)  # 18:30 Moscow
        self.assertTrue(cal._working_time().is_working_time(saturday))
        self.assertFalse(cal._working_time().is_working_time(eve_late))
        cal.endocs_follow_working_weekends = False
        self.assertFalse(cal._working_time().is_working_time(saturday))
        cal.endocs_shorten_preholiday = False
        self.assertTrue(cal._working_time().is_working_time(eve_late))

    def test_engine_from_database_matches_official_year_r_time_5(self):
        """R-TIME-5: the engine built from the records gives the official 2025
        total (1972 h, see tests/test_worktime.py for the sources)."""
        self.calendar._endocs_sync_production_calendar([2024, 2025, 2026])
        wt = self.calendar._working_time()
        self.assertEqual(
            wt.hours_between(datetime(2024, 12, 31, 21), datetime(2025, 12, 31, 21)),
            1972,
        )
        self.assertEqual(
            wt.hours_between(datetime(2025, 10, 31, 21), datetime(2025, 11, 30, 21)),
            151,
        )

    def test_leave_change_invalidates_cache_r_time_2(self):
        cal = self.calendar
        wednesday = datetime(2025, 10, 15, 9, 0)
        self.assertTrue(cal._working_time().is_working_time(wednesday))
        self.Leaves.create(
            {
                "name": "Closure",
                "calendar_id": cal.id,
                "date_from": datetime(2025, 10, 15, 7, 0),
                "date_to": datetime(2025, 10, 15, 16, 0),
            }
        )
        self.assertFalse(cal._working_time().is_working_time(wednesday))

    def test_team_default_calendar_and_access(self):
        # a team outside the regulation: the company's calendar, as
        # helpdesk_mgmt_sla has it; a regulated team: the support hours
        team = self.env["helpdesk.ticket.team"].create({"name": "L0"})
        self.assertEqual(
            team.resource_calendar_id, self.env.company.resource_calendar_id
        )
        with Form(self.env["helpdesk.ticket.team"]) as form:
            form.name = "L1"
            form.endocs_regulated = True
        team = form.record
        self.assertEqual(team.resource_calendar_id, self.calendar)
        self.assertIsNotNone(team._working_time())
        user = new_test_user(self.env, login="endocs_plain_user")
        days = self.env["endocs.calendar.day"].with_user(user)
        self.assertGreater(days.search_count([]), 0)  # read is allowed
        with self.assertRaises(AccessError):
            days.create(
                {
                    "calendar_id": self.calendar.id,
                    "date": date(2025, 7, 5),
                    "day_type": "working",
                    "name": "x",
                }
            )
