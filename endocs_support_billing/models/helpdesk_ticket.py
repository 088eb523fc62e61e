# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    endocs_billable_hours = fields.Float(
        string="Billable hours",
        compute="_compute_endocs_billable_hours",
        store=True,
        help="Paid time of the request after rounding (regulation 3.11).",
    )

    @api.depends("timesheet_ids.endocs_billable_hours")
    def _compute_endocs_billable_hours(self):
        for ticket in self:
            ticket.endocs_billable_hours = sum(
                ticket.timesheet_ids.mapped("endocs_billable_hours")
            )

    @api.model_create_multi
    def create(self, vals_list):
        """Every channel (portal, e-mail, API, back office) files the request in
        the team's timesheet project, not only the back-office form's onchange."""
        teams = self.env["helpdesk.ticket.team"].browse(
            [vals["team_id"] for vals in vals_list if vals.get("team_id")]
        )
        projects = {team.id: team.default_project_id.id for team in teams.sudo()}
        for vals in vals_list:
            if not vals.get("project_id") and projects.get(vals.get("team_id")):
                vals["project_id"] = projects[vals["team_id"]]
        tickets = super().create(vals_list)
        # The team may also come from a default or a compute.
        missing = tickets.filtered(
            lambda t: not t.project_id and t.team_id.sudo().default_project_id
        )
        for project, group in missing.grouped(
            lambda t: t.team_id.sudo().default_project_id
        ).items():
            group.project_id = project
        return tickets

    @api.model
    def _endocs_assign_team_projects(self):
        """On installation: requests already filed go in their team's timesheet
        project too, so that time can be logged on them."""
        for team in self.env["helpdesk.ticket.team"].search(
            [("default_project_id", "!=", False)]
        ):
            self.search(
                [("team_id", "=", team.id), ("project_id", "=", False)]
            ).project_id = team.default_project_id

    def _endocs_actions_summary(self):
        """The logged work joins the summary of a request closed for want of an
        answer (regulation 2.7: «с указанием выполненных действий»)."""
        lines = super()._endocs_actions_summary()
        for line in self.timesheet_ids.sorted("date"):
            lines.append(
                self.env._(
                    "%(date)s: %(employee)s, %(hours).2f h: %(work)s",
                    date=line.date,
                    employee=line.employee_id.name or line.user_id.name or "",
                    hours=line.unit_amount,
                    work=line.name or "",
                )
            )
        return lines
