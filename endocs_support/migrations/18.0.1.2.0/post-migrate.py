# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.2.0: the regulation applies to regulated teams only. The addon's own
support team is regulated (its record is noupdate, so the data file does not
set it on an existing database)."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    team = env.ref("endocs_support.helpdesk_team_support", raise_if_not_found=False)
    if team and not team.endocs_regulated:
        team.endocs_regulated = True
    # teams that existed when the addon made the column got no calendar (its
    # default, the support calendar, did not exist yet): the company's, as
    # helpdesk_mgmt_sla would have given them
    for other in (
        env["helpdesk.ticket.team"]
        .with_context(active_test=False)
        .search([("resource_calendar_id", "=", False)])
    ):
        other.resource_calendar_id = other.company_id.resource_calendar_id or (
            env.company.resource_calendar_id
        )
