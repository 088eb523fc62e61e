# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""R-UX-2, R-IN-6, R-IN-8, R-WF-2: the notices as the customer receives them —
read at an SMTP server (tests/smtp_capture.py), not in the database."""

import re
from html import unescape
from unittest.mock import patch
from urllib.parse import urlparse

from odoo.tests import Form, HttpCase, freeze_time, new_test_user, tagged

from .common import EndocsCase
from .smtp_capture import SMTPCaptureMixin

PORTAL_BUTTON = re.compile(r'href="([^"]*/mail/view\?[^"]*)"')


@tagged("post_install", "-at_install")
class TestCustomerMail(SMTPCaptureMixin, HttpCase, EndocsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.email = "info@endocs.ru"
        cls.team.alias_name = "support"

    def setUp(self):
        super().setUp()
        # the outgoing server is authorised for the support domain
        self.smtp_mail_server.from_filter = self.team.alias_email.split("@")[1]

    def _new_ticket(self, **overrides):
        return self.Ticket.create(self.intake_vals(**overrides))

    def _received(self, ticket):
        received = self.smtp_send_queued(ticket)
        self.assertTrue(received, "nothing reached the SMTP server")
        return received

    def _assert_clean_html(self, html):
        """Markup is markup: no tags shown as text."""
        self.assertNotRegex(html, r"&lt;/?(p|b|strong|div|br)\b", "escaped markup")
        self.assertNotIn("<t t-", html)

    @freeze_time("2025-12-31 15:00:00")  # 31 Dec 18:00 Moscow, a holiday
    def test_registration_as_received_r_ux_2_r_in_6(self):
        ticket = self._new_ticket()
        (message,) = self._received(ticket)
        address = self.team.alias_email
        self.assertEqual(message.rcpt_tos, ["m.ivanova@romashka.ru"])
        self.assertEqual(message["From"].addresses[0].addr_spec, address)
        self.assertEqual(message["Reply-To"].addresses[0].addr_spec, address)
        self.assertEqual(
            message["Subject"], f"Запрос {ticket.number} зарегистрирован: {ticket.name}"
        )
        html = message.html
        self._assert_clean_html(html)
        self.assertIn("Здравствуйте, Мария Иванова!", html)
        self.assertIn(f"<strong>{ticket.number}</strong>", html)
        # Moscow time, the zone named, the hours from the team's calendar
        self.assertIn("Получен: 31.12.2025 18:00 (МСК)", html)
        self.assertIn("12.01.2026 10:00 (МСК)", html)
        self.assertIn("понедельник–пятница 10:00–13:00, 14:00–19:00 (МСК)", html)
        self.assertNotIn("15:00", html)
        # the company's layout with the button that opens the request
        self.assertIn("Просмотр", html)
        self.assertTrue(PORTAL_BUTTON.search(html))
        # the chatter holds the same notice, authored by the desk
        notice = ticket.message_ids.filtered(lambda m: m.subject == message["Subject"])
        self.assertEqual(notice.author_id, self.env.company.partner_id)
        self.assertEqual(notice.message_id, message["Message-Id"])

    def test_portal_button_opens_the_request_for_its_customer_only_r_ux_2(self):
        portal = new_test_user(
            self.env,
            login="endocs_mail_portal",
            groups="base.group_portal",
            partner_id=self.contact.id,
        )
        other = new_test_user(
            self.env, login="endocs_mail_other", groups="base.group_portal"
        )
        ticket = self._new_ticket()
        (message,) = self._received(ticket)
        link = unescape(PORTAL_BUTTON.search(message.html).group(1))
        path = urlparse(link)._replace(scheme="", netloc="").geturl()
        self.authenticate(portal.login, portal.login)
        page = self.url_open(path)
        self.assertEqual(page.status_code, 200)
        self.assertIn(f"/my/ticket/{ticket.id}", page.url)
        self.assertIn(ticket.number, page.text)
        # the page tells the times as the notice does: the calendar's zone, named
        received = ticket._endocs_format_moment(ticket.endocs_received_at)
        self.assertIn("(МСК)", received)
        self.assertIn(received, page.text)
        self.authenticate(other.login, other.login)
        page = self.url_open(f"/my/ticket/{ticket.id}")
        self.assertNotIn(ticket.number, page.text)
        tampered = re.sub(r"access_token=[^&]+", "access_token=0000", path)
        page = self.url_open(tampered)
        self.assertNotIn(ticket.number, page.text)

    def test_reply_to_the_received_question_threads_r_in_8_r_wf_2(self):
        ticket = self._new_ticket()
        ticket.action_endocs_accept()
        self.smtp_send_queued(ticket)
        wizard = Form(
            self.env["endocs.ticket.wait.wizard"]
            .with_user(self.specialist)
            .with_context(default_ticket_id=ticket.id)
        )
        wizard.message = "Пришлите журнал <ошибок> за вчера"
        wizard.save().action_confirm()
        received = self._received(ticket)
        self.assertEqual(
            len(received), 1, [(m["Subject"], m.rcpt_tos) for m in received]
        )
        (question,) = received
        html = question.html
        self._assert_clean_html(html)
        self.assertIn("Пришлите журнал &lt;ошибок&gt; за вчера", html)
        self.assertEqual(ticket.endocs_stage_role, "waiting_customer")
        # the customer answers the message she received
        reply = (
            f"From: Мария Иванова <m.ivanova@romashka.ru>\r\n"
            f"To: {question['Reply-To']}\r\n"
            f"Subject: Re: {question['Subject']}\r\n"
            f"Message-Id: <reply-1@romashka.ru>\r\n"
            f"In-Reply-To: {question['Message-Id']}\r\n"
            f"References: {question['Message-Id']}\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n\r\n"
            "Журнал во вложении.\r\n"
        )
        thread_id = self.env["mail.thread"].message_process(
            "helpdesk.ticket", reply.encode()
        )
        self.assertEqual(thread_id, ticket.id)
        self.assertEqual(ticket.endocs_stage_role, "in_progress")
        self.assertFalse(ticket.endocs_wait_since)
        self.assertFalse(ticket.endocs_pause_ids.filtered(lambda p: not p.date_to))
        info = ticket.endocs_info_request_ids
        self.assertEqual(info.state, "answered")
        self.assertIn("Журнал во вложении", info.answer_message_id.body)

    def test_edited_template_changes_the_next_notice_r_ux_2(self):
        template = self.env.ref("endocs_support.mail_template_registration")
        template.with_context(
            lang="ru_RU"
        ).body_html = "<p>Запрос <t t-out='object.number'/> принят, спасибо!</p>"
        ticket = self._new_ticket()
        (message,) = self._received(ticket)
        self.assertIn(f"Запрос {ticket.number} принят, спасибо!", message.html)

    def test_a_body_is_compiled_once_per_worker_and_per_text_r_rel_1(self):
        """Odoo generates a template's QWeb code for every record it renders
        and once more to check it; the notices do it once per body
        (models/ir_qweb.py, mail_render_mixin.py), and an edited body anew."""
        IrQweb = type(self.env["ir.qweb"])
        generate_code = IrQweb._generate_code
        with patch.object(
            IrQweb, "_generate_code", autospec=True, side_effect=generate_code
        ) as compiled:
            self._received(self._new_ticket())
            count = compiled.call_count
            second = self._new_ticket()
            (message,) = self._received(second)
            self.assertEqual(compiled.call_count, count, "compiled again")
            self.assertIn(f"<strong>{second.number}</strong>", message.html)
            # a body with a condition goes through QWeb (a plain one would not)
            self.env.ref("endocs_support.mail_template_registration").with_context(
                lang="ru_RU"
            ).body_html = (
                "<p>Запрос <t t-out='object.number'/> принят"
                "<t t-if='object.endocs_off_hours'> вне рабочих часов</t>.</p>"
            )
            third = self._new_ticket()
            (message,) = self._received(third)
            self.assertGreater(compiled.call_count, count, "the edit was not compiled")
        self.assertIn(f"Запрос {third.number} принят", message.html)

    def test_in_the_customers_language_whoever_triggers_r_ux_2(self):
        english = self.env["res.partner"].create(
            {
                "name": "John Smith",
                "email": "j.smith@romashka.ru",
                "parent_id": self.org.id,
                "lang": "en_US",
            }
        )
        ticket = self._new_ticket(partner_id=english.id)
        (message,) = self._received(ticket)
        self.assertTrue(message["Subject"].startswith(f"Request {ticket.number}"))
        self.assertIn("Your request is registered", message.html)
        russian = self._new_ticket()
        (message,) = self._received(russian)
        self.assertIn("Ваш запрос зарегистрирован", message.html)

    def test_one_email_when_resolved_r_wf_6(self):
        ticket = self._new_ticket()
        ticket.action_endocs_accept()
        self.smtp_send_queued(ticket)
        ticket.with_context(mail_notrack=False).write(
            {
                "stage_id": ticket._endocs_stage("resolved").id,
                "endocs_resolution": "Очищен кэш браузера.",
                "endocs_delivery_method": "email",
            }
        )
        self.flush_tracking()
        received = self._received(ticket)
        self.assertEqual(len(received), 1, [m["Subject"] for m in received])
        self.assertEqual(
            received[0]["Subject"], f"Запрос {ticket.number} решён: {ticket.name}"
        )
        self.assertIn("Очищен кэш браузера.", received[0].html)
        self.assertIn(
            "Способ предоставления решения: Электронная почта", received[0].html
        )

    def test_the_notice_goes_to_the_customer_not_to_the_followers_r_ux_2(self):
        ticket = self._new_ticket()
        ticket.message_subscribe(partner_ids=self.specialist.partner_id.ids)
        self.smtp_send_queued(ticket)
        ticket.endocs_cause_class = "hardware"
        received = self._received(ticket)
        self.assertEqual(
            [m.rcpt_tos for m in received], [["m.ivanova@romashka.ru"]], "one e-mail"
        )
        notice = ticket.message_ids.filtered(
            lambda m: m.subject == received[0]["Subject"]
        )
        self.assertFalse(notice.subtype_id.internal, "the portal shows it")

    def test_texts_follow_the_team_and_its_calendar_r_ux_2(self):
        """Another calendar or setting gives another text: nothing of the hours
        or the days is written in the template."""
        calendar = self.env.ref("endocs_support.resource_calendar_support_msk").copy(
            {"name": "Поддержка Екатеринбург", "tz": "Asia/Yekaterinburg"}
        )
        calendar.attendance_ids.filtered(lambda a: a.dayofweek == "4").unlink()
        self.team.write(
            {
                "resource_calendar_id": calendar.id,
                "endocs_reminder_days": 3,
                "endocs_timeout_days": 8,
            }
        )
        with freeze_time("2026-01-15 15:00:00"):  # Thursday 20:00 in Yekaterinburg
            ticket = self._new_ticket()
        (registration,) = self._received(ticket)
        self.assertIn(
            "понедельник–четверг 10:00–13:00, 14:00–19:00 (МСК+2)", registration.html
        )
        self.assertIn("Получен: 15.01.2026 20:00 (МСК+2)", registration.html)
        ticket.action_endocs_accept()
        self.smtp_send_queued(ticket)
        wizard = self.env["endocs.ticket.wait.wizard"].create(
            {"ticket_id": ticket.id, "message": "Версия браузера?"}
        )
        wizard.action_confirm()
        (question,) = self._received(ticket)
        self.assertIn("мы напоминаем каждые 3 дн.", question.html)
        self.assertIn("через 8 рабочих дн.", question.html)
