# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import rounding

# Fields of a timesheet line that decide its billable time: frozen once invoiced
# (sale_timesheet already freezes unit_amount, date, employee, project, task and
# the sales order item).
LOCKED_FIELDS = ("ticket_id", "endocs_contract_id", "endocs_billable_hours")


class AccountAnalyticLine(models.Model):
    _inherit = "account.analytic.line"

    endocs_contract_id = fields.Many2one(
        "endocs.support.contract",
        string="Paid-support contract",
        compute="_compute_endocs_contract_id",
        store=True,
        index="btree_not_null",
        help="The organisation's paid-support contract in force on the day of "
        "the work, for a request of a paid kind; empty for free support.",
    )
    endocs_billable_hours = fields.Float(
        string="Billable hours",
        compute="_compute_endocs_billable_hours",
        store=True,
        readonly=True,
        copy=False,
        help="Paid work rounded up by the contract's policy (regulation 3.11); "
        "the actual time stays as logged. This, not the actual time, is "
        "delivered and invoiced.",
    )

    @api.depends(
        "date",
        "ticket_id.category_id.endocs_billing_class",
        "ticket_id.endocs_org_id.endocs_contract_ids.date_start",
        "ticket_id.endocs_org_id.endocs_contract_ids.date_end",
        "ticket_id.endocs_org_id.endocs_contract_ids.active",
    )
    def _compute_endocs_contract_id(self):
        for line in self:
            if not line._is_not_billed():
                continue  # invoiced: stays with the contract it was billed on
            line.endocs_contract_id = (
                line.ticket_id._endocs_terms(line.date).paid_contract
                if line.ticket_id and line.date
                else False
            )

    @api.depends(
        "unit_amount",
        "date",
        "endocs_contract_id.rounding_step",
        "endocs_contract_id.rounding_minimum",
        "endocs_contract_id.rounding_scope",
        "ticket_id.timesheet_ids.unit_amount",
        "ticket_id.timesheet_ids.date",
        "ticket_id.timesheet_ids.endocs_contract_id",
    )
    def _compute_endocs_billable_hours(self):
        """One service occurrence may span several lines (scope per request and
        day, or per request): the lines of the same requests are rounded
        together, in the order they were logged; invoiced lines keep their
        value (tools/rounding.py)."""
        lines = self | self.ticket_id.timesheet_ids
        billable = {}
        for contract in lines.endocs_contract_id:
            group = lines.filtered(
                lambda line, c=contract: line.endocs_contract_id == c
            )
            entries = [
                rounding.Entry(
                    key=line.id,
                    request=line.ticket_id.id,
                    day=line.date,
                    hours=line.unit_amount,
                    locked=None
                    if line._is_not_billed()
                    else line.endocs_billable_hours,
                )
                for line in group.sorted(lambda line: line._origin.id or 0)
            ]
            billable.update(rounding.billable_hours(entries, contract._endocs_policy()))
        for line in self:
            line.endocs_billable_hours = billable.get(line.id, 0.0)

    def _timesheet_determine_sale_line(self):
        """Time on a request goes to the sales order item of the paid-support
        contract, or nowhere: free support is never billable (R-BILL-1)."""
        if self.ticket_id:
            return self.endocs_contract_id.sale_line_id
        return super()._timesheet_determine_sale_line()

    @api.depends("endocs_contract_id.sale_line_id", "ticket_id")
    def _compute_so_line(self):
        return super()._compute_so_line()

    def _check_can_write(self, values):
        if "endocs_billable_hours" in values:
            raise UserError(
                self.env._(
                    "Billable time is computed from the actual time by the "
                    "contract's rounding policy; it cannot be edited."
                )
            )
        if any(field in values for field in LOCKED_FIELDS) and any(
            not line._is_not_billed() for line in self.filtered("endocs_contract_id")
        ):
            raise UserError(
                self.env._("You cannot modify timesheets that are already invoiced.")
            )
        return super()._check_can_write(values)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_endocs_invoiced(self):
        """sale_timesheet only protects lines of posted invoices; paid-support
        time on a draft invoice is invoiced too (R-BILL-2). Other timesheets
        keep sale_timesheet's own rule (R-ECO-1)."""
        if any(
            not line._is_not_billed() for line in self.filtered("endocs_contract_id")
        ):
            raise UserError(
                self.env._(
                    "You cannot remove a timesheet that has already been invoiced."
                )
            )
