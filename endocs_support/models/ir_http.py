# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _get_translation_frontend_modules_name(cls):
        """The portal's web client terms (R-UX-1): the request page's chatter
        is mail's, the request form's script helpdesk_mgmt's; Odoo serves
        the portal only web's and portal's (the website addon, not installed
        here, would add the rest)."""
        return super()._get_translation_frontend_modules_name() + [
            "mail",
            "helpdesk_mgmt",
            "endocs_support",
        ]
