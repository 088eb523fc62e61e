# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""R-TIME-5: the working-time engine against Odoo's resource.calendar on the same
calendar (the support calendar, working weekends and short days off so both
answer the same) and the same inputs, in one run. Target: 500x faster."""

import random
import time
from datetime import datetime, timedelta

N_ODOO = 400
REPEAT_ENGINE = 50
TARGET = 500


def _inputs(n, seed=20251):
    rng = random.Random(seed)
    start = datetime(2024, 1, 1)
    return [
        (
            start + timedelta(minutes=rng.randrange(3 * 365 * 24 * 60)),
            rng.randrange(1, 4 * 80) / 4,
        )
        for _ in range(n)
    ]


def _per_call(func, inputs, repeat=1):
    began = time.perf_counter()
    for _ in range(repeat):
        results = [func(a, b) for a, b in inputs]
    return (time.perf_counter() - began) / (len(inputs) * repeat), results


def run(env):
    calendar = env.ref("endocs_support.resource_calendar_support_msk")
    calendar._endocs_sync_production_calendar([2023, 2024, 2025, 2026, 2027])
    calendar.write(
        {"endocs_follow_working_weekends": False, "endocs_shorten_preholiday": False}
    )
    wt = calendar._working_time()
    inputs = _inputs(N_ODOO)
    spans = [(start, start + timedelta(hours=hours * 3)) for start, hours in inputs]

    odoo_add, expected = _per_call(
        lambda s, h: calendar.plan_hours(h, s, compute_leaves=True), inputs
    )
    ours_add, got = _per_call(wt.add_hours, inputs, REPEAT_ENGINE)
    assert got == expected, "engine and plan_hours disagree"

    odoo_between, expected = _per_call(
        lambda a, b: calendar.get_work_hours_count(a, b, compute_leaves=True), spans
    )
    ours_between, got = _per_call(wt.hours_between, spans, REPEAT_ENGINE)
    assert all(abs(x - y) < 1e-6 for x, y in zip(got, expected, strict=True))

    for name, ours, odoo, ref in (
        ("worktime.add_hours", ours_add, odoo_add, "plan_hours"),
        ("worktime.hours_between", ours_between, odoo_between, "get_work_hours_count"),
    ):
        ratio = odoo / ours
        yield {
            "name": name,
            "figure": f"{ours * 1e6:.2f} us/call ({ref} {odoo * 1e3:.2f} ms)",
            "ratio": f"{ratio:.0f}x",
            "target": f">= {TARGET}x",
            "ok": ratio >= TARGET,
        }
