/* Copyright 2026 EnDocs
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// R-IN-3: a submission with errors shows a message per field and keeps what was
// typed; the corrected submission registers the request.
registry.category("web_tour.tours").add("endocs_portal_request", {
    url: "/new/ticket",
    steps: () => [
        {
            content: "The form is prefilled from the logged-in contact",
            trigger: "input[name='contact_name'][value='Мария Иванова']",
        },
        {
            content: "Subject",
            trigger: "input[name='subject']",
            run: "edit Ошибка при подписании документа",
        },
        {
            content: "A phone number that is not one",
            trigger: "input[name='contact_phone']",
            run: "edit 12-34",
        },
        {
            content: "A login e-mail that is not one",
            trigger: "input[name='login_email']",
            run: "edit m.ivanova@",
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
            content: "The phone error is shown",
            trigger: "#error_contact_phone",
        },
        {
            content: "The e-mail error is shown",
            trigger: "#error_login_email",
        },
        {
            content: "The description error is shown",
            trigger: "#error_description",
        },
        {
            content: "What was typed is kept",
            trigger: "input[name='subject'][value='Ошибка при подписании документа']",
        },
        {
            content: "Correct the phone",
            trigger: "input[name='contact_phone']",
            run: "edit +7 (495) 123-45-67",
        },
        {
            content: "Correct the e-mail",
            trigger: "input[name='login_email']",
            run: "edit m.ivanova@romashka.ru",
        },
        {
            content: "Describe the problem",
            trigger: "textarea[name='description']",
            run: "edit При подписании документа появляется ошибка «Сертификат не найден».",
        },
        {
            content: "How widespread",
            trigger: "select[name='scope']",
            run: "select several",
        },
        {
            content: "Send again",
            trigger: "#endocs_submit",
            run: "click",
        },
        {
            content: "The registered request shows its intake data",
            trigger: "#endocs_intake dd:contains('+74951234567')",
        },
    ],
});
