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

    def _endocs_calendars(self):
        """Time off of one employee feeds no engine; a leave of no calendar is
        every calendar's."""
        own = self.filtered(lambda leave: not leave.resource_id)
        if any(not leave.calendar_id for leave in own):
            return None
        return own.calendar_id
