# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The detailed act of paid support as an XLSX workbook (R-BILL-3), pure Python.

The act is a Russian document for the customer's accountants, so its texts are
Russian whatever the interface language is.
"""

import io
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import xlsxwriter

COLUMNS = (
    ("№", 5),
    ("Номер запроса", 16),
    ("Дата регистрации", 12),
    ("Тема запроса", 36),
    ("Дата работ", 11),
    ("Специалист", 26),
    ("Описание работ", 48),
    ("Факт, ч", 9),
    ("К оплате, ч", 11),
    ("Ставка за час", 13),
    ("Сумма", 14),
)
FIRST_ROW = 8  # zero-based row of the first line of work


@dataclass
class ActLine:
    request: str
    registered: date | None
    subject: str
    day: date
    specialist: str
    work: str
    actual_hours: float
    billable_hours: float
    rate: float


@dataclass
class Act:
    number: str
    customer: str
    contract: str
    period_start: date
    period_end: date
    supplier: str
    currency: str
    digits: int = 2
    note: str = ""
    lines: list[ActLine] = field(default_factory=list)


def _money(value, digits):
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-digits), ROUND_HALF_UP)


SCOPE_TEXT = {
    "entry": "за каждую запись о работе",
    "request_day": "за запрос в день",
    "request": "за запрос",
}


def _hours_text(value):
    return f"{value:g}".replace(".", ",") + " ч"


def policy_note(step, minimum, scope):
    """How the billable time was obtained, in the act's words (3.11)."""
    return (
        f"Фактическое время округлено в большую сторону до {_hours_text(step)}, "
        f"не менее {_hours_text(minimum)} {SCOPE_TEXT[scope]} "
        "(п. 3.11 Регламента технической поддержки)."
    )


def line_amounts(lines, digits=2):
    """Amount of each line, rounded so that the amounts of the lines at one rate
    add up exactly to the rounded total of that rate (which is what the invoice
    line charges): each line takes the growth of the rounded running total."""
    running_hours = {}
    running_amount = {}
    amounts = []
    for line in lines:
        rate = _money(line.rate, digits)
        hours = running_hours.get(rate, Decimal(0)) + Decimal(str(line.billable_hours))
        total = _money(hours * rate, digits)
        amounts.append(total - running_amount.get(rate, Decimal(0)))
        running_hours[rate] = hours
        running_amount[rate] = total
    return amounts


EXCEL_EPOCH = date(1899, 12, 30)


def _excel_day(day):
    """The serial number of ``day`` in a workbook (what ``write_datetime``
    writes, for the days after 1 March 1900), without its per-cell cost."""
    return (day - EXCEL_EPOCH).days


def build_act(act: Act) -> bytes:
    """The workbook of ``act`` as bytes."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet("Акт")
    bold = book.add_format({"bold": True})
    title = book.add_format({"bold": True, "font_size": 14})
    head = book.add_format(
        {
            "bold": True,
            "border": 1,
            "text_wrap": True,
            "valign": "top",
            "bg_color": "#EEEEEE",
        }
    )
    cell = book.add_format({"border": 1, "valign": "top"})
    wrap = book.add_format({"border": 1, "valign": "top", "text_wrap": True})
    day = book.add_format({"border": 1, "valign": "top", "num_format": "dd.mm.yyyy"})
    hours = book.add_format({"border": 1, "valign": "top", "num_format": "0.00"})
    money_format = "#,##0." + "0" * act.digits if act.digits else "#,##0"
    money = book.add_format({"border": 1, "valign": "top", "num_format": money_format})
    total_hours = book.add_format({"bold": True, "border": 1, "num_format": "0.00"})
    total_money = book.add_format(
        {"bold": True, "border": 1, "num_format": money_format}
    )

    period = (
        f"{act.period_start:%d.%m.%Y} – {act.period_end:%d.%m.%Y}"
        if act.period_start and act.period_end
        else ""
    )
    sheet.write(
        0, 0, f"Акт оказанных услуг технической поддержки № {act.number}", title
    )
    meta = (
        ("Исполнитель:", act.supplier),
        ("Заказчик:", act.customer),
        ("Договор:", act.contract),
        ("Период:", period),
        ("Валюта:", act.currency),
    )
    for offset, (label, value) in enumerate(meta, start=1):
        sheet.write(offset, 0, label, bold)
        sheet.write(offset, 2, value)
    header_row = FIRST_ROW - 1
    for col, (label, width) in enumerate(COLUMNS):
        sheet.set_column(col, col, width)
        sheet.write(header_row, col, label, head)

    amounts = line_amounts(act.lines, act.digits)
    rates = {}  # each rate rounded once (Decimal), not once a line
    row = FIRST_ROW
    for number, (line, amount) in enumerate(zip(act.lines, amounts, strict=True), 1):
        sheet.write_number(row, 0, number, cell)
        sheet.write_string(row, 1, line.request or "", cell)
        if line.registered:
            sheet.write_number(row, 2, _excel_day(line.registered), day)
        else:
            sheet.write_blank(row, 2, None, cell)
        sheet.write_string(row, 3, line.subject or "", wrap)
        sheet.write_number(row, 4, _excel_day(line.day), day)
        sheet.write_string(row, 5, line.specialist or "", cell)
        sheet.write_string(row, 6, line.work or "", wrap)
        sheet.write_number(row, 7, line.actual_hours, hours)
        sheet.write_number(row, 8, line.billable_hours, hours)
        if line.rate not in rates:
            rates[line.rate] = float(_money(line.rate, act.digits))
        sheet.write_number(row, 9, rates[line.rate], money)
        sheet.write_number(row, 10, float(amount), money)
        row += 1

    # Totals as values (the customer's software need not evaluate formulas).
    sheet.write(row, 6, "Итого", bold)
    sheet.write_number(
        row, 7, sum(line.actual_hours for line in act.lines), total_hours
    )
    sheet.write_number(
        row, 8, sum(line.billable_hours for line in act.lines), total_hours
    )
    sheet.write_number(row, 10, float(sum(amounts, Decimal(0))), total_money)
    if act.note:
        sheet.write(row + 2, 0, act.note)
    sheet.freeze_panes(FIRST_ROW, 0)
    book.close()
    return buffer.getvalue()
