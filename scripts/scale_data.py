# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The dataset of `make bench ARGS=scale` (scripts/bench.sh builds it once and
caches it), piped into `odoo shell`: a few records made with the ORM (so that
every stored field is what the code computes), then cloned with SQL INSERTs.

ENDOCS_SCALE_REQUESTS (100,000) requests, 80 % closed, the rest spread over the
open stages (new, in progress, waiting for the customer or a third party), of
200 customers; ENDOCS_SCALE_LINES (1,000,000) timesheet lines on them, of which
ENDOCS_SCALE_INVOICE_LINES (100,000) are paid support to invoice in October 2026
(100 customers with a paid contract, per-entry rounding). Due work for the
crons: ENDOCS_SCALE_DUE (2,000) open requests past their acceptance deadline
and as many waiting requests due for their reminder.

ENDOCS_SCALE_FLAVOUR=plain: the same requests in plain helpdesk_mgmt (the list's
reference), no timesheets."""

import importlib.util
import os
import sys
from datetime import datetime
from pathlib import Path

env = env  # noqa: F821, PLW0127 (the shell's env)
N = int(os.environ.get("ENDOCS_SCALE_REQUESTS", 100_000))
LINES = int(os.environ.get("ENDOCS_SCALE_LINES", 1_000_000))
INVOICE_LINES = int(os.environ.get("ENDOCS_SCALE_INVOICE_LINES", 100_000))
DUE = int(os.environ.get("ENDOCS_SCALE_DUE", 2_000))
PLAIN = os.environ.get("ENDOCS_SCALE_FLAVOUR") == "plain"
INVOICE_CUSTOMERS = 100
NOW = datetime.utcnow().replace(microsecond=0)
cr = env.cr


def columns(table, *skip):
    cr.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = %s",
        (table,),
    )
    return [r[0] for r in cr.fetchall() if r[0] not in ("id", *skip)]


def clone_tickets(model, count, partners):
    cols = columns("helpdesk_ticket", "number", "name", "partner_id", "create_date")
    listed = ", ".join(f'"{c}"' for c in cols)
    cr.execute(
        f"""INSERT INTO helpdesk_ticket
                (number, name, partner_id, create_date, {listed})
            SELECT 'SC' || n, 'Scale request ' || n, (%s::int[])[1 + n %% %s],
                   %s - make_interval(mins => n), {listed}
              FROM helpdesk_ticket, generate_series(1, %s) n
             WHERE id = %s RETURNING id""",  # noqa: S608 - the catalogue's names
        (partners, len(partners), NOW, count, model.id),
    )
    return [r[0] for r in cr.fetchall()]


def stage_ids():
    cr.execute(
        "SELECT id, name->>'en_US', closed FROM helpdesk_ticket_stage "
        "ORDER BY sequence, id"
    )
    return cr.fetchall()


def spread_stages():
    """80 % closed, 20 % over the open stages, by the clone's number."""
    stages = stage_ids()
    closed = [s[0] for s in stages if s[2]]
    open_ = [s[0] for s in stages if not s[2]]
    cr.execute(
        """UPDATE helpdesk_ticket t SET
              stage_id = CASE WHEN substr(number, 3)::int %% 10 < 8
                  THEN (%s::int[])[1 + substr(number, 3)::int %% %s]
                  ELSE (%s::int[])[1 + substr(number, 3)::int %% %s] END,
              closed_date = CASE WHEN substr(number, 3)::int %% 10 < 8
                  THEN create_date + interval '1 day' END,
              last_stage_update = create_date
            WHERE number LIKE 'SC%%'""",
        (closed, len(closed), open_, len(open_)),
    )


def ours():
    Partner = env["res.partner"]
    orgs = Partner.create(
        [
            {
                "name": f"Scale org {n}",
                "is_company": True,
                "endocs_client_ref": f"SC-{n:04d}",
            }
            for n in range(200)
        ]
    )
    contacts = Partner.create(
        [
            {
                "name": f"Scale contact {n}",
                "email": f"s{n}@scale.example",
                "parent_id": org.id,
            }
            for n, org in enumerate(orgs)
        ]
    )
    team = env.ref("endocs_support.helpdesk_team_support")
    Ticket = env["helpdesk.ticket"].with_context(mail_notify_force_send=False)
    model = Ticket.create(
        {
            "name": "Scale model",
            "team_id": team.id,
            "partner_id": contacts[0].id,
            "description": "<p>Не открывается карточка документа.</p>",
        }
    )
    env.flush_all()
    ids = clone_tickets(model, N - 1, contacts.ids)
    spread_stages()
    cr.execute(
        """UPDATE helpdesk_ticket t SET endocs_stage_role = s.endocs_role,
                  endocs_received_at = t.create_date,
                  endocs_registered_at = t.create_date,
                  endocs_processing_start = t.create_date,
                  endocs_accept_deadline = t.create_date + interval '2 hours',
                  endocs_response_deadline = t.create_date + interval '8 hours',
                  endocs_resolve_deadline = t.create_date + interval '5 days',
                  endocs_accepted_at = CASE WHEN s.endocs_role <> 'new'
                      THEN t.create_date END,
                  endocs_first_response_at = CASE WHEN s.endocs_role <> 'new'
                      THEN t.create_date END,
                  endocs_accept_breached = false, endocs_response_breached = false,
                  endocs_resolve_breached = false, endocs_sla_breached = false
             FROM helpdesk_ticket_stage s
            WHERE s.id = t.stage_id AND t.number LIKE 'SC%%'"""
    )
    # the open requests' deadlines are ahead, but DUE of them passed acceptance
    cr.execute(
        """UPDATE helpdesk_ticket SET endocs_accept_deadline = %s + interval '1 day',
                  endocs_response_deadline = %s + interval '1 day',
                  endocs_resolve_deadline = %s + interval '5 days'
            WHERE number LIKE 'SC%%' AND closed_date IS NULL""",
        (NOW, NOW, NOW),
    )
    cr.execute(
        """UPDATE helpdesk_ticket SET endocs_accept_deadline = %s - interval '1 hour'
            WHERE id IN (SELECT id FROM helpdesk_ticket WHERE number LIKE 'SC%%'
                            AND endocs_stage_role = 'new' ORDER BY id LIMIT %s)""",
        (NOW, DUE),
    )
    cr.execute(
        """UPDATE helpdesk_ticket SET endocs_wait_since = create_date,
                  endocs_next_reminder_at = %s + interval '7 days',
                  endocs_timeout_at = %s + interval '30 days'
            WHERE number LIKE 'SC%%' AND endocs_stage_role = 'waiting_customer'""",
        (NOW, NOW),
    )
    cr.execute(
        """UPDATE helpdesk_ticket
              SET endocs_next_reminder_at = %s - interval '5 minutes'
            WHERE id IN (SELECT id FROM helpdesk_ticket WHERE number LIKE 'SC%%'
                            AND endocs_stage_role = 'waiting_customer'
                          ORDER BY id LIMIT %s)""",
        (NOW, DUE),
    )
    # timesheets: the paid-support customers of the billing benchmark, cloned
    path = Path(os.environ["ENDOCS_BENCH_DIR"]) / "bench_billing.py"
    spec = importlib.util.spec_from_file_location("endocs_bench_billing", path)
    billing = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(billing)
    employee = env["hr.employee"].create({"name": "Scale engineer"})
    paid = env["res.partner"]
    for number in range(INVOICE_CUSTOMERS):
        paid |= billing._customer(env, number, employee, 2, 2)
    env["endocs.support.contract"].search(
        [("partner_id", "in", paid.ids), ("contract_type", "=", "paid")]
    ).rounding_scope = "entry"
    env.flush_all()
    env.invalidate_all()
    line_cols = columns("account_analytic_line")
    listed = ", ".join(f'"{c}"' for c in line_cols)

    # each paid customer's first line, INVOICE_LINES / 100 times (October 2026)
    def october(column):
        return "DATE '2026-10-01' + (n %% 28)" if column == "date" else f'l."{column}"'

    per_customer = max(INVOICE_LINES // INVOICE_CUSTOMERS - 2, 0)
    cr.execute(
        f"""INSERT INTO account_analytic_line ({listed})
            SELECT {", ".join(october(c) for c in line_cols)}
              FROM (SELECT DISTINCT ON (t.partner_id) l.* FROM account_analytic_line l
                      JOIN helpdesk_ticket t ON t.id = l.ticket_id
                     WHERE l.date >= '2026-10-01' ORDER BY t.partner_id, l.id) l,
                   generate_series(1, %s) n""",  # noqa: S608
        (per_customer,),
    )
    # the rest: past work on the generated requests (invoiced long ago)
    rest = LINES - INVOICE_LINES
    if rest > 0:
        cr.execute(
            "SELECT min(id), max(id) FROM helpdesk_ticket WHERE number LIKE 'SC%%'"
        )
        first, last = cr.fetchone()
        project = (
            model.project_id
            or env["helpdesk.ticket"]
            .search(
                [("partner_id", "child_of", paid[:1].id), ("project_id", "!=", False)],
                limit=1,
            )
            .project_id
        )
        sample = env["account.analytic.line"].create(
            {
                "name": "Past work",
                "ticket_id": model.id,
                "project_id": project.id,
                "employee_id": employee.id,
                "unit_amount": 0.5,
                "date": datetime(2025, 6, 2).date(),
            }
        )
        env.flush_all()
        cr.execute(
            f"""INSERT INTO account_analytic_line ({listed})
                SELECT {
                ", ".join(
                    "%s + n %% %s"
                    if c == "ticket_id"
                    else "DATE '2025-01-01' + (n %% 540)"
                    if c == "date"
                    else f'l."{c}"'
                    for c in line_cols
                )
            }
                  FROM account_analytic_line l, generate_series(1, %s) n
                 WHERE l.id = %s""",  # noqa: S608
            (first, last - first + 1, rest, sample.id),
        )
    del ids


def plain():
    Partner = env["res.partner"]
    contacts = Partner.create(
        [
            {"name": f"Scale contact {n}", "email": f"s{n}@scale.example"}
            for n in range(200)
        ]
    )
    team = env["helpdesk.ticket.team"].create({"name": "Support"})
    model = env["helpdesk.ticket"].create(
        {
            "name": "Scale model",
            "team_id": team.id,
            "partner_id": contacts[0].id,
            "description": "<p>Не открывается карточка документа.</p>",
        }
    )
    env.flush_all()
    clone_tickets(model, N - 1, contacts.ids)
    spread_stages()


plain() if PLAIN else ours()
cr.execute("ANALYZE")
env.cr.commit()
sys.stdout.write(
    f"scale dataset: {N} requests, {LINES if not PLAIN else 0} timesheet lines\n"
)
