# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class MailAlias(models.Model):
    """An alias's address decides which team an incoming message is for
    (``helpdesk.ticket.team._endocs_alias_table``)."""

    _name = "mail.alias"
    _inherit = ["mail.alias", "endocs.kept.source"]
    _endocs_kept_fields = {"alias_name", "alias_domain_id"}
