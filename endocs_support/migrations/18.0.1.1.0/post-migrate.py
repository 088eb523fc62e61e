# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.1.0: breaches become events (endocs.sla.breach) and the production
calendar covers every year the holidays library knows."""

from odoo import SUPERUSER_ID, api

TARGETS = {
    "accept": "endocs_accepted_at",
    "response": "endocs_first_response_at",
    "resolve": "closed_date",
}


def migrate(cr, version):
    if not version:
        return
    # the breach flags set before are kept as logged breaches (the flags are now
    # computed from the log)
    for target, event in TARGETS.items():
        cr.execute(
            f"""
            INSERT INTO endocs_sla_breach
                   (ticket_id, target, deadline, event_at, detected_at, policy_id,
                    create_uid, create_date, write_uid, write_date)
            SELECT id, %s, endocs_{target}_deadline, {event},
                   COALESCE(write_date, now() at time zone 'UTC'),
                   endocs_sla_policy_id, 1, now() at time zone 'UTC',
                   1, now() at time zone 'UTC'
              FROM helpdesk_ticket
             WHERE endocs_{target}_breached AND endocs_{target}_deadline IS NOT NULL
            ON CONFLICT (ticket_id, target) DO NOTHING
            """,  # noqa: S608 - constant names
            (target,),
        )
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["resource.calendar"].search(
        [("endocs_production_calendar", "=", True)]
    )._endocs_sync_production_calendar()
