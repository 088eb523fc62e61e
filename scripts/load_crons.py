# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The load test's scheduled work on two nodes (scripts/load.sh), piped into
`odoo shell`. ENDOCS_LOAD_STEP=seed, before the nodes start:
ENDOCS_LOAD_DUE (10,000) requests waiting for the customer, half due for their
reminder and half for the no-reply closure, and ENDOCS_LOAD_SLA (2,000) open
requests whose acceptance deadline passes during the load (spread over
ENDOCS_LOAD_SECONDS), cloned in SQL from requests made with the ORM; our
scheduled actions due every minute from now. ENDOCS_LOAD_STEP=check, after the
load: waits until the nodes' crons have done the work (ENDOCS_LOAD_DRAIN, 900
s at most), then counts in the database that every registration notice,
reminder, closure and breach happened exactly once and none is missing. Odoo's
mail queue is switched off: the e-mails stay queued and are counted (one per
notice), no SMTP server needed."""

import os
import sys
import time
from datetime import datetime, timedelta

env = env  # noqa: F821, PLW0127 (the shell's env)
DUE = int(os.environ.get("ENDOCS_LOAD_DUE", 10_000))
SLA = int(os.environ.get("ENDOCS_LOAD_SLA", 2_000))
SECONDS = float(os.environ.get("ENDOCS_LOAD_SECONDS", 120))
DRAIN = float(os.environ.get("ENDOCS_LOAD_DRAIN", 900))
CRONS = (
    "endocs_support.ir_cron_waiting_customer",
    "endocs_support.ir_cron_post_notices",
    "endocs_support.ir_cron_sla",
)


def clone(model, prefix, count):
    cr = env.cr
    cr.execute(
        """SELECT column_name FROM information_schema.columns
            WHERE table_name = 'helpdesk_ticket'
              AND column_name NOT IN ('id', 'number', 'name')"""
    )
    columns = ", ".join(f'"{row[0]}"' for row in cr.fetchall())
    cr.execute(
        f"""INSERT INTO helpdesk_ticket (number, name, {columns})
            SELECT %s || n, %s || n, {columns}
              FROM helpdesk_ticket, generate_series(1, %s) n
             WHERE id = %s""",  # noqa: S608 - column names from the catalogue
        (prefix, prefix, count, model.id),
    )


def seed():
    now = datetime.utcnow().replace(microsecond=0)
    Ticket = env["helpdesk.ticket"].with_context(mail_notify_force_send=False)
    team = env.ref("endocs_support.helpdesk_team_support")
    partner = (
        env["res.partner"]
        .search([("endocs_client_ref", "=", "ED-5001")], limit=1)
        .child_ids[:1]
    )
    models = Ticket.create(
        [
            {
                "name": name,
                "team_id": team.id,
                "partner_id": partner.id,
                "description": "<p>Нагрузочная проверка.</p>",
            }
            for name in ("LOADSEED waiting", "LOADSEED sla")
        ]
    )
    waiting, open_ = models
    waiting.stage_id = Ticket._endocs_stage("waiting_customer")
    env.flush_all()
    assert open_.endocs_sla_policy_id, "the support team's requests have an SLA"
    clone(waiting, "DUE-R", DUE // 2)
    clone(waiting, "DUE-T", DUE - DUE // 2)
    clone(open_, "SLA-", SLA)
    cr = env.cr
    cr.execute(
        """UPDATE helpdesk_ticket SET endocs_next_reminder_at = %s,
                  endocs_timeout_at = %s, endocs_reminder_count = 0
            WHERE number LIKE 'DUE-R%%'""",
        (now - timedelta(minutes=5), now + timedelta(days=30)),
    )
    cr.execute(
        """UPDATE helpdesk_ticket SET endocs_next_reminder_at = %s,
                  endocs_timeout_at = %s, endocs_reminder_count = 0
            WHERE number LIKE 'DUE-T%%'""",
        (now + timedelta(days=7), now - timedelta(minutes=5)),
    )
    # the acceptance deadlines pass one after the other during the load
    cr.execute(
        """UPDATE helpdesk_ticket
              SET endocs_accept_deadline = %s + make_interval(
                      secs => (substr(number, 5)::int %% %s)),
                  endocs_response_deadline = %s, endocs_resolve_deadline = %s,
                  endocs_accepted_at = NULL
            WHERE number LIKE 'SLA-%%'""",
        (now, max(int(SECONDS), 1), now + timedelta(days=30), now + timedelta(days=30)),
    )
    for xmlid in CRONS:
        env.ref(xmlid).write(
            {"interval_number": 1, "interval_type": "minutes", "nextcall": now}
        )
    env.ref("mail.ir_cron_mail_scheduler_action").active = False
    # the seed's own notices are not part of the count
    env["endocs.notice"].search([("ticket_id", "in", models.ids)]).unlink()
    env.cr.commit()
    sys.stdout.write(
        f"load.crons.seed   {DUE} requests due ({DUE // 2} reminders, "
        f"{DUE - DUE // 2} no-reply), {SLA} SLA deadlines passing\n"
    )


def remaining(now):
    cr = env.cr
    cr.execute(
        """SELECT
            (SELECT count(*) FROM endocs_notice WHERE endocs_cron_error IS NULL),
            (SELECT count(*) FROM helpdesk_ticket t JOIN helpdesk_ticket_stage s
                ON s.id = t.stage_id WHERE s.endocs_role = 'waiting_customer'
               AND t.endocs_cron_error IS NULL AND (t.endocs_next_reminder_at <= %s
                OR (t.endocs_timeout_at <= %s
                    AND t.endocs_timeout_listed IS NOT TRUE))),
            (SELECT count(*) FROM helpdesk_ticket WHERE number LIKE 'SLA-%%'
               AND endocs_accept_breached IS NOT TRUE AND endocs_cron_error IS NULL),
            (SELECT count(*) FROM helpdesk_ticket WHERE name LIKE 'LOAD%%'
               AND name NOT LIKE 'LOADSEED%%' AND endocs_registered_at IS NULL
               AND endocs_cron_error IS NULL)""",
        (now, now),
    )
    return cr.fetchone()


def check():
    began = time.monotonic()
    while True:
        env.cr.rollback()  # a fresh snapshot
        left = remaining(datetime.utcnow())
        if not any(left) or time.monotonic() - began > DRAIN:
            break
        time.sleep(5)
    drained = time.monotonic() - began
    cr = env.cr
    # a notice is a discussion message of the desk (helpdesk_ticket_notify.py):
    # on these requests, made without messages, nobody else writes one
    model = env["helpdesk.ticket"].search([("name", "=", "LOADSEED waiting")])
    notice = (env.ref("mail.mt_comment").id, model._endocs_notice_author().id)

    def per_ticket(where):
        """{notices per request: number of requests} of the requests ``where``."""
        cr.execute(
            f"""SELECT n, count(*) FROM (
                  SELECT t.id, count(m.id) AS n FROM helpdesk_ticket t
                    LEFT JOIN mail_message m ON m.model = 'helpdesk.ticket'
                     AND m.res_id = t.id AND m.message_type = 'comment'
                     AND m.subtype_id = %s AND m.author_id = %s
                   WHERE {where} GROUP BY t.id) x GROUP BY n""",  # noqa: S608
            notice,
        )
        return dict(cr.fetchall())

    lines, ok = [], not any(left)
    checks = (
        (
            "reminders",
            "t.number LIKE 'DUE-R%%' AND t.endocs_reminder_count = 1",
            DUE // 2,
        ),
        (
            "closures",
            "t.number LIKE 'DUE-T%%' AND t.stage_id IN (SELECT id FROM "
            "helpdesk_ticket_stage WHERE endocs_role = 'closed_no_reply')",
            DUE - DUE // 2,
        ),
    )
    cr.execute(
        "SELECT count(*) FROM helpdesk_ticket WHERE name LIKE 'LOAD%' "
        "AND name NOT LIKE 'LOADSEED%'"
    )
    registered_expected = cr.fetchone()[0]
    checks += (
        (
            "registrations",
            "t.name LIKE 'LOAD%%' AND t.name NOT LIKE 'LOADSEED%%' "
            "AND t.endocs_registered_at IS NOT NULL",
            registered_expected,
        ),
    )
    for name, where, expected in checks:
        counts = per_ticket(where)
        good = counts == {1: expected} if expected else not counts
        ok &= good
        lines.append(
            f"{name} {counts.get(1, 0)}/{expected} once"
            f"{'' if good else f' (notices per request: {counts})'}"
        )
    cr.execute(
        """SELECT count(*), count(DISTINCT b.ticket_id) FROM endocs_sla_breach b
             JOIN helpdesk_ticket t ON t.id = b.ticket_id
            WHERE t.number LIKE 'SLA-%' AND b.target = 'accept'"""
    )
    breaches, breached = cr.fetchone()
    good = breaches == breached == SLA
    ok &= good
    lines.append(f"breaches {breaches}/{SLA} once")
    cr.execute(
        "SELECT count(*) FROM helpdesk_ticket WHERE endocs_cron_error IS NOT NULL"
    )
    errors = cr.fetchone()[0]
    ok &= not errors
    cr.execute(
        """SELECT count(*) FROM mail_message m WHERE m.message_type = 'comment'
              AND m.subtype_id = %s AND m.author_id = %s
              AND NOT EXISTS (SELECT 1 FROM mail_mail mm
                               WHERE mm.mail_message_id = m.id)
              AND m.model = 'helpdesk.ticket'
              AND m.res_id IN (SELECT id FROM helpdesk_ticket
                                WHERE number LIKE 'DUE-%%' OR name LIKE 'LOAD%%')""",
        notice,
    )
    unmailed = cr.fetchone()[0]
    ok &= not unmailed
    sys.stdout.write(
        f"{'load.crons.check':<28} {'; '.join(lines)}; cron errors {errors}, "
        f"notices without e-mail {unmailed}; drained in {drained:.0f} s after the load "
        f"(left {left}) {'OK' if ok else 'FAILED'}\n"
    )
    sys.stdout.flush()
    if not ok:
        sys.exit(1)


{"seed": seed, "check": check}[os.environ["ENDOCS_LOAD_STEP"]]()
