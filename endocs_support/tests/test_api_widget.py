# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The reference widget in Chromium (R-IN-1, I3.4): a page of the EnDocs
product embeds it with its key; the customer sees the off-hours notice, the
errors of the fields, sends a request with a file, opens a request with the
specialist's question and answers it."""

from urllib.parse import urlencode

from freezegun import freeze_time

from odoo.tests import Form, HttpCase, tagged
from odoo.tools.misc import file_open

from .common import create_organisations


@tagged("post_install", "-at_install")
class TestApiWidget(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.org, _org2, _subscription = create_organisations(env)
        cls.contact = env["res.partner"].create(
            {
                "name": "Иван Петров",
                "email": "i.petrov@romashka.ru",
                "parent_id": cls.org.id,
                "phone": "+7 495 765-43-21",
            }
        )
        key = env["endocs.api.key"].create({"name": "EnDocs widget"})
        action = key.action_endocs_generate()
        cls.token = env["endocs.api.key.show"].browse(action["res_id"]).key

    # Saturday, off-hours; the clock ticks (the browser's waits need it)
    @freeze_time("2026-02-28 12:00:00", tick=True)
    def test_widget_in_the_browser(self):
        Ticket = self.env["helpdesk.ticket"]
        asked = Ticket.sudo().create(
            {
                "name": "Нужен журнал",
                "team_id": self.env.ref("endocs_support.helpdesk_team_support").id,
                "partner_id": self.contact.id,
                "endocs_client_ref": "ED-1001",
                "description": "Ошибка при подписании документа.",
            }
        )
        self.env["endocs.notice"]._cron_post_notices()
        asked.action_endocs_accept()
        wizard = Form(
            self.env["endocs.ticket.wait.wizard"].with_context(
                default_ticket_id=asked.id, default_reason="customer"
            )
        )
        wizard.message = "Пришлите журнал ошибок."
        wizard.save().action_confirm()
        params = urlencode(
            {
                "key": self.token,
                "email": "i.petrov@romashka.ru",
                "ref": "ED-1001",
                "org": "ООО Ромашка",
                "name": "Иван Петров",
                "phone": "+7 495 765-43-21",
            }
        )
        self.browser_js(
            f"/endocs_support/static/tests/widget/embed.html#{params}",
            file_open("endocs_support/static/tests/widget/widget_steps.js").read(),
            ready="!!window.EndocsWidget",
            timeout=120,
        )
        sent = Ticket.search([("name", "=", "Не открывается карточка документа")])
        self.assertEqual(len(sent), 1)
        self.assertEqual(sent.partner_id, self.contact)
        self.assertEqual(
            self.env["ir.attachment"]
            .search([("res_model", "=", "helpdesk.ticket"), ("res_id", "=", sent.id)])
            .mapped("name"),
            ["browser.log"],
        )
        self.assertEqual(asked.endocs_info_request_ids.state, "answered")
        self.assertEqual(asked.endocs_stage_role, "in_progress")
        self.assertEqual(
            asked.endocs_info_request_ids.answer_message_id.attachment_ids.mapped(
                "name"
            ),
            ["reply.log"],
        )
