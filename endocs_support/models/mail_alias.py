# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

#: what makes an alias's address (its full name)
ADDRESS_FIELDS = {"alias_name", "alias_domain_id"}


class MailAlias(models.Model):
    """An alias's address decides which team an incoming message is for: the
    teams' kept alias table (``helpdesk.ticket.team._endocs_alias_table``) is
    cleared when an address changes or an alias goes (a new alias is a team's
    once the team takes it, which clears the table too)."""

    _inherit = "mail.alias"

    def write(self, vals):
        res = super().write(vals)
        if ADDRESS_FIELDS.intersection(vals):
            self.env.registry.clear_cache()
        return res

    def unlink(self):
        res = super().unlink()
        self.env.registry.clear_cache()
        return res
