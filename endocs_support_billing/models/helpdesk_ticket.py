# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

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
