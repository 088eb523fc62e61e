# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""API keys of the integrations that call ``/api/endocs/v1`` (the EnDocs
product's widget, R-IN-1): hashed, shown once, with scopes (R-SEC-1)."""

import hashlib
import hmac
import secrets
from datetime import timedelta

from odoo import api, fields, models

KEY_PREFIX = "endocs_"
SCOPES = ("create", "read", "reply")


def _hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


class EndocsApiKey(models.Model):
    _name = "endocs.api.key"
    _description = "EnDocs API Key"
    _order = "name, id"
    _sql_constraints = [
        ("prefix_unique", "unique(key_prefix)", "Key prefixes are unique."),
    ]

    name = fields.Char(
        string="Integration",
        required=True,
        help="Who calls the API with this key, e.g. «EnDocs widget (production)».",
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    key_prefix = fields.Char(
        readonly=True,
        copy=False,
        help="The start of the key, to recognise it; the key itself is kept only "
        "as a hash and shown once when generated.",
    )
    key_hash = fields.Char(readonly=True, copy=False, groups="base.group_system")
    scope_create = fields.Boolean(string="Create requests", default=True)
    scope_read = fields.Boolean(string="Read requests", default=True)
    scope_reply = fields.Boolean(string="Reply to requests", default=True)
    allowed_origins = fields.Text(
        help="Web origins (one per line, e.g. https://app.endocs.ru) whose pages "
        "may call the API with this key from the browser (CORS). Empty: none.",
    )
    last_used_at = fields.Datetime(string="Last used", readonly=True, copy=False)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_endocs_generate(self):
        """A new secret for the key (the old one stops working), shown once."""
        self.ensure_one()
        prefix = secrets.token_hex(4)
        token = f"{KEY_PREFIX}{prefix}_{secrets.token_urlsafe(32)}"
        self.sudo().write({"key_prefix": prefix, "key_hash": _hash(token)})
        show = self.env["endocs.api.key.show"].create(
            {"api_key_id": self.id, "key": token}
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Your new API key"),
            "res_model": "endocs.api.key.show",
            "res_id": show.id,
            "view_mode": "form",
            "target": "new",
        }

    # ------------------------------------------------------------------
    # Authentication and throttle
    # ------------------------------------------------------------------

    @api.model
    def _endocs_authenticate(self, token):
        """The active key whose secret is ``token``, or an empty recordset."""
        if not isinstance(token, str) or not token.startswith(KEY_PREFIX):
            return self.browse()
        prefix = token[len(KEY_PREFIX) :].split("_", 1)[0]
        key = self.sudo().search([("key_prefix", "=", prefix)], limit=1)
        if key and key.key_hash and hmac.compare_digest(key.key_hash, _hash(token)):
            return key
        return self.browse()

    def _endocs_has_scope(self, scope):
        self.ensure_one()
        return bool(self[f"scope_{scope}"])

    def _endocs_origin_allowed(self, origin):
        self.ensure_one()
        allowed = (self.allowed_origins or "").split()
        return bool(origin) and (origin.rstrip("/") in allowed or "*" in allowed)

    def _endocs_touch(self):
        """Remember when the key was last used (at most once a minute)."""
        self.ensure_one()
        now = fields.Datetime.now()
        if not self.last_used_at or now - self.last_used_at > timedelta(minutes=1):
            self.env.cr.execute(
                "UPDATE endocs_api_key SET last_used_at = %s WHERE id = %s",
                (now, self.id),
            )
            self.invalidate_recordset(["last_used_at"])
