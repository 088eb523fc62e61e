# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The translations this addon ships for other modules' terms (R-UX-1), in
``i18n_extra/<lang>.po``: the OCA helpdesk family, its timesheet and project
addons and the Odoo terms their screens use whose own Russian is missing.

Odoo loads that file with this addon only: a module installed after it (the
billing addon brings helpdesk_mgmt_timesheet) would stay in English, and Odoo
never reads another module's file for a module's code terms (Python ``_()``,
the web client's ``_t``). So the file is loaded again whenever a module it
translates is installed or updated (also with ``--i18n-overwrite`` and when a
language is loaded), and its code entries fill the missing code translations
of the modules they name. One file, one place."""

import functools

from odoo import api, models
from odoo.tools.misc import file_open, file_path
from odoo.tools.translate import (
    CodeTranslations,
    TranslationFileReader,
    TranslationImporter,
    code_translations,
)

ADDON = "endocs_support"
#: the language of the demo (a Russian vendor's desk)
DEMO_LANG = "ru_RU"


def extra_po_paths(lang):
    """The extra translation files for ``lang`` (``ru.po`` for ru_RU)."""
    paths = []
    for name in dict.fromkeys((lang.split("_")[0], lang)):
        try:
            paths.append(file_path(f"{ADDON}/i18n_extra/{name}.po"))
        except FileNotFoundError:
            continue
    return paths


@functools.cache
def extra_rows(lang):
    """The entries of the extra files for ``lang``, as Odoo's reader gives them."""
    rows = []
    for path in extra_po_paths(lang):
        with file_open(path, mode="rb") as po_file:
            rows += list(TranslationFileReader(po_file, fileformat="po"))
    return tuple(rows)


def translated_modules(lang):
    return {row["module"] for row in extra_rows(lang)} - {ADDON}


_odoo_code_translations = CodeTranslations._get_code_translations


def _code_translations_with_extra(module_name, lang, filter_func):
    """Odoo's code translations of ``module_name``, completed by the extra
    file's code entries for that module (its own translations win)."""
    translations = _odoo_code_translations(module_name, lang, filter_func)
    if module_name == ADDON or module_name not in translated_modules(lang):
        return translations
    for row in extra_rows(lang):
        if (
            row["module"] == module_name
            and row.get("type") == "code"
            and row.get("src")
            and filter_func(row)
            and not translations.get(row["src"])
        ):
            translations[row["src"]] = row["value"]
    return translations


CodeTranslations._get_code_translations = staticmethod(_code_translations_with_extra)
# what was read before this addon was imported is read again
code_translations.python_translations.clear()
code_translations.web_translations.clear()


class IrModuleModule(models.Model):
    _inherit = "ir.module.module"

    def _load_module_terms(
        self, modules, langs, overwrite=False, imported_module=False
    ):
        super()._load_module_terms(
            modules, langs, overwrite=overwrite, imported_module=imported_module
        )
        if ADDON in modules:
            return  # Odoo has just loaded the extra file with this addon
        importer = TranslationImporter(self.env.cr, verbose=False)
        loaded = False
        for lang in langs:
            if lang != "en_US" and set(modules) & translated_modules(lang):
                for path in extra_po_paths(lang):
                    importer.load_file(path, lang)
                    loaded = True
        if loaded:
            importer.save(overwrite=overwrite)

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
