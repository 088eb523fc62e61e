# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class EndocsApiKeyShow(models.TransientModel):
    """A new API key, shown once (as Odoo shows a user's API key): only its
    hash is kept on the key."""

    _name = "endocs.api.key.show"
    _description = "New EnDocs API Key"

    api_key_id = fields.Many2one("endocs.api.key", required=True, ondelete="cascade")
    key = fields.Char(readonly=True)
