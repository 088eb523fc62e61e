# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""E-mail intake on the corpus tests/data/emails (R-IN-4, R-IN-6, R-IN-7,
R-IN-8): each message's expected outcome is in expected.json."""

import json
from pathlib import Path

from odoo.tools import mute_logger

from .common import EndocsCase

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "data" / "emails"


class TestMailIntake(EndocsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.expected = json.loads((CORPUS / "expected.json").read_text())
        domain = cls.env["mail.alias.domain"].search(
            [("name", "=", "endocs.ru")]
        ) or cls.env["mail.alias.domain"].create({"name": "endocs.ru"})
        cls.env.company.alias_domain_id = domain
        cls.team.alias_id.alias_domain_id = domain

    def _process(self, name):
        raw = (CORPUS / name).read_bytes()
        with mute_logger("odoo.addons.mail.models.mail_thread"):
            return self.env["mail.thread"].message_process(
                "helpdesk.ticket", raw, save_original=False
            )

    def _ticket_of(self, name):
        message_id = self._message_id(name)
        message = self.env["mail.message"].search(
            [("message_id", "=", message_id), ("model", "=", "helpdesk.ticket")]
        )
        return self.Ticket.browse(message.res_id) if message else self.Ticket

    @staticmethod
    def _message_id(name):
        import email
        from email import policy

        msg = email.message_from_bytes(
            (CORPUS / name).read_bytes(), policy=policy.default
        )
        return msg["Message-Id"].strip()

    def test_corpus_outcomes_r_in_4_r_in_7_r_in_8(self):
        self.assertGreaterEqual(len(self.expected), 30)
        for case in self.expected:
            name = case["file"]
            with self.subTest(file=name):
                before = self.Ticket.search_count([])
                with self.mock_mail_gateway():
                    self._process(name)
                    created = self.Ticket.search_count([]) - before
                    sent = len(self._new_mails)
                if not case["creates_request"] and not case.get("reply_to"):
                    self.assertEqual(created, 0, "no request from this message")
                    self.assertEqual(sent, 0, "no reply to an automatic message")
                    continue
                if case.get("reply_to"):
                    self.assertEqual(created, 0, "a reply lands on its request")
                    ticket = self._ticket_of(case["reply_to"])
                    self.assertIn(
                        self._message_id(name), ticket.message_ids.mapped("message_id")
                    )
                else:
                    self.assertEqual(created, 1)
                    ticket = self._ticket_of(name)
                    self.assertTrue(ticket, name)
                    # R-IN-4/R-IN-6: exactly one reply, the registration notice
                    self.assertEqual(sent, 1, "exactly one reply")
                    self.assertTrue(ticket.endocs_registered_at)
                    self.assertEqual(ticket.endocs_sender_state, case["sender_state"])
                    self.assertEqual(
                        len(ticket.attachment_ids), case.get("attachments", 0)
                    )
                    self.assertEqual(
                        ticket.channel_id,
                        self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_email"),
                    )
                self.assertEqual(ticket.endocs_intake_complete, case["complete"])
                missing = (ticket.endocs_intake_missing or "").split(",")
                self.assertEqual([m for m in missing if m], case["missing"])
                data = ticket._endocs_intake_data()
                for key, value in case.get("fields", {}).items():
                    if value is None:  # must not be filled
                        self.assertFalse(data[key].strip(), key)
                    else:
                        self.assertEqual(data[key].strip(), value, key)

    def test_same_message_twice_is_one_request_r_in_4(self):
        first = next(c for c in self.expected if c["creates_request"])
        self._process(first["file"])
        count = self.Ticket.search_count([])
        with self.mock_mail_gateway():
            self._process(first["file"])
            self.assertEqual(len(self._new_mails), 0)
        self.assertEqual(self.Ticket.search_count([]), count)
