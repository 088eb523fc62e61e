# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Two runs of the waiting-for-customer scheduled action at once, on their own
database connections (R-WF-3, R-REL-1): every reminder and closure happens
exactly once. The data is committed for real, then removed."""

import threading
from datetime import datetime, timedelta
from unittest.mock import patch

from psycopg2.errors import SerializationFailure

from odoo import SUPERUSER_ID, api, sql_db
from odoo.tests import BaseCase, freeze_time

N_TICKETS = 12


# The commits below are on connections of the test's own, on purpose.


class WorkerKilled(BaseException):
    """The worker process dies (killed, or past its time limit)."""


class TestWaitingConcurrency(BaseCase):
    def _env(self, cr):
        return api.Environment(cr, SUPERUSER_ID, {"mail_notify_force_send": False})

    def _connect(self):
        return sql_db.db_connect(self.env_dbname()).cursor()

    @staticmethod
    def env_dbname():
        from odoo.tests.common import get_db_name

        return get_db_name()

    def setUp(self):
        super().setUp()
        with self._connect() as cr:
            env = self._env(cr)
            org = env["res.partner"].create(
                {
                    "name": "Concurrency Org",
                    "is_company": True,
                    "endocs_client_ref": "CC-0001",
                }
            )
            contact = env["res.partner"].create(
                {
                    "name": "Concurrency",
                    "email": "cc@example.com",
                    "parent_id": org.id,
                    "lang": "ru_RU",
                }
            )
            team = env.ref("endocs_support.helpdesk_team_support")
            waiting = env["helpdesk.ticket"]._endocs_stage("waiting_customer")
            tickets = env["helpdesk.ticket"].create(
                [
                    {
                        "name": f"Concurrency {n}",
                        "team_id": team.id,
                        "partner_id": contact.id,
                        "description": "<p>Проверка параллельного запуска.</p>",
                    }
                    for n in range(N_TICKETS)
                ]
            )
            tickets.stage_id = waiting
            now = datetime(2025, 10, 20, 9, 0)
            # half are due for a reminder, half have timed out
            tickets[: N_TICKETS // 2].write(
                {
                    "endocs_next_reminder_at": now - timedelta(minutes=5),
                    "endocs_timeout_at": now + timedelta(days=3),
                }
            )
            tickets[N_TICKETS // 2 :].write(
                {
                    "endocs_next_reminder_at": now + timedelta(days=3),
                    "endocs_timeout_at": now - timedelta(minutes=5),
                }
            )
            self.ticket_ids, self.partner_ids = tickets.ids, (org | contact).ids
            cr.commit()  # pylint: disable=invalid-commit

    def tearDown(self):
        with self._connect() as cr:
            env = self._env(cr)
            env["helpdesk.ticket"].browse(self.ticket_ids).unlink()
            env["res.partner"].browse(self.partner_ids).unlink()
            cr.commit()  # pylint: disable=invalid-commit
        super().tearDown()

    def test_two_runs_at_once_r_wf_3_r_rel_1(self):
        barrier = threading.Barrier(2)
        done, errors, retried = [], [], []

        def run(wait=True):
            try:
                with self._connect() as cr:
                    env = self._env(cr)
                    if wait:
                        barrier.wait(timeout=30)
                    try:
                        count = env["helpdesk.ticket"]._cron_endocs_waiting(
                            batch_size=N_TICKETS
                        )
                        cr.commit()  # pylint: disable=invalid-commit
                        done.append(count)
                    except SerializationFailure:
                        # what Odoo's cron runner does: roll back, run again later
                        cr.rollback()
                        retried.append(1)
            except Exception as error:  # reported below
                errors.append(error)

        with freeze_time("2025-10-20 09:00:00"):
            threads = [threading.Thread(target=run) for _ in range(2)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=120)
            for _retry in list(retried):
                run(wait=False)
            run(wait=False)  # and once more: nothing left to do
        self.assertFalse(errors)
        self.assertEqual(done[-1], 0, (done, retried))
        self.assertEqual(sum(done), N_TICKETS, (done, retried))
        self._check_each_once()

    def _check_each_once(self):
        with self._connect() as cr:
            # the notices the runs queued, posted by their scheduled action
            while self._env(cr)["endocs.notice"]._cron_post_notices():
                cr.commit()  # pylint: disable=invalid-commit
            cr.commit()  # pylint: disable=invalid-commit
        with self._connect() as cr:
            env = self._env(cr)
            tickets = env["helpdesk.ticket"].browse(self.ticket_ids)
            reminded, closed = tickets[: N_TICKETS // 2], tickets[N_TICKETS // 2 :]
            self.assertEqual(
                reminded.mapped("endocs_reminder_count"), [1] * len(reminded)
            )
            self.assertEqual(
                set(closed.mapped("endocs_stage_role")), {"closed_no_reply"}
            )
            for ticket in tickets:
                notices = [
                    s
                    for s in ticket.message_ids.mapped("subject")
                    if s and ("Напоминание" in s or "завершён" in s)
                ]
                self.assertEqual(len(notices), 1, ticket.name)
                mails = env["mail.mail"].search_count(
                    [
                        ("model", "=", "helpdesk.ticket"),
                        ("res_id", "=", ticket.id),
                        ("subject", "in", notices),
                    ]
                )
                self.assertEqual(mails, 1, f"one e-mail queued for {ticket.name}")

    def _run_until_done(self, batch_size):
        runs = 0
        while True:
            with self._connect() as cr:
                count = self._env(cr)["helpdesk.ticket"]._cron_endocs_waiting(
                    batch_size=batch_size
                )
                cr.commit()  # pylint: disable=invalid-commit
            runs += 1
            if not count:
                return runs

    def test_killed_in_the_middle_of_a_batch_then_run_again_r_rel_1(self):
        """The process dies after closing the timed-out requests and sending
        one reminder: nothing of that batch is committed; the next run does
        all of it, once."""
        with self._connect() as cr:
            Ticket = type(self._env(cr)["helpdesk.ticket"])
        original = Ticket._endocs_send_reminders

        def dies_after_one(self, now):
            original(self[:1], now)
            raise WorkerKilled  # not an error of a record: nothing catches it

        with freeze_time("2025-10-20 09:00:00"):
            with patch.object(Ticket, "_endocs_send_reminders", dies_after_one):
                with self._connect() as cr, self.assertRaises(WorkerKilled):
                    self._env(cr)["helpdesk.ticket"]._cron_endocs_waiting(
                        batch_size=N_TICKETS
                    )
                    # never reached: the cursor closes without a commit
            self._run_until_done(N_TICKETS)
        self._check_each_once()

    def test_database_restarted_between_batches_r_rel_1(self):
        """Batches of 4: the first commits, then every database connection is
        dropped (a PostgreSQL restart); the following runs go on from where the
        first stopped, nothing twice."""
        with freeze_time("2025-10-20 09:00:00"):
            with self._connect() as cr:
                first = self._env(cr)["helpdesk.ticket"]._cron_endocs_waiting(
                    batch_size=4
                )
                cr.commit()  # pylint: disable=invalid-commit
            self.assertEqual(first, 4)
            sql_db.close_all()
            runs = self._run_until_done(4)
        self.assertEqual(runs, 3)  # 8 left: two batches, then nothing
        self._check_each_once()
