/* Copyright 2026 EnDocs
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// R-WF-1, R-WF-2, R-WF-6: a specialist accepts a request, asks the customer for
// information, then resolves it with the resolution and the delivery method.
registry.category("web_tour.tours").add("endocs_specialist_flow", {
    steps: () => [
        {
            content: "Accept the request",
            trigger: ".o_form_view button[name='action_endocs_accept']",
            run: "click",
        },
        {
            content: "Accepted: the button is gone",
            trigger: ".o_form_view:not(:has(button[name='action_endocs_accept']))",
        },
        {
            content: "Ask the customer",
            trigger: ".o_form_view button[name='action_endocs_request_info']",
            run: "click",
        },
        {
            content: "What is asked",
            trigger: ".modal div[name='message'] textarea",
            run: "edit Пришлите, пожалуйста, журнал ошибок.",
        },
        {
            content: "Send it",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The request waits for the customer",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Ожидание ответа клиента')",
        },
        {
            content: "Open the processing tab",
            trigger: ".o_notebook a[name='endocs_processing']",
            run: "click",
        },
        {
            content: "The question is logged",
            trigger: "div[name='endocs_info_request_ids'] td:contains('журнал ошибок')",
        },
        {
            content: "Write the resolution",
            trigger: "div[name='endocs_resolution'] textarea",
            run: "edit Журнал получен, исправлены настройки маршрута.",
        },
        {
            content: "How the solution was delivered",
            trigger: "div[name='endocs_delivery_method'] select",
            run: "select \"email\"",
        },
        {
            content: "Save the resolution",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_status_indicator_buttons.invisible:not(:visible)",
        },
        {
            content: "The folded stages",
            trigger: ".o_statusbar_status .dropdown-toggle",
            run: "click",
        },
        {
            content: "Resolve: the stage «Решён» (Done)",
            trigger: ".o-dropdown--menu .dropdown-item:contains('Решён')",
            run: "click",
        },
        {
            content: "Resolved",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Решён')",
        },
        {
            content: "Nothing left unsaved",
            trigger: ".o_form_status_indicator_buttons.invisible:not(:visible)",
        },
    ],
});
