# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""R-BILL-3: the detailed act, read back with openpyxl."""

import base64
import io
from datetime import date

import openpyxl

from odoo.tests import tagged

from odoo.addons.endocs_support_billing.models.account_move import _support_date
from odoo.addons.endocs_support_billing.tools.act import COLUMNS, FIRST_ROW

from .common import OCT, BillingCase


@tagged("post_install", "-at_install")
class TestAct(BillingCase):
    def test_act_rows_and_totals_match_the_invoice_r_bill_3(self):
        self.paid_contract.hourly_rate = 1234.57
        first, second = self.paid_ticket(name="Настройка маршрутов"), self.paid_ticket()
        self.log(first, 31, date(2026, 10, 5), "Настройка маршрута согласования")
        self.log(first, 10, date(2026, 10, 6), "Проверка")
        self.log(second, 95, date(2026, 10, 7), "Обучение пользователя")
        invoice = self.invoice_period(*OCT)
        self.assertEqual(invoice.state, "posted")
        act = invoice.endocs_act_id
        self.assertEqual((act.res_model, act.res_id), ("account.move", invoice.id))
        self.assertIn(invoice.name.replace("/", "-"), act.name)

        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(act.datas)))
        sheet = book.active
        header = [c.value for c in sheet[FIRST_ROW]]
        self.assertEqual(header, [label for label, __ in COLUMNS])
        self.assertIn(invoice.name, sheet["A1"].value)
        self.assertIn("01.10.2026 – 31.10.2026", [c.value for c in sheet["C"]])
        rows = [
            [c.value for c in row]
            for row in sheet.iter_rows(min_row=FIRST_ROW + 1)
            if isinstance(row[0].value, int)
        ]
        timesheets = invoice.timesheet_ids
        self.assertEqual(len(rows), 3)
        self.assertEqual(
            [(r[1], r[6], round(r[7], 4), r[8]) for r in rows],
            [
                (
                    first.number,
                    "Настройка маршрута согласования",
                    round(31 / 60, 4),
                    1.0,
                ),
                (first.number, "Проверка", round(10 / 60, 4), 0.5),
                (second.number, "Обучение пользователя", round(95 / 60, 4), 2.0),
            ],
        )
        self.assertEqual({r[5] for r in rows}, {"Алексей Петров"})
        # the days are dates to the customer's spreadsheet, shown as dd.mm.yyyy
        self.assertEqual(
            [r[4].date() for r in rows],
            [date(2026, 10, 5), date(2026, 10, 6), date(2026, 10, 7)],
        )
        self.assertEqual(
            [r[2].date() for r in rows],
            [_support_date(t) for t in (first, first, second)],
        )
        self.assertEqual(
            {sheet.cell(FIRST_ROW + 1, col).number_format for col in (3, 5)},
            {"dd.mm.yyyy"},
        )
        self.assertEqual({r[9] for r in rows}, {1234.57})
        total = next(
            row
            for row in sheet.iter_rows(min_row=FIRST_ROW + 1)
            if row[6].value == "Итого"
        )
        invoice_line = invoice.invoice_line_ids.filtered("sale_line_ids")
        self.assertEqual(total[8].value, invoice_line.quantity)
        self.assertEqual(
            total[8].value, sum(timesheets.mapped("endocs_billable_hours"))
        )
        self.assertAlmostEqual(total[7].value, sum(timesheets.mapped("unit_amount")))
        self.assertEqual(total[10].value, invoice.amount_untaxed)  # 3.5 h → 4321.00
        self.assertEqual(round(sum(r[10] for r in rows), 2), invoice.amount_untaxed)
