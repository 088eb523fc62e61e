# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError

from .helpdesk_ticket_intake import PRIORITIES
from .helpdesk_ticket_sla import SLA_TARGETS

#: what decides which requests a policy applies to (its hours are dependencies
#: of the deadlines: Odoo recomputes those)
CLOCK_FIELDS = {"active", "priority", "team_ids"}
#: the targets' hours, kept in the policy table too
HOURS_FIELDS = {f"{target}_hours" for target in SLA_TARGETS}


class EndocsSlaPolicy(models.Model):
    """SLA targets in working hours for one priority (R-WF-7): acceptance,
    first response and resolution, counted on the team's calendar from the
    moment processing starts, without the pauses."""

    _name = "endocs.sla.policy"
    _description = "SLA Policy"
    _inherit = ["endocs.kept.source"]
    _endocs_kept_fields = CLOCK_FIELDS | HOURS_FIELDS | {"sequence"}
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

    @api.model
    @tools.ormcache()
    def _endocs_policy_table(self):
        """``((id, priority, team ids, hours), ...)``: the active policies in
        their order with their targets' working hours (``{target: hours}``),
        kept per worker (every new request asks which one it falls under and
        its deadlines; cleared when a policy, or a team, changes)."""
        policies = self.sudo().search([("active", "=", True)])
        return tuple(
            (
                p.id,
                p.priority,
                frozenset(p.team_ids.ids),
                p._endocs_read_target_hours(),
            )
            for p in policies
        )

    def _endocs_read_target_hours(self):
        self.ensure_one()
        return {target: self[f"{target}_hours"] for target in SLA_TARGETS}

    def _endocs_target_hours(self):
        """``{target: working hours}`` of this policy (``accept``,
        ``response``, ``resolve``), from the kept table: no query for each
        request (an archived policy is read)."""
        self.ensure_one()
        for policy_id, _priority, _teams, hours in self._endocs_policy_table():
            if policy_id == self.id:
                return hours
        return self._endocs_read_target_hours()

    @api.model
    def _endocs_policy_for(self, priority, team):
        """The active policy of ``priority`` for ``team`` (a team's own first,
        then one for every team), or an empty recordset."""
        rows = [row for row in self._endocs_policy_table() if row[1] == priority]
        own = [pid for pid, _p, teams, _h in rows if team and team.id in teams]
        shared = [pid for pid, _p, teams, _h in rows if not teams]
        return self.browse((own or shared)[:1])
