# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Billable time of paid support, pure Python (no database): R-BILL-1, 3.11."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from odoo.addons.endocs_support_billing.tools.act import ActLine, line_amounts
from odoo.addons.endocs_support_billing.tools.rounding import (
    Entry,
    Policy,
    RoundingError,
    billable_hours,
    round_up,
)

REGULATION = Policy(step=0.5, minimum=0.5, scope="entry")
D1, D2 = date(2026, 11, 2), date(2026, 11, 3)


@pytest.mark.parametrize(
    ("minutes", "billable"),
    [
        (0, 0.0),
        (1, 0.5),
        (29, 0.5),
        (30, 0.5),
        (31, 1.0),
        (59, 1.0),
        (60, 1.0),
        (61, 1.5),
    ],
)
def test_rounding_table(minutes, billable):
    """«округлённого в большую сторону до 0,5 часа … минимальное время 30 минут»."""
    assert round_up(minutes / 60, REGULATION) == billable


def test_float_noise_of_a_timer_is_not_an_extra_step():
    assert round_up(0.5000000001, REGULATION) == 0.5
    assert round_up(31 / 60, REGULATION) == 1.0  # 0.51666… h as Odoo stores it


def test_minimum_above_step():
    policy = Policy(step=0.25, minimum=1.0)
    assert round_up(5 / 60, policy) == 1.0
    assert round_up(70 / 60, policy) == 1.25


def _entries(*rows):
    return [
        Entry(key=i, request=r, day=d, hours=m / 60) for i, (r, d, m) in enumerate(rows)
    ]


# Three entries on one request and day (10, 10 and 25 minutes), one the next day
# (10 minutes) and one on another request (50 minutes).
DAY = _entries(
    ("A", D1, 10), ("A", D1, 10), ("A", D1, 25), ("A", D2, 10), ("B", D1, 50)
)


def test_scope_per_entry():
    result = billable_hours(DAY, Policy(scope="entry"))
    assert result == {0: 0.5, 1: 0.5, 2: 0.5, 3: 0.5, 4: 1.0}


def test_scope_per_request_and_day():
    result = billable_hours(DAY, Policy(scope="request_day"))
    # A on D1: 45 min → 1.0 h spread over its entries as they were logged.
    assert result == {0: 0.5, 1: 0.0, 2: 0.5, 3: 0.5, 4: 1.0}


def test_scope_per_request():
    result = billable_hours(DAY, Policy(scope="request"))
    # A: 55 min → 1.0 h for the whole request.
    assert result == {0: 0.5, 1: 0.0, 2: 0.5, 3: 0.0, 4: 1.0}


def test_locked_entries_keep_their_value_and_count_as_billed():
    first = billable_hours(DAY[:2], Policy(scope="request"))
    assert first == {0: 0.5, 1: 0.0}
    locked = [Entry(e.key, e.request, e.day, e.hours, first[e.key]) for e in DAY[:2]]
    later = billable_hours(locked + DAY[2:], Policy(scope="request"))
    assert later == billable_hours(DAY, Policy(scope="request"))


def test_bad_policies_are_refused():
    with pytest.raises(RoundingError):
        Policy(step=0)
    with pytest.raises(RoundingError):
        Policy(minimum=-1)
    with pytest.raises(RoundingError):
        Policy(scope="month")


# No timing health checks: the suite runs beside a busy database server.
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    minutes=st.lists(st.integers(min_value=0, max_value=600), min_size=1, max_size=30),
    scope=st.sampled_from(["entry", "request_day", "request"]),
    cut=st.integers(min_value=0, max_value=30),
)
def test_sum_is_the_rounded_occurrences_and_later_entries_change_nothing(
    minutes, scope, cut
):
    entries = [
        Entry(key=i, request=i % 3, day=i % 2, hours=m / 60)
        for i, m in enumerate(minutes)
    ]
    policy = Policy(scope=scope)
    result = billable_hours(entries, policy)
    occurrences = {}
    for entry in entries:
        key = {"entry": entry.key, "request_day": (entry.request, entry.day)}.get(
            scope, entry.request
        )
        occurrences[key] = occurrences.get(key, 0) + entry.hours
    expected = sum(round_up(hours, policy) for hours in occurrences.values())
    assert sum(result.values()) == pytest.approx(expected)
    assert all(value >= 0 and (value * 2).is_integer() for value in result.values())
    # Logging more entries never changes what the earlier ones bill.
    assert billable_hours(entries[:cut], policy) == {
        k: v for k, v in result.items() if k < cut
    }


def test_line_amounts_add_up_to_the_rounded_total():
    lines = [ActLine("R", None, "", D1, "", "", 0.1, 0.5, 1234.57) for __ in range(7)]
    amounts = line_amounts(lines)
    # 3.5 h × 1234.57 = 4320.995 → 4321.00 (half up, as Odoo rounds a subtotal)
    assert sum(amounts) == Decimal("4321.00")
    assert {str(a) for a in amounts} <= {"617.28", "617.29"}
