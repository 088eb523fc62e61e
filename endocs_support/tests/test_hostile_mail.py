# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""R-REL-1, R-SEC-1: hostile and broken e-mail on the mail gateway. Each message
is either registered as a request (nothing lost) or ignored when it is
automatic — never a traceback, never more than one reply, never a reply to a
machine."""

import email
import email.policy
from email.message import EmailMessage

from odoo.tools import mute_logger

from .common import EndocsCase

ALIAS = "support@endocs.ru"


class TestHostileMail(EndocsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        domain = cls.env["mail.alias.domain"].search(
            [("name", "=", "endocs.ru")]
        ) or cls.env["mail.alias.domain"].create({"name": "endocs.ru"})
        cls.env.company.alias_domain_id = domain
        cls.team.alias_id.alias_domain_id = domain
        cls.counter = 0

    def _raw(
        self,
        body="Не открывается карточка документа после обновления.",
        sender="m.ivanova@romashka.ru",
        headers=None,
        build=None,
    ):
        TestHostileMail.counter += 1
        msg = EmailMessage()
        if sender:
            msg["From"] = sender
        msg["To"] = ALIAS
        msg["Subject"] = f"Проблема {self.counter}"
        msg["Message-Id"] = f"<hostile-{self.counter}@client.example>"
        for key, value in (headers or {}).items():
            msg[key] = value
        msg.set_content(body)
        if build:
            build(msg)
        return msg.as_bytes() if isinstance(msg, EmailMessage) else msg

    def _process(self, raw):
        """(requests created, e-mails sent) for one incoming message."""
        before = self.Ticket.search_count([])
        with (
            self.mock_mail_gateway(),
            mute_logger("odoo.addons.mail.models.mail_thread"),
        ):
            self.env["mail.thread"].message_process(
                "helpdesk.ticket", raw, save_original=False
            )
            self.env.flush_all()
            return self.Ticket.search_count([]) - before, len(self._new_mails)

    def _last(self):
        return self.Ticket.search([], order="id desc", limit=1)

    def test_without_from_is_registered_without_reply(self):
        created, sent = self._process(self._raw(sender=None))
        self.assertEqual(created, 1)
        self.assertEqual(sent, 0, "nobody to answer")
        self.assertIn("Не открывается", self._last().description)

    def test_five_megabyte_body_is_kept(self):
        body = "Журнал ошибки: " + "x" * (5 * 1024 * 1024) + " КОНЕЦ"
        created, sent = self._process(self._raw(body=body))
        self.assertEqual((created, sent), (1, 1))
        message = self._last().message_ids.filtered(lambda m: m.message_type == "email")
        self.assertIn("КОНЕЦ", message.body)

    def test_twenty_megabyte_attachment_is_kept(self):
        payload = b"\x00\x01" * (10 * 1024 * 1024)

        def attach(msg):
            msg.add_attachment(
                payload,
                maintype="application",
                subtype="octet-stream",
                filename="dump.bin",
            )

        created, sent = self._process(self._raw(build=attach))
        self.assertEqual((created, sent), (1, 1))
        attachment = self._last().attachment_ids
        self.assertEqual(attachment.name, "dump.bin")
        self.assertEqual(attachment.file_size, len(payload))

    def test_broken_mime_and_unknown_charset_are_registered(self):
        broken = (
            b"From: m.ivanova@romashka.ru\r\nTo: "
            + ALIAS.encode()
            + b"\r\nSubject: =?x-unknown?B?0J/RgNC+0LHQu9C10LzQsA==?=\r\n"
            b"Message-Id: <broken-1@client.example>\r\nMIME-Version: 1.0\r\n"
            b'Content-Type: multipart/mixed; boundary="BOUND"\r\n\r\n'
            b"--BOUND\r\nContent-Type: text/plain; charset=x-unknown-8bit\r\n"
            b"Content-Transfer-Encoding: base64\r\n\r\n"
            b"0J3QtSDQvtGC0LrRgNGL0LLQsNC10YLRgdGP!!!not-base64\r\n"
            b"--BOUND\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            + "Описание проблемы: не открывается карточка".encode()
            + b"\r\n--BOUND"  # truncated: no closing boundary
        )
        created, sent = self._process(broken)
        self.assertEqual((created, sent), (1, 1))
        self.assertIn("карточка", self._last().description)

    def test_loops_and_machines_get_no_request_and_no_reply(self):
        automatic = {
            "Auto-Submitted": {"Auto-Submitted": "auto-replied"},
            "Precedence: bulk": {"Precedence": "bulk"},
        }
        for what, headers in automatic.items():
            with self.subTest(what):
                self.assertEqual(self._process(self._raw(headers=headers)), (0, 0))
        # a bounce of our own notice
        self.assertEqual(
            self._process(
                self._raw(
                    sender="MAILER-DAEMON@mx.example",
                    headers={"Auto-Submitted": "auto-replied"},
                )
            ),
            (0, 0),
        )

    def test_mailing_list_message_is_a_request(self):
        """Precedence: list is a company's list, not a machine: registered."""
        created, __ = self._process(self._raw(headers={"Precedence": "list"}))
        self.assertEqual(created, 1)

    def test_our_own_notice_coming_back_is_not_a_new_request(self):
        created, sent = self._process(self._raw())
        self.assertEqual((created, sent), (1, 1))
        notice = self._new_mails  # the registration notice we sent
        ticket = self._last()
        sent_mail = self.env["mail.mail"].search(
            [("model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id)], limit=1
        )
        self.assertTrue(sent_mail or notice)
        # The customer's mailbox forwards it back to the alias, unchanged.
        message_id = (sent_mail.message_id or "").strip("<>") or "echo@x"
        echo = self._raw(
            sender=ALIAS,
            body="Ваш запрос зарегистрирован в Service Desk EnDocs.",
            headers={"In-Reply-To": f"<{message_id}>"},
        )
        created, sent = self._process(echo)
        self.assertEqual(created, 0, "our own notice is not a new request")
        self.assertEqual(sent, 0, "no reply storm")

    def test_mail_from_the_alias_domains_own_addresses_is_a_loop_r_in_4(self):
        """The catchall, bounce and sender addresses of the alias domains are
        ours, as the domains are now (kept per worker, seen again when a domain
        changes)."""
        domain = self.env["mail.alias.domain"].search([], limit=1)
        Thread = self.env["mail.thread"]
        self.assertTrue(Thread._endocs_is_own_address(domain.bounce_email))
        old = domain.bounce_email
        domain.bounce_alias = "returns"
        self.assertFalse(Thread._endocs_is_own_address(old))
        self.assertTrue(Thread._endocs_is_own_address(f"returns@{domain.name}"))
        self.assertEqual(
            self._process(self._raw(sender=f"returns@{domain.name}")), (0, 0)
        )
        other = self.env["mail.alias.domain"].create({"name": "mail.endocs.example"})
        self.assertTrue(Thread._endocs_is_own_address(other.catchall_email))
        # an alias at a domain made after the domains' names were kept
        alias = self.team.alias_id
        on_other = f"{alias.alias_name}@{other.name}"
        self.assertFalse(Thread._endocs_is_own_address(on_other))
        alias.alias_domain_id = other
        self.assertTrue(Thread._endocs_is_own_address(on_other))
        alias.alias_domain_id = domain
        other.unlink()
        self.assertFalse(Thread._endocs_is_own_address("catchall@mail.endocs.example"))

    def test_the_gateway_follows_the_teams_aliases_r_in_4(self):
        """Which team a message is for is kept per worker and seen again when
        the team's alias, its domain or the team's regulation changes."""
        Thread = self.env["mail.thread"]
        alias = self.team.alias_id
        domain = alias.alias_domain_id

        def team_of(address):
            return Thread._endocs_gateway_team(
                f"From: a@client.example\r\nTo: {address}\r\n\r\nx".encode()
            )

        self.assertEqual(team_of(ALIAS.upper()), self.team)
        with self.assertQueryCount(0):
            self.assertEqual(team_of(ALIAS), self.team)
        self.team.alias_name = "l2desk"
        self.assertFalse(team_of(ALIAS))
        self.assertEqual(team_of(f"l2desk@{domain.name}"), self.team)
        other = self.env["mail.alias.domain"].create({"name": "mail.endocs.example"})
        self.assertFalse(team_of("l2desk@mail.endocs.example"))
        alias.alias_domain_id = other
        self.assertEqual(team_of("l2desk@mail.endocs.example"), self.team)
        other.name = "desk.endocs.example"
        self.assertEqual(team_of("l2desk@desk.endocs.example"), self.team)
        self.assertFalse(team_of("l2desk@mail.endocs.example"))
        self.team.endocs_regulated = False
        self.assertFalse(team_of("l2desk@desk.endocs.example"), "not ours: Odoo's")
        self.team.endocs_regulated = True
        second = self.env["helpdesk.ticket.team"].create(
            {"name": "Вторая линия", "alias_name": "second", "endocs_regulated": True}
        )
        second.alias_id.alias_domain_id = domain
        self.assertEqual(team_of(f"second@{domain.name}"), second)
        self.assertEqual(
            self._process(
                self._raw(
                    build=lambda msg: msg.replace_header("To", f"second@{domain.name}")
                )
            ),
            (1, 1),
        )
        self.assertEqual(self._last().team_id, second)

    def test_own_address_guard_only_for_requests_r_eco_1(self):
        """R-ECO-1: mail from one of our addresses is a loop for the support
        desk only; another model's route stays as Odoo made it."""
        raw = self._raw(
            sender=ALIAS,
            build=lambda msg: msg.replace_header("To", "archive@elsewhere.example"),
        )
        Thread = self.env["mail.thread"]
        message = email.message_from_bytes(raw, policy=email.policy.SMTP)
        msg_dict = Thread.message_parse(message)
        partner = self.env["res.partner"].create({"name": "Архив входящих"})
        routes = Thread.message_route(
            message, msg_dict, model="res.partner", thread_id=partner.id
        )
        self.assertEqual([route[:2] for route in routes], [("res.partner", partner.id)])
        # the same to the support alias: a loop, no request
        message.replace_header("To", ALIAS)
        msg_dict = Thread.message_parse(message)
        routes = Thread.message_route(message, msg_dict, model="helpdesk.ticket")
        self.assertEqual(routes, [])
