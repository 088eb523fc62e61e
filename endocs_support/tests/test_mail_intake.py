# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""E-mail intake on the corpus tests/data/emails (R-IN-4, R-IN-6, R-IN-7,
R-IN-8): each message's expected outcome is in expected.json."""

import email
import email.policy
import json
from email.header import decode_header, make_header
from email.utils import parseaddr
from pathlib import Path

from odoo.tools import email_split, mute_logger

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
        # the corpus has many requests from one sender: no loop protection here
        cls.env["ir.config_parameter"].set_param("mail.gateway.loop.threshold", 1000)

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
    def _header(name, header):
        msg = email.message_from_bytes(
            (CORPUS / name).read_bytes(), policy=email.policy.compat32
        )
        value = msg[header] or ""
        return str(make_header(decode_header(value))) if value else ""

    @staticmethod
    def _sender(name):
        """The sender's address, read from the raw header (its encoded name may
        decode to anything)."""
        msg = email.message_from_bytes(
            (CORPUS / name).read_bytes(), policy=email.policy.compat32
        )
        return parseaddr(str(msg["From"] or ""))[1].lower()

    @classmethod
    def _message_id(cls, name):
        return cls._header(name, "Message-Id").strip()

    def _quarantined(self, name):
        return self.env["endocs.mail.quarantine"].search(
            [("message_id", "=", self._message_id(name))]
        )

    def _recipients(self, mails):
        return {
            address.lower()
            for mail in mails
            for address in mail.recipient_ids.mapped("email_normalized")
            + email_split(mail.email_to or "")
        }

    def test_corpus_outcomes_r_in_4_r_in_7_r_in_8(self):
        """Every message of the corpus ends where expected.json says: a new
        request, a reply on its request, or the quarantine (none lost); a notice
        only to a person (none to a machine, a list or a no-reply address,
        checked on the mails queued); the intake data parsed."""
        self.assertGreaterEqual(len(self.expected), 70)
        for case in self.expected:
            name = case["file"]
            with self.subTest(file=name):
                before = self.Ticket.search_count([])
                with self.mock_mail_gateway():
                    self._process(name)
                    created = self.Ticket.search_count([]) - before
                    mails = self.env["mail.mail"].browse(
                        [mail.id for mail in self._new_mails]
                    )
                sender = self._sender(name)
                if case["outcome"] == "quarantine":
                    self.assertEqual(created, 0, "no request from this message")
                    kept = self._quarantined(name)
                    self.assertEqual(len(kept), 1, "kept in the quarantine")
                    self.assertEqual(kept.reason, case["quarantine"])
                    self.assertTrue(kept.raw_message)
                    self.assertFalse(mails, "no reply to this message")
                    continue
                self.assertFalse(self._quarantined(name))
                if case["outcome"] == "thread":
                    self.assertEqual(created, 0, "a reply lands on its request")
                    ticket = self._ticket_of(case["reply_to"])
                    self.assertIn(
                        self._message_id(name), ticket.message_ids.mapped("message_id")
                    )
                else:
                    self.assertEqual(created, 1)
                    ticket = self._ticket_of(name)
                    self.assertTrue(ticket, name)
                    self.assertEqual(
                        ticket.endocs_sender_state, case["sender_state"], name
                    )
                    self.assertEqual(
                        len(ticket.attachment_ids), case.get("attachments", 0)
                    )
                    self.assertEqual(
                        ticket.channel_id,
                        self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_email"),
                    )
                    if case.get("partner_name"):
                        self.assertEqual(ticket.partner_id.name, case["partner_name"])
                if case["notice"]:
                    # R-IN-4/R-IN-6: exactly one reply, the registration notice
                    self.assertEqual(len(mails), 1, "exactly one reply")
                    self.assertIn(sender, self._recipients(mails))
                    self.assertTrue(ticket.endocs_registered_at)
                else:
                    self.assertNotIn(sender, self._recipients(mails))
                    if case["outcome"] == "request":
                        self.assertFalse(mails, "no notice to a machine or a list")
                        self.assertFalse(ticket.endocs_registered_at)
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
