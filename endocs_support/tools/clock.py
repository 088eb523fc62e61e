# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""How a moment is told to a person: in a named zone (R-UX-2). Pure Python."""

from datetime import timedelta, timezone
from zoneinfo import ZoneInfo

__all__ = ["describe_week", "zone_label"]

_MOSCOW = timedelta(hours=3)
#: the zones of the Russian Federation, told relative to Moscow (МСК+4)
RUSSIAN_ZONES = frozenset(
    {
        "Europe/Kaliningrad",
        "Europe/Moscow",
        "Europe/Simferopol",
        "Europe/Kirov",
        "Europe/Volgograd",
        "Europe/Astrakhan",
        "Europe/Saratov",
        "Europe/Ulyanovsk",
        "Europe/Samara",
        "Asia/Yekaterinburg",
        "Asia/Omsk",
        "Asia/Novosibirsk",
        "Asia/Barnaul",
        "Asia/Tomsk",
        "Asia/Novokuznetsk",
        "Asia/Krasnoyarsk",
        "Asia/Irkutsk",
        "Asia/Chita",
        "Asia/Yakutsk",
        "Asia/Khandyga",
        "Asia/Vladivostok",
        "Asia/Ust-Nera",
        "Asia/Magadan",
        "Asia/Sakhalin",
        "Asia/Srednekolymsk",
        "Asia/Kamchatka",
        "Asia/Anadyr",
    }
)


def zone_label(tz_name, moment):
    """The name of the zone ``tz_name`` at ``moment`` (naive UTC or aware):
    «МСК», «МСК+4», «МСК−1» for Russian zones, else the zone's abbreviation
    (``CET``) or its UTC offset."""
    zone = ZoneInfo(tz_name or "UTC")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    local = moment.astimezone(zone)
    offset = local.utcoffset()
    if tz_name in RUSSIAN_ZONES:
        hours = (offset - _MOSCOW) / timedelta(hours=1)
        if not hours:
            return "МСК"
        sign = "+" if hours > 0 else "−"
        return f"МСК{sign}{abs(hours):g}"
    name = local.tzname() or ""
    if name and name[0] not in "+-":
        return name
    hours = offset / timedelta(hours=1)
    return f"UTC{'+' if hours >= 0 else '−'}{abs(hours):g}"


def _hhmm(hour):
    minutes = round(hour * 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def describe_week(rows, day_names):
    """The weekly schedule in words: «Monday–Friday 10:00–13:00, 14:00–19:00».

    :param rows: ``(weekday, hour_from, hour_to)``, weekday 0 = Monday
    :param day_names: the seven day names, Monday first, in the reader's language
    :return: consecutive days with the same hours joined by «–», groups by «; »
    """
    hours = {}
    for weekday, hour_from, hour_to in rows:
        if hour_to > hour_from:
            hours.setdefault(weekday, set()).add((hour_from, hour_to))
    groups = []  # [first day, last day, hours]
    for weekday in range(7):
        spans = tuple(sorted(hours.get(weekday, ())))
        if not spans:
            continue
        if groups and groups[-1][1] == weekday - 1 and groups[-1][2] == spans:
            groups[-1][1] = weekday
        else:
            groups.append([weekday, weekday, spans])
    parts = []
    for first, last, spans in groups:
        days = (
            day_names[first]
            if first == last
            else (f"{day_names[first]}–{day_names[last]}")
        )
        times = ", ".join(f"{_hhmm(a)}–{_hhmm(b)}" for a, b in spans)
        parts.append(f"{days} {times}")
    return "; ".join(parts)
