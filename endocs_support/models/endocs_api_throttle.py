# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The throttle of wrong client IDs (R-SEC-1): an API key that keeps giving a
client ID that is unknown, or not the organisation of the login e-mail, is
refused for a while (429), per key and caller's address, so that whoever
guesses client IDs with a widget's key (it is in the product's pages) blocks
only themselves."""

from datetime import timedelta

from odoo import api, fields, models

DEFAULT_ATTEMPTS = 5
DEFAULT_WINDOW_MINUTES = 15


class EndocsApiThrottle(models.Model):
    _name = "endocs.api.throttle"
    _description = "EnDocs API Throttle of Wrong Client IDs"
    _order = "id desc"
    _sql_constraints = [
        (
            "principal_address_unique",
            "unique(principal, address)",
            "One throttle per key and address.",
        ),
    ]

    principal = fields.Char(required=True, index=True)
    address = fields.Char(required=True)
    failures = fields.Integer()
    window_start = fields.Datetime()
    blocked_until = fields.Datetime()

    @api.model
    def _endocs_settings(self):
        params = self.env["ir.config_parameter"].sudo()
        attempts = params.get_param(
            "endocs_support.api_client_ref_attempts", DEFAULT_ATTEMPTS
        )
        minutes = params.get_param(
            "endocs_support.api_client_ref_window_minutes", DEFAULT_WINDOW_MINUTES
        )
        return max(int(attempts), 1), timedelta(minutes=max(int(minutes), 1))

    @api.model
    def _endocs_retry_after(self, principal, address):
        """Seconds until the caller is served again (0: not throttled)."""
        now = fields.Datetime.now()
        self.env.cr.execute(
            "SELECT blocked_until FROM endocs_api_throttle "
            "WHERE principal = %s AND address = %s AND blocked_until > %s",
            (principal, address, now),
        )
        row = self.env.cr.fetchone()
        if not row:
            return 0
        return max(int((row[0] - now).total_seconds() + 0.999), 1)

    @api.model
    def _endocs_failed(self, principal, address):
        """Count one wrong client ID; the attempt that reaches the limit within
        the window throttles the caller for a window. One atomic statement:
        simultaneous failures all count."""
        attempts, window = self._endocs_settings()
        now = fields.Datetime.now()
        self.env.cr.execute(
            """
            INSERT INTO endocs_api_throttle AS t
                   (principal, address, failures, window_start, create_date,
                    write_date, create_uid, write_uid)
            VALUES (%(principal)s, %(address)s, 1, %(now)s, %(now)s, %(now)s,
                    %(uid)s, %(uid)s)
            ON CONFLICT (principal, address) DO UPDATE SET
                failures = CASE WHEN t.window_start < %(start)s THEN 1
                                ELSE t.failures + 1 END,
                window_start = CASE WHEN t.window_start < %(start)s THEN %(now)s
                                    ELSE t.window_start END,
                write_date = %(now)s
            RETURNING id, failures
            """,
            {
                "principal": principal,
                "address": address,
                "now": now,
                "start": now - window,
                "uid": self.env.uid,
            },
        )
        throttle_id, failures = self.env.cr.fetchone()
        if failures >= attempts:
            self.env.cr.execute(
                "UPDATE endocs_api_throttle SET blocked_until = %s WHERE id = %s",
                (now + window, throttle_id),
            )
        self.invalidate_model()
        return failures >= attempts

    @api.model
    def _cron_endocs_clean(self):
        """Forget the callers whose window and block are over."""
        _attempts, window = self._endocs_settings()
        now = fields.Datetime.now()
        self.search(
            [
                ("window_start", "<", now - window),
                "|",
                ("blocked_until", "=", False),
                ("blocked_until", "<", now),
            ]
        ).unlink()
