# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import namedtuple

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import intake

#: Under which contracts an organisation's work falls on a day (R-CON-1..3):
#: ``paid_contract`` is set exactly when the work is paid.
SupportTerms = namedtuple(
    "SupportTerms", "on_date subscription paid_contract eligibility"
)


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
            terms = partner._endocs_support_terms(today, "paid")
            partner.endocs_subscription_active = bool(terms.subscription)
            partner.endocs_paid_support_active = bool(terms.paid_contract)

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
        return self.env["endocs.support.contract"]._endocs_in_force(
            self.commercial_partner_id, contract_type, on_date
        )

    def _endocs_support_terms(self, on_date, billing_class):
        """The one answer to «is this work paid, under which contract»: the
        organisation's contracts in force on the local date ``on_date`` for work
        of ``billing_class`` (``"free"``/``"paid"``). Eligibility of requests,
        billable timesheets and the partner's flags all ask it (R-CON-1..3).

        :return: :data:`SupportTerms`
        """
        Contract = self.env["endocs.support.contract"]
        org = self.commercial_partner_id[:1]
        if not org:
            return SupportTerms(on_date, Contract, Contract, "unknown_org")
        subscription = org._endocs_active_contract("subscription", on_date)
        paid_contract = (
            org._endocs_active_contract("paid", on_date)
            if billing_class == "paid"
            else Contract
        )
        if not subscription:
            eligibility = "no_subscription"
        elif billing_class != "paid":
            eligibility = "free"
        elif paid_contract:
            eligibility = "paid"
        else:
            eligibility = "paid_no_contract"
        return SupportTerms(on_date, subscription, paid_contract, eligibility)

    @api.model
    def _endocs_find_by_client_refs(self, client_refs):
        """``{CLIENT-ID: organisation}`` for these client IDs, in one query."""
        refs = {(ref or "").strip().upper() for ref in client_refs} - {""}
        if not refs:
            return {}
        domain = [("is_company", "=", True)]
        domain += ["|"] * (len(refs) - 1)
        domain += [("endocs_client_ref", "=ilike", ref) for ref in sorted(refs)]
        orgs = self.sudo().search_fetch(domain, ["endocs_client_ref"])
        return {org.endocs_client_ref.upper(): org for org in orgs}

    @api.model
    def _endocs_find_by_client_ref(self, client_ref):
        """The organisation with this client ID (case-insensitive)."""
        orgs = self._endocs_find_by_client_refs([client_ref])
        return orgs.get((client_ref or "").strip().upper(), self.sudo().browse())
