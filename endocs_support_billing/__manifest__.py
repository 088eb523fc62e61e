# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "EnDocs Paid Support Billing",
    "summary": "Paid support: billable time rounded up from timesheets, "
    "invoiced with Odoo, detailed acts",
    "version": "18.0.1.0.0",
    "category": "After-Sales",
    "website": "https://endocs.ru/support/",
    "author": "EnDocs",
    "license": "AGPL-3",
    "depends": ["endocs_support", "helpdesk_mgmt_timesheet", "sale_timesheet"],
    "data": [
        "security/endocs_support_billing_security.xml",
        "security/ir.model.access.csv",
        "data/product_data.xml",
        "views/account_analytic_line_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/endocs_support_contract_views.xml",
        "views/account_move_views.xml",
        "views/portal_templates.xml",
        "wizards/endocs_support_invoice_wizard_views.xml",
    ],
    "demo": ["demo/res_users_demo.xml", "demo/endocs_billing_demo.xml"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "assets": {
        "web.assets_tests": [
            "endocs_support_billing/static/tests/tours/*.esm.js",
        ],
    },
}
