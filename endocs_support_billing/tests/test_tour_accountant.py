# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The accountant's journey in a browser, in Russian: the batch invoicing
wizard, posting, the act (R-BILL-2, R-BILL-3); then the customer downloads the
act from the portal."""

import base64
import re

from odoo.tests import HttpCase, new_test_user, tagged

from .common import OCT, BillingCase


@tagged("post_install", "-at_install")
class TestAccountantTour(HttpCase, BillingCase):
    def test_accountant_invoices_posts_and_the_customer_gets_the_act(self):
        env = self.env
        env["res.lang"]._activate_lang("ru_RU")
        new_test_user(
            env,
            login="endocs_tour_accountant",
            password="endocs_tour_accountant",
            groups="endocs_support_billing.group_endocs_accountant",
            name="Ирина Кузнецова",
            tz="Europe/Moscow",
            lang="ru_RU",
        )
        customer = new_test_user(
            env,
            login="endocs_tour_romashka",
            password="endocs_tour_romashka",
            groups="base.group_portal",
            partner_id=self.contact.id,
        )
        ticket = self.paid_ticket()
        self.log(ticket, 40, OCT[0].replace(day=5))
        self.start_tour(
            "/odoo",
            "endocs_accountant_journey",
            login="endocs_tour_accountant",
        )
        invoice = env["account.move"].search(
            [("partner_id", "child_of", self.org.id), ("move_type", "=", "out_invoice")]
        )
        self.assertEqual(len(invoice), 1)
        self.assertEqual(invoice.state, "posted")
        self.assertEqual(invoice.invoice_line_ids.quantity, 1.0)  # 40 min → 1 h
        self.assertEqual((invoice.endocs_period_start, invoice.endocs_period_end), OCT)
        act = invoice.endocs_act_id
        self.assertTrue(act.name.endswith(".xlsx"))

        self.start_tour(
            f"/my/invoices/{invoice.id}", "endocs_customer_act", login=customer.login
        )
        self.authenticate(customer.login, customer.login)
        page = self.url_open(f"/my/invoices/{invoice.id}").text
        href = re.search(r'href="(/my/invoices/\d+/endocs_act[^"]*)"', page).group(1)
        response = self.url_open(href.replace("&amp;", "&"))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, base64.b64decode(act.datas))
