# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression


def _last_month(today):
    first = today.replace(day=1) - relativedelta(months=1)
    return first, first + relativedelta(months=1, days=-1)


class EndocsSupportInvoiceWizard(models.TransientModel):
    """«Invoice paid support for a period» for many customers at once: the
    standard sales invoicing (sale_timesheet's invoicing by period) run over every
    paid-support contract with time not invoiced yet, then the acts."""

    _name = "endocs.support.invoice.wizard"
    _description = "Invoice Paid Support for a Period"

    date_start = fields.Date(
        required=True,
        default=lambda self: _last_month(fields.Date.context_today(self))[0],
    )
    date_end = fields.Date(
        required=True,
        default=lambda self: _last_month(fields.Date.context_today(self))[1],
    )
    partner_ids = fields.Many2many(
        "res.partner",
        string="Customers",
        domain="[('is_company', '=', True)]",
        help="Empty: every customer with paid-support time to invoice.",
    )
    post_invoices = fields.Boolean(
        string="Post the invoices",
        help="Post the invoices at once (their acts are attached on posting); "
        "otherwise they stay drafts for review.",
    )
    contract_count = fields.Integer(compute="_compute_preview")
    hours_to_invoice = fields.Float(compute="_compute_preview")

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for wizard in self:
            if wizard.date_end < wizard.date_start:
                raise UserError(self.env._("The period ends before it starts."))

    def _timesheet_domain(self):
        """The paid-support time of the period not invoiced yet — "not invoiced
        yet" as sale_timesheet defines it when it links time to an invoice."""
        self.ensure_one()
        contract_domain = [("sale_line_id", "!=", False)]
        if self.partner_ids:
            contract_domain.append(
                ("partner_id", "in", self.partner_ids.commercial_partner_id.ids)
            )
        sale_lines = (
            self.env["endocs.support.contract"].search(contract_domain).sale_line_id
        )
        return expression.AND(
            [
                self.env["account.move.line"]._timesheet_domain_get_invoiced_lines(
                    sale_lines
                ),
                [
                    ("date", ">=", self.date_start),
                    ("date", "<=", self.date_end),
                    ("endocs_contract_id", "!=", False),
                ],
            ]
        )

    @api.depends("date_start", "date_end", "partner_ids")
    def _compute_preview(self):
        for wizard in self:
            if not (wizard.date_start and wizard.date_end):
                wizard.contract_count = 0
                wizard.hours_to_invoice = 0.0
                continue
            groups = self.env["account.analytic.line"]._read_group(
                wizard._timesheet_domain(),
                ["endocs_contract_id"],
                ["endocs_billable_hours:sum"],
            )
            wizard.contract_count = len([1 for __, hours in groups if hours])
            wizard.hours_to_invoice = sum(hours for __, hours in groups)

    def action_create_invoices(self):
        self.ensure_one()
        # the orders with paid time that adds billable hours (under a
        # per-request scope, later time may be covered by what was billed
        # already), in one query however many lines the period holds
        orders = self.env["sale.order"].union(
            *(
                order
                for (order,) in self.env["account.analytic.line"]._read_group(
                    expression.AND(
                        [self._timesheet_domain(), [("endocs_billable_hours", ">", 0)]]
                    ),
                    ["order_id"],
                )
            )
        )
        if not orders:
            raise UserError(
                self.env._(
                    "There is no paid-support time to invoice from %(start)s "
                    "to %(end)s.",
                    start=self.date_start,
                    end=self.date_end,
                )
            )
        # Odoo's own invoicing wizard, invoicing timesheets by period.
        invoicing = self.env["sale.advance.payment.inv"].create(
            {
                "advance_payment_method": "delivered",
                "sale_order_ids": [fields.Command.set(orders.ids)],
                "date_start_invoice_timesheet": self.date_start,
                "date_end_invoice_timesheet": self.date_end,
            }
        )
        invoices = invoicing._create_invoices(orders)
        if self.post_invoices:
            invoices.action_post()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "account.action_move_out_invoice_type"
        )
        action["domain"] = [("id", "in", invoices.ids)]
        action["context"] = {"default_move_type": "out_invoice"}
        return action
