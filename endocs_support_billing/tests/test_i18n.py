# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""R-UX-1: the Russian translation covers every term a user of the addon sees."""

from odoo.tests import TransactionCase, tagged

from odoo.addons.endocs_support.tests.test_i18n import assert_ru_po_complete


@tagged("post_install", "-at_install")
class TestRussianTranslation(TransactionCase):
    def test_ru_po_covers_every_term_r_ux_1(self):
        assert_ru_po_complete(self, "endocs_support_billing")
