# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models, tools


class MailAliasDomain(models.Model):
    _name = "mail.alias.domain"
    _inherit = ["mail.alias.domain", "endocs.kept.source"]

    @api.model
    @tools.ormcache()
    def _endocs_own_mail(self):
        """What incoming mail is checked against (R-IN-4), asked for every
        message, kept per worker, cleared when a domain changes:

        :return: ``(addresses, names)``: the catchall, bounce and default sender
            addresses of the alias domains (mail from one of them is our own
            mail coming back), and the domains' names in lower case (an
            address at another domain is no alias of ours: an alias's full
            name is its name at its domain)
        """
        domains = self.sudo().search([], limit=100)  # a handful
        addresses = frozenset(
            filter(
                None,
                domains.mapped("catchall_email")
                + domains.mapped("bounce_email")
                + domains.mapped("default_from_email"),
            )
        )
        return addresses, frozenset(name.lower() for name in domains.mapped("name"))
