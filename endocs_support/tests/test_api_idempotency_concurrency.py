# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Two calls with the same Idempotency-Key at once, on their own database
connections (R-IN-1, R-REL-1): the second waits on the key's unique index
until the first commits, then gets the first's answer (after the retry Odoo
makes of a serialization failure) and makes nothing. The rows are committed
for real, then removed."""

import threading

from psycopg2.errors import SerializationFailure

from odoo import SUPERUSER_ID, api, sql_db
from odoo.tests import BaseCase
from odoo.tests.common import get_db_name

# The commits below are on connections of the test's own, on purpose.

PRINCIPAL = "key:concurrency-test"


class TestIdempotencyConcurrency(BaseCase):
    def _connect(self):
        return sql_db.db_connect(get_db_name()).cursor()

    def tearDown(self):
        with self._connect() as cr:
            cr.execute(
                "DELETE FROM endocs_api_idempotency WHERE principal = %s", (PRINCIPAL,)
            )
        super().tearDown()

    def test_same_key_at_once_one_answer(self):
        outcome = {}

        def second():
            with self._connect() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                Idempotency = env["endocs.api.idempotency"]
                try:
                    claim, earlier = Idempotency._endocs_claim(PRINCIPAL, "K", "h")
                except SerializationFailure:
                    # what odoo.service.model.retrying does for an HTTP call
                    outcome["serialization_failure"] = True
                    cr.rollback()
                    claim, earlier = Idempotency._endocs_claim(PRINCIPAL, "K", "h")
                outcome["claimed"] = bool(claim)
                outcome["earlier"] = earlier and (earlier.id, earlier.status)
                cr.rollback()

        with self._connect() as cr1:
            env1 = api.Environment(cr1, SUPERUSER_ID, {})
            claim, earlier = env1["endocs.api.idempotency"]._endocs_claim(
                PRINCIPAL, "K", "h"
            )
            self.assertTrue(claim)
            self.assertIsNone(earlier)
            thread = threading.Thread(target=second)
            thread.start()
            # the second call waits on the unique index while the first is open
            with self._connect() as watch:
                for _i in range(200):
                    watch.execute(
                        "SELECT count(*) FROM pg_locks WHERE NOT granted "
                        "AND locktype = 'transactionid'"
                    )
                    if watch.fetchone()[0]:
                        break
                    thread.join(0.05)
                else:
                    self.fail("the second call did not wait for the first")
            self.assertTrue(thread.is_alive())
            claim._endocs_store(201, {"number": "HT00042"})
            cr1.commit()
        thread.join(30)
        self.assertFalse(outcome["claimed"])
        self.assertEqual(outcome["earlier"], (claim.id, 201))
        with self._connect() as cr:
            cr.execute(
                "SELECT count(*) FROM endocs_api_idempotency WHERE principal = %s",
                (PRINCIPAL,),
            )
            self.assertEqual(cr.fetchone()[0], 1)
