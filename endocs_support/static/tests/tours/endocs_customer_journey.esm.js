/* Copyright 2026 EnDocs
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

const badge = (stage) => `.badge.rounded-pill:contains('${stage}')`;

// The customer submits a request on the portal (R-IN-2, R-IN-3): errors under
// each field and no "attach again" when no file was chosen; the corrected form
// with a file registers the request, shown in Moscow time (R-TIME-6).
registry.category("web_tour.tours").add("endocs_customer_submit", {
    url: "/new/ticket",
    steps: () => [
        {
            content: "The form, in Russian",
            trigger: "#endocs_request_form label[for='subject']",
        },
        {
            content: "Subject",
            trigger: "input[name='subject']",
            run: "edit Не подписывается договор",
        },
        {
            content: "A phone number that is not one",
            trigger: "input[name='contact_phone']",
            run: "edit 12-34",
        },
        {
            content: "A description that is too short",
            trigger: "textarea[name='description']",
            run: "edit Ошибка",
        },
        {
            content: "Send",
            trigger: "#endocs_submit",
            run: "click",
        },
        {
            content: "The form comes back with the errors",
            trigger: "#endocs_form_errors",
        },
        {
            content: "The phone error is shown, in Russian",
            trigger: "#error_contact_phone:contains('Введите номер телефона из 10–15 цифр')",
        },
        {
            content: "The description error, in Russian",
            trigger: "#error_description:contains('Опишите проблему подробнее')",
        },
        {
            content: "No file was chosen: no «attach again»",
            trigger: "#endocs_request_form:not(:has(#error_attachment))",
        },
        {
            content: "What was typed is kept",
            trigger: "input[name='subject'][value='Не подписывается договор']",
        },
        {
            content: "Correct the phone",
            trigger: "input[name='contact_phone']",
            run: "edit +7 (495) 123-45-67",
        },
        {
            content: "Describe the problem",
            trigger: "textarea[name='description']",
            run: "edit При подписании договора появляется ошибка «Сертификат не найден».",
        },
        {
            content: "Attach a screenshot of the error",
            trigger: "input[name='attachment'][type='file']",
            run() {
                const files = new DataTransfer();
                files.items.add(
                    new File(["Сертификат не найден"], "ошибка.txt", {
                        type: "text/plain",
                    })
                );
                this.anchor.files = files.files;
                this.anchor.dispatchEvent(new Event("change", {bubbles: true}));
            },
        },
        {
            content: "Send again",
            trigger: "#endocs_submit",
            run: "click",
        },
        {
            content: "The request's page: the intake data",
            trigger: "#endocs_intake h3:contains('Данные запроса')",
        },
        {
            content: "Received, in Moscow time with the zone named",
            trigger: "#endocs_intake dt:contains('Получен') + dd:contains('(МСК)')",
        },
        {
            content: "The phone as registered",
            trigger: "#endocs_intake dd:contains('+74951234567')",
        },
        {
            content: "The file is attached to the request",
            trigger: ".oe_attachment_name:contains('ошибка.txt')",
        },
        {
            content: "The request is new",
            trigger: badge("Новый"),
        },
    ],
});

// The specialist asked a question (server-side, before the tour): the customer
// sees when processing starts (received off hours), reads the question and
// answers it in the chatter; the answer returns the request to work (R-WF-2).
// Then the customer withdraws it with a reason (R-WF-6).
registry.category("web_tour.tours").add("endocs_customer_answer_withdraw", {
    steps: () => [
        {
            content: "Received off hours: when processing starts, in Moscow time",
            trigger: "#endocs_intake .alert-info:contains('Получен в нерабочее время службы поддержки: обработка начнётся'):contains('(МСК)')",
        },
        {
            content: "The request waits for the customer",
            trigger: badge("Ожидание ответа клиента"),
        },
        {
            content: "The specialist's question is in the chatter",
            trigger: "#chatterRoot:shadow .o-mail-Message:contains('Пришлите, пожалуйста, журнал ошибок.')",
        },
        {
            content: "Answer it",
            trigger: "#chatterRoot:shadow .o-mail-Composer-input",
            run: "edit Журнал ошибок: сертификат ED-1001 истёк 30.11.",
        },
        {
            content: "Send the answer",
            trigger: "#chatterRoot:shadow .o-mail-Composer-send:enabled",
            run: "click",
        },
        {
            content: "The answer is posted",
            trigger: "#chatterRoot:shadow .o-mail-Message:contains('сертификат ED-1001 истёк')",
        },
        {
            content: "Open the page again",
            trigger: "#endocs_withdraw_form",
            async run(helpers) {
                await helpers.goToUrl(window.location.pathname);
            },
        },
        {
            content: "The answer returned the request to work",
            trigger: badge("В работе"),
        },
        {
            content: "Say why the request is withdrawn",
            trigger: "#endocs_withdraw_reason",
            run: "edit Сертификат продлили, подпись работает.",
        },
        {
            content: "Withdraw the request",
            trigger: "#endocs_withdraw:contains('Отозвать запрос')",
            run: "click",
        },
        {
            content: "Withdrawn: no more actions offered",
            trigger: "body:not(:has(#endocs_withdraw_form)) #endocs_intake",
        },
        {
            content: "The reason is in the chatter for the specialist",
            trigger: "#chatterRoot:shadow .o-mail-Message:contains('Запрос отозван: Сертификат продлили')",
        },
    ],
});
