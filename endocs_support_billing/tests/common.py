# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.tests import new_test_user

from odoo.addons.endocs_support.tests.common import EndocsCase


class BillingCase(EndocsCase):
    """EndocsCase plus a specialist who logs time, an accountant, and the
    paid-support contract's sales order (made by the contract's button)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.engineer = new_test_user(
            env,
            login="endocs_engineer",
            groups="base.group_user,helpdesk_mgmt.group_helpdesk_user,"
            "hr_timesheet.group_hr_timesheet_user",
            name="Алексей Петров",
        )
        cls.employee = env["hr.employee"].create(
            {"name": "Алексей Петров", "user_id": cls.engineer.id}
        )
        cls.accountant = new_test_user(
            env,
            login="endocs_accountant",
            groups="endocs_support_billing.group_endocs_accountant",
            name="Ирина Кузнецова",
        )
        cls.paid_contract.action_endocs_create_sale_order()
        cls.sale_line = cls.paid_contract.sale_line_id
        cls.Line = env["account.analytic.line"]

    @classmethod
    def portal_users(cls, prefix):
        """A portal user for ООО «Ромашка»'s contact and one for АО «Вектор»'s
        (login = password)."""
        return tuple(
            new_test_user(
                cls.env,
                login=f"{prefix}_{name}",
                groups="base.group_portal",
                partner_id=contact.id,
            )
            for name, contact in (("romashka", cls.contact), ("vector", cls.contact2))
        )

    def paid_ticket(self, **overrides):
        with self.mock_mail_gateway():
            return self.Ticket.create(
                self.intake_vals(category_id=self.category_paid.id, **overrides)
            )

    def log(self, ticket, minutes, day, work="Настройка маршрута"):
        """``minutes`` of work on ``day`` logged by the engineer, as Odoo stores
        it (hours as a float)."""
        return self.Line.with_user(self.engineer).create(
            {
                "name": work,
                "ticket_id": ticket.id,
                "project_id": ticket.project_id.id,
                "employee_id": self.employee.id,
                "unit_amount": minutes / 60,
                "date": day,
            }
        )

    def invoice_period(self, start, end, post=True, partners=None):
        wizard = (
            self.env["endocs.support.invoice.wizard"]
            .with_user(self.accountant)
            .create(
                {
                    "date_start": start,
                    "date_end": end,
                    "post_invoices": post,
                    "partner_ids": [(6, 0, (partners or self.org).ids)],
                }
            )
        )
        action = wizard.action_create_invoices()
        return self.env["account.move"].search(action["domain"])


OCT = (date(2026, 10, 1), date(2026, 10, 31))
NOV = (date(2026, 11, 1), date(2026, 11, 30))
