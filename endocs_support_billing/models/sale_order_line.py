# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.osv import expression


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    endocs_contract_ids = fields.One2many(
        "endocs.support.contract", "sale_line_id", string="Paid-support contracts"
    )

    @api.depends("analytic_line_ids.endocs_billable_hours")
    def _compute_qty_delivered(self):
        return super()._compute_qty_delivered()

    def _get_delivered_quantity_by_analytic(self, additional_domain):
        """The delivered quantity of a paid-support contract's line is the
        billable time of its timesheets, not their actual time (R-BILL-2). Both
        the delivered quantity and sale_timesheet's invoicing by period go
        through this method."""
        ours = self.filtered("endocs_contract_ids")
        result = super(SaleOrderLine, self - ours)._get_delivered_quantity_by_analytic(
            additional_domain
        )
        if not ours:
            return result
        domain = expression.AND([[("so_line", "in", ours.ids)], additional_domain])
        groups = self.env["account.analytic.line"]._read_group(
            domain, ["product_uom_id", "so_line"], ["endocs_billable_hours:sum"]
        )
        for uom, so_line, hours in groups:
            if not uom:
                continue  # as sale does: a line without a unit is not a quantity
            if so_line.product_uom.category_id == uom.category_id:
                hours = uom._compute_quantity(
                    hours, so_line.product_uom, rounding_method="HALF-UP"
                )
            result[so_line.id] += hours
        return result
