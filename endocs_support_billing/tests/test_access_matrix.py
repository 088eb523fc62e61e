# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""R-SEC-1: the access matrix — every model of the product and those its users
touch, for the portal user, the specialist, the support manager and the
accountant (model rights: r, w, c, u = read, write, create, delete), then the
record rules and the actions that matter. A change of rights fails here and
must be a decision."""

from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import OCT, BillingCase

ROLES = ("portal", "specialist", "manager", "accountant")
MATRIX = {
    # model: rights of portal, specialist, manager, accountant
    "helpdesk.ticket": ("r---", "rwc-", "rwcu", "r---"),
    "helpdesk.ticket.team": ("r---", "r---", "rwcu", "r---"),
    "helpdesk.ticket.stage": ("r---", "r---", "rwcu", "r---"),
    "helpdesk.ticket.category": ("r---", "r---", "rwcu", "r---"),
    "endocs.support.contract": ("----", "r---", "rwcu", "rw--"),
    "endocs.calendar.day": ("----", "r---", "r---", "r---"),
    # the audit trail is written by the workflow only (R-WF-7)
    "endocs.info.request": ("----", "r---", "r---", "----"),
    "endocs.sla.pause": ("----", "r---", "r---", "----"),
    "endocs.sla.breach": ("----", "r---", "r---", "----"),
    "endocs.ticket.correction.wizard": ("----", "----", "rwcu", "----"),
    "endocs.sla.policy": ("----", "r---", "rwcu", "----"),
    "endocs.video.session": ("----", "rwcu", "rwcu", "----"),
    "endocs.ticket.split.wizard": ("----", "rwcu", "rwcu", "----"),
    "endocs.ticket.wait.wizard": ("----", "rwcu", "rwcu", "----"),
    "endocs.support.invoice.wizard": ("----", "----", "----", "rwcu"),
    # record rules narrow these: see the tests below
    "account.analytic.line": ("r---", "rwcu", "----", "rwcu"),
    "account.move": ("r---", "----", "----", "rwcu"),
    "sale.order": ("r---", "----", "----", "rwc-"),
    "sale.order.line": ("r---", "----", "----", "rwcu"),
    "resource.calendar": ("----", "r---", "r---", "r---"),
    "resource.calendar.leaves": ("----", "rwcu", "rwcu", "rwcu"),
}
OPERATIONS = ("read", "write", "create", "unlink")


@tagged("post_install", "-at_install")
class TestAccessMatrix(BillingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {
            "portal": new_test_user(
                cls.env,
                login="mx_portal",
                groups="base.group_portal",
                partner_id=cls.contact.id,
            ),
            "specialist": cls.engineer,
            "manager": new_test_user(
                cls.env,
                login="mx_manager",
                groups="base.group_user,helpdesk_mgmt.group_helpdesk_manager",
            ),
            "accountant": cls.accountant,
        }

    def test_model_rights_r_sec_1(self):
        for model, expected in MATRIX.items():
            for role, rights in zip(ROLES, expected, strict=True):
                Model = self.env[model].with_user(self.users[role])
                actual = "".join(
                    letter
                    if Model.check_access_rights(op, raise_exception=False)
                    else "-"
                    for letter, op in zip("rwcu", OPERATIONS, strict=True)
                )
                self.assertEqual(actual, rights, f"{model} for the {role}")

    def test_record_rules_r_sec_1(self):
        ticket = self.paid_ticket()
        line = self.log(ticket, 40, date(2026, 10, 5))
        # the accountant reads paid time but writes no timesheet
        as_accountant = line.with_user(self.users["accountant"])
        self.assertTrue(as_accountant.has_access("read"))
        self.assertFalse(as_accountant.has_access("write"))
        self.assertFalse(as_accountant.has_access("unlink"))
        # a specialist cannot move the holidays the SLA clocks count on
        holiday = self.env["resource.calendar.leaves"].search(
            [
                ("calendar_id", "=", self.team.resource_calendar_id.id),
                ("resource_id", "=", False),
            ],
            limit=1,
        )
        self.assertTrue(holiday, "the support calendar has its holidays")
        as_specialist = holiday.with_user(self.users["specialist"])
        self.assertTrue(as_specialist.has_access("read"))
        self.assertFalse(as_specialist.has_access("write"))
        self.assertFalse(as_specialist.has_access("unlink"))
        # the portal user reads its own organisation's request, not another's
        with self.mock_mail_gateway():
            foreign = self.Ticket.create(
                self.intake_vals(partner_id=self.contact2.id, endocs_client_ref=False)
            )
        portal = self.users["portal"]
        self.assertTrue(ticket.with_user(portal).has_access("read"))
        self.assertFalse(foreign.with_user(portal).has_access("read"))
        self.assertFalse(ticket.with_user(portal).has_access("write"))

    def test_actions_by_role_r_sec_1(self):
        ticket = self.paid_ticket()
        with self.assertRaises(AccessError):
            ticket.with_user(self.users["accountant"]).action_endocs_accept()
        with self.assertRaises(AccessError):
            ticket.with_user(self.users["portal"]).action_endocs_accept()
        ticket.with_user(self.users["specialist"]).action_endocs_accept()
        self.assertEqual(ticket.endocs_accepted_by_id, self.users["specialist"])
        self.log(ticket, 40, date(2026, 10, 5))
        # invoicing: the accountant's, nobody else's
        for role in ("specialist", "manager", "portal"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                self.env["endocs.support.invoice.wizard"].with_user(
                    self.users[role]
                ).create({"date_start": OCT[0], "date_end": OCT[1]})
        invoice = self.invoice_period(*OCT)
        self.assertEqual(invoice.state, "posted")
        # a sales order for a contract: not the specialist's
        contract = self.env["endocs.support.contract"].create(
            {
                "name": "P-2",
                "partner_id": self.org2.id,
                "contract_type": "paid",
                "date_start": date(2026, 1, 1),
                "hourly_rate": 100,
            }
        )
        with self.assertRaises(AccessError):
            contract.with_user(
                self.users["specialist"]
            ).action_endocs_create_sale_order()
        contract.with_user(self.users["accountant"]).action_endocs_create_sale_order()
        self.assertTrue(contract.sale_line_id)
        # rates: the manager and the accountant, not the specialist
        contract.with_user(self.users["manager"]).hourly_rate = 150
        self.assertEqual(contract.sale_line_id.price_unit, 150)
        with self.assertRaises(AccessError):
            contract.with_user(self.users["specialist"]).hourly_rate = 1
        # the act: regenerated by the accountant, not by the specialist
        invoice.with_user(self.users["accountant"]).action_endocs_act()
        with self.assertRaises(AccessError):
            invoice.with_user(self.users["specialist"]).action_endocs_act()
