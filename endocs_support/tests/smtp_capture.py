# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Real SMTP in Odoo tests: an aiosmtpd server in the test process on a free
loopback port, an ``ir.mail_server`` pointing to it (in the test transaction,
the only active one), and Odoo really connecting and sending to it.

With the mixin (the server lives for the class, every e-mail a test sends goes
through it)::

    class TestSomething(SMTPCaptureMixin, TransactionCase):
        def test_x(self):
            ...
            received = self.smtp_send_queued(ticket)  # the ticket's queued mail.mail
            self.assertEqual(received[0]["To"], "...")
            self.assertIn("<b>", received[0].html)

Without it::

    with smtp_capture(self.env) as smtp:
        mail.send(raise_exception=True)
    smtp.messages

Odoo skips the SMTP connection and the sending while a test runs
(``odoo.modules.module.current_test`` in ``ir_mail_server.connect`` and
``send_email``); the harness lifts that check for ``ir_mail_server`` alone and
leaves the rest of the test mode as it is.
"""

import contextlib
import email
import email.policy
import logging
import re
import socket
import unittest
from email.header import decode_header, make_header
from types import SimpleNamespace
from unittest.mock import patch

try:
    from aiosmtpd.controller import Controller
except ImportError:  # a test dependency (requirements.txt), not the addon's
    Controller = None

_aiosmtpd_log = logging.getLogger("mail.log")
# what ir_mail_server reads as ``modules.module.current_test``: not in a test
_NOT_IN_TEST = SimpleNamespace(module=SimpleNamespace(current_test=False))


class ReceivedMessage:
    """One message as the SMTP server got it: the envelope, the bytes, and the
    message parsed with ``email.policy.default`` (headers decoded)."""

    def __init__(self, mail_from, rcpt_tos, data):
        self.mail_from = mail_from
        self.rcpt_tos = list(rcpt_tos)
        self.data = data
        self.message = email.message_from_bytes(data, policy=email.policy.default)

    def __getitem__(self, header):
        return self.message[header]

    def header(self, name):
        """A header as mail clients show it (RFC 2047 decoded), or None. Unlike
        ``self[name]``: the parser of ``email.policy.default`` leaves a space
        between two encoded words inside a comment, e.g. the «(специалист)» of
        a display name."""
        for key, raw in self.message.raw_items():
            if key.lower() == name.lower():
                unfolded = re.sub(r"\r?\n[ \t]+", " ", str(raw)).strip()
                return str(make_header(decode_header(unfolded)))
        return None

    def __repr__(self):
        return (
            f"<ReceivedMessage {self.mail_from} -> {self.rcpt_tos}: {self['Subject']}>"
        )

    def _body(self, subtype):
        part = self.message.get_body(preferencelist=(subtype,))
        return part.get_content() if part is not None else None

    @property
    def html(self):
        """The text/html part, transfer-decoded, as a str (None without one)."""
        return self._body("html")

    @property
    def text(self):
        """The text/plain part, transfer-decoded (None without one)."""
        return self._body("plain")


class SMTPCapture:
    """An SMTP server on 127.0.0.1 that keeps every message it receives in
    :attr:`messages` (also the aiosmtpd handler)."""

    host = "127.0.0.1"

    def __init__(self):
        self.messages = []
        self.port = None
        self._controller = None

    # aiosmtpd handler ----------------------------------------------------------------
    async def handle_DATA(self, server, session, envelope):
        self.messages.append(
            ReceivedMessage(
                envelope.mail_from, envelope.rcpt_tos, envelope.original_content
            )
        )
        return "250 2.0.0 Message accepted"

    # server --------------------------------------------------------------------------
    def start(self):
        if Controller is None:
            raise unittest.SkipTest("aiosmtpd is not installed (make setup)")
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.bind((self.host, 0))
            self.port = sock.getsockname()[1]
        # aiosmtpd tells every SMTP command at INFO on "mail.log"
        self._log_level = _aiosmtpd_log.level
        _aiosmtpd_log.setLevel(max(logging.WARNING, self._log_level))
        self._controller = Controller(self, hostname=self.host, port=self.port)
        self._controller.start()
        return self

    def stop(self):
        if self._controller is not None:
            self._controller.stop()
            self._controller = None
            _aiosmtpd_log.setLevel(self._log_level)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()

    # Odoo ----------------------------------------------------------------------------
    def install(self, env):
        """The ``ir.mail_server`` of this server, created in ``env``'s transaction;
        the other outgoing servers are archived there, so nothing else is used.
        Without a ``from_filter`` it takes every sender, and Odoo then sends as
        the database's notification address (``Name <notifications@domain>``)
        when it has one; set ``from_filter`` to a domain to keep its senders'
        From as it is."""
        Server = env["ir.mail_server"].sudo()
        Server.search([]).active = False
        return Server.create(
            {
                "name": f"Test SMTP capture {self.host}:{self.port}",
                "smtp_host": self.host,
                "smtp_port": self.port,
                "smtp_encryption": "none",
                "sequence": 0,
            }
        )

    @staticmethod
    def sending():
        """Let ``ir.mail_server`` connect and send although a test is running (a
        ``unittest.mock`` patcher: a context manager, or ``startPatcher``)."""
        return patch("odoo.addons.base.models.ir_mail_server.modules", _NOT_IN_TEST)

    def send_queued(self, records):
        """Send the outgoing ``mail.mail`` of ``records`` (model and res_id) and
        return the messages the server received meanwhile."""
        mails = (
            records.env["mail.mail"]
            .sudo()
            .search(
                [
                    ("model", "=", records._name),
                    ("res_id", "in", records.ids),
                    ("state", "=", "outgoing"),
                ]
            )
        )
        first = len(self.messages)
        with self.sending():
            mails.send(raise_exception=True)
        return self.messages[first:]


@contextlib.contextmanager
def smtp_capture(env):
    """An :class:`SMTPCapture` started, installed in ``env`` and sending, for the
    ``with`` block."""
    with SMTPCapture() as capture, capture.sending():
        capture.mail_server = capture.install(env)
        yield capture


class SMTPCaptureMixin:
    """For ``TransactionCase``/``HttpCase``: ``self.smtp`` (one server for the
    class), its ``ir.mail_server`` in each test's transaction, real sending for
    the whole test, and :meth:`smtp_send_queued`."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.smtp = SMTPCapture().start()
        cls.addClassCleanup(cls.smtp.stop)

    def setUp(self):
        super().setUp()
        self.smtp.messages.clear()
        self.smtp_mail_server = self.smtp.install(self.env)
        self.startPatcher(self.smtp.sending())

    def smtp_send_queued(self, records):
        """The queued mail of ``records`` sent through SMTP: the messages received."""
        return self.smtp.send_queued(records)
