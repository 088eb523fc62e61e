# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The customer's journey on the portal, in a browser and in Russian: submit
with errors, fix them, attach a file (R-IN-2, R-IN-3); Moscow times and when
processing starts (R-TIME-6); answer the specialist's question, which returns
the request to work (R-WF-2); withdraw it with a reason (R-WF-6). The act's
download is in endocs_support_billing's tests."""

import re
from datetime import datetime

from odoo.tests import HttpCase, freeze_time, new_test_user, tagged

from .common import create_organisations, posting_queued_notices_at_once


@tagged("post_install", "-at_install")
class TestCustomerTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.startClassPatcher(posting_queued_notices_at_once())
        env = cls.env
        env["res.lang"]._activate_lang("ru_RU")
        cls.org, _org2, _subscription = create_organisations(env)
        cls.customer = new_test_user(
            env,
            login="endocs_tour_customer",
            password="endocs_tour_customer",
            groups="base.group_portal",
            name="Мария Иванова",
            email="m.ivanova@romashka.ru",
            lang="ru_RU",
            tz="Asia/Vladivostok",  # the portal still tells Moscow time
        )
        cls.customer.partner_id.write(
            {"parent_id": cls.org.id, "phone": "+7 495 123-45-67"}
        )
        cls.specialist = new_test_user(
            env,
            login="endocs_tour_spec",
            groups="base.group_user,helpdesk_mgmt.group_helpdesk_user",
            name="Специалист",
            tz="Europe/Moscow",
            lang="ru_RU",
        )
        cls.team = env.ref("endocs_support.helpdesk_team_support")
        cls.Ticket = env["helpdesk.ticket"]

    def test_customer_submits_with_errors_then_a_file_r_in_3(self):
        self.start_tour(
            "/new/ticket", "endocs_customer_submit", login="endocs_tour_customer"
        )
        ticket = self.Ticket.search([("name", "=", "Не подписывается договор")])
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.partner_id, self.customer.partner_id)
        self.assertEqual(ticket.team_id, self.team)
        self.assertEqual(ticket.endocs_contact_phone, "+74951234567")
        self.assertTrue(ticket.endocs_intake_complete)
        attachment = ticket.attachment_ids
        self.assertEqual(attachment.mapped("name"), ["ошибка.txt"])
        self.assertEqual(attachment.raw.decode(), "Сертификат не найден")

    def test_customer_answers_the_question_then_withdraws_r_wf_2_r_wf_6(self):
        # Received on Saturday 28.11.2026 at 12:00 Moscow time, off hours.
        with freeze_time(datetime(2026, 11, 28, 9, 0)):
            ticket = self.Ticket.sudo().create(
                {
                    "name": "Не подписывается документ",
                    "team_id": self.team.id,
                    "partner_id": self.customer.partner_id.id,
                    "endocs_org_name": "ООО Ромашка",
                    "endocs_client_ref": "ED-1001",
                    "endocs_contact_name": "Мария Иванова",
                    "endocs_contact_phone": "+74951234567",
                    "endocs_login_email": "m.ivanova@romashka.ru",
                    "description": "<p>Документ не подписывается после обновления.</p>",
                }
            )
            ticket.message_subscribe(partner_ids=self.customer.partner_id.ids)
        self.assertTrue(ticket.endocs_off_hours)
        # Monday 30.11 at 11:00 Moscow time the specialist accepts it and asks.
        with freeze_time(datetime(2026, 11, 30, 8, 0)):
            ticket.with_user(self.specialist).action_endocs_accept()
            self.env["endocs.ticket.wait.wizard"].with_user(self.specialist).create(
                {
                    "ticket_id": ticket.id,
                    "reason": "customer",
                    "message": "Пришлите, пожалуйста, журнал ошибок.",
                }
            ).action_confirm()
        self.assertEqual(ticket.endocs_stage_role, "waiting_customer")
        asked = ticket.message_ids.filtered(lambda m: "журнал ошибок" in m.body)
        self.assertIn(self.customer.partner_id, asked.partner_ids)
        starts = ticket._endocs_format_moment(ticket.endocs_processing_start)
        self.assertTrue(starts.endswith("(МСК)"), starts)

        self.authenticate("endocs_tour_customer", "endocs_tour_customer")
        page = self.url_open(f"/my/ticket/{ticket.id}").text
        self.assertRegex(page, r"обработка начнётся\s*<span>" + re.escape(starts))
        self.start_tour(
            f"/my/ticket/{ticket.id}",
            "endocs_customer_answer_withdraw",
            login="endocs_tour_customer",
        )
        question = ticket.endocs_info_request_ids
        self.assertEqual(question.state, "answered")
        self.assertTrue(question.answered_at)
        self.assertEqual(ticket.endocs_stage_role, "withdrawn")
        self.assertTrue(ticket.closed)
        self.assertEqual(
            ticket.endocs_withdraw_reason, "Сертификат продлили, подпись работает."
        )
