# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import intake


class ResPartner(models.Model):
    _inherit = "res.partner"

    endocs_client_ref = fields.Char(
        string="Client ID",
        index=True,
        copy=False,
        help="The organisation's client ID in EnDocs (I3.3). Set on the "
        "organisation; its contacts show the same.",
    )
    endocs_contract_ids = fields.One2many(
        "endocs.support.contract", "partner_id", string="Support contracts"
    )
    endocs_subscription_active = fields.Boolean(
        string="Active subscription", compute="_compute_endocs_contracts"
    )
    endocs_paid_support_active = fields.Boolean(
        string="Active paid support", compute="_compute_endocs_contracts"
    )

    @api.depends_context("date")
    @api.depends(
        "commercial_partner_id.endocs_contract_ids.date_start",
        "commercial_partner_id.endocs_contract_ids.date_end",
        "commercial_partner_id.endocs_contract_ids.active",
    )
    def _compute_endocs_contracts(self):
        today = fields.Date.context_today(self)
        for partner in self:
            org = partner.commercial_partner_id
            partner.endocs_subscription_active = bool(
                org._endocs_active_contract("subscription", today)
            )
            partner.endocs_paid_support_active = bool(
                org._endocs_active_contract("paid", today)
            )

    @api.model
    def _commercial_fields(self):
        return super()._commercial_fields() + ["endocs_client_ref"]

    @api.constrains("endocs_client_ref", "is_company", "parent_id")
    def _check_endocs_client_ref(self):
        for partner in self.filtered("endocs_client_ref"):
            clean, errors = intake.validate(
                {"client_ref": partner.endocs_client_ref}, required=()
            )
            if errors:
                raise ValidationError(
                    self.env._(
                        "Client ID %(ref)s: 3 to 32 Latin letters, digits or "
                        "hyphens, starting with a letter or a digit.",
                        ref=partner.endocs_client_ref,
                    )
                )
            org = partner.commercial_partner_id
            duplicate = self.sudo().search(
                [
                    ("endocs_client_ref", "=ilike", clean["client_ref"]),
                    ("id", "!=", org.id),
                    ("commercial_partner_id", "!=", org.id),
                ],
                limit=1,
            )
            if duplicate:
                raise ValidationError(
                    self.env._(
                        "Client ID %(ref)s already belongs to %(org)s.",
                        ref=partner.endocs_client_ref,
                        org=duplicate.commercial_partner_id.display_name,
                    )
                )

    def _endocs_active_contract(self, contract_type, on_date):
        """The organisation's contract of ``contract_type`` active on
        ``on_date`` (an empty recordset when there is none)."""
        self.ensure_one()
        return self.commercial_partner_id.endocs_contract_ids.filtered(
            lambda c: c.contract_type == contract_type and c._is_active_on(on_date)
        )[:1]

    @api.model
    def _endocs_find_by_client_ref(self, client_ref):
        """The organisation with this client ID (case-insensitive)."""
        if not client_ref:
            return self.browse()
        return self.sudo().search(
            [
                ("endocs_client_ref", "=ilike", client_ref.strip()),
                ("is_company", "=", True),
            ],
            limit=1,
        )
