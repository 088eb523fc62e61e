# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import rounding


class EndocsSupportContract(models.Model):
    _inherit = "endocs.support.contract"

    sale_line_id = fields.Many2one(
        "sale.order.line",
        string="Sales order item",
        copy=False,
        tracking=True,
        index="btree_not_null",
        domain="[('order_partner_id.commercial_partner_id', '=', partner_id), "
        "('product_id.service_type', '=', 'timesheet'), "
        "('product_id.invoice_policy', '=', 'delivery')]",
        help="The service line of the sales order of this paid-support contract: "
        "its delivered quantity is the billable time of the requests, and it is "
        "invoiced the usual Odoo way.",
    )
    sale_order_id = fields.Many2one(related="sale_line_id.order_id")
    timesheet_ids = fields.One2many(
        "account.analytic.line", "endocs_contract_id", string="Paid time"
    )

    @api.constrains("sale_line_id", "contract_type", "partner_id")
    def _check_sale_line(self):
        for contract in self.filtered("sale_line_id"):
            line = contract.sale_line_id
            if contract.contract_type != "paid":
                raise ValidationError(
                    self.env._("Only a paid-support contract is invoiced.")
                )
            if line.order_partner_id.commercial_partner_id != contract.partner_id:
                raise ValidationError(
                    self.env._(
                        "The sales order of contract %(contract)s is for another "
                        "customer.",
                        contract=contract.name,
                    )
                )
            if not line.product_id._is_delivered_timesheet():
                raise ValidationError(
                    self.env._(
                        "The sales order item of contract %(contract)s must be a "
                        "service invoiced on timesheets.",
                        contract=contract.name,
                    )
                )

    def _endocs_policy(self):
        self.ensure_one()
        return rounding.Policy(
            step=self.rounding_step,
            minimum=self.rounding_minimum,
            scope=self.rounding_scope,
        )

    def write(self, vals):
        res = super().write(vals)
        if "hourly_rate" in vals:
            # One rate: the contract's is the price of its sales order item.
            for contract in self.filtered("sale_line_id"):
                contract.sale_line_id.sudo().price_unit = contract.hourly_rate
        return res

    def action_endocs_create_sale_order(self):
        """A confirmed sales order with the paid-support service at the
        contract's rate, linked to the contract."""
        product = self.env.ref(
            "endocs_support_billing.product_paid_support", raise_if_not_found=False
        )
        if not product:
            raise UserError(self.env._("The paid-support service product is missing."))
        for contract in self:
            if contract.contract_type != "paid":
                raise UserError(self.env._("Only a paid-support contract is invoiced."))
            if contract.sale_line_id:
                continue
            order = self.env["sale.order"].create(
                {
                    "partner_id": contract.partner_id.id,
                    "company_id": contract.company_id.id,
                    "client_order_ref": contract.name,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "product_uom_qty": 0.0,
                                "price_unit": contract.hourly_rate,
                            }
                        )
                    ],
                }
            )
            order.action_confirm()
            contract.sale_line_id = order.order_line[:1]
        if len(self) == 1:
            return self.sale_order_id.get_formview_action()
        return True
