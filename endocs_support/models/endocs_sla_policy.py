# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .helpdesk_ticket_intake import PRIORITIES

#: what decides which requests a policy applies to (its hours are dependencies
#: of the deadlines: Odoo recomputes those)
CLOCK_FIELDS = {"active", "priority", "team_ids"}


class EndocsSlaPolicy(models.Model):
    """SLA targets in working hours for one priority (R-WF-7): acceptance,
    first response and resolution, counted on the team's calendar from the
    moment processing starts, without the pauses."""

    _name = "endocs.sla.policy"
    _description = "SLA Policy"
    _order = "sequence, priority desc, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    priority = fields.Selection(PRIORITIES, required=True)
    team_ids = fields.Many2many(
        "helpdesk.ticket.team",
        string="Teams",
        help="Empty: every team without a policy of its own for this priority.",
    )
    accept_hours = fields.Float(string="Acceptance (working hours)", required=True)
    response_hours = fields.Float(
        string="First response (working hours)", required=True
    )
    resolve_hours = fields.Float(string="Resolution (working hours)", required=True)

    @api.constrains("accept_hours", "response_hours", "resolve_hours")
    def _check_hours(self):
        for policy in self:
            hours = (policy.accept_hours, policy.response_hours, policy.resolve_hours)
            if min(hours) <= 0:
                raise ValidationError(
                    self.env._(
                        "SLA %(name)s: every target must be a positive number of "
                        "working hours.",
                        name=policy.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        policies = super().create(vals_list)
        self.env["helpdesk.ticket"]._endocs_recompute_clocks()
        return policies

    def write(self, vals):
        res = super().write(vals)
        if CLOCK_FIELDS.intersection(vals):
            self.env["helpdesk.ticket"]._endocs_recompute_clocks()
        return res

    def unlink(self):
        res = super().unlink()
        self.env["helpdesk.ticket"]._endocs_recompute_clocks()
        return res

    def _endocs_policy_for(self, priority, team):
        """Among these policies, the one of ``priority`` for ``team`` (a team's
        own first, then one for every team)."""
        policies = self.filtered(lambda p: p.priority == priority)
        return (
            policies.filtered(lambda p: team and team in p.team_ids)[:1]
            or policies.filtered(lambda p: not p.team_ids)[:1]
        )
