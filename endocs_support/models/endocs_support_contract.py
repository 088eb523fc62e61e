# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError

#: what :meth:`EndocsSupportContract._endocs_contract_table` keeps of a contract
TABLE_FIELDS = {"partner_id", "contract_type", "date_start", "date_end", "active"}


class EndocsSupportContract(models.Model):
    """A support contract of an organisation (regulation 2.1, 2.2; R-CON-1):
    the subscription gives free support while active, a separate paid-support
    contract is needed for paid work."""

    _name = "endocs.support.contract"
    _description = "Support Contract"
    _inherit = ["mail.thread", "endocs.kept.source"]
    _endocs_kept_fields = TABLE_FIELDS
    _order = "partner_id, contract_type, date_start desc"
    _sql_constraints = [
        (
            "dates_ordered",
            "check(date_end is null or date_end >= date_start)",
            "A contract cannot end before it starts.",
        ),
        (
            "rounding_positive",
            "check(rounding_step > 0 and rounding_minimum >= 0)",
            "The rounding step must be positive and the minimum not negative.",
        ),
    ]

    name = fields.Char(string="Contract number", required=True, tracking=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Organisation",
        required=True,
        index=True,
        tracking=True,
        domain="[('is_company', '=', True)]",
    )
    contract_type = fields.Selection(
        [("subscription", "EnDocs subscription"), ("paid", "Paid support")],
        required=True,
        default="subscription",
        tracking=True,
    )
    date_start = fields.Date(required=True, tracking=True)
    date_end = fields.Date(tracking=True, help="Empty: open-ended.")
    active = fields.Boolean(default=True)
    state = fields.Selection(
        [("future", "Not started"), ("active", "Active"), ("expired", "Expired")],
        compute="_compute_state",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    hourly_rate = fields.Monetary(
        tracking=True, help="Price of one billable hour of paid support."
    )
    rounding_step = fields.Float(
        default=0.5,
        tracking=True,
        help="Billable time is rounded up to a multiple of this many hours (3.11).",
    )
    rounding_minimum = fields.Float(
        default=0.5,
        tracking=True,
        help="Minimum billable hours per service occurrence (3.11: 30 minutes).",
    )
    rounding_scope = fields.Selection(
        [
            ("entry", "Per timesheet entry"),
            ("request_day", "Per request and day"),
            ("request", "Per request"),
        ],
        default="entry",
        required=True,
        tracking=True,
        help="What one service occurrence is when rounding billable time.",
    )
    note = fields.Text()

    @api.depends_context("date")
    @api.depends("date_start", "date_end")
    def _compute_state(self):
        today = fields.Date.context_today(self)
        for contract in self:
            if contract.date_start and contract.date_start > today:
                contract.state = "future"
            elif contract.date_end and contract.date_end < today:
                contract.state = "expired"
            else:
                contract.state = "active"

    @api.constrains("partner_id")
    def _check_partner_is_organisation(self):
        for contract in self:
            if contract.partner_id != contract.partner_id.commercial_partner_id:
                raise ValidationError(
                    self.env._(
                        "A support contract belongs to an organisation, not to "
                        "the contact %(contact)s.",
                        contact=contract.partner_id.display_name,
                    )
                )

    @api.model
    @tools.ormcache()
    def _endocs_contract_table(self):
        """``{organisation id: ((id, type, start, end), ...)}``: every active
        contract in the model's order, kept per worker (each new request asks
        whether its organisation's work is covered, R-CON-1..3; cleared when a
        contract's organisation, type, dates or archiving change). Read only."""
        table = {}
        contracts = self.sudo().search_fetch(
            [], ["partner_id", "contract_type", "date_start", "date_end"]
        )
        for contract in contracts:
            table.setdefault(contract.partner_id.id, []).append(
                (
                    contract.id,
                    contract.contract_type,
                    contract.date_start,
                    contract.date_end,
                )
            )
        return {org_id: tuple(rows) for org_id, rows in table.items()}

    @api.model
    def _endocs_in_force(self, org, contract_type, on_date):
        """``org``'s first active contract of ``contract_type`` in force on the
        local date ``on_date`` that the user may read (an empty recordset when
        there is none): a contract covers the days from its start to its end,
        both included, or on without an end."""
        ids = [
            contract_id
            for contract_id, kind, start, end in self._endocs_contract_table().get(
                org.id, ()
            )
            if kind == contract_type
            and start <= on_date
            and (not end or on_date <= end)
        ]
        return self.browse(ids)._filtered_access("read")[:1]
