# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The reference widget in Chromium (R-IN-1, I3.4): a page of the EnDocs
product embeds it with its key; the customer sees the off-hours notice, the
errors of the fields, sends a request with a file, opens a request with the
specialist's question and answers it."""

from urllib.parse import urlencode

from freezegun import freeze_time

from odoo.tests import Form, HttpCase, tagged

from .common import create_organisations

STEPS = """
(async () => {
    const until = async (check, what) => {
        for (let i = 0; i < 200; i++) {
            const value = check();
            if (value) return value;
            await new Promise((resolve) => setTimeout(resolve, 50));
        }
        throw new Error("not seen: " + what);
    };
    const $ = (selector) => document.querySelector(selector);
    const text = (selector) => ($(selector) || {}).textContent || "";
    await until(() => text(".endocs-offhours").includes("Обработка начнётся 02.03.2026 10:00 (МСК)"), "off-hours notice");
    const form = $(".endocs-form");
    form.elements.description.value = "Коротко";
    $(".endocs-send").click();
    await until(() => text(".endocs-error[data-field='subject']"), "subject error");
    await until(() => text(".endocs-error[data-field='description']"), "description error");
    form.elements.subject.value = "Не открывается карточка документа";
    form.elements.description.value = "При открытии карточки документа появляется ошибка 500.";
    const files = new DataTransfer();
    files.items.add(new File(["ERROR 500 at card"], "browser.log", {type: "text/plain"}));
    form.elements.attachments.files = files.files;
    $(".endocs-send").click();
    await until(() => text(".endocs-success").includes("зарегистрирована"), "success");
    await until(() => text(".endocs-list").includes("Не открывается карточка документа"), "listed");
    const asked = await until(() => Array.from(document.querySelectorAll(".endocs-request"))
        .find((a) => a.textContent.includes("Нужен журнал")), "request with a question");
    asked.click();
    await until(() => text(".endocs-question").includes("Пришлите журнал ошибок"), "question");
    const reply = $(".endocs-reply");
    reply.elements.body.value = "Журнал во вложении.";
    const logs = new DataTransfer();
    logs.items.add(new File(["trace"], "reply.log", {type: "text/plain"}));
    reply.elements.attachments.files = logs.files;
    $(".endocs-reply-send").click();
    await until(() => text(".endocs-reply-ok"), "reply sent");
    await until(() => !$(".endocs-question"), "question answered");
    console.log("test successful");
})().catch((error) => console.error(error.message));
"""


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
            STEPS,
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
            asked.endocs_info_request_ids.answer_message_id.attachment_ids.mapped("name"),
            ["reply.log"],
        )
