# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""SLA in working hours: R-WF-7 (with R-WF-3/R-WF-4 pauses)."""

from datetime import datetime

from odoo.tests import freeze_time

from .common import EndocsCase


class TestSla(EndocsCase):
    def _ticket(self, **overrides):
        with self.mock_mail_gateway():
            return self.Ticket.create(self.intake_vals(**overrides))

    @freeze_time("2025-10-17 15:30:00")  # Friday 18:30 Moscow
    def test_deadlines_in_working_hours_r_wf_7(self):
        ticket = self._ticket(priority="1")
        self.assertEqual(
            ticket.endocs_sla_policy_id,
            self.env.ref("endocs_support.sla_policy_medium"),
        )
        # 4 working hours: Fri 18:30-19:00, Mon 10-13, Mon 14:00-14:30 (Moscow)
        self.assertEqual(ticket.endocs_accept_deadline, datetime(2025, 10, 20, 11, 30))
        # 8 working hours: Fri 18:30-19:00, Mon 10-13 and 14:00-18:30
        self.assertEqual(
            ticket.endocs_response_deadline, datetime(2025, 10, 20, 15, 30)
        )
        self.assertFalse(ticket.endocs_sla_breached)
        # the registration notice is not a response
        self.assertFalse(ticket.endocs_first_response_at)
        ticket.priority = "3"  # recomputed: 1 working hour
        self.assertEqual(
            ticket.endocs_sla_policy_id,
            self.env.ref("endocs_support.sla_policy_very_high"),
        )
        self.assertEqual(ticket.endocs_accept_deadline, datetime(2025, 10, 20, 7, 30))

    def test_team_policy_first_r_wf_7(self):
        own = self.env["endocs.sla.policy"].create(
            {
                "name": "VIP",
                "priority": "1",
                "team_ids": [(6, 0, self.team.ids)],
                "accept_hours": 0.5,
                "response_hours": 1,
                "resolve_hours": 4,
            }
        )
        ticket = self._ticket(priority="1")
        self.assertEqual(ticket.endocs_sla_policy_id, own)

    def test_new_requests_follow_the_policies_as_edited_r_wf_7(self):
        """The policies are looked up from a table kept per worker: every
        change of theirs is seen by the next request at once."""
        medium = self.env.ref("endocs_support.sla_policy_medium")
        own = self.env["endocs.sla.policy"].create(
            {
                "name": "VIP",
                "priority": "2",
                "accept_hours": 0.5,
                "response_hours": 1,
                "resolve_hours": 4,
            }
        )
        self.assertEqual(self._ticket(priority="1").endocs_sla_policy_id, medium)
        own.priority = "1"
        own.team_ids = self.team
        self.assertEqual(self._ticket(priority="1").endocs_sla_policy_id, own)
        own.team_ids = self.env["helpdesk.ticket.team"].create({"name": "Other"})
        self.assertEqual(self._ticket(priority="1").endocs_sla_policy_id, medium)
        own.write({"team_ids": [(5,)], "sequence": medium.sequence - 1})
        self.assertEqual(self._ticket(priority="1").endocs_sla_policy_id, own)
        own.active = False
        self.assertEqual(self._ticket(priority="1").endocs_sla_policy_id, medium)
        own.active = True
        own.unlink()
        self.assertEqual(self._ticket(priority="1").endocs_sla_policy_id, medium)

    def test_pause_extends_deadline_and_breach_r_wf_7(self):
        with freeze_time("2025-10-13 07:00:00"):  # Monday 10:00 Moscow
            ticket = self._ticket(priority="1")
        wt = ticket._endocs_working_time()
        resolve_before = ticket.endocs_resolve_deadline
        self.assertEqual(resolve_before, wt.add_hours(datetime(2025, 10, 13, 7), 40))
        with freeze_time("2025-10-13 08:00:00"):  # 11:00: specialist asks
            ticket.stage_id = ticket._endocs_stage("waiting_customer")
        self.assertTrue(ticket.endocs_sla_paused)
        with freeze_time("2025-10-13 10:00:00"):  # 13:00: answer after 2 h
            ticket.message_post(
                body="ответ",
                message_type="email",
                author_id=self.contact.id,
                subtype_xmlid="mail.mt_comment",
            )
        self.assertFalse(ticket.endocs_sla_paused)
        pause = ticket.endocs_pause_ids
        self.assertEqual(
            (pause.date_from, pause.date_to),
            (datetime(2025, 10, 13, 8), datetime(2025, 10, 13, 10)),
        )
        self.assertEqual(
            ticket.endocs_resolve_deadline, wt.add_hours(resolve_before, 2)
        )
        # acceptance: 4 working hours from 10:00 is 15:00 Moscow, plus the 2 h
        # pause: 17:00 Moscow
        self.assertEqual(ticket.endocs_accept_deadline, datetime(2025, 10, 13, 14, 0))
        with freeze_time("2025-10-13 13:59:00"):
            self.Ticket._cron_endocs_sla()
        self.assertFalse(ticket.endocs_accept_breached)
        with freeze_time("2025-10-13 14:01:00"):  # not accepted in time
            self.Ticket._cron_endocs_sla()
        self.assertTrue(ticket.endocs_accept_breached)
        self.assertTrue(ticket.endocs_sla_breached)
        self.assertIn(ticket, self.Ticket.search([("endocs_sla_breached", "=", True)]))

    def test_first_response_by_specialist_r_wf_7(self):
        with freeze_time("2025-10-13 07:00:00"):
            ticket = self._ticket(priority="1")
            ticket.message_post(body="заметка", subtype_xmlid="mail.mt_note")
            self.assertFalse(ticket.endocs_first_response_at)
        with freeze_time("2025-10-13 07:30:00"):
            ticket.with_user(self.specialist).message_post(
                body="Проверяем",
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        self.assertEqual(ticket.endocs_first_response_at, datetime(2025, 10, 13, 7, 30))
        self.assertFalse(ticket.endocs_response_breached)

    def test_cron_takes_each_due_request_once_r_wf_7(self):
        with freeze_time("2025-10-13 07:00:00"):
            late = self._ticket(priority="3")
            on_time = self._ticket(priority="3")
            on_time.with_user(self.specialist).action_endocs_accept()
            on_time.with_user(self.specialist).message_post(
                body="Смотрим", message_type="comment", subtype_xmlid="mail.mt_comment"
            )
        with freeze_time("2025-10-13 12:00:00"):
            self.assertEqual(self.Ticket._cron_endocs_sla(), 1)
            self.assertEqual(self.Ticket._cron_endocs_sla(), 0)
        self.assertTrue(late.endocs_accept_breached)
        self.assertTrue(late.endocs_response_breached)
        self.assertFalse(on_time.endocs_sla_breached)
