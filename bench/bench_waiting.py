# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""R-WF-3 / R-REL-1: the waiting-for-customer scheduled action over 10,000
requests waiting for the customer, every one due for its weekly reminder.
Prints requests per second and the SQL queries per batch for two batch sizes
(the count must not grow with the batch). Target: at least 500 requests/s.

The reminders it queues are posted by «EnDocs: post queued notices», through
Odoo's mail machinery (a template rendered in the customer's language, the mail
layout, the chatter message, the queued e-mail): ``waiting.notices`` times a
sample of them, for the record (no target: the cost is Odoo's per message)."""

import time
from datetime import datetime, timedelta

from freezegun import freeze_time  # not odoo.tests: no test framework here

N = 10_000
TARGET = 500
NOW = datetime(2025, 10, 20, 9, 0)


def _waiting_requests(env, count):
    """``count`` waiting requests, cloned in SQL from one made with the ORM."""
    org = env["res.partner"].create(
        {"name": "Bench Org", "is_company": True, "endocs_client_ref": "BN-0001"}
    )
    contact = env["res.partner"].create(
        {"name": "Bench Contact", "email": "bench@example.com", "parent_id": org.id}
    )
    Ticket = env["helpdesk.ticket"].with_context(mail_notify_force_send=False)
    model = Ticket.create(
        {
            "name": "Bench",
            "team_id": env.ref("endocs_support.helpdesk_team_support").id,
            "partner_id": contact.id,
            "description": "<p>Ожидание ответа клиента.</p>",
        }
    )
    model.stage_id = Ticket._endocs_stage("waiting_customer")
    model.write(
        {
            "endocs_next_reminder_at": NOW - timedelta(minutes=5),
            "endocs_timeout_at": NOW + timedelta(days=30),
        }
    )
    env.flush_all()
    cr = env.cr
    cr.execute(
        """SELECT column_name FROM information_schema.columns
            WHERE table_name = 'helpdesk_ticket'
              AND column_name NOT IN ('id', 'number')"""
    )
    columns = ", ".join(f'"{row[0]}"' for row in cr.fetchall())
    cr.execute(
        f"""INSERT INTO helpdesk_ticket (number, {columns})
            SELECT 'BENCH' || n, {columns}
              FROM helpdesk_ticket, generate_series(1, %s) n
             WHERE id = %s""",  # noqa: S608 - column names from the catalogue
        (count - 1, model.id),
    )
    env.invalidate_all()


def _run(env, batch_size):
    Ticket = env["helpdesk.ticket"].with_context(mail_notify_force_send=False)
    queries, batches, done = [], 0, 0
    began = time.perf_counter()
    with freeze_time(NOW):
        while True:
            before = env.cr.sql_log_count
            count = Ticket._cron_endocs_waiting(batch_size=batch_size)
            env.flush_all()
            if not count:
                break
            queries.append(env.cr.sql_log_count - before)
            batches += 1
            done += count
    return done, time.perf_counter() - began, queries


def _post_sample(env, count):
    Notice = env["endocs.notice"]
    began = time.perf_counter()
    posted = Notice._cron_post_notices(batch_size=count)
    env.flush_all()
    return posted, time.perf_counter() - began


def run(env):
    _waiting_requests(env, N)
    # a first small pass with another batch size, to compare the query counts
    small_done, _small_time, small_queries = _run_limited(env, 100, 3)
    done, elapsed, queries = _run(env, 500)
    done += small_done
    rate = done / elapsed
    yield {
        "name": "waiting.reminders",
        "figure": f"{done} requests, {rate:.0f} req/s; queries/batch "
        f"{max(small_queries)} (100) vs {max(queries)} (500)",
        "ratio": f"{rate / TARGET:.2f}x",
        "target": f">= {TARGET}/s",
        "ok": done == N and rate >= TARGET and max(queries) <= max(small_queries) + 5,
    }
    queued = env["endocs.notice"].search_count([])
    posted, seconds = _post_sample(env, 300)
    yield {
        "name": "waiting.notices",
        "figure": f"{posted} of {queued} queued reminders posted, "
        f"{posted / seconds:.0f} notices/s ({seconds / posted * 1e3:.1f} ms each)",
        "ratio": "-",
        "target": "for the record",
        "ok": posted == min(300, queued) and queued >= N,
    }


def _run_limited(env, batch_size, batches):
    Ticket = env["helpdesk.ticket"].with_context(mail_notify_force_send=False)
    queries, done = [], 0
    began = time.perf_counter()
    with freeze_time(NOW):
        for _ in range(batches):
            before = env.cr.sql_log_count
            done += Ticket._cron_endocs_waiting(batch_size=batch_size)
            env.flush_all()
            queries.append(env.cr.sql_log_count - before)
    return done, time.perf_counter() - began, queries
