# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""R-ECO-1: the regulation applies to the requests of regulated teams; other
teams' requests (and requests without a team) work as in plain helpdesk_mgmt.
These tests back the intended changes of tests/compat/intended_changes.txt and
the peer tests that pass again because of the scope."""

from odoo.exceptions import RedirectWarning
from odoo.tests import Form, tagged

from .common import EndocsCase

RAW = """From: {email_from}
To: {to}
Subject: {subject}
Message-ID: {msg_id}
Content-Type: text/plain; charset=utf-8

Organisation: ООО Ромашка
Description: the printer does not print
"""


@tagged("post_install", "-at_install")
class TestScope(EndocsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_team = cls.env["helpdesk.ticket.team"].create(
            {"name": "Sales desk", "alias_name": "sales-desk"}
        )
        cls.done = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        cls.awaiting = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_awaiting")

    def _other(self, **vals):
        return self.Ticket.create(
            {
                "name": "Printer",
                "description": "<p>x</p>",
                "team_id": self.other_team.id,
                "partner_id": self.contact.id,
                **vals,
            }
        )

    def test_our_team_is_regulated_others_not(self):
        self.assertTrue(self.team.endocs_regulated)
        self.assertFalse(self.other_team.endocs_regulated)
        self.assertTrue(self.Ticket.create(self.intake_vals()).endocs_regulated)
        self.assertFalse(self._other().endocs_regulated)
        no_team = self.Ticket.create({"name": "x", "description": "<p>x</p>"})
        self.assertFalse(no_team.endocs_regulated)

    def test_other_team_request_is_plain_helpdesk(self):
        with self.mock_mail_gateway():
            ticket = self._other()
        self.assertFalse(ticket.endocs_registered_at)
        self.assertFalse(
            ticket.message_ids.filtered(
                lambda m: "зарегистрирован" in (m.subject or "")
            )
        )
        self.assertTrue(ticket.endocs_intake_complete)  # nothing asked
        self.assertFalse(ticket.endocs_eligibility)
        self.assertFalse(ticket.endocs_sla_policy_id)
        self.assertFalse(ticket.endocs_resolve_deadline)
        # waiting for the customer: no clocks, no reminders
        ticket.stage_id = self.awaiting
        self.assertFalse(ticket.endocs_wait_since)
        self.assertFalse(ticket.endocs_timeout_at)
        self.assertFalse(ticket.endocs_pause_ids)
        # helpdesk_mgmt's «Done» needs no resolution
        ticket.stage_id = self.done
        self.assertTrue(ticket.closed)

    def test_regulated_again_when_moved_to_our_team(self):
        ticket = self._other()
        ticket.write(
            {
                "team_id": self.team.id,
                **{
                    k: v
                    for k, v in self.intake_vals().items()
                    if k.startswith("endocs_")
                },
            }
        )
        self.assertTrue(ticket.endocs_regulated)
        self.assertTrue(ticket.endocs_sla_policy_id)
        self.assertTrue(ticket.endocs_resolve_deadline)
        with self.assertRaises(RedirectWarning):
            ticket.with_user(self.specialist).stage_id = self.done

    def test_unknown_sender_on_other_alias_gets_no_contact(self):
        """helpdesk_mgmt creates no contact for an unknown sender: neither do we
        on another team's alias."""
        before = self.env["res.partner"].search_count([])
        self.format_and_process(
            RAW,
            "stranger@unknown.example",
            f"sales-desk@{self.alias_domain}",
            subject="Printer",
            target_model="helpdesk.ticket",
        )
        ticket = self.Ticket.search([("name", "=", "Printer")])
        self.assertEqual(ticket.team_id, self.other_team)
        self.assertFalse(ticket.partner_id)
        self.assertEqual(self.env["res.partner"].search_count([]), before)
        # the body is not parsed as the regulation's intake
        self.assertFalse(ticket.endocs_org_name)

    def test_the_intake_team_follows_the_team_settings_r_eco_1(self):
        """The portal's and the API's team is kept per worker: a change of the
        settings that decide it is seen at once."""
        Team = self.env["helpdesk.ticket.team"]
        company = self.env.company
        self.assertEqual(Team._endocs_intake_team(company), self.team)
        first = min(Team.search([]).mapped("sequence")) - 1
        self.other_team.write({"sequence": first})
        self.assertEqual(Team._endocs_intake_team(company), self.team)
        self.other_team.endocs_regulated = True
        self.assertEqual(Team._endocs_intake_team(company), self.other_team)
        self.other_team.active = False
        self.assertEqual(Team._endocs_intake_team(company), self.team)
        new = Team.create({"name": "First line", "sequence": first - 1})
        self.assertEqual(Team._endocs_intake_team(company), self.team)
        new.endocs_regulated = True
        self.assertEqual(Team._endocs_intake_team(company), new)
        new.unlink()
        self.assertEqual(Team._endocs_intake_team(company), self.team)


@tagged("post_install", "-at_install")
class TestResolutionStep(EndocsCase):
    def _registered(self):
        ticket = self.Ticket.create(self.intake_vals())
        self.assertTrue(ticket.endocs_registered_at)
        return ticket

    def test_wizard_resolves_and_closes(self):
        ticket = self._registered()
        action = ticket.action_endocs_resolve()
        wizard = Form(self.env[action["res_model"]].with_context(**action["context"]))
        wizard.resolution = "Переустановлен плагин подписи."
        wizard.delivery_method = "video"
        with self.mock_mail_gateway():
            wizard.save().action_confirm()
        self.assertTrue(ticket.closed)
        self.assertEqual(ticket.endocs_stage_role, "resolved")
        self.assertEqual(ticket.endocs_resolution, "Переустановлен плагин подписи.")
        sent = self._new_mails.filtered(lambda m: self.contact in m.recipient_ids)
        self.assertEqual(len(sent), 1, "one e-mail: ours, not also helpdesk_mgmt's")
        self.assertIn("Переустановлен плагин подписи.", sent.body_html)

    def test_wizard_can_leave_the_confirmation_to_the_customer(self):
        ticket = self._registered()
        action = ticket.action_endocs_resolve()
        wizard = Form(self.env[action["res_model"]].with_context(**action["context"]))
        wizard.resolution = "Обновите браузер до последней версии."
        wizard.delivery_method = "email"
        wizard.close_now = False
        with self.mock_mail_gateway():
            wizard.save().action_confirm()
        self.assertFalse(ticket.closed)
        sent = self._new_mails.filtered(lambda m: self.contact in m.recipient_ids)
        self.assertEqual(len(sent), 1)
        self.assertIn("подтвердите", sent.body_html.lower())
        self.assertIn("Обновите браузер до последней версии.", sent.body_html)
