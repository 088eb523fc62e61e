# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The official Russian production calendar from the ``holidays`` library
(R-TIME-2, R-TIME-3, R-TIME-4). Pure Python, no ORM.

- Non-working days: the holidays of Labour Code art. 112 (with the automatic
  transfer of a holiday that falls on a weekend) and the days off moved by the
  government's transfer decrees, as ``holidays.RU`` lists them, with Russian names.
- Working weekend days: the weekend days the decrees make working
  (``weekend_workdays``), e.g. Saturday 2025-11-01.
- Shortened days (art. 95): a working day immediately followed by a non-working
  holiday of art. 112 is one hour shorter. A working weekend day takes the length
  of the day its day off was moved to (Rostrud's reading of the decrees): Saturday
  2025-11-01 gives its day off to Monday 2025-11-03, the eve of 4 November, so it
  is a 7-hour day. A day before a day off moved by decree is not shortened
  (2025-05-07, before the day off of 2025-05-08). These rules reproduce the
  published 40-hour-week totals (2024: 1979 h, 2025: 1972 h, 2026: 1972 h).
"""

import re
from collections import namedtuple
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays

from .worktime import WorkingTime

__all__ = [
    "ProductionCalendar",
    "covered_years",
    "production_working_time",
    "russian_production_calendar",
]

ProductionCalendar = namedtuple(
    "ProductionCalendar", "non_working working_weekends short_days"
)

_MOVED_FROM = re.compile(r"перенесено с (\d{2})\.(\d{2})\.(\d{4})")
_ONE_DAY = timedelta(days=1)


def _moved_from(name):
    """The day a decree moved this day off from, or None for a holiday."""
    match = _MOVED_FROM.search(name or "")
    if not match:
        return None
    day, month, year = (int(part) for part in match.groups())
    return date(year, month, day)


def covered_years():
    """The years ``holidays.RU`` knows (``range``): the installed library's
    ``start_year`` to ``end_year``. The holidays of Labour Code art. 112 are
    known for each of them; the transfer decrees only up to the latest one the
    library ships. A year outside gives no days at all."""
    return range(holidays.RU.start_year, holidays.RU.end_year + 1)


def russian_production_calendar(years):
    """The production calendar of ``years`` (an iterable of ints).

    Returns a :data:`ProductionCalendar` of three ``{date: name}`` dicts, names in
    Russian: non-working days, working weekend days, shortened days.
    """
    years = sorted(set(years))
    # A neighbour year is needed for the eves and transfers around 1 January.
    source = holidays.RU(years=range(years[0] - 1, years[-1] + 2), language="ru")
    wanted = set(years)
    non_working = dict(source.items())
    weekend_workdays = set(getattr(source, "weekend_workdays", ()))

    def is_working(day):
        return day not in non_working and (day.weekday() < 5 or day in weekend_workdays)

    def is_holiday(day):  # art. 112, not a day off moved by a decree
        return day in non_working and _moved_from(non_working[day]) is None

    def is_eve(day):
        return is_working(day) and is_holiday(day + _ONE_DAY)

    moved_to = {}
    for day, name in non_working.items():
        origin = _moved_from(name)
        if origin is not None:
            moved_to[origin] = day

    working_weekends, short_days = {}, {}
    for day in sorted(weekend_workdays):
        if day.year not in wanted:
            continue
        target = moved_to.get(day)
        working_weekends[day] = (
            f"Рабочий день (выходной перенесён на {target:%d.%m.%Y})"
            if target
            else "Рабочий день (перенос выходного)"
        )
    day = date(years[0], 1, 1)
    while day.year <= years[-1]:
        if day.year in wanted and is_working(day):
            eve = is_eve(day)
            if not eve and day in weekend_workdays and day in moved_to:
                target = moved_to[day]
                eve = is_holiday(target + _ONE_DAY)
            if eve:
                short_days[day] = "Предпраздничный день (сокращён на 1 час)"
        day += _ONE_DAY
    return ProductionCalendar(
        {d: n for d, n in non_working.items() if d.year in wanted},
        working_weekends,
        short_days,
    )


def production_working_time(
    years,
    tz,
    attendances,
    follow_working_weekends=True,
    shorten_preholiday=True,
):
    """A :class:`~.worktime.WorkingTime` on the production calendar of ``years``
    without a database (what ``resource.calendar._working_time()`` builds from the
    records the synchronisation stores)."""
    production = russian_production_calendar(years)
    zone = ZoneInfo(tz)
    leaves = [
        (
            datetime.combine(day, time.min, tzinfo=zone),
            datetime.combine(day + _ONE_DAY, time.min, tzinfo=zone),
        )
        for day in production.non_working
    ]
    return WorkingTime(
        tz,
        attendances,
        leaves,
        working_days=production.working_weekends if follow_working_weekends else (),
        short_days=dict.fromkeys(production.short_days, 1.0)
        if shorten_preholiday
        else {},
    )
