# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Paid support billing: R-BILL-1 (billable time), R-BILL-2 (invoicing)."""

from datetime import date
from unittest.mock import patch

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import NOV, OCT, BillingCase

D1, D2 = date(2026, 10, 5), date(2026, 10, 6)


@tagged("post_install", "-at_install")
class TestBillableTime(BillingCase):
    def test_rounding_table_per_entry_r_bill_1(self):
        ticket = self.paid_ticket()
        table = {1: 0.5, 29: 0.5, 30: 0.5, 31: 1.0, 59: 1.0, 61: 1.5}
        lines = {minutes: self.log(ticket, minutes, D1) for minutes in table}
        for minutes, billable in table.items():
            line = lines[minutes]
            self.assertAlmostEqual(
                line.unit_amount, minutes / 60, msg="actual as logged"
            )
            self.assertEqual(line.endocs_billable_hours, billable, f"{minutes} min")
            self.assertEqual(line.so_line, self.sale_line)
        self.assertEqual(ticket.endocs_billable_hours, 5.0)
        self.assertEqual(self.sale_line.qty_delivered, 5.0)

    def test_scopes_several_entries_on_one_day_r_bill_1(self):
        ticket = self.paid_ticket()
        lines = [
            self.log(ticket, 10, D1),
            self.log(ticket, 10, D1),
            self.log(ticket, 25, D1),
            self.log(ticket, 10, D2),
        ]

        def billable():
            return [line.endocs_billable_hours for line in lines]

        self.assertEqual(billable(), [0.5, 0.5, 0.5, 0.5])
        self.paid_contract.rounding_scope = "request_day"
        self.assertEqual(billable(), [0.5, 0.0, 0.5, 0.5])  # 45 min, 10 min
        self.paid_contract.rounding_scope = "request"
        self.assertEqual(billable(), [0.5, 0.0, 0.5, 0.0])  # 55 min
        self.assertEqual(self.sale_line.qty_delivered, 1.0)
        # Editing an entry re-rounds its occurrence; deleting one too.
        lines[0].unit_amount = 40 / 60  # 85 min in all
        self.assertEqual(sum(billable()), 1.5)
        lines.pop(0).unlink()
        self.assertEqual(sum(billable()), 1.0)  # 45 min
        self.assertEqual(self.sale_line.qty_delivered, 1.0)

    def test_free_support_is_never_billable_r_bill_1(self):
        with self.mock_mail_gateway():
            free = self.Ticket.create(self.intake_vals())
        line = self.log(free, 61, D1)
        self.assertFalse(line.endocs_contract_id)
        self.assertEqual(line.endocs_billable_hours, 0.0)
        self.assertFalse(line.so_line)
        # A paid kind of work without a paid contract in force is not billed either.
        self.paid_contract.date_start = date(2026, 10, 6)
        ticket = self.paid_ticket()
        before, after = self.log(ticket, 20, D1), self.log(ticket, 20, D2)
        self.assertEqual(
            (before.endocs_billable_hours, after.endocs_billable_hours), (0, 0.5)
        )
        self.assertFalse(before.so_line)
        self.assertEqual(self.sale_line.qty_delivered, 0.5)

    def test_specialist_cannot_change_billable_time_or_rates_r_sec_1(self):
        ticket = self.paid_ticket()
        line = self.log(ticket, 20, D1)
        with self.assertRaises(UserError):
            line.with_user(self.engineer).write({"endocs_billable_hours": 3.0})
        with self.assertRaises(UserError):
            line.write({"endocs_billable_hours": 3.0})  # not even an administrator
        with self.assertRaises(AccessError):
            self.paid_contract.with_user(self.engineer).hourly_rate = 1
        with self.assertRaises(AccessError):
            self.sale_line.with_user(self.engineer).price_unit = 1
        self.assertEqual(line.endocs_billable_hours, 0.5)

    def test_accountant_reads_requests_but_cannot_edit_them(self):
        ticket = self.paid_ticket()
        self.assertEqual(ticket.with_user(self.accountant).name, ticket.name)
        with self.assertRaises(AccessError):
            ticket.with_user(self.accountant).name = "Другое"

    def test_contract_rate_is_the_sales_order_price(self):
        self.assertEqual(self.sale_line.price_unit, 3000)
        self.assertEqual(self.sale_line.order_id.state, "sale")
        self.paid_contract.hourly_rate = 3500
        self.assertEqual(self.sale_line.price_unit, 3500)


@tagged("post_install", "-at_install")
class TestInvoicing(BillingCase):
    def _invoice_line(self, invoice):
        return invoice.invoice_line_ids.filtered(
            lambda line: self.sale_line in line.sale_line_ids
        )

    def test_partial_invoicing_by_period_r_bill_2(self):
        ticket = self.paid_ticket()
        october = self.log(ticket, 31, date(2026, 10, 30))  # 1.0 h
        november = self.log(ticket, 20, date(2026, 11, 2)) | self.log(
            ticket, 70, date(2026, 11, 3)
        )  # 0.5 + 1.5 h
        invoice = self.invoice_period(*OCT)
        self.assertEqual(len(invoice), 1)
        self.assertEqual(self._invoice_line(invoice).quantity, 1.0)
        self.assertEqual(invoice.amount_untaxed, 3000)
        self.assertEqual(october.timesheet_invoice_id, invoice)
        self.assertFalse(november.timesheet_invoice_id)
        self.assertEqual((invoice.endocs_period_start, invoice.endocs_period_end), OCT)
        # The same period again: nothing left, nothing invoiced twice.
        with self.assertRaisesRegex(UserError, "no paid-support time"):
            self.invoice_period(*OCT)
        november_invoice = self.invoice_period(*NOV)
        self.assertEqual(self._invoice_line(november_invoice).quantity, 2.0)
        self.assertEqual(november.timesheet_invoice_id, november_invoice)
        self.assertEqual(self.sale_line.qty_invoiced, 3.0)
        self.assertEqual(self.sale_line.qty_delivered, 3.0)
        self.assertEqual(self.sale_line.qty_to_invoice, 0.0)

    def test_request_scope_across_periods_bills_the_growth_only(self):
        self.paid_contract.rounding_scope = "request"
        ticket = self.paid_ticket()
        self.log(ticket, 10, date(2026, 10, 30))
        self.assertEqual(self._invoice_line(self.invoice_period(*OCT)).quantity, 0.5)
        later = self.log(ticket, 10, date(2026, 11, 2))
        self.assertEqual(later.endocs_billable_hours, 0.0)  # 20 min: 0.5 h, billed
        with self.assertRaisesRegex(UserError, "no paid-support time"):
            self.invoice_period(*NOV)
        self.log(ticket, 25, date(2026, 11, 3))  # 45 min: 1.0 h
        self.assertEqual(self._invoice_line(self.invoice_period(*NOV)).quantity, 0.5)

    def test_invoiced_time_is_locked_r_bill_2(self):
        ticket = self.paid_ticket()
        line = self.log(ticket, 20, D1)
        other = self.log(ticket, 20, D2)
        self.invoice_period(*OCT, post=False)  # a draft is invoiced time too
        self.assertTrue(line.timesheet_invoice_id)
        for vals in (
            {"unit_amount": 5.0},
            {"date": date(2026, 11, 2)},
            {"ticket_id": self.paid_ticket().id},
        ):
            with self.assertRaises(UserError):
                line.with_user(self.engineer).write(vals)
        with self.assertRaises(UserError):
            line.with_user(self.engineer).unlink()
        with self.assertRaises(UserError):
            other.unlink()
        # The rounding policy changing later does not touch invoiced lines.
        self.paid_contract.rounding_scope = "request"
        self.assertEqual(line.endocs_billable_hours, 0.5)
        self.assertEqual(other.endocs_billable_hours, 0.5)

    def test_other_timesheets_keep_sale_timesheets_rule_r_eco_1(self):
        """A timesheet that is not paid support (another project, no contract)
        on a draft invoice is sale_timesheet's business: deleting it is allowed
        as without our addons; only paid-support time is locked on a draft."""
        ticket = self.paid_ticket()
        self.log(ticket, 20, D1)
        invoice = self.invoice_period(*OCT, post=False)
        project = self.env["project.project"].create({"name": "Внедрение"})
        other = self.Line.create(
            {
                "name": "Работы по внедрению",
                "project_id": project.id,
                "employee_id": self.employee.id,
                "unit_amount": 1.0,
                "date": D1,
            }
        )
        other.timesheet_invoice_id = invoice
        self.assertFalse(other.endocs_contract_id)
        other.write({"unit_amount": 2.0})
        other.unlink()
        self.assertFalse(other.exists())

    def test_credit_note_releases_the_time_r_bill_2(self):
        ticket = self.paid_ticket()
        lines = self.log(ticket, 45, D1) | self.log(ticket, 5, D2)
        invoice = self.invoice_period(*OCT)
        self.assertEqual(self._invoice_line(invoice).quantity, 1.5)
        with self.assertRaisesRegex(UserError, "no paid-support time"):
            self.invoice_period(*OCT)
        credit_note = invoice._reverse_moves(cancel=True)
        self.assertEqual(credit_note.state, "posted")
        self.assertEqual(invoice.payment_state, "reversed")
        self.assertEqual(self.sale_line.qty_invoiced, 0.0)
        again = self.invoice_period(*OCT)
        self.assertEqual(self._invoice_line(again).quantity, 1.5)
        self.assertEqual(lines.timesheet_invoice_id, again)
        self.assertEqual(self.sale_line.qty_invoiced, 1.5)

    def test_batch_wizard_invoices_many_customers(self):
        contracts = self.env["endocs.support.contract"]
        for number in range(3):
            org = self.env["res.partner"].create(
                {"name": f"Клиент {number}", "is_company": True}
            )
            contact = self.env["res.partner"].create(
                {
                    "name": f"Контакт {number}",
                    "parent_id": org.id,
                    "email": f"c{number}@x.ru",
                }
            )
            for kind in ("subscription", "paid"):
                contracts |= contracts.create(
                    {
                        "name": f"{kind}-{number}",
                        "partner_id": org.id,
                        "contract_type": kind,
                        "date_start": date(2026, 1, 1),
                        "hourly_rate": 1000 * (number + 1),
                    }
                )
            ticket = self.paid_ticket(
                partner_id=contact.id,
                endocs_org_name=org.name,
                endocs_client_ref=False,
                endocs_login_email=contact.email,
            )
            self.log(ticket, 50 + number, D1)
        paid = contracts.filtered(lambda c: c.contract_type == "paid")
        paid.action_endocs_create_sale_order()
        invoices = self.invoice_period(*OCT, partners=paid.partner_id)
        self.assertEqual(len(invoices), 3)
        self.assertEqual(
            sorted(invoices.mapped("amount_untaxed")), [1000.0, 2000.0, 3000.0]
        )
        self.assertTrue(all(invoices.mapped("endocs_act_id")))

    def test_invoicing_killed_midway_then_run_again_r_rel_1(self):
        """The batch wizard dies after the first customer's invoice: its
        transaction is rolled back whole; the next run invoices every customer
        once."""
        orgs = self.org
        for number in range(2):
            org = self.env["res.partner"].create(
                {"name": f"Клиент сбоя {number}", "is_company": True}
            )
            contact = self.env["res.partner"].create(
                {"name": f"К{number}", "parent_id": org.id, "email": f"f{number}@x.ru"}
            )
            for kind in ("subscription", "paid"):
                contract = self.env["endocs.support.contract"].create(
                    {
                        "name": f"F-{kind}-{number}",
                        "partner_id": org.id,
                        "contract_type": kind,
                        "date_start": date(2026, 1, 1),
                        "hourly_rate": 1000,
                    }
                )
            contract.action_endocs_create_sale_order()
            ticket = self.paid_ticket(
                partner_id=contact.id,
                endocs_org_name=org.name,
                endocs_client_ref=False,
                endocs_login_email=contact.email,
            )
            self.log(ticket, 30, D1)
            orgs |= org
        self.log(self.paid_ticket(), 30, D1)
        Move = type(self.env["account.move"])
        original = Move._endocs_act_data
        calls = []

        def dies_on_second(moves):
            calls.append(moves)
            if len(calls) == 2:
                raise RuntimeError("worker killed")
            return original(moves)

        with patch.object(Move, "_endocs_act_data", dies_on_second):
            with self.assertRaises(RuntimeError), self.env.cr.savepoint():
                self.invoice_period(*OCT, partners=orgs)
        self.env.invalidate_all()
        lines = self.Line.search([("endocs_contract_id.partner_id", "in", orgs.ids)])
        self.assertEqual(len(lines), 3)
        self.assertFalse(lines.timesheet_invoice_id, "nothing of the failed run")
        invoices = self.invoice_period(*OCT, partners=orgs)
        self.assertEqual(len(invoices), 3)
        self.assertEqual(len(lines.timesheet_invoice_id), 3)
        self.assertEqual(
            self.env["account.move"].search_count(
                [("partner_id", "in", orgs.ids), ("move_type", "=", "out_invoice")]
            ),
            3,
        )
