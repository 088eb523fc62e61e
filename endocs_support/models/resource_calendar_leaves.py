# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResourceCalendarLeaves(models.Model):
    _name = "resource.calendar.leaves"
    _inherit = ["resource.calendar.leaves", "endocs.working.time.source"]
    _sql_constraints = [
        (
            "endocs_calendar_date_uniq",
            "unique(calendar_id, endocs_date)",
            "A production calendar day is loaded once per calendar.",
        )
    ]

    endocs_date = fields.Date(
        string="Production calendar date",
        index=True,
        help="Set on the non-working days loaded from the Russian production "
        "calendar: the synchronisation updates these and leaves others alone.",
    )
