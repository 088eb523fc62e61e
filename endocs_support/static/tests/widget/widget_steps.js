/* Copyright 2026 EnDocs
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
 * What the customer does in the widget (test_api_widget.py runs it in Chromium). */
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
