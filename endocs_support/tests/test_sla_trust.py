# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""R-WF-7: deadlines follow every change of their configuration; a breach is an
event that no later change undoes."""

from datetime import date, datetime

from odoo.tests import freeze_time

from .common import EndocsCase


class TestSlaTrust(EndocsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.medium = cls.env.ref("endocs_support.sla_policy_medium")
        cls.calendar = cls.env.ref("endocs_support.resource_calendar_support_msk")

    def _ticket(self, **overrides):
        with self.mock_mail_gateway():
            return self.Ticket.create(self.intake_vals(**overrides))

    @freeze_time("2025-10-13 07:00:00")  # Monday 10:00 Moscow
    def test_policy_hours_move_open_deadlines_r_wf_7(self):
        ticket = self._ticket(priority="1")
        wt = ticket._endocs_working_time()
        start = datetime(2025, 10, 13, 7)
        self.assertEqual(ticket.endocs_resolve_deadline, wt.add_hours(start, 40))
        self.medium.resolve_hours += 8
        self.assertEqual(ticket.endocs_resolve_deadline, wt.add_hours(start, 48))
        self.medium.accept_hours = 1
        self.assertEqual(ticket.endocs_accept_deadline, datetime(2025, 10, 13, 8))

    @freeze_time("2025-10-13 07:00:00")
    def test_closed_request_keeps_its_deadlines_r_wf_7(self):
        ticket = self._ticket(priority="1")
        before = ticket.endocs_resolve_deadline
        ticket.write(
            {
                "stage_id": ticket._endocs_stage("resolved").id,
                "endocs_resolution": "Готово",
                "endocs_delivery_method": "email",
            }
        )
        accept_before = ticket.endocs_accept_deadline
        self.medium.resolve_hours += 8
        ticket.priority = "3"
        self.assertEqual(ticket.endocs_resolve_deadline, before)
        self.assertEqual(ticket.endocs_accept_deadline, accept_before)

    @freeze_time("2025-10-13 07:00:00")
    def test_time_off_and_attendances_move_deadlines_r_wf_7(self):
        ticket = self._ticket(priority="1")
        # 4 working hours from Monday 10:00: 15:00 Moscow (lunch 13-14)
        self.assertEqual(ticket.endocs_accept_deadline, datetime(2025, 10, 13, 12))
        leave = self.env["resource.calendar.leaves"].create(
            {
                "name": "Авария в офисе",
                "calendar_id": self.calendar.id,
                "date_from": datetime(2025, 10, 13, 7),  # 10:00-13:00 Moscow
                "date_to": datetime(2025, 10, 13, 10),
                "time_type": "leave",
            }
        )
        # 14:00-18:00 Moscow
        self.assertEqual(ticket.endocs_accept_deadline, datetime(2025, 10, 13, 15))
        self.assertEqual(ticket.endocs_processing_start, datetime(2025, 10, 13, 11))
        leave.unlink()
        self.assertEqual(ticket.endocs_accept_deadline, datetime(2025, 10, 13, 12))
        # Monday's morning attendance moved to 11:00-13:00: 11-13, 14-16
        morning = self.calendar.attendance_ids.filtered(
            lambda a: a.dayofweek == "0" and a.hour_from == 10
        )
        morning.hour_from = 11
        self.assertEqual(ticket.endocs_accept_deadline, datetime(2025, 10, 13, 13))

    @freeze_time("2025-10-17 15:30:00")  # Friday 18:30 Moscow
    def test_special_day_moves_deadlines_r_wf_7(self):
        ticket = self._ticket(priority="1")
        # Fri 18:30-19:00, then Monday 10:00-13:00 and 14:00-14:30
        self.assertEqual(ticket.endocs_accept_deadline, datetime(2025, 10, 20, 11, 30))
        self.env["endocs.calendar.day"].create(
            {
                "calendar_id": self.calendar.id,
                "date": date(2025, 10, 18),  # Saturday made working
                "day_type": "working",
                "name": "Рабочая суббота",
            }
        )
        # Fri 18:30-19:00, Sat 10:00-13:00, 14:00-14:30
        self.assertEqual(ticket.endocs_accept_deadline, datetime(2025, 10, 18, 11, 30))

    @freeze_time("2025-10-13 07:00:00")
    def test_new_and_edited_policies_apply_to_open_requests_r_wf_7(self):
        ticket = self._ticket(priority="1")
        self.assertEqual(ticket.endocs_sla_policy_id, self.medium)
        vip = self.env["endocs.sla.policy"].create(
            {
                "name": "VIP",
                "priority": "2",
                "team_ids": [(6, 0, self.team.ids)],
                "accept_hours": 0.5,
                "response_hours": 1,
                "resolve_hours": 4,
            }
        )
        self.assertEqual(ticket.endocs_sla_policy_id, self.medium)
        vip.priority = "1"  # now the team's own policy of this priority
        self.assertEqual(ticket.endocs_sla_policy_id, vip)
        self.assertEqual(ticket.endocs_accept_deadline, datetime(2025, 10, 13, 7, 30))
        vip.active = False
        self.assertEqual(ticket.endocs_sla_policy_id, self.medium)

    def test_breach_survives_priority_and_team_changes_r_wf_7(self):
        with freeze_time("2025-10-13 07:00:00"):
            ticket = self._ticket(priority="3")  # accept within 1 working hour
        with freeze_time("2025-10-13 08:30:00"):
            self.Ticket._cron_endocs_sla()
        self.assertTrue(ticket.endocs_accept_breached)
        breach = ticket.endocs_sla_breach_ids
        self.assertEqual(breach.target, "accept")
        self.assertEqual(breach.deadline, datetime(2025, 10, 13, 8))
        self.assertFalse(breach.event_at)
        with freeze_time("2025-10-13 08:45:00"):
            ticket.priority = "0"  # accept within 8 working hours: not late now
            ticket.action_endocs_accept()
        self.assertEqual(ticket.endocs_accept_deadline, datetime(2025, 10, 13, 16))
        self.assertTrue(ticket.endocs_accept_breached)
        self.assertTrue(ticket.endocs_sla_breached)
        self.assertEqual(ticket.endocs_sla_breach_ids, breach)

    @freeze_time("2025-10-13 07:00:00")
    def test_late_event_is_logged_once_r_wf_7(self):
        ticket = self._ticket(priority="3")
        with freeze_time("2025-10-13 09:00:00"):  # accepted an hour late
            ticket.action_endocs_accept()
            ticket.priority = "2"
            self.Ticket._cron_endocs_sla()
        self.assertTrue(ticket.endocs_accept_breached)
        breach = ticket.endocs_sla_breach_ids.filtered(lambda b: b.target == "accept")
        self.assertEqual(breach.event_at, datetime(2025, 10, 13, 9))
        self.assertEqual(len(ticket.endocs_sla_breach_ids), 1)

    def test_pauses_beginning_at_the_same_moment_r_wf_7(self):
        """Asking the customer and, the same second, waiting for a third party
        makes a closed and an open pause that begin together: the deadlines are
        computed (the clock stopped), not a comparison error."""
        with freeze_time("2025-10-15 08:00:00"):
            ticket = self.Ticket.create(self.intake_vals())
        moment = datetime(2025, 10, 15, 9, 0)
        Pause = self.env["endocs.sla.pause"].sudo()
        Pause.create(
            [
                {
                    "ticket_id": ticket.id,
                    "reason": "customer",
                    "date_from": moment,
                    "date_to": moment,
                },
                {"ticket_id": ticket.id, "reason": "third_party", "date_from": moment},
            ]
        )
        ticket.invalidate_recordset()
        self.assertTrue(ticket.endocs_sla_paused)
        self.assertFalse(ticket.endocs_resolve_deadline)  # stopped while open
