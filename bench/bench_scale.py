# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""`make bench ARGS=scale` only: the scheduled actions, the specialist's screens,
the SLA report and batch invoicing on the generated dataset
(scripts/scale_data.py: 100,000 requests, 80 % closed, 1,000,000 timesheet
lines; sizes by ENDOCS_SCALE_*), run on that database, rolled back after.
Each figure: the time and the SQL queries. The list is compared with plain
helpdesk_mgmt's list on the same requests (database ENDOCS_BENCH_SCALE_PLAIN_DB).
"""

import os
import statistics
import time
from datetime import date

import odoo
from odoo import SUPERUSER_ID, Command, api

LIST_TARGET = 1.3
INVOICE_TARGET = 60.0
ROUNDS = 5


def _timed(env, func, rounds=1):
    """Median seconds and the queries of one call, caches cleared before each."""
    times, queries = [], 0
    for _ in range(rounds):
        env.invalidate_all()
        before = env.cr.sql_log_count
        began = time.perf_counter()
        result = func()
        env.flush_all()
        times.append(time.perf_counter() - began)
        queries = env.cr.sql_log_count - before
    return statistics.median(times), queries, result


def _list(env):
    """What the list view loads: its fields, 80 rows in its order, the count."""
    Ticket = env["helpdesk.ticket"]
    views = Ticket.get_views([(False, "list")])
    fields = list(views["models"]["helpdesk.ticket"]["fields"])

    def load():
        rows = Ticket.search_read([], fields, limit=80)
        return rows, Ticket.search_count([])

    return load


def _kanban(env):
    Ticket = env["helpdesk.ticket"]
    views = Ticket.get_views([(False, "kanban")])
    fields = list(views["models"]["helpdesk.ticket"]["fields"])

    def load():
        groups = Ticket.read_group([], ["stage_id"], ["stage_id"])
        for group in groups:
            Ticket.search_read(group["__domain"], fields, limit=40)
        return groups

    return load


def _sla_report(env):
    Ticket = env["helpdesk.ticket"]
    domain = [("endocs_sla_policy_id", "!=", False)]

    def load():
        graph = Ticket.read_group(
            domain,
            ["__count"],
            ["create_date:month", "endocs_sla_breached"],
            lazy=False,
        )
        pivot = Ticket.read_group(
            domain, ["endocs_processing_hours:sum"], ["team_id", "priority"], lazy=False
        )
        return graph, pivot

    return load


def _line(
    name, seconds, queries, extra="", ratio="-", target="for the record", ok=True
):
    return {
        "name": name,
        "figure": f"{seconds * 1e3:.0f} ms, {queries} queries{extra}",
        "ratio": ratio,
        "target": target,
        "ok": ok,
    }


def run(env):
    Ticket = env["helpdesk.ticket"].with_context(mail_notify_force_send=False)
    requests = Ticket.search_count([])
    env.cr.execute("SELECT count(*) FROM account_analytic_line")
    lines = env.cr.fetchone()[0]
    size = f" ({requests // 1000}k requests, {lines // 1000}k lines)"
    # the crons: one batch each, two batch sizes (the queries must not grow)
    for name, method in (
        ("scale.sla_cron", "_cron_endocs_sla"),
        ("scale.waiting_cron", "_cron_endocs_waiting"),
    ):
        small, small_q, done_small = _timed(
            env, lambda m=method: getattr(Ticket, m)(batch_size=100)
        )
        big, big_q, done_big = _timed(
            env, lambda m=method: getattr(Ticket, m)(batch_size=500)
        )
        yield _line(
            name,
            big,
            big_q,
            f" per batch of {done_big} ({small_q} for {done_small}){size}",
            target="flat queries",
            ok=done_big > 0 and big_q <= small_q + 10,
        )
        env.cr.rollback()
    # the specialist's list, against plain helpdesk_mgmt's on the same requests
    ours, ours_q, _ = _timed(env, _list(env), ROUNDS)
    registry = odoo.modules.registry.Registry(os.environ["ENDOCS_BENCH_SCALE_PLAIN_DB"])
    with registry.cursor() as cr:
        plain_env = api.Environment(cr, SUPERUSER_ID, {})
        plain_requests = plain_env["helpdesk.ticket"].search_count([])
        plain, plain_q, _ = _timed(plain_env, _list(plain_env), ROUNDS)
    yield _line(
        "scale.list",
        ours,
        ours_q,
        f" (helpdesk_mgmt {plain * 1e3:.0f} ms, {plain_q} queries, "
        f"{plain_requests // 1000}k requests)",
        ratio=f"{ours / plain:.2f}x",
        target=f"<= {LIST_TARGET}x",
        ok=ours / plain <= LIST_TARGET,
    )
    seconds, queries, groups = _timed(env, _kanban(env), ROUNDS)
    yield _line(
        "scale.kanban", seconds, queries, f", {len(groups)} columns of 40{size}"
    )
    seconds, queries, _ = _timed(env, _sla_report(env), ROUNDS)
    yield _line("scale.sla_report", seconds, queries, f" graph + pivot{size}")
    # batch invoicing of the paid-support lines of October 2026
    orgs = (
        env["endocs.support.contract"]
        .search([("contract_type", "=", "paid")])
        .partner_id
    )
    wizard = env["endocs.support.invoice.wizard"].create(
        {
            "date_start": date(2026, 10, 1),
            "date_end": date(2026, 10, 31),
            "post_invoices": True,
            "partner_ids": [Command.set(orgs.ids)],
        }
    )
    seconds, queries, action = _timed(env, wizard.action_create_invoices)
    invoices = env["account.move"].search(action["domain"])
    invoiced = env["account.analytic.line"].search_count(
        [("timesheet_invoice_id", "in", invoices.ids)]
    )
    yield _line(
        "scale.batch_invoice",
        seconds,
        queries,
        f", {invoiced} lines, {len(invoices)} invoices+acts",
        ratio=f"{seconds / INVOICE_TARGET:.2f}",
        target=f"<= {INVOICE_TARGET:.0f} s",
        ok=seconds <= INVOICE_TARGET
        and len(invoices) == len(orgs)
        and all(invoices.mapped("endocs_act_id")),
    )
