# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Working-time arithmetic of the support regulation (2.3, 3.1; R-TIME-1..6).

Pure Python, no ORM: :class:`WorkingTime` is built from plain data (a weekly or
two-week schedule in local wall-clock hours, non-working periods, working weekend
days and shortened days) and answers every working-time question of the product:

- :meth:`WorkingTime.is_working_time`, :meth:`WorkingTime.next_working_moment`
- :meth:`WorkingTime.add_hours`, :meth:`WorkingTime.add_days`
- :meth:`WorkingTime.hours_between`

Datetimes follow Odoo's convention: naive ones are UTC and come back naive UTC;
aware ones come back aware, in the same zone. Internally every moment is an
integer number of microseconds since the Unix epoch, and the working intervals are
kept as sorted arrays with cumulative working time, so each question is a binary
search (O(log n)), not a walk over days.

Interval conventions (the same as Odoo's ``resource.calendar``): a working interval
includes its start and excludes its end, so 19:00 is not working time; planning
that uses up exactly the rest of an interval ends at that interval's end (Friday
18:30 + 0.5 h = Friday 19:00).
"""

import math
import threading
from bisect import bisect_left, bisect_right
from collections import namedtuple
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

__all__ = ["Attendance", "WorkingTime", "WorkingTimeError", "week_type"]

_EPOCH = datetime(1970, 1, 1)
_EPOCH_UTC = datetime(1970, 1, 1, tzinfo=timezone.utc)
_US = timedelta(microseconds=1)
HOUR_US = 3_600_000_000
MIN_YEAR, MAX_YEAR = 1900, 2300
_CHUNK_YEARS = 5

#: One row of the weekly schedule: ``weekday`` 0 = Monday; hours are local
#: wall-clock hours as floats (13.5 = 13:30); the optional dates bound the row;
#: ``week_type`` None works every week, ``0``/``1`` (or ``"0"``/``"1"``) only in
#: the weeks of that parity, as ``week_type`` of a two-week
#: ``resource.calendar.attendance`` (see :func:`week_type`).
Attendance = namedtuple(
    "Attendance",
    "weekday hour_from hour_to date_from date_to week_type",
    defaults=(None, None, None),
)


class WorkingTimeError(ValueError):
    """A question the calendar cannot answer (no working time, out of range)."""


def week_type(day):
    """The week parity of ``day`` (0 or 1) as Odoo's two-week calendars count it
    (``resource.calendar.attendance.get_week_type``): weeks from Monday
    1 January of year 1, so the parity never repeats across a New Year."""
    return int(math.floor((day.toordinal() - 1) / 7) % 2)


def _to_us(dt):
    if dt.tzinfo is None:
        return (dt - _EPOCH) // _US
    return (dt - _EPOCH_UTC) // _US


def _from_us(us, like):
    if like.tzinfo is None:
        return _EPOCH + timedelta(microseconds=us)
    return (_EPOCH_UTC + timedelta(microseconds=us)).astimezone(like.tzinfo)


def _hour_to_time(hour):
    minutes = round(hour * 60)
    if minutes >= 24 * 60:
        return None  # midnight of the next day
    return time(minutes // 60, minutes % 60)


def _subtract(intervals, cuts):
    """``intervals`` minus ``cuts``; both sorted lists of (start, end)."""
    result = []
    for start, end in intervals:
        for cut_start, cut_end in cuts:
            if cut_end <= start or cut_start >= end:
                continue
            if cut_start > start:
                result.append((start, cut_start))
            start = max(start, cut_end)
            if start >= end:
                break
        if start < end:
            result.append((start, end))
    return result


class _State:
    """The built arrays for one span of years (replaced whole, never mutated)."""

    __slots__ = (
        "first_year",
        "last_year",
        "lo",
        "hi",
        "starts",
        "ends",
        "cum_start",
        "cum_end",
        "interval_day",
        "day_first",
        "day_cum",
        "day_total",
    )


class WorkingTime:
    """Working time of one calendar. See the module docstring.

    :param tz: IANA time zone of the schedule (``"Europe/Moscow"``)
    :param attendances: iterable of :data:`Attendance` rows (lunch excluded)
    :param leaves: iterable of ``(start, end)`` non-working periods (naive UTC or
        aware datetimes): holidays, transferred days off, any closure
    :param working_days: iterable of weekend dates made working by decree; such a
        day works the schedule of the closest earlier weekday that has one (a
        working Saturday works as a Friday)
    :param short_days: ``{date: hours}`` hours cut from the end of that day
        (pre-holiday days, Labour Code art. 95)
    """

    def __init__(self, tz, attendances, leaves=(), working_days=None, short_days=None):
        self.tz = ZoneInfo(tz or "UTC")
        self.attendances = []
        for row in attendances:
            row = Attendance(*row)
            if row.week_type is not None:
                row = row._replace(week_type=int(row.week_type))
            self.attendances.append(row)
        self.leaves = sorted(
            (_to_us(start), _to_us(end)) for start, end in leaves if start < end
        )
        self.extra_days = frozenset(working_days or ())
        self.short_days = {day: hours for day, hours in (short_days or {}).items()}
        self._lock = threading.Lock()
        self._state = None
        # The years around today, where the product's questions are; the span
        # grows on demand (the leaves may cover a century: the production
        # calendar is loaded for every year the library knows).
        this_year = datetime.now().year
        self._build(max(this_year - 1, MIN_YEAR), min(this_year + 1, MAX_YEAR))

    # ------------------------------------------------------------------
    # Building the arrays
    # ------------------------------------------------------------------

    def day_schedule(self, day):
        """Working intervals of the local ``day`` as a list of (start, end)
        microseconds since the epoch, leaves not yet subtracted."""
        hours = self._weekday_hours(day, day.weekday())
        if not hours and day in self.extra_days:
            for back in range(1, 7):
                hours = self._weekday_hours(day, (day.weekday() - back) % 7)
                if hours:
                    break
        cut = self.short_days.get(day, 0.0)
        if cut:
            shortened = []
            for hour_from, hour_to in reversed(hours):
                length = hour_to - hour_from
                if cut >= length:
                    cut -= length
                    continue
                shortened.append((hour_from, hour_to - cut))
                cut = 0.0
            hours = list(reversed(shortened))
        intervals = []
        for hour_from, hour_to in hours:
            if hour_to <= hour_from:
                continue
            intervals.append(
                (self._local_us(day, hour_from), self._local_us(day, hour_to))
            )
        return intervals

    def _weekday_hours(self, day, weekday):
        """The (hour_from, hour_to) rows of ``weekday`` that apply on ``day``
        (a working weekend day asks for another weekday of its own week)."""
        parity = week_type(day)
        return sorted(
            (row.hour_from, row.hour_to)
            for row in self.attendances
            if row.weekday == weekday
            and (row.week_type is None or row.week_type == parity)
            and (row.date_from is None or row.date_from <= day)
            and (row.date_to is None or day <= row.date_to)
        )

    def _local_us(self, day, hour):
        clock = _hour_to_time(hour)
        if clock is None:
            day, clock = day + timedelta(days=1), time(0)
        return _to_us(datetime.combine(day, clock, tzinfo=self.tz))

    def _build(self, first_year, last_year):
        if first_year < MIN_YEAR or last_year > MAX_YEAR:
            raise WorkingTimeError(
                f"working time is computed for the years {MIN_YEAR}-{MAX_YEAR} only"
            )
        st = _State()
        st.first_year, st.last_year = first_year, last_year
        st.lo = self._local_us(date(first_year, 1, 1), 0.0)
        st.hi = self._local_us(date(last_year + 1, 1, 1), 0.0)
        leaves = [(s, e) for s, e in self.leaves if e > st.lo and s < st.hi]
        starts, ends, cum_start, cum_end, interval_day = [], [], [], [], []
        day_first, day_cum, day_total = [], [], []
        total = 0
        day = date(first_year, 1, 1)
        one_day = timedelta(days=1)
        leave_index = 0
        while day.year <= last_year:
            intervals = self.day_schedule(day)
            if intervals and leaves:
                while (
                    leave_index < len(leaves)
                    and leaves[leave_index][1] <= (intervals[0][0])
                ):
                    leave_index += 1
                cuts, n = [], leave_index
                while n < len(leaves) and leaves[n][0] < intervals[-1][1]:
                    cuts.append(leaves[n])
                    n += 1
                if cuts:
                    intervals = _subtract(intervals, cuts)
            if intervals:
                day_first.append(len(starts))
                day_cum.append(total)
                for start, end in intervals:
                    starts.append(start)
                    ends.append(end)
                    cum_start.append(total)
                    total += end - start
                    cum_end.append(total)
                    interval_day.append(len(day_first) - 1)
                day_total.append(total - day_cum[-1])
            day += one_day
        st.starts, st.ends = starts, ends
        st.cum_start, st.cum_end = cum_start, cum_end
        st.interval_day = interval_day
        st.day_first, st.day_cum, st.day_total = day_first, day_cum, day_total
        self._state = st
        return st

    def _covering(self, *moments):
        """The state whose span covers every moment (built on demand)."""
        st = self._state
        low, high = min(moments), max(moments)
        if st.lo <= low and high < st.hi:
            return st
        with self._lock:
            st = self._state
            first, last = st.first_year, st.last_year
            if low < st.lo:
                first = _from_us(low, _EPOCH).year - 1
            if high >= st.hi:
                last = _from_us(high, _EPOCH).year + 1
            if (first, last) != (st.first_year, st.last_year):
                st = self._build(min(first, st.first_year), max(last, st.last_year))
        return st

    def _grow(self, st, forward):
        """Extend the span in one direction, doubling it each time."""
        with self._lock:
            if self._state is not st:
                return self._state
            if not self.attendances:
                raise WorkingTimeError("the calendar has no working hours")
            step = max(_CHUNK_YEARS, st.last_year - st.first_year + 1)
            if forward:
                last = st.last_year + step
                if st.last_year >= MAX_YEAR:
                    raise WorkingTimeError("out of range")
                return self._build(st.first_year, min(last, MAX_YEAR))
            if st.first_year <= MIN_YEAR:
                raise WorkingTimeError("out of range")
            return self._build(max(st.first_year - step, MIN_YEAR), st.last_year)

    def _grown(self, st, forward):
        try:
            return self._grow(st, forward)
        except WorkingTimeError:
            raise WorkingTimeError(
                "the calendar has no working time in reach of this moment"
            ) from None

    @staticmethod
    def _position(st, t):
        """Working microseconds from the span's start up to ``t``."""
        i = bisect_right(st.starts, t) - 1
        if i < 0:
            return 0
        return st.cum_start[i] + min(t, st.ends[i]) - st.starts[i]

    def _moment_at(self, st, position):
        """The moment where ``position`` working microseconds are used up
        (the end of an interval when it is used up exactly)."""
        j = bisect_left(st.cum_end, position)
        return st.starts[j] + position - st.cum_start[j]

    # ------------------------------------------------------------------
    # Questions
    # ------------------------------------------------------------------

    def is_working_time(self, dt):
        """Whether ``dt`` falls inside working time (start included, end not)."""
        t = _to_us(dt)
        st = self._covering(t)
        i = bisect_right(st.starts, t) - 1
        return i >= 0 and t < st.ends[i]

    def next_working_moment(self, dt):
        """``dt`` itself during working time, else the start of the next working
        interval: where a request received off-hours starts being processed."""
        t = _to_us(dt)
        return _from_us(self._next_us(t), dt)

    def _next_us(self, t):
        st = self._covering(t)
        while True:
            i = bisect_right(st.starts, t) - 1
            if i >= 0 and t < st.ends[i]:
                return t
            if i + 1 < len(st.starts):
                return st.starts[i + 1]
            st = self._grown(st, forward=True)

    def add_hours(self, dt, hours):
        """The moment ``hours`` working hours after ``dt`` (before it when
        negative); ``add_hours(dt, 0)`` is :meth:`next_working_moment`."""
        t = _to_us(dt)
        delta = round(hours * HOUR_US)
        if not delta:
            return _from_us(self._next_us(t), dt)
        st = self._covering(t)
        while True:
            target = self._position(st, t) + delta
            if delta > 0:
                if st.cum_end and target <= st.cum_end[-1]:
                    return _from_us(self._moment_at(st, target), dt)
                st = self._grown(st, forward=True)
            else:
                if target >= 0 and st.starts:
                    j = bisect_right(st.cum_start, target) - 1
                    return _from_us(st.starts[j] + target - st.cum_start[j], dt)
                st = self._grown(st, forward=False)

    def add_days(self, dt, days):
        """The same working clock time ``days`` working days later (earlier when
        negative), clamped to the end of a shorter day. A moment outside working
        time counts from the next working moment."""
        t = self._next_us(_to_us(dt))
        st = self._covering(t)
        while True:
            i = bisect_right(st.starts, t) - 1
            k = st.interval_day[i]
            if 0 <= k + days < len(st.day_first):
                break
            st = self._grown(st, forward=days > 0)
        elapsed = self._position(st, t) - st.day_cum[k]
        target_day = k + days
        position = st.day_cum[target_day] + min(elapsed, st.day_total[target_day])
        # on a boundary inside the day, the next interval's start (14:00 stays
        # 14:00); at the day's end, that end (clamped)
        j = bisect_right(st.cum_end, position)
        if j >= len(st.starts) or st.interval_day[j] != target_day:
            return _from_us(st.ends[j - 1], dt)
        return _from_us(st.starts[j] + position - st.cum_start[j], dt)

    def hours_between(self, start, end):
        """Working hours from ``start`` to ``end`` (negative when end < start)."""
        a, b = _to_us(start), _to_us(end)
        st = self._covering(a, b)
        return (self._position(st, b) - self._position(st, a)) / HOUR_US
