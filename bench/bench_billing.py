# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""R-BILL-2 / R-BILL-3: invoicing 10,000 paid-support timesheet lines of 100
customers with the batch wizard «Invoice paid support» (invoices posted, an act
attached to each; target <= 60 s), and one act of 5,000 lines (target <= 5 s).
The data is made with the ORM first (not timed)."""

import time
from datetime import date

from odoo import Command

CUSTOMERS = 100
LINES_PER_CUSTOMER = 100
REQUESTS_PER_CUSTOMER = 10
ACT_LINES = 5_000
INVOICE_TARGET = 60.0
ACT_TARGET = 5.0
PERIOD = (date(2026, 10, 1), date(2026, 10, 31))


def _customer(env, number, employee, lines, requests):
    """A customer with a subscription, a paid-support contract and its sales
    order, ``requests`` paid requests and ``lines`` timesheet lines on them."""
    Partner = env["res.partner"]
    org = Partner.create(
        {
            "name": f"Bench customer {number}",
            "is_company": True,
            "endocs_client_ref": f"BB-{number:04d}",
        }
    )
    contact = Partner.create(
        {
            "name": f"Contact {number}",
            "email": f"c{number}@bench.example",
            "parent_id": org.id,
        }
    )
    Contract = env["endocs.support.contract"]
    Contract.create(
        {
            "name": f"S-{number}",
            "partner_id": org.id,
            "contract_type": "subscription",
            "date_start": date(2026, 1, 1),
        }
    )
    paid = Contract.create(
        {
            "name": f"P-{number}",
            "partner_id": org.id,
            "contract_type": "paid",
            "date_start": date(2026, 1, 1),
            "hourly_rate": 2500,
            "rounding_scope": ("entry", "request_day", "request")[number % 3],
        }
    )
    paid.action_endocs_create_sale_order()
    team = env.ref("endocs_support.helpdesk_team_support")
    category = env.ref("endocs_support.category_configuration")
    tickets = (
        env["helpdesk.ticket"]
        .with_context(mail_notify_force_send=False)
        .create(
            [
                {
                    "name": f"Request {number}-{n}",
                    "team_id": team.id,
                    "category_id": category.id,
                    "partner_id": contact.id,
                    "description": "<p>Настройка.</p>",
                }
                for n in range(requests)
            ]
        )
    )
    env["account.analytic.line"].create(
        [
            {
                "name": f"Work {n}",
                "ticket_id": tickets[n % requests].id,
                "project_id": tickets[n % requests].project_id.id,
                "employee_id": employee.id,
                "unit_amount": (5 + 7 * n % 115) / 60,
                "date": date(2026, 10, 1 + n % 28),
            }
            for n in range(lines)
        ]
    )
    return org


def run(env):
    employee = env["hr.employee"].create({"name": "Bench engineer"})
    began = time.perf_counter()
    orgs = env["res.partner"]
    for number in range(CUSTOMERS):
        orgs |= _customer(
            env, number, employee, LINES_PER_CUSTOMER, REQUESTS_PER_CUSTOMER
        )
    env.flush_all()
    setup = time.perf_counter() - began

    wizard = env["endocs.support.invoice.wizard"].create(
        {
            "date_start": PERIOD[0],
            "date_end": PERIOD[1],
            "post_invoices": True,
            "partner_ids": [Command.set(orgs.ids)],
        }
    )
    began = time.perf_counter()
    action = wizard.action_create_invoices()
    env.flush_all()
    elapsed = time.perf_counter() - began
    invoices = env["account.move"].search(action["domain"])
    lines = invoices.timesheet_ids
    billable = sum(lines.mapped("endocs_billable_hours"))
    invoiced = sum(invoices.invoice_line_ids.mapped("quantity"))
    yield {
        "name": "billing.batch_invoice",
        "figure": f"{len(lines)} lines, {len(invoices)} invoices+acts in "
        f"{elapsed:.1f} s (setup {setup:.0f} s)",
        "ratio": f"{elapsed / INVOICE_TARGET:.2f}",
        "target": f"<= {INVOICE_TARGET:.0f} s",
        "ok": len(lines) == CUSTOMERS * LINES_PER_CUSTOMER
        and len(invoices) == CUSTOMERS
        and all(invoices.mapped("endocs_act_id"))
        and abs(billable - invoiced) < 1e-6
        and elapsed <= INVOICE_TARGET,
    }

    big = _customer(env, CUSTOMERS, employee, ACT_LINES, 50)
    wizard = env["endocs.support.invoice.wizard"].create(
        {
            "date_start": PERIOD[0],
            "date_end": PERIOD[1],
            "partner_ids": [Command.set(big.ids)],
        }
    )
    invoice = env["account.move"].search(wizard.action_create_invoices()["domain"])
    invoice.action_post()
    env.flush_all()
    env.invalidate_all()
    began = time.perf_counter()
    invoice._endocs_generate_act()
    env.flush_all()
    elapsed = time.perf_counter() - began
    yield {
        "name": "billing.act_5000_lines",
        "figure": f"{len(invoice.timesheet_ids)} lines, "
        f"{len(invoice.endocs_act_id.raw) // 1024} KiB in {elapsed:.2f} s",
        "ratio": f"{elapsed / ACT_TARGET:.2f}",
        "target": f"<= {ACT_TARGET:.0f} s",
        "ok": len(invoice.timesheet_ids) == ACT_LINES and elapsed <= ACT_TARGET,
    }
