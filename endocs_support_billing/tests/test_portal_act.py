# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""R-BILL-3, R-SEC-1: the customer downloads the act of its own invoices only."""

import base64
from datetime import date

from odoo.tests import HttpCase, tagged

from .common import OCT, BillingCase

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@tagged("post_install", "-at_install")
class TestPortalAct(HttpCase, BillingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.owner, cls.other = cls.portal_users("endocs")

    def setUp(self):
        super().setUp()
        ticket = self.paid_ticket()
        self.log(ticket, 40, date(2026, 10, 5))
        self.invoice = self.invoice_period(*OCT)
        self.act_url = f"/my/invoices/{self.invoice.id}/endocs_act"

    def test_own_organisation_downloads_the_act(self):
        self.authenticate("endocs_romashka", "endocs_romashka")
        page = self.url_open(f"/my/invoices/{self.invoice.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.act_url, page.text)
        response = self.url_open(self.act_url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], XLSX)
        self.assertEqual(
            response.content, base64.b64decode(self.invoice.endocs_act_id.datas)
        )

    def test_other_organisation_and_anonymous_get_nothing(self):
        for login in ("endocs_vector", None):
            if login:
                self.authenticate(login, login)
            else:
                self.authenticate(None, None)
            response = self.url_open(self.act_url, allow_redirects=False)
            self.assertEqual(response.status_code, 303, login)
            self.assertNotIn(b"PK", response.content[:2])
            # Nor through the attachment itself.
            attachment = self.url_open(
                f"/web/content/{self.invoice.endocs_act_id.id}", allow_redirects=False
            )
            self.assertNotEqual(attachment.status_code, 200, login)

    def test_access_token_of_the_invoice_link_opens_it(self):
        self.authenticate(None, None)
        token = self.invoice._portal_ensure_token()
        response = self.url_open(f"{self.act_url}?access_token={token}")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], XLSX)
        wrong = self.url_open(
            f"{self.act_url}?access_token=x{token}", allow_redirects=False
        )
        self.assertEqual(wrong.status_code, 303)
