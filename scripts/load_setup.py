# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The load test's template (scripts/load.sh), piped into `odoo shell` once: the
portal users and the alias domain. ENDOCS_LOAD_FLAVOUR=ours: the demo's
organisations and team; plain: plain helpdesk_mgmt, a team with the same alias.
Then the scheduled actions due on the new database run once, by Odoo's cron
engine, as they would have the day before: the daily housekeeping (the
autovacuum, a third of the cron workers' time in a measured phase) falls into
the measured minutes of neither side."""

import os

USERS = int(os.environ.get("ENDOCS_LOAD_USERS", 50))
plain = os.environ.get("ENDOCS_LOAD_FLAVOUR") == "plain"
env = env  # noqa: F821, PLW0127 (the shell's env)

domain = env["mail.alias.domain"].search([("name", "=", "endocs.ru")], limit=1)
domain = domain or env["mail.alias.domain"].create({"name": "endocs.ru"})
env.company.alias_domain_id = domain
if plain:
    orgs = env["res.partner"].create(
        [{"name": f"Load org {n}", "is_company": True} for n in range(2)]
    )
    team = env["helpdesk.ticket.team"].create(
        {"name": "Support", "alias_name": "support", "alias_contact": "everyone"}
    )
else:
    orgs = env["res.partner"].search(
        [("endocs_client_ref", "in", ["ED-5001", "ED-5002"])]
    )
    team = env.ref("endocs_support.helpdesk_team_support")
team.alias_id.alias_domain_id = domain
portal = env.ref("base.group_portal")
for n in range(max(USERS, 50)):
    partner = env["res.partner"].create(
        {
            "name": f"Load user {n}",
            "parent_id": orgs[n % len(orgs)].id,
            "email": f"load{n}@load.example",
            "phone": "+7 495 000-00-00",
        }
    )
    env["res.users"].with_context(no_reset_password=True).create(
        {
            "login": f"load{n}",
            "password": f"load{n}",
            "partner_id": partner.id,
            "groups_id": [(6, 0, [portal.id])],
        }
    )
env["ir.config_parameter"].set_param("mail.gateway.loop.threshold", 100000)
env.cr.commit()
type(env["ir.cron"])._process_jobs(env.cr.dbname)
