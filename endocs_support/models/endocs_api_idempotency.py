# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Idempotency keys of the API: a retry of a request the client already sent
(after a timeout or a dropped connection) gets the first answer instead of a
second request (R-IN-1, R-REL-1)."""

import json
from datetime import timedelta

from odoo import api, fields, models

DEFAULT_RETENTION_DAYS = 7
CLEAN_BATCH = 1000


class EndocsApiIdempotency(models.Model):
    _name = "endocs.api.idempotency"
    _description = "EnDocs API Idempotency Key"
    _order = "id desc"
    _sql_constraints = [
        (
            "key_unique",
            "unique(principal, key)",
            "An idempotency key is used once per API key.",
        ),
    ]

    principal = fields.Char(
        required=True, help="The API key (or legacy user key) that sent it."
    )
    key = fields.Char(required=True)
    request_hash = fields.Char(required=True)
    status = fields.Integer()
    response = fields.Text()
    ticket_id = fields.Many2one("helpdesk.ticket", ondelete="set null")

    @api.model
    def _endocs_claim(self, principal, key, request_hash):
        """Claim ``key`` for this request, or find who claimed it first.

        The INSERT waits on the unique index while another transaction holds
        the same key uncommitted, then either inserts (the other rolled back)
        or finds the other's committed answer.

        :return: ``(claim, None)`` when this request goes ahead (store its
            answer with :meth:`_endocs_store`), else ``(None, earlier)``
        """
        self.env.cr.execute(
            """
            INSERT INTO endocs_api_idempotency
                   (principal, key, request_hash, create_date, write_date,
                    create_uid, write_uid)
            VALUES (%s, %s, %s, %s, %s, %s, %s)
            ON CONFLICT (principal, key) DO NOTHING
            RETURNING id
            """,
            (
                principal,
                key,
                request_hash,
                fields.Datetime.now(),
                fields.Datetime.now(),
                self.env.uid,
                self.env.uid,
            ),
        )
        row = self.env.cr.fetchone()
        if row:
            return self.browse(row[0]), None
        earlier = self.search(
            [("principal", "=", principal), ("key", "=", key)], limit=1
        )
        return None, earlier

    def _endocs_store(self, status, payload, ticket=None):
        self.ensure_one()
        self.write(
            {
                "status": status,
                "response": json.dumps(payload, ensure_ascii=False),
                "ticket_id": ticket.id if ticket else False,
            }
        )

    def _endocs_payload(self):
        self.ensure_one()
        return json.loads(self.response or "{}")

    @api.model
    def _endocs_retention(self):
        days = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("endocs_support.api_idempotency_days", DEFAULT_RETENTION_DAYS)
        )
        return timedelta(days=max(int(days), 1))

    @api.model
    def _cron_endocs_clean(self, batch_size=CLEAN_BATCH):
        """Forget the keys older than the retention period, a batch at a time."""
        limit = fields.Datetime.now() - self._endocs_retention()
        domain = [("create_date", "<", limit)]
        old = self.search(domain, limit=batch_size, order="id")
        old.unlink()
        self.env["ir.cron"]._notify_progress(
            done=len(old), remaining=self.search_count(domain) if old else 0
        )
