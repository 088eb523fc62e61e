/* Copyright 2026 EnDocs
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {formatDateTime} from "@web/core/l10n/dates";
import {registry} from "@web/core/registry";

const {DateTime} = luxon;

// What the test prepared: the request, its policy (Russian name), the support
// calendar and the resolve deadline before and after the policy change (UTC).
const data = () => JSON.parse(sessionStorage.getItem("endocs_tour_manager") || "{}");
const shown = (iso) =>
    formatDateTime(DateTime.fromISO(iso, {zone: "utc"}), {showSeconds: false});
const menu = (xmlid) => `.o_menu_sections [data-menu-xmlid='${xmlid}']`;
const item = (xmlid) => `.dropdown-item[data-menu-xmlid='${xmlid}']`;

// The support manager, in Russian: the SLA report from the menu (R-SLA-4),
// a policy edited and the request's deadline moved on its form (R-SLA-1),
// the production calendar reloaded on the support calendar (R-TIME-3).
registry.category("web_tour.tours").add("endocs_manager_journey", {
    steps: () => [
        {
            content: "The request's processing tab",
            trigger: ".o_notebook a[name='endocs_processing']",
            run: "click",
        },
        {
            content: "The resolve deadline before the change",
            trigger: `div[name='endocs_resolve_deadline']:contains('${shown(data().before)}')`,
        },
        {
            content: "Reporting",
            trigger: menu("helpdesk_mgmt.helpdesk_ticket_reporting_menu"),
            run: "click",
        },
        {
            content: "The SLA report",
            trigger: item("endocs_support.endocs_sla_report_menu"),
            run: "click",
        },
        {
            content: "The report opens as a graph, in Russian",
            trigger: ".o_graph_view .o_breadcrumb:contains('Отчёт SLA')",
        },
        {
            content: "As a pivot table",
            trigger: ".o_switch_view.o_pivot",
            run: "click",
        },
        {
            content: "The support team's row",
            trigger: ".o_pivot th:contains('Техническая поддержка EnDocs')",
        },
        {
            content: "Configuration",
            trigger: menu("helpdesk_mgmt.helpdesk_ticket_config_main_menu"),
            run: "click",
        },
        {
            content: "The SLA policies",
            trigger: item("endocs_support.endocs_sla_policy_menu"),
            run: "click",
        },
        {
            content: "The policies, in Russian, with the request's one",
            trigger: `.o_list_view .o_data_row td[name='name']:contains('${data().policy}')`,
        },
        {
            content: "Edit the resolve hours",
            trigger: `.o_data_row:has(td[name='name']:contains('${data().policy}')) td[name='resolve_hours']`,
            run: "click",
        },
        {
            content: "Fewer working hours",
            trigger: ".o_selected_row td[name='resolve_hours'] input",
            run: `edit ${data().hours}`,
        },
        {
            content: "Save",
            trigger: ".o_list_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_list_view:not(:has(.o_selected_row)):not(:has(.o_list_button_save))",
        },
        {
            content: "Back to the request",
            trigger: ".o_list_view",
            async run(helpers) {
                await helpers.goToUrl(
                    `/odoo/action-helpdesk_mgmt.helpdesk_ticket_action/${data().ticket}`
                );
            },
        },
        {
            content: "Its processing tab",
            trigger: ".o_notebook a[name='endocs_processing']",
            run: "click",
        },
        {
            content: "The resolve deadline moved",
            trigger: `div[name='endocs_resolve_deadline']:contains('${shown(data().after)}')`,
        },
        {
            content: "The support calendar",
            trigger: ".o_form_view",
            async run(helpers) {
                await helpers.goToUrl(
                    `/odoo/action-resource.action_resource_calendar_form/${data().calendar}`
                );
            },
        },
        {
            content: "Load the Russian production calendar",
            trigger: ".o_form_view button[name='action_endocs_sync_production_calendar']:contains('Загрузить производственный календарь РФ')",
            run: "click",
        },
        {
            content: "Loaded: the day removed by hand is back",
            trigger: ".o_notification:contains('Производственный календарь загружен'):contains('Дней добавлено: 1, обновлено: 0, удалено: 0')",
        },
    ],
});
