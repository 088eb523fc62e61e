# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The engine against Odoo's own resource.calendar (R-TIME-5): on a calendar
without working weekends and short days, it must give what ``plan_hours`` and
``get_work_hours_count`` give, for any input."""

from datetime import datetime, timedelta

import pytz
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from odoo.tests import TransactionCase

START = datetime(2024, 1, 1)
SPAN_MINUTES = 3 * 365 * 24 * 60

moments = st.integers(0, SPAN_MINUTES).map(lambda m: START + timedelta(minutes=m))
quarter_hours = st.integers(0, 4 * 60).map(lambda q: q / 4)


class TestEngineEqualsOdoo(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.env.ref("endocs_support.resource_calendar_support_msk")
        cls.calendar._endocs_sync_production_calendar([2024, 2025, 2026, 2027])
        cls.calendar.write(
            {
                "endocs_follow_working_weekends": False,
                "endocs_shorten_preholiday": False,
            }
        )
        cls.wt = cls.calendar._working_time()

    @settings(
        max_examples=150,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
        derandomize=True,
    )
    @given(start=moments, hours=quarter_hours)
    def test_add_hours_equals_plan_hours_r_time_5(self, start, hours):
        expected = self.calendar.plan_hours(hours, start, compute_leaves=True)
        self.assertEqual(self.wt.add_hours(start, hours), expected)

    @settings(
        max_examples=150,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
        derandomize=True,
    )
    @given(start=moments, minutes=st.integers(0, 60 * 24 * 40))
    def test_hours_between_equals_work_hours_count_r_time_5(self, start, minutes):
        end = start + timedelta(minutes=minutes)
        expected = self.calendar.get_work_hours_count(start, end, compute_leaves=True)
        self.assertAlmostEqual(self.wt.hours_between(start, end), expected, places=6)

    def test_aware_input_matches_odoo_r_time_5(self):
        moscow = pytz.timezone("Europe/Moscow")
        start = moscow.localize(datetime(2025, 12, 30, 18, 0))
        expected = self.calendar.plan_hours(2, start, compute_leaves=True)
        result = self.wt.add_hours(start, 2)
        self.assertEqual(result, expected)
        self.assertEqual(result.utcoffset(), timedelta(hours=3))
        self.assertEqual(result.replace(tzinfo=None), datetime(2026, 1, 12, 11, 0))
