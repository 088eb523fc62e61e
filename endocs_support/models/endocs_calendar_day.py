# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class EndocsCalendarDay(models.Model):
    """A day of the production calendar that is not a plain weekday or weekend:
    a weekend day made working by decree, or a shortened pre-holiday day."""

    _name = "endocs.calendar.day"
    _inherit = ["endocs.working.time.source"]
    _description = "Production Calendar Special Day"
    _order = "date, day_type"
    _sql_constraints = [
        (
            "calendar_date_type_uniq",
            "unique(calendar_id, date, day_type)",
            "A calendar has one special day of each type per date.",
        ),
        (
            "hours_cut_positive",
            "check(hours_cut >= 0 and hours_cut < 24)",
            "The hours cut from a shortened day must be between 0 and 24.",
        ),
    ]

    calendar_id = fields.Many2one(
        "resource.calendar", required=True, ondelete="cascade", index=True
    )
    date = fields.Date(required=True)
    day_type = fields.Selection(
        [
            ("working", "Working weekend day"),
            ("short", "Shortened pre-holiday day"),
        ],
        required=True,
    )
    name = fields.Char(required=True)
    hours_cut = fields.Float(
        default=1.0, help="Hours cut from the end of a shortened day (art. 95)."
    )
    origin = fields.Selection(
        [("holidays", "Russian production calendar"), ("manual", "Manual")],
        default="manual",
        required=True,
        help="Days loaded from the production calendar are updated by the "
        "synchronisation; manual days are left alone.",
    )

    def _endocs_calendars(self):
        return self.calendar_id
