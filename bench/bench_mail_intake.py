# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""R-IN-4: e-mail intake time per message on the corpus tests/data/emails, with
both addons, against plain OCA helpdesk_mgmt on the same platform (a database with
helpdesk_mgmt, helpdesk_mgmt_timesheet and sale_timesheet: what our addons depend
on, without them) on the same messages, in one run. Each new request of ours also
renders and sends the registration notice, which plain helpdesk_mgmt does not.
Target: at most 1.5x plain helpdesk_mgmt."""

import email
import json
import os
import statistics
import time
from email import policy
from pathlib import Path

import odoo
from odoo import SUPERUSER_ID, api

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "emails"
ROUNDS = 7
TARGET = 1.5


def _messages():
    expected = json.loads((CORPUS / "expected.json").read_text())
    return [
        (CORPUS / case["file"]).read_bytes()
        for case in expected
        if case["creates_request"] and not case.get("reply_to")
    ]


def _with_message_id(raw, n, tag):
    msg = email.message_from_bytes(raw, policy=policy.SMTP)
    del msg["Message-Id"]
    msg["Message-Id"] = f"<bench-{tag}-{n}@bench.example>"
    return msg.as_bytes()


def _prepare(env):
    domain = env["mail.alias.domain"].search([("name", "=", "endocs.ru")], limit=1)
    if not domain:
        domain = env["mail.alias.domain"].create({"name": "endocs.ru"})
    env.company.alias_domain_id = domain
    # the corpus has many requests from one sender: no loop protection here
    env["ir.config_parameter"].set_param("mail.gateway.loop.threshold", 100000)
    team = env["helpdesk.ticket.team"].search([("alias_name", "=", "support")], limit=1)
    if not team:
        team = env["helpdesk.ticket.team"].create(
            {"name": "Support", "alias_name": "support", "alias_contact": "everyone"}
        )
    team.alias_id.alias_domain_id = domain


def _warm(env, messages, tag):
    """The gateway of ``env`` after one pass over the corpus (caches, compiled
    templates)."""
    _prepare(env)
    thread = env["mail.thread"].with_context(mail_notify_force_send=False)
    for n, raw in enumerate(messages):
        thread.message_process("helpdesk.ticket", _with_message_id(raw, n, f"{tag}-w"))
    return thread


def _round(thread, messages, tag):
    """Seconds per message for one pass over the corpus."""
    began = time.perf_counter()
    for n, raw in enumerate(messages):
        thread.message_process("helpdesk.ticket", _with_message_id(raw, n, tag))
    return (time.perf_counter() - began) / len(messages)


def run(env):
    """Rounds of ours and of plain helpdesk_mgmt alternate, and the medians are
    compared: a burst of load on the machine falls on both sides, not on one."""
    messages = _messages()
    registry = odoo.modules.registry.Registry(os.environ["ENDOCS_BENCH_PLAIN_DB"])
    with registry.cursor() as cr:
        plain_env = api.Environment(cr, SUPERUSER_ID, {})
        ours_thread = _warm(env, messages, "ours")
        plain_thread = _warm(plain_env, messages, "plain")
        ours_times, plain_times = [], []
        for round_ in range(ROUNDS):
            ours_times.append(_round(ours_thread, messages, f"ours-{round_}"))
            plain_times.append(_round(plain_thread, messages, f"plain-{round_}"))
        cr.rollback()
    ours, plain = statistics.median(ours_times), statistics.median(plain_times)
    ratio = ours / plain
    yield {
        "name": "mail_intake.per_message",
        "figure": f"{ours * 1e3:.1f} ms/msg (helpdesk_mgmt {plain * 1e3:.1f} ms), "
        f"medians of {ROUNDS} alternating rounds",
        "ratio": f"{ratio:.2f}x",
        "target": f"<= {TARGET}x",
        "ok": ratio <= TARGET,
    }
