# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "EnDocs Support Regulation",
    "summary": "Technical-support regulation on top of the OCA helpdesk: "
    "Moscow working time, Russian production calendar, intake and SLA",
    "version": "18.0.1.2.0",
    "category": "After-Sales",
    "website": "https://endocs.ru/support/",
    "author": "EnDocs",
    "license": "AGPL-3",
    "depends": ["helpdesk_mgmt", "resource", "mail", "portal"],
    "external_dependencies": {
        "python": ["holidays", "python-dateutil", "charset-normalizer"]
    },
    "data": [
        "security/endocs_support_security.xml",
        "security/ir.model.access.csv",
        "data/resource_calendar_data.xml",
        "data/ir_cron_data.xml",
        "data/helpdesk_data.xml",
        "data/helpdesk_stage_data.xml",
        "data/endocs_sla_policy_data.xml",
        "data/mail_message_subtype_data.xml",
        "data/mail_template_data.xml",
        "wizards/endocs_ticket_correction_wizard_views.xml",
        "views/resource_calendar_views.xml",
        "views/helpdesk_ticket_team_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/helpdesk_ticket_category_views.xml",
        "views/helpdesk_ticket_stage_views.xml",
        "views/endocs_support_contract_views.xml",
        "views/endocs_sla_policy_views.xml",
        "views/res_partner_views.xml",
        "views/endocs_mail_quarantine_views.xml",
        "views/portal_templates.xml",
        "views/endocs_api_key_views.xml",
        "wizards/endocs_ticket_split_wizard_views.xml",
        "wizards/endocs_ticket_wait_wizard_views.xml",
        "wizards/endocs_ticket_resolve_wizard_views.xml",
    ],
    "demo": [
        "demo/res_lang_demo.xml",
        "demo/mail_alias_domain_demo.xml",
        "demo/res_users_demo.xml",
        "demo/endocs_demo_story.xml",
    ],
    "assets": {
        "web.assets_frontend": [
            "endocs_support/static/src/portal/support_zone.esm.js",
        ],
        "web.assets_tests": [
            "endocs_support/static/tests/tours/*.esm.js",
        ],
    },
    "post_init_hook": "post_init_hook",
}
