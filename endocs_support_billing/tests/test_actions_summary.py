# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""R-WF-3: the closure for no reply lists the logged work too."""

from datetime import date

from odoo.tests import freeze_time

from odoo.addons.endocs_support.tests.common import EndocsCase


class TestActionsSummary(EndocsCase):
    def test_closure_summary_lists_timesheets_r_wf_3(self):
        project = self.env["project.project"].create(
            {"name": "Support", "allow_timesheets": True}
        )
        employee = self.env["hr.employee"].create(
            {"name": "Алексей Петров", "user_id": self.specialist.id}
        )
        with freeze_time("2025-10-13 09:00:00"):
            with self.mock_mail_gateway():
                ticket = self.Ticket.create(self.intake_vals(project_id=project.id))
            self.env["account.analytic.line"].create(
                {
                    "name": "Анализ журнала ошибок",
                    "project_id": project.id,
                    "ticket_id": ticket.id,
                    "employee_id": employee.id,
                    "unit_amount": 0.75,
                    "date": date(2025, 10, 13),
                }
            )
            ticket.stage_id = ticket._endocs_stage("waiting_customer")
        with freeze_time("2025-10-20 09:01:00"), self.mock_mail_gateway():
            self.Ticket._cron_endocs_waiting()
            self.env["endocs.notice"]._cron_post_notices()
        self.assertEqual(ticket.endocs_stage_role, "closed_no_reply")
        self.assertIn("Анализ журнала ошибок", ticket.endocs_resolution)
        self.assertIn("0.75", ticket.endocs_resolution)
