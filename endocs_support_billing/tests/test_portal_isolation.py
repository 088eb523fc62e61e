# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""R-SEC-1: two organisations' portal users never see or touch each other's
requests, messages, attachments, timesheets, invoices or acts — through the
portal pages, JSON-RPC or direct URLs. Each check has its positive control: the
owner's user does reach the same thing."""

import base64
import re
from datetime import date

from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from .common import OCT, BillingCase


@tagged("post_install", "-at_install")
class TestPortalIsolation(HttpCase, BillingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.owner, cls.other = cls.portal_users("iso")

    def setUp(self):
        super().setUp()
        self.ticket = self.paid_ticket(name="Секретный запрос Ромашки")
        self.ticket.message_post(
            body="Пароль от тестового стенда: hunter2",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        self.attachment = self.env["ir.attachment"].create(
            {
                "name": "romashka-log.txt",
                "datas": base64.b64encode(b"secret log"),
                "res_model": "helpdesk.ticket",
                "res_id": self.ticket.id,
            }
        )
        self.timesheet = self.log(self.ticket, 40, date(2026, 10, 5), "Работа Ромашки")
        self.invoice = self.invoice_period(*OCT)

    def _rpc(self, model, method, *args, **kwargs):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def _sees(self, login):
        """What ``login`` reaches of Ромашка's things, each a boolean."""
        self.authenticate(login, login)
        seen = {}
        page = self.url_open(f"/my/ticket/{self.ticket.id}", allow_redirects=False)
        seen["ticket page"] = page.status_code == 200 and "Секретный" in page.text
        seen["ticket list"] = "Секретный" in self.url_open("/my/tickets").text
        seen["ticket rpc search"] = bool(
            self._rpc("helpdesk.ticket", "search", [("id", "=", self.ticket.id)])
        )
        try:
            self._rpc("helpdesk.ticket", "read", [self.ticket.id], ["name"])
            seen["ticket rpc read"] = True
        except JsonRpcException:
            seen["ticket rpc read"] = False
        seen["messages rpc"] = bool(
            self._rpc(
                "mail.message",
                "search",
                [
                    ("model", "=", "helpdesk.ticket"),
                    ("res_id", "=", self.ticket.id),
                    ("body", "ilike", "hunter2"),
                ],
            )
        )
        attachment = self.url_open(
            f"/web/content/{self.attachment.id}", allow_redirects=False
        )
        seen["attachment url"] = attachment.status_code == 200 and (
            attachment.content == b"secret log"
        )
        try:
            seen["timesheet rpc"] = bool(
                self._rpc(
                    "account.analytic.line", "search", [("id", "=", self.timesheet.id)]
                )
            )
        except JsonRpcException:
            seen["timesheet rpc"] = False
        invoice = self.url_open(
            f"/my/invoices/{self.invoice.id}", allow_redirects=False
        )
        seen["invoice page"] = invoice.status_code == 200
        try:
            seen["invoice rpc"] = bool(
                self._rpc("account.move", "read", [self.invoice.id], ["name"])
            )
        except JsonRpcException:
            seen["invoice rpc"] = False
        act = self.url_open(
            f"/my/invoices/{self.invoice.id}/endocs_act", allow_redirects=False
        )
        seen["act url"] = act.status_code == 200
        seen["act attachment url"] = (
            self.url_open(
                f"/web/content/{self.invoice.endocs_act_id.id}", allow_redirects=False
            ).status_code
            == 200
        )
        return seen

    def test_other_organisation_reaches_nothing_r_sec_1(self):
        seen = self._sees("iso_vector")
        self.assertEqual([what for what, ok in seen.items() if ok], [])

    def test_owner_reaches_its_own(self):
        seen = self._sees("iso_romashka")
        # the owner's portal shows requests, messages, invoices and acts; the
        # back-office records (timesheets, attachments by id) stay internal
        expected = {
            "ticket page",
            "ticket list",
            "ticket rpc search",
            "ticket rpc read",
            "messages rpc",
            "invoice page",
            "invoice rpc",
            "act url",
        }
        self.assertEqual({what for what, ok in seen.items() if ok}, expected)

    def test_closing_from_the_portal_r_sec_1(self):
        """helpdesk_mgmt's /ticket/close took any id, as superuser, on a GET."""
        stage = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_cancelled")
        stage.close_from_portal = True
        before = self.ticket.stage_id
        for login in ("iso_vector", "iso_romashka"):
            self.authenticate(login, login)
            self.url_open(
                f"/ticket/close?ticket_id={self.ticket.id}&stage_id={stage.id}",
                allow_redirects=False,
            )
            self.assertEqual(self.ticket.stage_id, before, f"GET by {login}")
        self.authenticate("iso_vector", "iso_vector")
        self._post_close(stage)
        self.assertEqual(self.ticket.stage_id, before, "POST by another organisation")
        self.authenticate("iso_romashka", "iso_romashka")
        page = self.url_open(f"/my/ticket/{self.ticket.id}")
        self.assertIn('method="POST"', page.text)
        self._post_close(stage)
        self.assertEqual(self.ticket.stage_id, before, "withdrawn only with a reason")
        self._post_close(stage, reason="Вопрос решён без поддержки.")
        self.assertEqual(self.ticket.stage_id, stage, "the owner withdraws it")

    def _post_close(self, stage, reason=None):
        """The portal's close button: a POST with the session's CSRF token."""
        page = self.url_open("/my/tickets").text
        token = re.search(r'csrf_token["\']?\s*[:=]\s*["\']([0-9a-fo]+)', page).group(1)
        self.url_open(
            "/ticket/close",
            data={
                "ticket_id": self.ticket.id,
                "stage_id": stage.id,
                "csrf_token": token,
                **({"reason": reason} if reason else {}),
            },
            allow_redirects=False,
        )
