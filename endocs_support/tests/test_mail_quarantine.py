# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""R-IN-4, R-REL-1: the mail quarantine. What the gateway raises on or drops for
a helpdesk team is kept there, and a specialist registers it as a request;
mail for anything else goes through Odoo unchanged."""

from email.message import EmailMessage
from unittest.mock import patch

from odoo.exceptions import AccessError
from odoo.tests import new_test_user
from odoo.tools import mute_logger

from odoo.addons.mail.models.mail_thread import MailThread

from .common import EndocsCase

ALIAS = "support@endocs.ru"


class TestMailQuarantine(EndocsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        domain = cls.env["mail.alias.domain"].search(
            [("name", "=", "endocs.ru")]
        ) or cls.env["mail.alias.domain"].create({"name": "endocs.ru"})
        cls.env.company.alias_domain_id = domain
        cls.team.alias_id.alias_domain_id = domain
        cls.Quarantine = cls.env["endocs.mail.quarantine"]

    def _raw(self, n, sender="m.ivanova@romashka.ru", to=ALIAS, headers=None):
        msg = EmailMessage()
        msg["From"] = sender
        msg["To"] = to
        msg["Subject"] = f"Не открывается карточка {n}"
        msg["Message-Id"] = f"<quarantine-{n}@client.example>"
        for key, value in (headers or {}).items():
            msg[key] = value
        msg.set_content("Описание проблемы: не открывается карточка документа.")
        return msg.as_bytes()

    def _process(self, raw):
        with mute_logger(
            "odoo.addons.mail.models.mail_thread",
            "odoo.addons.endocs_support.models.mail_thread",
        ):
            return self.env["mail.thread"].message_process("helpdesk.ticket", raw)

    def test_a_message_odoo_raises_on_is_quarantined_then_registered(self):
        def broken(*args, **kwargs):
            raise ValueError("A string literal cannot contain NUL (0x00) characters.")

        with (
            self.mock_mail_gateway(),
            # (Odoo's own failure path of message_new bounces on a cursor of its
            # own, which a test transaction would block)
            patch.object(MailThread, "_message_parse_extract_payload", broken),
        ):
            self._process(self._raw(1))
            self.assertFalse(self._new_mails)
        kept = self.Quarantine.search(
            [("message_id", "=", "<quarantine-1@client.example>")]
        )
        self.assertEqual(kept.reason, "error")
        self.assertIn("cannot contain NUL", kept.detail)
        self.assertEqual(kept.team_id, self.team)
        self.assertFalse(
            self.Ticket.search([("name", "=", "Не открывается карточка 1")])
        )
        # the specialist registers it: through the gateway, with its notice
        with self.mock_mail_gateway():
            action = kept.with_user(self.specialist).action_register()
            ticket = self.Ticket.browse(action["res_id"])
            self.assertEqual(len(self._new_mails), 1)
        self.assertEqual(kept.state, "registered")
        self.assertEqual(kept.ticket_id, ticket)
        self.assertEqual(ticket.partner_id, self.contact)
        self.assertIn(
            "<quarantine-1@client.example>", ticket.message_ids.mapped("message_id")
        )

    def test_a_machine_registered_from_quarantine_gets_no_notice(self):
        raw = self._raw(2, headers={"Auto-Submitted": "auto-replied"})
        self._process(raw)
        kept = self.Quarantine.search(
            [("message_id", "=", "<quarantine-2@client.example>")]
        )
        self.assertEqual(kept.reason, "machine")
        self._process(raw)  # the same message again is kept once
        self.assertEqual(
            self.Quarantine.search_count([("message_id", "=", kept.message_id)]), 1
        )
        with self.mock_mail_gateway():
            kept.action_register()
            self.assertFalse(self._new_mails, "no answer to a machine")
        self.assertTrue(kept.ticket_id)
        self.assertFalse(kept.ticket_id.endocs_registered_at)

    def test_plain_registration_when_the_gateway_raises_again(self):
        self._process(self._raw(3, headers={"Precedence": "junk"}))
        kept = self.Quarantine.search(
            [("message_id", "=", "<quarantine-3@client.example>")]
        )
        self.assertEqual(kept.reason, "bulk")

        def broken(*args, **kwargs):
            raise ValueError("still broken")

        with patch.object(MailThread, "_message_parse_extract_payload", broken):
            kept.action_register()
        ticket = kept.ticket_id
        self.assertEqual(ticket.name, "Не открывается карточка 3")
        self.assertEqual(ticket.team_id, self.team)
        self.assertIn("message.eml", ticket.attachment_ids.mapped("name"))

    def test_discard_and_review_again(self):
        self._process(self._raw(4, headers={"Auto-Submitted": "auto-generated"}))
        kept = self.Quarantine.search(
            [("message_id", "=", "<quarantine-4@client.example>")]
        )
        kept.with_user(self.specialist).action_discard()
        self.assertEqual(kept.state, "discarded")
        kept.action_reset()
        self.assertEqual(kept.state, "new")

    def test_team_settings_decide_lists_bulk_and_silent_senders_r_in_4(self):
        self.team.endocs_mail_list_action = "quarantine"
        self._process(self._raw(5, headers={"List-Id": "<buh.romashka.ru>"}))
        self.assertEqual(
            self.Quarantine.search(
                [("message_id", "=", "<quarantine-5@client.example>")]
            ).reason,
            "list",
        )
        self.team.endocs_mail_bulk_action = "register"
        with self.mock_mail_gateway():
            self._process(self._raw(6, headers={"Precedence": "bulk"}))
            self.assertFalse(self._new_mails)
        self.assertTrue(
            self.Ticket.search([("name", "=", "Не открывается карточка 6")])
        )
        # no address is silent: a person writing from postmaster@ is answered
        self.team.endocs_mail_silent_senders = False
        with self.mock_mail_gateway():
            self._process(self._raw(7, sender="Мария <postmaster@romashka.ru>"))
            self.assertEqual(len(self._new_mails), 1)

    def test_specialists_of_other_teams_and_portal_users_see_nothing_r_sec_1(self):
        self._process(self._raw(8, headers={"Auto-Submitted": "auto-replied"}))
        kept = self.Quarantine.search(
            [("message_id", "=", "<quarantine-8@client.example>")]
        )
        own = new_test_user(
            self.env,
            login="endocs_own_other",
            groups="base.group_user,helpdesk_mgmt.group_helpdesk_user_own",
        )
        self.assertFalse(self.Quarantine.with_user(own).search([("id", "=", kept.id)]))
        self.team.user_ids = [(4, own.id)]
        self.env.flush_all()
        self.env.invalidate_all()
        self.env.registry.clear_cache()  # the record rules' domains
        self.assertEqual(
            self.Quarantine.with_user(own).search([("id", "=", kept.id)]), kept
        )
        portal = new_test_user(
            self.env, login="endocs_portal_q", groups="base.group_portal"
        )
        with self.assertRaises(AccessError):
            self.Quarantine.with_user(portal).search([])

    def test_mail_for_other_models_is_odoo_s_r_eco_1(self):
        """Unroutable mail to an address that is no team's raises as in Odoo,
        and nothing is quarantined."""
        raw = self._raw(9, to="nobody@elsewhere.example")
        with (
            self.assertRaises(ValueError),
            mute_logger("odoo.addons.mail.models.mail_thread"),
        ):
            self.env["mail.thread"].message_process(False, raw)
        self.assertFalse(
            self.Quarantine.search(
                [("message_id", "=", "<quarantine-9@client.example>")]
            )
        )
