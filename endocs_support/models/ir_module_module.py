# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

DEMO_LANG = "ru_RU"


class IrModuleModule(models.Model):
    _inherit = "ir.module.module"

    @api.model
    def _endocs_demo_load_russian(self):
        """The demo's first step: Russian active, with the terms of every module
        installed or being installed (a plain ``-i endocs_support`` with demo
        data works without ``--load-language``)."""
        self.env["res.lang"]._activate_lang(DEMO_LANG)
        modules = self.search(
            [("state", "in", ("installed", "to install", "to upgrade"))]
        )
        self._load_module_terms(modules.mapped("name"), [DEMO_LANG])
