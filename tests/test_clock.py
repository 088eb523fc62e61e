# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""R-UX-2: how a moment and the support hours are told to a person (pure
Python, endocs_support/tools/clock.py)."""

from datetime import datetime, timezone

from odoo.addons.endocs_support.tools import clock

RU_DAYS = [
    "понедельник",
    "вторник",
    "среда",
    "четверг",
    "пятница",
    "суббота",
    "воскресенье",
]


def test_russian_zones_relative_to_moscow_r_ux_2():
    moment = datetime(2026, 1, 15, 12)
    assert clock.zone_label("Europe/Moscow", moment) == "МСК"
    assert clock.zone_label("Asia/Yekaterinburg", moment) == "МСК+2"
    assert clock.zone_label("Asia/Vladivostok", moment) == "МСК+7"
    assert clock.zone_label("Europe/Kaliningrad", moment) == "МСК−1"
    assert clock.zone_label("Europe/Moscow", moment.replace(tzinfo=timezone.utc)) == (
        "МСК"
    )


def test_other_zones_by_abbreviation_or_offset_r_ux_2():
    assert clock.zone_label("Europe/Brussels", datetime(2026, 7, 1)) == "CEST"
    assert clock.zone_label("Europe/Brussels", datetime(2026, 1, 1)) == "CET"
    assert clock.zone_label("UTC", datetime(2026, 1, 1)) == "UTC"
    assert clock.zone_label("Asia/Dubai", datetime(2026, 1, 1)) == "UTC+4"
    assert clock.zone_label(False, datetime(2026, 1, 1)) == "UTC"


def test_the_support_week_in_words_r_ux_2():
    rows = [(day, 10, 13) for day in range(5)] + [(day, 14, 19) for day in range(5)]
    assert (
        clock.describe_week(rows, RU_DAYS)
        == "понедельник–пятница 10:00–13:00, 14:00–19:00"
    )


def test_days_with_other_hours_are_told_apart_r_ux_2():
    rows = [(day, 9, 18) for day in range(4)] + [(4, 9, 16.5), (5, 10, 14)]
    assert clock.describe_week(rows, RU_DAYS) == (
        "понедельник–четверг 09:00–18:00; пятница 09:00–16:30; суббота 10:00–14:00"
    )
    assert clock.describe_week([(0, 10, 19), (2, 10, 19)], RU_DAYS) == (
        "понедельник 10:00–19:00; среда 10:00–19:00"
    )
    assert clock.describe_week([], RU_DAYS) == ""
