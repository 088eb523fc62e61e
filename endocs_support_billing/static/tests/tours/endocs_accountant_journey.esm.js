/* Copyright 2026 EnDocs
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// The accountant, in Russian: the batch invoicing wizard from the menu, the
// draft invoice posted, its act attached (R-BILL-2, R-BILL-3).
registry.category("web_tour.tours").add("endocs_accountant_journey", {
    steps: () => [
        {
            content: "The apps",
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            content: "The invoicing app",
            trigger: ".o_app[data-menu-xmlid='account.menu_finance']",
            run: "click",
        },
        {
            content: "Customers",
            trigger: ".o_menu_sections [data-menu-xmlid='account.menu_finance_receivables']",
            run: "click",
        },
        {
            content: "Invoice paid support",
            trigger: ".dropdown-item[data-menu-xmlid='endocs_support_billing.endocs_support_invoice_wizard_menu']",
            run: "click",
        },
        {
            content: "The wizard, in Russian",
            trigger: ".modal .modal-title:contains('Счета за платную поддержку')",
        },
        {
            content: "From 1 October",
            trigger: ".modal div[name='date_start'] input",
            run: "edit 01.10.2026",
        },
        {
            content: "To 31 October",
            trigger: ".modal div[name='date_end'] input",
            run: "edit 31.10.2026",
        },
        {
            content: "Close the date picker",
            trigger: ".modal .modal-title",
            run: "click",
        },
        {
            content: "The preview: 40 minutes billed as one hour",
            trigger: ".modal div[name='hours_to_invoice']:contains('01:00')",
        },
        {
            content: "One contract to invoice",
            trigger: ".modal div[name='contract_count']:contains('1')",
        },
        {
            content: "Create the invoices (drafts, for review)",
            trigger: ".modal button[name='action_create_invoices']:contains('Создать счета')",
            run: "click",
        },
        {
            content: "The invoice created: open it",
            trigger: ".o_list_view .o_data_row:has(td[name='status_in_payment']:contains('Черновик')) td[name='invoice_partner_display_name']:contains('ООО Ромашка')",
            run: "click",
        },
        {
            content: "A draft",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Черновик')",
        },
        {
            content: "Without an act yet",
            trigger: ".o_form_view:not(:has(div[name='endocs_act_id']))",
        },
        {
            content: "Post it",
            trigger: ".o_form_view .o_form_statusbar button[name='action_post']:contains('Подтвердить')",
            run: "click",
        },
        {
            content: "Posted: the act is attached",
            trigger: ".o_form_view div[name='endocs_act_id']:contains('.xlsx')",
        },
        {
            content: "The act's button, in Russian",
            trigger: ".o_form_view button[name='action_endocs_act']:contains('Акт техподдержки (XLSX)')",
        },
    ],
});

// The customer's portal user sees the act on the invoice's page (R-BILL-3).
registry.category("web_tour.tours").add("endocs_customer_act", {
    steps: () => [
        {
            content: "The act's download, in Russian",
            trigger: ".o_endocs_act a[href*='/endocs_act']:contains('Акт техподдержки (XLSX)')",
        },
    ],
});
