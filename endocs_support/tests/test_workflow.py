# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Processing workflow with frozen time: R-WF-1 .. R-WF-6, R-TIME-6."""

from datetime import datetime

from odoo.exceptions import RedirectWarning, UserError, ValidationError
from odoo.tests import Form, freeze_time

from .common import EndocsCase


class TestWorkflow(EndocsCase):
    def _ticket(self, **overrides):
        with self.mock_mail_gateway():
            return self.Ticket.create(self.intake_vals(**overrides))

    def _ask(self, ticket, question="Пришлите, пожалуйста, журнал ошибок."):
        wizard = Form(
            self.env["endocs.ticket.wait.wizard"].with_context(
                default_ticket_id=ticket.id, default_reason="customer"
            )
        )
        wizard.message = question
        with self.mock_mail_gateway():
            wizard.save().action_confirm()

    def _customer_reply(self, ticket, body="Журнал во вложении."):
        return ticket.message_post(
            body=body,
            message_type="email",
            subtype_xmlid="mail.mt_comment",
            author_id=self.contact.id,
        )

    def _cron(self):
        """The waiting cron, then the notices it queued (triggered right after
        its commit in production)."""
        with self.mock_mail_gateway():
            self.Ticket._cron_endocs_waiting()
            self.env["endocs.notice"]._cron_post_notices()
            return self._new_mails

    def test_accept_records_engineer_and_processing_time_r_wf_1_r_time_6(self):
        with freeze_time("2025-10-18 09:00:00"):  # Saturday: off-hours
            ticket = self._ticket()
        self.assertEqual(ticket.endocs_processing_start, datetime(2025, 10, 20, 7, 0))
        with freeze_time("2025-10-20 09:30:00"):  # Monday 12:30 Moscow
            ticket.with_user(self.specialist).action_endocs_accept()
        self.assertEqual(ticket.endocs_accepted_at, datetime(2025, 10, 20, 9, 30))
        self.assertEqual(ticket.endocs_accepted_by_id, self.specialist)
        self.assertEqual(ticket.user_id, self.specialist)
        self.assertEqual(ticket.endocs_stage_role, "in_progress")
        self.assertEqual(ticket.endocs_processing_hours, 2.5)

    def test_accept_needs_registration_r_in_6_r_wf_1(self):
        ticket = self.Ticket.create(
            self.intake_vals(
                partner_id=False, partner_email=False, endocs_login_email=False
            )
        )
        with self.assertRaises(UserError):
            ticket.action_endocs_accept()

    def test_information_request_logged_and_answered_r_wf_2(self):
        ticket = self._ticket()
        ticket.action_endocs_accept()
        self._ask(ticket)
        info = ticket.endocs_info_request_ids
        self.assertEqual(info.state, "open")
        self.assertEqual(info.question, "Пришлите, пожалуйста, журнал ошибок.")
        self.assertEqual(ticket.endocs_stage_role, "waiting_customer")
        self.assertTrue(ticket.endocs_wait_since)
        self.assertEqual(ticket.endocs_pause_ids.reason, "customer")
        reply = self._customer_reply(ticket)
        self.assertEqual(info.state, "answered")
        self.assertEqual(info.answer_message_id, reply)
        self.assertEqual(ticket.endocs_stage_role, "in_progress")
        self.assertFalse(ticket.endocs_wait_since)
        self.assertTrue(ticket.endocs_pause_ids.date_to)

    def test_staff_note_does_not_stop_waiting_r_wf_3(self):
        ticket = self._ticket()
        self._ask(ticket)
        ticket.message_post(body="внутренняя заметка", subtype_xmlid="mail.mt_note")
        ticket.with_user(self.specialist).message_post(
            body="уточнение", message_type="comment", subtype_xmlid="mail.mt_comment"
        )
        self.assertEqual(ticket.endocs_stage_role, "waiting_customer")

    def test_wait_over_new_year_reminders_then_closure_r_wf_3(self):
        """5 working days from Fri 26.12.2025 end on Wed 14.01.2026 (the New Year
        holidays between): the weekly reminders fire first, each once."""
        with freeze_time("2025-12-26 09:00:00"):  # 12:00 Moscow
            ticket = self._ticket()
            ticket.action_endocs_accept()
            self._ask(ticket)
        self.assertEqual(ticket.endocs_timeout_at, datetime(2026, 1, 14, 9, 0))
        self.assertEqual(ticket.endocs_next_reminder_at, datetime(2026, 1, 2, 9, 0))
        with freeze_time("2025-12-31 09:00:00"):
            self.assertFalse(self._cron())
        with freeze_time("2026-01-02 09:01:00"):
            mails = self._cron()
            self.assertEqual(len(mails), 1)
            self.assertIn("Напоминание", mails.subject)
            self.assertFalse(self._cron(), "a second run sends nothing")
        self.assertEqual(ticket.endocs_reminder_count, 1)
        with freeze_time("2026-01-09 09:01:00"):
            self.assertEqual(len(self._cron()), 1)
            self.assertFalse(self._cron())
        self.assertEqual(ticket.endocs_reminder_count, 2)
        with freeze_time("2026-01-14 08:59:00"):
            self.assertFalse(self._cron())
        self.assertEqual(ticket.endocs_stage_role, "waiting_customer")
        with freeze_time("2026-01-14 09:01:00"):
            mails = self._cron()
            self.assertEqual(len(mails), 1)
            self.assertIn("ответ от клиента не получен", mails.subject.lower())
            self.assertFalse(self._cron(), "closed once")
        self.assertEqual(ticket.endocs_stage_role, "closed_no_reply")
        self.assertTrue(ticket.closed)
        self.assertTrue(
            ticket.endocs_resolution.startswith("Ответ от клиента не получен")
        )
        self.assertIn("журнал ошибок", ticket.endocs_resolution)
        self.assertEqual(ticket.endocs_reminder_count, 2)

    def test_reply_one_minute_before_timeout_r_wf_3(self):
        with freeze_time("2025-10-13 09:00:00"):  # Monday 12:00
            ticket = self._ticket()
            self._ask(ticket)
        self.assertEqual(ticket.endocs_timeout_at, datetime(2025, 10, 20, 9, 0))
        with freeze_time("2025-10-20 08:59:00"):
            self._customer_reply(ticket)
        with freeze_time("2025-10-20 09:01:00"):
            self.assertFalse(self._cron())
        self.assertEqual(ticket.endocs_stage_role, "in_progress")
        self.assertFalse(ticket.closed)

    def test_team_only_lists_r_wf_3(self):
        self.team.endocs_timeout_action = "list"
        with freeze_time("2025-10-13 09:00:00"):
            ticket = self._ticket()
            self._ask(ticket)
        with freeze_time("2025-10-20 09:01:00"):
            mails = self._cron()  # listed, not closed: only the weekly reminder
            self.assertEqual(len(mails), 1)
            self.assertIn("Напоминание", mails.subject)
            self.assertFalse(self._cron())
        self.assertTrue(ticket.endocs_timeout_listed)
        self.assertEqual(ticket.endocs_stage_role, "waiting_customer")
        self.assertIn(
            ticket, self.Ticket.search([("endocs_timeout_listed", "=", True)])
        )

    def test_third_party_notice_and_pause_r_wf_4(self):
        ticket = self._ticket()
        wizard = Form(
            self.env["endocs.ticket.wait.wizard"].with_context(
                default_ticket_id=ticket.id, default_reason="third_party"
            )
        )
        wizard.message = "лицензия КриптоПро от поставщика"
        with self.mock_mail_gateway():
            wizard.save().action_confirm()
            mail = self._find_mail_mail_wpartners(self.contact, "outgoing")
        self.assertIn("лицензия КриптоПро", mail.body_html)
        self.assertIn("3.9", mail.body_html)
        self.assertEqual(ticket.endocs_stage_role, "waiting_third_party")
        pause = ticket.endocs_pause_ids
        self.assertEqual(
            (pause.reason, pause.note),
            ("third_party", "лицензия КриптоПро от поставщика"),
        )
        self.assertFalse(pause.date_to)
        ticket.stage_id = ticket._endocs_stage("in_progress")
        self.assertTrue(pause.date_to)
        with self.assertRaises(ValidationError):
            ticket.write(
                {
                    "stage_id": ticket._endocs_stage("waiting_third_party").id,
                    "endocs_third_party_awaited": False,
                }
            )

    def test_cause_notices_r_wf_5(self):
        ticket = self._ticket()
        with self.mock_mail_gateway():
            ticket.endocs_cause_class = "third_party"
            ticket.endocs_cause_class = "third_party"
            self.assertEqual(len(self._new_mails), 1)
            self.assertIn("не гарантирует", self._new_mails.body_html)
            ticket.endocs_cause_class = "hardware"
            self.assertEqual(len(self._new_mails), 2)
            self.assertIn("линиях связи", self._new_mails[-1].body_html)
            ticket.endocs_cause_class = "product"
            self.assertEqual(len(self._new_mails), 2)

    def test_resolution_required_to_resolve_r_wf_6(self):
        ticket = self._ticket()
        resolved = ticket._endocs_stage("resolved")
        # staff closing without a resolution get the resolution step
        with self.assertRaises(RedirectWarning) as caught:
            ticket.with_user(self.specialist).stage_id = resolved
        _message, action, button = caught.exception.args[:3]
        self.assertEqual(action["res_model"], "endocs.ticket.resolve.wizard")
        self.assertEqual(action["context"]["default_ticket_id"], ticket.id)
        self.assertEqual(button, "Resolve")
        # the system (superuser) gets the plain error
        with self.assertRaises(ValidationError):
            ticket.stage_id = resolved
        ticket.write(
            {
                "stage_id": resolved.id,
                "endocs_resolution": "Настроен маршрут согласования.",
                "endocs_delivery_method": "video",
            }
        )
        self.assertTrue(ticket.closed)

    def test_video_session_inside_working_hours_r_wf_6(self):
        ticket = self._ticket()
        Session = self.env["endocs.video.session"]
        with self.mock_mail_gateway():
            session = Session.create(
                {
                    "ticket_id": ticket.id,
                    "start": datetime(2025, 10, 15, 11, 0),  # Wed 14:00 Moscow
                    "duration": 1.5,
                    "url": "https://meet.example/endocs",
                }
            )
            mail = self._find_mail_mail_wpartners(self.contact, "outgoing")
        self.assertIn("15.10.2025 14:00", mail.body_html)
        self.assertEqual(session.stop, datetime(2025, 10, 15, 12, 30))
        for start, duration in (
            (datetime(2025, 10, 15, 9, 30), 1.0),  # 12:30: runs into lunch
            (datetime(2025, 10, 15, 15, 30), 1.0),  # 18:30: past 19:00
            (datetime(2025, 10, 18, 9, 0), 1.0),  # Saturday
            (datetime(2025, 12, 31, 9, 0), 1.0),  # a day off
            (datetime(2025, 10, 15, 7, 0), 0),
        ):
            with self.assertRaises(ValidationError), self.cr.savepoint():
                Session.create(
                    {"ticket_id": ticket.id, "start": start, "duration": duration}
                )

    def test_default_stages_in_russian(self):
        """The default stages read in Russian (i18n/ru.po); the rules follow the
        roles, never the names."""
        self.assertTrue(self.env["res.lang"]._lang_get("ru_RU"), "ru_RU is loaded")
        stages = self.env["helpdesk.ticket.stage"].with_context(lang="ru_RU")
        third = stages.browse(
            self.env.ref("endocs_support.helpdesk_ticket_stage_third_party").id
        )
        closed = stages.browse(
            self.env.ref("endocs_support.helpdesk_ticket_stage_closed_no_reply").id
        )
        self.assertEqual(third.name, "Ожидание третьей стороны")
        self.assertEqual(closed.name, "Закрыт: ответ от клиента не получен")
        renamed = self.Ticket._endocs_stage("waiting_third_party")
        renamed.name = "Ждём поставщика"
        self.assertEqual(self.Ticket._endocs_stage("waiting_third_party"), renamed)

    def test_auto_reply_is_not_an_answer_r_wf_3(self):
        domain = self.env["mail.alias.domain"].search(
            [("name", "=", "endocs.ru")]
        ) or self.env["mail.alias.domain"].create({"name": "endocs.ru"})
        self.team.alias_id.alias_domain_id = domain
        ticket = self._ticket()
        self._ask(ticket)
        thread_id = ticket.message_ids[0].message_id
        raw = (
            "From: Мария Иванова <m.ivanova@romashka.ru>\r\n"
            "To: support@endocs.ru\r\n"
            "Subject: {subject}\r\n"
            "Message-Id: <{mid}@romashka.ru>\r\n"
            f"In-Reply-To: {thread_id}\r\nReferences: {thread_id}\r\n"
            "{extra}Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
        )
        auto = raw.format(
            subject="Автоматический ответ: в отпуске",
            mid="auto-1",
            extra="Auto-Submitted: auto-replied\r\n",
            body="Я в отпуске до понедельника.",
        )
        self.env["mail.thread"].message_process("helpdesk.ticket", auto.encode())
        self.assertIn("<auto-1@romashka.ru>", ticket.message_ids.mapped("message_id"))
        self.assertEqual(ticket.endocs_stage_role, "waiting_customer")
        self.assertEqual(ticket.endocs_info_request_ids.state, "open")
        answer = raw.format(
            subject="Re: журнал", mid="answer-1", extra="", body="Журнал во вложении."
        )
        self.env["mail.thread"].message_process("helpdesk.ticket", answer.encode())
        self.assertEqual(ticket.endocs_stage_role, "in_progress")
        self.assertEqual(ticket.endocs_info_request_ids.state, "answered")
