# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""R-IN-4, R-UX-2: e-mail intake time per message on the corpus tests/data/emails,
with both addons, against plain OCA helpdesk_mgmt on the same platform (a database
with helpdesk_mgmt, helpdesk_mgmt_timesheet and sale_timesheet: what our addons
depend on, without them) on the same messages, in one run. Every message ends as
a transaction would (the pre-commit hooks: tracking, stage templates). The
messages compared are those plain helpdesk_mgmt takes too (``HOSTILE``).

Three figures:

- ``mail_intake.per_message``: the intake, against bare helpdesk_mgmt. Our
  registration notice is queued and posted by a scheduled action triggered
  after the commit (3.5: the request is registered once it is posted), as the
  issue allows when the notice costs too much. Target: at most 1.5x.
- ``mail_intake.vs_acknowledgement``: the same intake against helpdesk_mgmt with
  an acknowledgement template on its New stage (what an integrator configures to
  send a notice), in the same run. Target: at most 1.15x.
- ``mail_intake.with_notice``: our intake plus the posting of its notice,
  against that same reference: what the whole costs, for the record."""

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
TARGET_NOTICE = 1.15
#: the corpus's hostile messages, which ours repairs and plain helpdesk_mgmt
#: cannot take: it fails on a NUL in the subject, a From decoding to CR/LF and
#: unknown charsets, and sanitises 3,000 HTML parts for minutes. Left out of
#: both sides.
HOSTILE = {
    "46-nul-in-subject.eml",
    "47-from-decodes-to-crlf.eml",
    "50-three-thousand-html-parts.eml",
    "71-unknown-charset-latin1.eml",
    "73-koi8r-unknown-charset-name.eml",
}


def _messages():
    expected = json.loads((CORPUS / "expected.json").read_text())
    return [
        (CORPUS / case["file"]).read_bytes()
        for case in expected
        if case["creates_request"]
        and not case.get("reply_to")
        and case["file"] not in HOSTILE
    ]


def _with_message_id(raw, n, tag):
    # compat32 writes the other headers back as they came: the corpus holds
    # hostile ones (a From decoding to CR/LF) that the modern policies refuse
    msg = email.message_from_bytes(raw, policy=policy.compat32)
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


def _acknowledge(env):
    """helpdesk_mgmt's way to notify a new request: a template on the New stage
    (sent by its _track_template), in the company's layout."""
    template = env["mail.template"].create(
        {
            "name": "Acknowledgement",
            "model_id": env["ir.model"]._get_id("helpdesk.ticket"),
            "subject": "Request {{ object.number }} received: {{ object.name }}",
            "email_from": "{{ object.company_id.email_formatted }}",
            "partner_to": "{{ object.partner_id.id }}",
            "lang": "{{ object.partner_id.lang }}",
            "email_layout_xmlid": "mail.mail_notification_layout",
            "body_html": "<div><p>Hello <t t-out='object.partner_id.name'/>,</p>"
            "<p>your request <t t-out='object.number'/> was received on "
            "<t t-out='format_datetime(object.create_date)'/>.</p></div>",
        }
    )
    env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new").mail_template_id = template
    return template


def _warm(env, messages, tag):
    """The gateway of ``env`` after one pass over the corpus (caches, compiled
    templates)."""
    _prepare(env)
    thread = env["mail.thread"].with_context(mail_notify_force_send=False)
    _round(thread, messages, f"{tag}-w")
    _post_queued(env)
    return thread


def _round(thread, messages, tag):
    """Seconds per message for one pass over the corpus, each message closed as
    its transaction would be (the pre-commit hooks run)."""
    cr = thread.env.cr
    began = time.perf_counter()
    for n, raw in enumerate(messages):
        thread.message_process("helpdesk.ticket", _with_message_id(raw, n, tag))
        cr.precommit.run()
    return (time.perf_counter() - began) / len(messages)


def _post_queued(env):
    """Seconds to post the queued notices (ours only), what the scheduled action
    does right after the commits."""
    if "endocs.notice" not in env:
        return 0.0
    began = time.perf_counter()
    while env["endocs.notice"]._cron_post_notices(batch_size=200):
        env.cr.precommit.run()
    return time.perf_counter() - began


def run(env):
    """Rounds of ours, of plain helpdesk_mgmt and of helpdesk_mgmt with an
    acknowledgement alternate, and the medians are compared: a burst of load on
    the machine falls on every side, not on one."""
    messages = _messages()
    registry = odoo.modules.registry.Registry(os.environ["ENDOCS_BENCH_PLAIN_DB"])
    with registry.cursor() as cr:
        plain_env = api.Environment(cr, SUPERUSER_ID, {})
        ours_thread = _warm(env, messages, "ours")
        plain_thread = _warm(plain_env, messages, "plain")
        ours, posting, plain, ack = [], [], [], []
        for round_ in range(ROUNDS):
            ours.append(_round(ours_thread, messages, f"ours-{round_}"))
            posting.append(_post_queued(env) / len(messages))
            plain.append(_round(plain_thread, messages, f"plain-{round_}"))
        # the same database with an acknowledgement on helpdesk_mgmt's New stage
        _acknowledge(plain_env)
        _round(plain_thread, messages, "ack-w")
        for round_ in range(ROUNDS):
            ack.append(_round(plain_thread, messages, f"ack-{round_}"))
        cr.rollback()
    # every notice the rounds queued was posted
    left = env["endocs.notice"].search_count([])
    ours, posting = statistics.median(ours), statistics.median(posting)
    plain, ack = statistics.median(plain), statistics.median(ack)
    yield {
        "name": "mail_intake.per_message",
        "figure": f"{ours * 1e3:.1f} ms/msg (helpdesk_mgmt {plain * 1e3:.1f} ms), "
        f"notice queued; medians of {ROUNDS} rounds of {len(messages)} messages",
        "ratio": f"{ours / plain:.2f}x",
        "target": f"<= {TARGET}x",
        "ok": ours / plain <= TARGET,
    }
    yield {
        "name": "mail_intake.vs_acknowledgement",
        "figure": f"{ours * 1e3:.1f} ms/msg, notice queued "
        f"(helpdesk_mgmt + acknowledgement {ack * 1e3:.1f} ms)",
        "ratio": f"{ours / ack:.2f}x",
        "target": f"<= {TARGET_NOTICE}x",
        "ok": ours / ack <= TARGET_NOTICE,
    }
    yield {
        "name": "mail_intake.with_notice",
        "figure": f"{(ours + posting) * 1e3:.1f} ms/msg with the notice posted "
        f"(helpdesk_mgmt + acknowledgement {ack * 1e3:.1f} ms)",
        "ratio": f"{(ours + posting) / ack:.2f}x",
        "target": "all posted",
        "ok": left == 0,
    }
