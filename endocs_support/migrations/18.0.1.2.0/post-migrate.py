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
