# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models, tools


class MailAliasDomain(models.Model):
    _inherit = "mail.alias.domain"

    @api.model
    @tools.ormcache()
    def _endocs_own_addresses(self):
        """The catchall, bounce and default sender addresses of the alias
        domains: mail from one of them is our own mail coming back (R-IN-4).
        Asked for every incoming message, kept per worker, cleared when a
        domain changes."""
        domains = self.sudo().search([], limit=100)  # a handful
        return frozenset(
            filter(
                None,
                domains.mapped("catchall_email")
                + domains.mapped("bounce_email")
                + domains.mapped("default_from_email"),
            )
        )

    @api.model
    @tools.ormcache()
    def _endocs_domain_names(self):
        """The alias domains' names (lower case): an address elsewhere is no
        alias of this database (an alias's full name is its name at its
        domain), so no alias search is needed for it."""
        return frozenset(
            name.lower() for name in self.sudo().search([], limit=100).mapped("name")
        )

    @api.model_create_multi
    def create(self, vals_list):
        domains = super().create(vals_list)
        self.env.registry.clear_cache()
        return domains

    def write(self, vals):
        res = super().write(vals)
        self.env.registry.clear_cache()
        return res

    def unlink(self):
        res = super().unlink()
        self.env.registry.clear_cache()
        return res
