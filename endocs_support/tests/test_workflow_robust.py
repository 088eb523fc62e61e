# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The workflow however a request moves (R-WF-3, R-WF-4), scheduled actions one
bad request cannot block (R-REL-1), batches (R-REL-1) and the terms of a request
on its local date (R-CON-1)."""

from datetime import date, datetime
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import freeze_time

from .common import EndocsCase


class RobustCase(EndocsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.waiting = cls.Ticket._endocs_stage("waiting_customer")
        cls.team2 = cls.env["helpdesk.ticket.team"].create({"name": "Внедрение"})
        # the first weekly reminder comes before the no-reply timeout
        cls.team.endocs_timeout_days = 10

    def _tickets(self, count, **overrides):
        with self.mock_mail_gateway():
            return self.Ticket.create([self.intake_vals(**overrides)] * count)

    def _queries(self, function, *args):
        self.env.flush_all()
        before = self.env.cr.sql_log_count
        function(*args)
        self.env.flush_all()
        return self.env.cr.sql_log_count - before


class TestWorkflowRobust(RobustCase):
    @freeze_time("2025-10-13 07:00:00")  # Monday 10:00 Moscow
    def test_created_waiting_starts_the_clocks_r_wf_3(self):
        ticket = self._tickets(1, stage_id=self.waiting.id)
        self.assertTrue(ticket.endocs_sla_paused)
        self.assertEqual(ticket.endocs_pause_ids.date_from, datetime(2025, 10, 13, 7))
        self.assertEqual(ticket.endocs_next_reminder_at, datetime(2025, 10, 20, 7))
        # 10 working days later, same clock time: Monday 27th, 10:00 Moscow
        self.assertEqual(ticket.endocs_timeout_at, datetime(2025, 10, 27, 7))

    def test_team_change_that_moves_the_stage_closes_the_pause_r_wf_3(self):
        own_waiting = self.waiting.copy(
            {"name": "Ожидание (поддержка)", "team_ids": [(6, 0, self.team.ids)]}
        )
        with freeze_time("2025-10-13 07:00:00"):
            ticket = self._tickets(1, stage_id=own_waiting.id)
        self.assertEqual(len(ticket.endocs_pause_ids), 1)
        self.assertFalse(ticket.endocs_pause_ids.date_to)
        with freeze_time("2025-10-13 09:00:00"):
            # helpdesk_mgmt's _compute_stage_id moves it to a stage of team2
            ticket.team_id = self.team2
            self.assertNotEqual(ticket.stage_id, own_waiting)
        self.assertEqual(ticket.endocs_pause_ids.date_to, datetime(2025, 10, 13, 9))
        self.assertFalse(ticket.endocs_timeout_at)
        self.assertFalse(ticket.endocs_next_reminder_at)
        self.assertFalse(ticket.endocs_sla_paused)

    def test_failing_request_is_skipped_not_blocking_r_rel_1(self):
        with freeze_time("2025-10-13 07:00:00"):
            tickets = self._tickets(3, stage_id=self.waiting.id)
        bad = tickets[0]  # the first in the cron's order
        Ticket = type(self.Ticket)
        original = Ticket._endocs_send_reminders

        def breaks_on_bad(records, now):
            original(records, now)
            if bad in records:
                raise ValueError("template cannot be rendered")

        with freeze_time("2025-10-20 07:05:00"), self.mock_mail_gateway():
            with patch.object(Ticket, "_endocs_send_reminders", breaks_on_bad):
                self.assertEqual(self.Ticket._cron_endocs_waiting(), 2)
                self.assertEqual(self.Ticket._cron_endocs_waiting(), 0)
            self.env["endocs.notice"]._cron_post_notices()
        self.assertEqual(tickets.mapped("endocs_reminder_count"), [0, 1, 1])
        self.assertIn("template cannot be rendered", bad.endocs_cron_error)
        self.assertEqual(bad.endocs_next_reminder_at, datetime(2025, 10, 20, 7))
        reminders = self.Ticket.env["mail.mail"].search(
            [("res_id", "in", tickets.ids), ("subject", "ilike", "Напоминание")]
        )
        self.assertEqual(sorted(reminders.mapped("res_id")), sorted(tickets[1:].ids))
        bad.action_endocs_retry()
        with freeze_time("2025-10-20 07:20:00"):
            self.assertEqual(self.Ticket._cron_endocs_waiting(), 1)
        self.assertEqual(bad.endocs_reminder_count, 1)

    def test_failing_request_in_the_sla_cron_r_rel_1(self):
        with freeze_time("2025-10-13 07:00:00"):
            tickets = self._tickets(2, priority="3")
        Ticket = type(self.Ticket)
        original = Ticket._endocs_record_breaches

        def breaks_on_first(records, now=None):
            if tickets[0] in records:
                raise ValueError("broken")
            return original(records, now)

        with freeze_time("2025-10-13 12:00:00"):
            with patch.object(Ticket, "_endocs_record_breaches", breaks_on_first):
                self.assertEqual(self.Ticket._cron_endocs_sla(), 1)
                self.assertEqual(self.Ticket._cron_endocs_sla(), 0)
        self.assertEqual(tickets.mapped("endocs_sla_breached"), [False, True])
        self.assertTrue(tickets[0].endocs_cron_error)

    def test_accept_moves_each_request_to_its_team_stage_r_wf_1(self):
        own = self.Ticket._endocs_stage("in_progress").copy(
            {"name": "В работе (внедрение)", "team_ids": [(6, 0, self.team2.ids)]}
        )
        first = self._tickets(1)
        second = self._tickets(1, team_id=self.team2.id)
        (first | second).action_endocs_accept()
        self.assertEqual(second.stage_id, own)
        self.assertEqual(first.stage_id, self.Ticket._endocs_stage("in_progress"))
        self.assertNotEqual(first.stage_id, own)

    def test_accept_queries_stay_flat_r_rel_1(self):
        warm, few, many = self._tickets(2), self._tickets(12), self._tickets(48)
        self._queries(warm.action_endocs_accept)  # caches of the first call
        small = self._queries(few.action_endocs_accept)
        large = self._queries(many.action_endocs_accept)
        # helpdesk_mgmt's stage compute asked once per request before
        self.assertLessEqual(large - small, 2, (small, large))

    def test_closing_closes_the_open_questions_r_wf_2(self):
        ticket = self._tickets(1)
        question = self.env["endocs.info.request"].create(
            {"ticket_id": ticket.id, "question": "Версия браузера?"}
        )
        ticket.write(
            {
                "stage_id": ticket._endocs_stage("resolved").id,
                "endocs_resolution": "Обновлён браузер",
                "endocs_delivery_method": "email",
            }
        )
        self.assertEqual(question.state, "closed")

    def test_terms_on_the_local_date_of_receipt_r_con_1(self):
        """31 December 22:30 UTC is 1 January 01:30 in Moscow: a subscription
        that starts on 1 January covers the request."""
        self.org2.endocs_contract_ids = [
            (
                0,
                0,
                {
                    "name": "SUB-2026",
                    "contract_type": "subscription",
                    "date_start": date(2026, 1, 1),
                },
            )
        ]
        with freeze_time("2025-12-31 22:30:00"):
            ticket = self._tickets(
                1,
                partner_id=self.contact2.id,
                endocs_client_ref="ED-2002",
                endocs_org_name="АО Вектор",
            )
        self.assertEqual(ticket.endocs_eligibility, "free")
        self.assertEqual(
            ticket._endocs_terms().on_date, date(2026, 1, 1), "the Moscow date"
        )


class TestQueuedNotices(RobustCase):
    """R-REL-1, R-UX-2: the scheduled actions queue their notices, posted by
    «EnDocs: post queued notices» right after the commit."""

    post_notices_at_once = False

    def test_waiting_cron_queries_stay_flat_r_rel_1(self):
        """A guard against queries per request in the batch (R-WF-3 too:
        requests created waiting get their reminders)."""
        with freeze_time("2025-10-13 07:00:00"):
            few = self._tickets(4, stage_id=self.waiting.id)
        self.assertTrue(all(few.mapped("endocs_next_reminder_at")))
        with freeze_time("2025-10-20 07:05:00"), self.mock_mail_gateway():
            small = self._queries(self.Ticket._cron_endocs_waiting)
        self.assertEqual(few.mapped("endocs_reminder_count"), [1] * 4)
        few.stage_id = self.Ticket._endocs_stage("in_progress")  # answered
        with freeze_time("2025-10-27 07:00:00"):
            many = self._tickets(16, stage_id=self.waiting.id)
        with freeze_time("2025-11-03 07:05:00"), self.mock_mail_gateway():
            large = self._queries(self.Ticket._cron_endocs_waiting)
        self.assertEqual(many.mapped("endocs_reminder_count"), [1] * 16)
        # four times the requests: less than a query more per extra request
        self.assertLess(large - small, len(many) - len(few), (small, large))
        # the reminders were queued; their scheduled action posts them
        self.post_notices()
        reminders = self.env["mail.mail"].search(
            [("res_id", "in", many.ids), ("subject", "ilike", "Напоминание")]
        )
        self.assertEqual(len(reminders), 16)

    def test_registered_once_the_queued_notice_is_posted_r_in_6(self):
        ticket = self._tickets(1)
        self.assertFalse(ticket.endocs_registered_at)
        self.assertEqual(self.env["endocs.notice"].search([]).ticket_id, ticket)
        with self.assertRaises(UserError):
            ticket.action_endocs_accept()  # 3.5: not before the notice
        cron = self.env.ref("endocs_support.ir_cron_post_notices")
        triggers = (
            self.env["ir.cron.trigger"].sudo().search([("cron_id", "=", cron.id)])
        )
        self.assertTrue(triggers, "triggered to run right after the commit")
        self.assertEqual(self.env["endocs.notice"]._cron_post_notices(), 1)
        self.assertTrue(ticket.endocs_registered_at)
        self.assertFalse(self.env["endocs.notice"].search([]))
        notice = ticket.message_ids.filtered(
            lambda m: m.subject and "зарегистрирован" in m.subject
        )
        self.assertEqual(len(notice), 1)
        ticket.action_endocs_accept()
