# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""R-UX-1: the Russian translation covers every term a user of the addon sees."""

import re

from odoo.modules.module import get_module_resource
from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import PoFileReader, TranslationModuleReader

MARKUP = re.compile(r"<[^>]*>|\{\{.*?\}\}|%\(\w+\)[sd]")


def needs_translation(source):
    """An English term: markup, QWeb expressions and placeholders aside, more
    Latin than Cyrillic letters. Terms written in Russian in the source (the
    customers' mail bodies, which may name «Service Desk EnDocs») or without any
    words (``<t t-call="…"/>``) are already what a Russian user must see."""
    text = MARKUP.sub("", source)
    latin = len(re.findall(r"[A-Za-z]", text))
    return latin > len(re.findall(r"[А-Яа-яЁё]", text))


def assert_ru_po_complete(case, module):
    """Every translatable term of ``module`` (fields, selections, views,
    menus, data records, mail templates, portal templates, Python messages) as
    Odoo's own export finds it has a non-empty entry in ``i18n/ru.po``."""
    path = get_module_resource(module, "i18n", "ru.po")
    case.assertTrue(path, f"{module}/i18n/ru.po is missing")
    with open(path, "rb") as po_file:
        translated = {
            entry["src"]
            for entry in PoFileReader(po_file)
            if entry["value"] and entry["value"].strip()
        }
    terms = {
        source
        for __, __, __, __, source, *__ in TranslationModuleReader(
            case.env.cr, modules=[module], lang="ru_RU"
        )
        if source and source.strip() and needs_translation(source)
    }
    case.assertTrue(terms, f"no translatable terms found for {module}")
    missing = sorted(terms - translated)
    if missing:
        case.fail(
            f"{len(missing)} of {len(terms)} terms of {module} have no Russian "
            "translation in i18n/ru.po:\n"
            + "\n".join(repr(m)[:120] for m in missing[:40]),
        )


@tagged("post_install", "-at_install")
class TestRussianTranslation(TransactionCase):
    def test_ru_po_covers_every_term_r_ux_1(self):
        assert_ru_po_complete(self, "endocs_support")

    def test_oca_helpdesk_terms_in_russian_r_ux_1(self):
        """The OCA helpdesk addons' own ru.po are empty: their stages, fields,
        menus and views come in Russian from endocs_support/i18n_extra/ru.po."""
        with open(
            get_module_resource("endocs_support", "i18n_extra", "ru.po"), "rb"
        ) as f:
            extra = {
                e["src"]: e["value"] for e in PoFileReader(f) if e["value"].strip()
            }
        for module in (
            "helpdesk_mgmt",
            "helpdesk_mgmt_timesheet",
            "helpdesk_mgmt_project",
        ):
            with open(get_module_resource(module, "i18n", f"{module}.pot"), "rb") as f:
                terms = {
                    e["src"]
                    for e in PoFileReader(f)
                    if e["type"] in ("model", "model_terms")
                    and needs_translation(e["src"])
                }
            self.assertFalse(sorted(terms - set(extra))[:20], module)
        # make test's database has Russian, as the demo has
        self.assertTrue(self.env["res.lang"]._lang_get("ru_RU"), "ru_RU not loaded")
        ru = self.env(context={"lang": "ru_RU"})
        stage = ru.ref("helpdesk_mgmt.helpdesk_ticket_stage_in_progress")
        self.assertEqual(stage.name, "В работе")
        field = ru["ir.model.fields"]._get("helpdesk.ticket", "team_id")
        self.assertEqual(field.field_description, "Команда")

    def test_no_english_left_in_russian_mail_r_ux_1(self):
        """A notice translated as a whole body keeps no English sentence: every
        word of the Russian body (markup and QWeb expressions aside) is Russian,
        a name (EnDocs, Service Desk) or an abbreviation."""
        allowed = {"EnDocs", "Service", "Desk", "SLA", "ID", "URL", "API"}
        templates = self.env["mail.template"].search(
            [("model", "=", "helpdesk.ticket")]
        )
        templates = templates.filtered(
            lambda t: t.get_external_id()[t.id].startswith("endocs_support.")
        )
        self.assertTrue(templates)
        for template in templates.with_context(lang="ru_RU"):
            for name in ("subject", "body_html"):
                text = re.sub(
                    r"<[^>]*>|\{\{.*?\}\}|\b[eE]-mail\b", " ", template[name] or ""
                )
                english = set(re.findall(r"\b[A-Za-z]{2,}\b", text)) - allowed
                self.assertFalse(
                    english, f"{template.name}, {name}: English words {english}"
                )
