/* Copyright 2026 EnDocs
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {formatDateTime} from "@web/core/l10n/dates";
import {registry} from "@web/core/registry";

const {DateTime} = luxon;

const current = (stage) =>
    `.o_statusbar_status button.o_arrow_button_current:contains('${stage}')`;

// The specialist's whole journey in the back office, in Russian: accept
// (R-WF-1), split off a second problem (R-IN-5), ask the customer (R-WF-2),
// wait for a third party (R-WF-4), schedule a video session inside the support
// hours (R-WF-6), resolve with the resolution wizard (R-WF-6). The test puts
// the session's start, a working moment in UTC, in sessionStorage.
registry.category("web_tour.tours").add("endocs_specialist_journey", {
    steps: () => [
        {
            content: "The request is new",
            trigger: current("Новый"),
        },
        {
            content: "Accept the request",
            trigger: ".o_form_view button[name='action_endocs_accept']:contains('Принять')",
            run: "click",
        },
        {
            content: "Accepted: in progress, the button is gone",
            trigger: `.o_form_view:not(:has(button[name='action_endocs_accept'])) ${current("В работе")}`,
        },
        {
            content: "Split off the second problem",
            trigger: ".o_form_view button[name='action_endocs_split']:contains('Разделить запрос')",
            run: "click",
        },
        {
            content: "The split wizard, in Russian",
            trigger: ".modal .modal-title:contains('Разделить запрос')",
        },
        {
            content: "Title of the new request",
            trigger: ".modal div[name='name'] input",
            run: "edit Не приходят уведомления",
        },
        {
            content: "Its description",
            trigger: ".modal div[name='description'] .odoo-editor-editable",
            run: "editor Уведомления о новых документах не приходят на почту.",
        },
        {
            content: "Split",
            trigger: ".modal button[name='action_split']",
            run: "click",
        },
        {
            content: "The new request is open, linked to the original",
            trigger: ".o_form_view div[name='endocs_parent_id'] a:contains('Ошибка маршрута'), .o_form_view div[name='endocs_parent_id']:contains('Ошибка маршрута')",
        },
        {
            content: "Back to the original request",
            trigger: ".o_breadcrumb .breadcrumb-item a:contains('Ошибка маршрута')",
            run: "click",
        },
        {
            content: "The original says where the question continues",
            trigger: ".o-mail-Message-body:contains('Разделение: вопрос «Не приходят уведомления»')",
        },
        {
            content: "Ask the customer",
            trigger: ".o_form_view button[name='action_endocs_request_info']",
            run: "click",
        },
        {
            content: "The question wizard, in Russian",
            trigger: ".modal .modal-title:contains('Запросить информацию у клиента')",
        },
        {
            content: "What is asked",
            trigger: ".modal div[name='message'] textarea",
            run: "edit Пришлите, пожалуйста, журнал ошибок.",
        },
        {
            content: "Send it to the customer",
            trigger: ".modal button[name='action_confirm']:contains('Отправить клиенту')",
            run: "click",
        },
        {
            content: "The request waits for the customer",
            trigger: current("Ожидание ответа клиента"),
        },
        {
            content: "Then wait for a third party",
            trigger: ".o_form_view button[name='action_endocs_wait_third_party']:contains('Ожидать третью сторону')",
            run: "click",
        },
        {
            content: "Who or what is awaited",
            trigger: ".modal div[name='message'] textarea",
            run: "edit Ответ удостоверяющего центра по сертификату.",
        },
        {
            content: "Confirm",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The request waits for the third party",
            trigger: `.o_form_view:not(:has(.modal)) ${current("Ожидание третьей стороны")}`,
        },
        {
            content: "Open the processing tab",
            trigger: ".o_notebook a[name='endocs_processing']:contains('Обработка')",
            run: "click",
        },
        {
            content: "The question is logged",
            trigger: "div[name='endocs_info_request_ids'] td:contains('журнал ошибок')",
        },
        {
            content: "The customer was told what is awaited",
            trigger: ".o-mail-Message-body:contains('удостоверяющего центра')",
        },
        {
            content: "Schedule a video session",
            trigger: "div[name='endocs_video_session_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Its start, inside the support hours",
            trigger: "div[name='endocs_video_session_ids'] .o_data_row td[name='start'] input",
            async run(helpers) {
                const start = DateTime.fromISO(
                    sessionStorage.getItem("endocs_tour_session_start"),
                    {zone: "utc"}
                ).setZone("default");
                await helpers.edit(formatDateTime(start));
            },
        },
        {
            content: "Its conference link",
            trigger: "div[name='endocs_video_session_ids'] .o_data_row td[name='url'] input",
            run: "edit https://meet.endocs.ru/ed-1001",
        },
        {
            content: "Save the session",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved: the session is listed",
            trigger: ".o_form_status_indicator_buttons.invisible:not(:visible)",
        },
        {
            content: "The session's link is on the screen",
            trigger: "div[name='endocs_video_session_ids'] .o_data_row td[name='url']:contains('meet.endocs.ru')",
        },
        {
            content: "Resolve",
            trigger: ".o_form_view button[name='action_endocs_resolve']:contains('Решить')",
            run: "click",
        },
        {
            content: "The resolution wizard, in Russian",
            trigger: ".modal .modal-title:contains('Решение запроса')",
        },
        {
            content: "Write the resolution",
            trigger: ".modal div[name='resolution'] textarea",
            run: "edit Сертификат перевыпущен, маршрут согласования настроен заново.",
        },
        {
            content: "How the solution was delivered",
            trigger: ".modal div[name='delivery_method'] select",
            run: 'select "video"',
        },
        {
            content: "Resolve it",
            trigger: ".modal button[name='action_confirm']:contains('Решить')",
            run: "click",
        },
        {
            content: "Resolved",
            trigger: `.o_form_view:not(:has(.modal)) ${current("Решён")}`,
        },
        {
            content: "The resolution is on the processing tab",
            trigger: "div[name='endocs_resolution']",
            run() {
                const shown =
                    this.anchor.querySelector("textarea")?.value ??
                    this.anchor.textContent;
                if (!shown.includes("Сертификат перевыпущен")) {
                    throw new Error(`The resolution shown is «${shown}»`);
                }
            },
        },
        {
            content: "Nothing left unsaved",
            trigger: ".o_form_status_indicator_buttons.invisible:not(:visible)",
        },
    ],
});
