# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Billable time of paid support (regulation 3.11, R-BILL-1), pure Python.

«Стоимость работ определяется исходя из фактически затраченного времени,
округлённого в большую сторону до 0,5 часа. Минимальное время оказания услуги
составляет 30 минут.»

Time is counted in whole seconds so that 30 minutes logged as 0.5 h, or as
0.50000001 h by a timer, is exactly one step of 0.5 h and not two.

A *service occurrence* is what the contract's scope says: one timesheet entry,
all entries of one request on one day, or all entries of one request. Within an
occurrence the billable time is spread over its entries *cumulatively*, in the
order they were logged: an entry bills the growth of the rounded total it
causes. The entries of an occurrence therefore always add up to the rounded
total, and logging one more entry later never changes what the earlier entries
bill — time already invoiced stays as invoiced (R-BILL-2).
"""

from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

SECONDS_PER_HOUR = 3600
SCOPES = ("entry", "request_day", "request")


class RoundingError(ValueError):
    """A rounding policy that cannot be applied."""


@dataclass(frozen=True)
class Policy:
    """The contract's rounding policy: step and minimum in hours, and scope."""

    step: float = 0.5
    minimum: float = 0.5
    scope: str = "entry"

    def __post_init__(self):
        if self.scope not in SCOPES:
            raise RoundingError(f"Unknown rounding scope {self.scope!r}")
        if not self.step or self.step <= 0:
            raise RoundingError("The rounding step must be positive")
        if self.minimum is None or self.minimum < 0:
            raise RoundingError("The minimum must not be negative")


@dataclass(frozen=True)
class Entry:
    """One timesheet entry: its key, request, day and actual hours.

    ``locked`` is the billable time of an entry that is already invoiced: it is
    kept as it is and counted as already billed for its occurrence.
    """

    key: Hashable
    request: Hashable
    day: Hashable
    hours: float
    locked: float | None = None


def to_seconds(hours):
    return round((hours or 0.0) * SECONDS_PER_HOUR)


def round_up_seconds(seconds, policy):
    """Billable seconds of one service occurrence of ``seconds`` actual time."""
    if seconds <= 0:
        return 0
    step = to_seconds(policy.step)
    rounded = -(-seconds // step) * step
    return max(rounded, to_seconds(policy.minimum))


def round_up(hours, policy):
    """Billable hours of one service occurrence of ``hours`` actual hours."""
    return round_up_seconds(to_seconds(hours), policy) / SECONDS_PER_HOUR


def occurrence_key(entry, scope):
    if scope == "entry":
        return ("entry", entry.key)
    if scope == "request_day":
        return ("day", entry.request, entry.day)
    return ("request", entry.request)


def billable_hours(entries: Iterable[Entry], policy: Policy):
    """Billable hours per entry key, entries given in the order they were logged.

    Each entry bills ``max(0, rounded(cumulative actual) - billed so far)`` within
    its occurrence; a locked entry bills its locked value.
    """
    actual = defaultdict(int)
    billed = defaultdict(int)
    result = {}
    for entry in entries:
        occurrence = occurrence_key(entry, policy.scope)
        actual[occurrence] += to_seconds(entry.hours)
        if entry.locked is not None:
            seconds = to_seconds(entry.locked)
        else:
            target = round_up_seconds(actual[occurrence], policy)
            seconds = max(0, target - billed[occurrence])
        billed[occurrence] += seconds
        result[entry.key] = seconds / SECONDS_PER_HOUR
    return result
