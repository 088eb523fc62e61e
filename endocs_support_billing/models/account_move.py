# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import timezone
from zoneinfo import ZoneInfo

from odoo import fields, models
from odoo.exceptions import UserError

from ..tools import act as act_tools


def _support_date(ticket):
    """The day a request was registered, in the support desk's time zone."""
    received = ticket.endocs_received_at
    if not received:
        return None
    tz = ticket.team_id.resource_calendar_id.tz or "Europe/Moscow"
    return received.replace(tzinfo=timezone.utc).astimezone(ZoneInfo(tz)).date()


class AccountMove(models.Model):
    _inherit = "account.move"

    endocs_period_start = fields.Date(
        string="Support period from", readonly=True, copy=False
    )
    endocs_period_end = fields.Date(
        string="Support period to", readonly=True, copy=False
    )
    endocs_act_id = fields.Many2one(
        "ir.attachment", string="Act (XLSX)", readonly=True, copy=False
    )
    endocs_has_paid_support = fields.Boolean(compute="_compute_endocs_has_paid_support")

    def _compute_endocs_has_paid_support(self):
        for move in self:
            move.endocs_has_paid_support = bool(move._endocs_paid_timesheets())

    def _endocs_paid_timesheets(self):
        """The paid-support time linked to the invoice (read as superuser: the
        act shows it to whoever may see the invoice)."""
        self.ensure_one()
        return self.sudo().timesheet_ids.filtered("endocs_contract_id")

    def _link_timesheets_to_invoice(self, start_date=None, end_date=None):
        res = super()._link_timesheets_to_invoice(start_date, end_date)
        for move in self:
            dates = move._endocs_paid_timesheets().mapped("date")
            if dates:
                move.write(
                    {
                        "endocs_period_start": start_date or min(dates),
                        "endocs_period_end": end_date or max(dates),
                    }
                )
        return res

    def _post(self, soft=True):
        posted = super()._post(soft)
        posted.filtered(
            lambda m: m.move_type == "out_invoice" and m.endocs_has_paid_support
        )._endocs_generate_act()
        return posted

    # The act (R-BILL-3)
    def _endocs_act_data(self):
        """The act of the invoice: its paid-support timesheets by request, day
        and entry. The lines are read at once and each request, person and
        rate looked up once: an act may hold thousands of lines."""
        self.ensure_one()
        timesheets = self._endocs_paid_timesheets()
        if not timesheets:
            raise UserError(
                self.env._("Invoice %(name)s has no paid-support time.", name=self.name)
            )
        rows = timesheets.read(
            [
                "ticket_id",
                "date",
                "employee_id",
                "user_id",
                "name",
                "unit_amount",
                "endocs_billable_hours",
                "so_line",
            ],
            load=None,
        )
        tickets = {
            ticket.id: (ticket.number or "", _support_date(ticket), ticket.name or "")
            for ticket in timesheets.ticket_id
        }

        def names(records):
            return dict(zip(records.ids, records.mapped("name"), strict=True))

        employees = names(timesheets.employee_id)
        users = names(timesheets.user_id)
        rates = {
            sale_line.id: line.price_unit
            for line in self.invoice_line_ids
            for sale_line in line.sale_line_ids
        }
        rates.update(
            (sale_line.id, sale_line.price_unit)
            for sale_line in timesheets.so_line
            if sale_line.id not in rates
        )
        no_request = ("", None, "")
        rows.sort(
            key=lambda row: (
                tickets.get(row["ticket_id"], no_request)[0],
                row["date"],
                row["id"],
            )
        )
        lines = []
        for row in rows:
            number, registered, subject = tickets.get(row["ticket_id"], no_request)
            lines.append(
                act_tools.ActLine(
                    request=number,
                    registered=registered,
                    subject=subject,
                    day=row["date"],
                    specialist=employees.get(row["employee_id"])
                    or users.get(row["user_id"])
                    or "",
                    work=row["name"] if row["name"] and row["name"] != "/" else "",
                    actual_hours=row["unit_amount"],
                    billable_hours=row["endocs_billable_hours"],
                    rate=rates.get(row["so_line"], 0.0),
                )
            )
        contracts = timesheets.endocs_contract_id
        policy = contracts[:1]
        days = [line.day for line in lines]
        return act_tools.Act(
            number=self.name if self.name and self.name != "/" else "",
            customer=self.commercial_partner_id.name,
            contract=", ".join(contracts.mapped("name")),
            period_start=self.endocs_period_start or min(days),
            period_end=self.endocs_period_end or max(days),
            supplier=self.company_id.name,
            currency=self.currency_id.name,
            digits=self.currency_id.decimal_places,
            note=act_tools.policy_note(
                policy.rounding_step, policy.rounding_minimum, policy.rounding_scope
            ),
            lines=lines,
        )

    def _endocs_act_filename(self):
        self.ensure_one()
        number = (self.name if self.name and self.name != "/" else "draft").replace(
            "/", "-"
        )
        return f"Акт_техподдержка_{number}.xlsx"

    def _endocs_generate_act(self):
        """(Re)generate the act of each invoice and attach it to the invoice."""
        Attachment = self.env["ir.attachment"].sudo()
        for move in self:
            content = act_tools.build_act(move._endocs_act_data())
            vals = {
                "name": move._endocs_act_filename(),
                "datas": base64.b64encode(content),
                "mimetype": "application/vnd.openxmlformats-officedocument."
                "spreadsheetml.sheet",
            }
            if move.endocs_act_id:
                move.endocs_act_id.sudo().write(vals)
            else:
                vals.update(res_model=move._name, res_id=move.id)
                move.sudo().endocs_act_id = Attachment.create(vals)
        return True

    def action_endocs_act(self):
        """Generate the act anew and download it."""
        self.ensure_one()
        self._endocs_generate_act()
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self.endocs_act_id.id}?download=true",
            "target": "self",
        }
