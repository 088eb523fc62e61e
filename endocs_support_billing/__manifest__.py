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
    "demo": ["demo/res_users_demo.xml"],
    "external_dependencies": {"python": ["xlsxwriter"]},
}
