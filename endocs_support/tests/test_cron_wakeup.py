# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The cron workers are woken through one kept connection per Odoo process
(``models/ir_cron.py``, R-REL-1): the notification reaches a listener as
Odoo's does, PostgreSQL starts no server process per wake-up, and a lost
connection is made again."""

import select

import psycopg2

from odoo import sql_db
from odoo.tests import TransactionCase

from ..models import ir_cron


class TestCronWakeup(TransactionCase):
    def setUp(self):
        super().setUp()
        _db, info = sql_db.connection_info_for("postgres")
        self.listener = psycopg2.connect(**info)
        self.listener.autocommit = True
        self.addCleanup(self.listener.close)
        with self.listener.cursor() as cr:
            cr.execute("LISTEN cron_trigger")

    def _received(self):
        """The payloads the listener was sent (waiting up to 5 s for one)."""
        payloads = []
        if select.select([self.listener], [], [], 5) != ([], [], []):
            self.listener.poll()
            payloads = [n.payload for n in self.listener.notifies]
            self.listener.notifies.clear()
        return payloads

    def _sessions(self):
        """Sessions PostgreSQL has started on the ``postgres`` database."""
        with self.listener.cursor() as cr:
            cr.execute("SELECT pg_stat_clear_snapshot()")
            cr.execute(
                "SELECT sessions FROM pg_stat_database WHERE datname = 'postgres'"
            )
            return cr.fetchone()[0]

    def test_wakeups_reach_the_listener_on_one_connection_r_rel_1(self):
        cron = self.env.ref("endocs_support.ir_cron_post_notices")
        cron._notifydb()  # the kept connection is made (once per process)
        self.assertEqual(self._received(), [self.env.cr.dbname])
        before = self._sessions()
        for _i in range(5):
            cron._notifydb()
        received = []
        while len(received) < 5:
            got = self._received()
            self.assertTrue(got, "a wake-up did not reach the cron workers")
            received += got
        self.assertEqual(received, [self.env.cr.dbname] * 5)
        self.assertEqual(self._sessions(), before, "a session per wake-up")

    def test_a_lost_connection_is_made_again_r_rel_1(self):
        cron = self.env.ref("endocs_support.ir_cron_post_notices")
        cron._notifydb()
        self._received()
        lost = ir_cron._CHANNEL["cnx"].get_backend_pid()
        with self.listener.cursor() as cr:
            cr.execute("SELECT pg_terminate_backend(%s)", [lost])
        cron._notifydb()
        self.assertEqual(self._received(), [self.env.cr.dbname])
        self.assertNotEqual(ir_cron._CHANNEL["cnx"].get_backend_pid(), lost)
