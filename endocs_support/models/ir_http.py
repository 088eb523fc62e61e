# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.http import DEFAULT_MAX_CONTENT_LENGTH

#: set by the portal's new-request form only (controllers/portal.py)
UPLOAD_LIMIT_ONLY = "endocs_upload_limit_only"


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

    def session_info(self):
        """helpdesk_mgmt's new-request form builds the web client's whole
        session (its translations, the Discuss store, the tours: a third of
        the page's time) to read one value, the upload limit. On our form
        (``UPLOAD_LIMIT_ONLY`` in the context) a portal user's session is that
        limit, Odoo's own parameter; the addons above still add theirs. Staff
        and every other caller get Odoo's whole session."""
        if self.env.context.get(UPLOAD_LIMIT_ONLY) and self.env.user.share:
            limit = (
                self.env["ir.config_parameter"]
                .sudo()
                .get_param(
                    "web.max_file_upload_size", default=DEFAULT_MAX_CONTENT_LENGTH
                )
            )
            return {"max_file_upload_size": int(limit)}
        return super().session_info()
