# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Working-time engine, pure Python (no database): R-TIME-1 .. R-TIME-6."""

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from odoo.addons.endocs_support.tools.production_calendar import (
    production_working_time,
    russian_production_calendar,
)
from odoo.addons.endocs_support.tools.worktime import (
    Attendance,
    WorkingTime,
    WorkingTimeError,
    week_type,
)
from odoo.addons.resource.models.resource_calendar_attendance import (
    ResourceCalendarAttendance,
)

MSK = ZoneInfo("Europe/Moscow")
# R-TIME-1: the regulation's hours, 10:00-13:00 and 14:00-19:00, Monday to Friday.
SUPPORT_HOURS = [
    Attendance(day, start, end)
    for day in range(5)
    for start, end in ((10, 13), (14, 19))
]
YEARS = (2024, 2025, 2026)


@pytest.fixture(scope="module")
def wt():
    return production_working_time(YEARS, "Europe/Moscow", SUPPORT_HOURS)


def msk(*args):
    return datetime(*args, tzinfo=MSK)


# ----------------------------------------------------------------------------
# Edges (R-TIME-1, R-TIME-2, R-TIME-3, R-TIME-4, R-TIME-5)
# ----------------------------------------------------------------------------

ADD_HOURS = [
    # (case, start, hours, expected)
    (
        "R-TIME-1 Friday 18:30 + 1 h -> Monday",
        msk(2025, 10, 17, 18, 30),
        1,
        msk(2025, 10, 20, 10, 30),
    ),
    (
        "R-TIME-1 uses up the day exactly: ends at 19:00",
        msk(2025, 10, 17, 18, 0),
        1,
        msk(2025, 10, 17, 19, 0),
    ),
    (
        "R-TIME-1 lunch 13:30 + 1 h",
        msk(2025, 10, 15, 13, 30),
        1,
        msk(2025, 10, 15, 15, 0),
    ),
    (
        "R-TIME-1 morning runs over lunch",
        msk(2025, 10, 15, 12, 30),
        1,
        msk(2025, 10, 15, 14, 30),
    ),
    (
        "R-TIME-1 exactly 19:00 + 0.5 h",
        msk(2025, 10, 15, 19, 0),
        0.5,
        msk(2025, 10, 16, 10, 30),
    ),
    (
        "R-TIME-2 30 Dec 18:00 + 2 h over the New Year holidays",
        msk(2025, 12, 30, 18, 0),
        2,
        msk(2026, 1, 12, 11, 0),
    ),
    (
        "R-TIME-2 31 Dec (transferred day off) + 1 h",
        msk(2025, 12, 31, 12, 0),
        1,
        msk(2026, 1, 12, 11, 0),
    ),
    (
        "R-TIME-2 New Year holidays, 5 Jan 2026",
        msk(2026, 1, 5, 12, 0),
        8,
        msk(2026, 1, 12, 19, 0),
    ),
    (
        "R-TIME-2 transferred day off Mon 3 Nov 2025",
        msk(2025, 11, 3, 12, 0),
        1,
        msk(2025, 11, 5, 11, 0),
    ),
    (
        "R-TIME-3 working Saturday 1 Nov 2025",
        msk(2025, 10, 31, 18, 0),
        2,
        msk(2025, 11, 1, 11, 0),
    ),
    (
        "R-TIME-4 shortened eve of 1 May ends at 18:00",
        msk(2025, 4, 30, 17, 0),
        1.5,
        msk(2025, 5, 5, 10, 30),
    ),
    (
        "R-TIME-4 the working Saturday is shortened too",
        msk(2025, 11, 1, 17, 0),
        1.5,
        msk(2025, 11, 5, 10, 30),
    ),
    (
        "R-TIME-5 negative hours go back",
        msk(2025, 10, 20, 10, 30),
        -1,
        msk(2025, 10, 17, 18, 30),
    ),
    (
        "R-TIME-5 several days of hours",
        msk(2025, 10, 13, 10, 0),
        40,
        msk(2025, 10, 17, 19, 0),
    ),
]


@pytest.mark.parametrize(
    "start,hours,expected", [c[1:] for c in ADD_HOURS], ids=[c[0] for c in ADD_HOURS]
)
def test_add_hours_edges(wt, start, hours, expected):
    assert wt.add_hours(start, hours) == expected


WORKING = [
    ("R-TIME-1 Wednesday 10:00 (start included)", msk(2025, 10, 15, 10, 0), True),
    ("R-TIME-1 Wednesday 18:59", msk(2025, 10, 15, 18, 59), True),
    ("R-TIME-1 exactly 19:00 is not working time", msk(2025, 10, 15, 19, 0), False),
    ("R-TIME-1 lunch 13:30", msk(2025, 10, 15, 13, 30), False),
    ("R-TIME-1 09:59", msk(2025, 10, 15, 9, 59), False),
    ("R-TIME-1 Saturday", msk(2025, 10, 18, 12, 0), False),
    ("R-TIME-2 1 January", msk(2026, 1, 1, 12, 0), False),
    (
        "R-TIME-2 31 December 2025 (day off moved from 5 Jan)",
        msk(2025, 12, 31, 12, 0),
        False,
    ),
    (
        "R-TIME-2 Friday 9 Jan 2026 (day off moved from 3 Jan)",
        msk(2026, 1, 9, 12, 0),
        False,
    ),
    ("R-TIME-2 8 May 2025 (day off moved from 23 Feb)", msk(2025, 5, 8, 12, 0), False),
    (
        "R-TIME-2 day before it, 7 May 2025, is a full day",
        msk(2025, 5, 7, 18, 30),
        True,
    ),
    ("R-TIME-3 working Saturday 1 Nov 2025", msk(2025, 11, 1, 12, 0), True),
    ("R-TIME-4 eve of 1 May, 17:59", msk(2025, 4, 30, 17, 59), True),
    ("R-TIME-4 eve of 1 May, 18:00", msk(2025, 4, 30, 18, 0), False),
    (
        "R-TIME-4 working Saturday 1 Nov 2025 ends at 18:00",
        msk(2025, 11, 1, 18, 30),
        False,
    ),
]


@pytest.mark.parametrize(
    "moment,expected", [c[1:] for c in WORKING], ids=[c[0] for c in WORKING]
)
def test_is_working_time(wt, moment, expected):
    assert wt.is_working_time(moment) is expected


def test_next_working_moment_off_hours_r_time_6(wt):
    """R-TIME-6: a request received off-hours is processed from the next
    working moment."""
    assert wt.next_working_moment(msk(2025, 10, 17, 19, 0)) == msk(2025, 10, 20, 10)
    assert wt.next_working_moment(msk(2025, 10, 15, 13, 0)) == msk(2025, 10, 15, 14)
    assert wt.next_working_moment(msk(2025, 12, 30, 23, 0)) == msk(2026, 1, 12, 10)
    inside = msk(2025, 10, 15, 11, 17, 5)
    assert wt.next_working_moment(inside) == inside
    assert wt.add_hours(msk(2025, 10, 18, 3, 0), 0) == msk(2025, 10, 20, 10)


def test_naive_utc_and_aware_r_time_5(wt):
    """R-TIME-5: naive datetimes are UTC and come back naive UTC; aware ones come
    back aware in their own zone."""
    naive = datetime(2025, 10, 17, 15, 30)  # 18:30 in Moscow
    result = wt.add_hours(naive, 1)
    assert result == datetime(2025, 10, 20, 7, 30)
    assert result.tzinfo is None
    aware_utc = naive.replace(tzinfo=timezone.utc)
    result = wt.add_hours(aware_utc, 1)
    assert result.tzinfo is timezone.utc
    assert result == datetime(2025, 10, 20, 7, 30, tzinfo=timezone.utc)
    result = wt.add_hours(aware_utc.astimezone(MSK), 1)
    assert result.tzinfo is MSK
    assert (result.hour, result.minute) == (10, 30)
    assert wt.is_working_time(datetime(2025, 10, 15, 7, 0)) is True  # 10:00 MSK
    assert wt.is_working_time(datetime(2025, 10, 15, 6, 59)) is False
    assert wt.hours_between(datetime(2025, 10, 15, 7), msk(2025, 10, 15, 12)) == 2


ADD_DAYS = [
    (
        "same clock time next day",
        msk(2025, 10, 14, 15, 30),
        1,
        msk(2025, 10, 15, 15, 30),
    ),
    ("over the weekend", msk(2025, 10, 17, 11, 0), 1, msk(2025, 10, 20, 11, 0)),
    (
        "clamped to the end of a shortened day",
        msk(2025, 4, 29, 18, 30),
        1,
        msk(2025, 4, 30, 18, 0),
    ),
    (
        "5 working days over the New Year holidays",
        msk(2025, 12, 26, 12, 0),
        5,
        msk(2026, 1, 14, 12, 0),
    ),
    (
        "off-hours start counts from the next working moment",
        msk(2025, 10, 18, 12, 0),
        1,
        msk(2025, 10, 21, 10, 0),
    ),
    (
        "working Saturday counts as a day",
        msk(2025, 10, 31, 12, 0),
        1,
        msk(2025, 11, 1, 12, 0),
    ),
    (
        "zero days is the next working moment",
        msk(2025, 10, 15, 13, 30),
        0,
        msk(2025, 10, 15, 14, 0),
    ),
    ("14:00 stays 14:00", msk(2025, 10, 15, 14, 0), 1, msk(2025, 10, 16, 14, 0)),
    (
        "a full day ends at the end of the next",
        msk(2025, 10, 15, 18, 59, 59),
        1,
        msk(2025, 10, 16, 18, 59, 59),
    ),
    ("backwards", msk(2026, 1, 12, 12, 0), -1, msk(2025, 12, 30, 12, 0)),
]


@pytest.mark.parametrize(
    "start,days,expected", [c[1:] for c in ADD_DAYS], ids=[c[0] for c in ADD_DAYS]
)
def test_add_days_r_time_5(wt, start, days, expected):
    assert wt.add_days(start, days) == expected


def test_hours_between_r_time_5(wt):
    assert wt.hours_between(msk(2025, 10, 17, 18, 30), msk(2025, 10, 20, 10, 30)) == 1
    assert wt.hours_between(msk(2025, 12, 30, 10), msk(2026, 1, 12, 10)) == 8
    assert wt.hours_between(msk(2025, 10, 20, 10, 30), msk(2025, 10, 17, 18, 30)) == -1
    assert wt.hours_between(msk(2025, 10, 15, 13, 10), msk(2025, 10, 15, 13, 50)) == 0


def test_settings_off_r_time_3_r_time_4():
    """R-TIME-3/R-TIME-4: both rules can be turned off."""
    plain = production_working_time(
        YEARS,
        "Europe/Moscow",
        SUPPORT_HOURS,
        follow_working_weekends=False,
        shorten_preholiday=False,
    )
    assert plain.is_working_time(msk(2025, 11, 1, 12, 0)) is False
    assert plain.is_working_time(msk(2025, 4, 30, 18, 30)) is True
    assert plain.hours_between(msk(2025, 1, 1), msk(2026, 1, 1)) == 1972 - 8 + 4


# ----------------------------------------------------------------------------
# Monthly hours = the official production calendar, 40-hour week (R-TIME-5)
# ----------------------------------------------------------------------------
# Sources (a 5-day, 40-hour week; hours = working days x 8 - shortened days):
# - the transfer decrees: Постановление Правительства РФ от 10.08.2023 № 1314
#   (2024), от 04.10.2024 № 1335 (2025), от 24.09.2025 (2026);
# - the open production-calendar data xmlcalendar/data, files ru/2024/calendar.xml,
#   ru/2025/calendar.xml, ru/2026/calendar.xml (days off, shortened days and
#   working weekend days), from which every month below is counted;
# - published monthly tables that match them month by month: 2025 — findh.org
#   «Производственный календарь РФ на все года» (y=2025); 2026 — glavaudit.org
#   «Производственный календарь на 2026 год» (247 days, 1972 h); 2024 — the
#   yearly total 1979 h (248 days, 5 shortened: 22.02, 07.03, 08.05, 11.06, 02.11).
OFFICIAL_MONTHLY_HOURS = {
    2024: [136, 159, 159, 168, 159, 151, 184, 176, 168, 184, 167, 168],
    2025: [136, 160, 167, 175, 144, 151, 184, 168, 176, 184, 151, 176],
    2026: [120, 152, 168, 175, 151, 167, 184, 168, 176, 176, 159, 176],
}
OFFICIAL_YEAR_HOURS = {2024: 1979, 2025: 1972, 2026: 1972}


@pytest.mark.parametrize("year", YEARS)
def test_monthly_hours_equal_production_calendar_r_time_5(wt, year):
    months = [
        wt.hours_between(
            msk(year, month, 1), msk(year + month // 12, month % 12 + 1, 1)
        )
        for month in range(1, 13)
    ]
    assert months == OFFICIAL_MONTHLY_HOURS[year]
    assert sum(months) == OFFICIAL_YEAR_HOURS[year]


def test_production_calendar_days_r_time_2():
    """R-TIME-2: holidays and transferred days off with Russian names; R-TIME-3
    working weekends; R-TIME-4 shortened days."""
    pc = russian_production_calendar([2025])
    assert pc.non_working[date(2025, 1, 7)] == "Рождество Христово"
    assert "перенесено" in pc.non_working[date(2025, 11, 3)]
    assert date(2025, 12, 31) in pc.non_working
    assert list(pc.working_weekends) == [date(2025, 11, 1)]
    assert sorted(pc.short_days) == [
        date(2025, 3, 7),
        date(2025, 4, 30),
        date(2025, 6, 11),
        date(2025, 11, 1),
    ]
    assert all(day.year == 2025 for day in pc.non_working)


# ----------------------------------------------------------------------------
# Two-week schedules, as Odoo's two-week resource.calendar (R-TIME-5)
# ----------------------------------------------------------------------------
# First week ("0"): Monday to Friday; second week ("1"): Monday to Thursday.
TWO_WEEKS = [
    Attendance(day, start, end, week_type=week)
    for week, days in (("0", range(5)), ("1", range(4)))
    for day in days
    for start, end in ((10, 13), (14, 19))
]


def odoo_week_type(day):
    """Odoo's own ``resource.calendar.attendance.get_week_type`` (an
    ``api.model`` method that reads nothing from its recordset)."""
    return ResourceCalendarAttendance.get_week_type(None, day)


def test_week_type_is_odoos_r_time_5():
    """R-TIME-5: the week parity is Odoo's: weeks counted from 1 January of year
    1, so they alternate across a New Year even after an ISO week 53."""
    day = date(2020, 1, 1)
    while day < date(2031, 1, 1):
        assert week_type(day) == odoo_week_type(day), day
        day += timedelta(days=1)
    assert (week_type(date(2026, 2, 2)), week_type(date(2026, 2, 9))) == (0, 1)
    assert date(2026, 12, 28).isocalendar()[1] == 53
    assert (week_type(date(2026, 12, 28)), week_type(date(2027, 1, 4))) == (1, 0)


def test_two_week_schedule_r_time_5():
    """R-TIME-5: a two-week schedule works each row in the weeks of its type
    only; rows without a week type work every week; "0"/"1" and 0/1 alike."""
    wt = WorkingTime("Europe/Moscow", TWO_WEEKS)
    assert wt.hours_between(msk(2026, 2, 2), msk(2026, 2, 9)) == 40  # first week
    assert wt.hours_between(msk(2026, 2, 9), msk(2026, 2, 16)) == 32  # second week
    assert wt.is_working_time(msk(2026, 2, 6, 12)) is True
    assert wt.is_working_time(msk(2026, 2, 13, 12)) is False
    assert wt.add_hours(msk(2026, 2, 12, 18, 30), 1) == msk(2026, 2, 16, 10, 30)
    assert wt.add_days(msk(2026, 2, 12, 12), 1) == msk(2026, 2, 16, 12)
    as_ints = WorkingTime(
        "Europe/Moscow",
        [row._replace(week_type=int(row.week_type)) for row in TWO_WEEKS],
    )
    assert as_ints.hours_between(msk(2026, 2, 9), msk(2026, 2, 16)) == 32
    every_friday = WorkingTime(
        "Europe/Moscow", [*TWO_WEEKS[:8], Attendance(4, 10, 13)]
    )  # first-week Monday-Thursday plus a Friday morning of every week
    assert every_friday.hours_between(msk(2026, 2, 2), msk(2026, 2, 16)) == 38


def test_two_week_hours_equal_odoos_count_r_time_5():
    """R-TIME-5: over half a year, the hours of each day are those Odoo's
    ``_attendance_intervals_batch`` takes for it: the rows of the day's
    weekday and Odoo's week type."""
    wt = WorkingTime("Europe/Moscow", TWO_WEEKS)
    day = date(2026, 1, 1)
    while day < date(2026, 7, 1):
        expected = sum(
            row.hour_to - row.hour_from
            for row in TWO_WEEKS
            if row.weekday == day.weekday()
            and int(row.week_type) == odoo_week_type(day)
        )
        start = datetime.combine(day, datetime.min.time(), tzinfo=MSK)
        assert wt.hours_between(start, start + timedelta(days=1)) == expected, day
        day += timedelta(days=1)
    # 129 weekdays x 8 h, less the 13 Fridays of second weeks
    assert wt.hours_between(msk(2026, 1, 1), msk(2026, 7, 1)) == 129 * 8 - 13 * 8


# ----------------------------------------------------------------------------
# Bad input
# ----------------------------------------------------------------------------


def test_calendar_without_working_time_raises():
    empty = WorkingTime("Europe/Moscow", [])
    with pytest.raises(WorkingTimeError):
        empty.add_hours(msk(2025, 10, 15, 12), 1)
    with pytest.raises(WorkingTimeError):
        empty.next_working_moment(msk(2025, 10, 15, 12))
    assert empty.hours_between(msk(2025, 1, 1), msk(2026, 1, 1)) == 0


def test_far_dates_extend_and_out_of_range_raises(wt):
    # years far from the loaded leaves still work (no holidays known there)
    assert wt.add_hours(msk(2040, 3, 2, 18, 30), 1) == msk(2040, 3, 5, 10, 30)
    assert wt.add_hours(msk(2001, 3, 2, 18, 30), 1) == msk(2001, 3, 5, 10, 30)
    with pytest.raises(WorkingTimeError):
        wt.is_working_time(msk(2999, 1, 1))
