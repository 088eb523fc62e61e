# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class EndocsWorkingTimeSource(models.AbstractModel):
    """Data the working-time engine is built from: a change drops the cached
    engines (``resource.calendar._working_time``), in every worker, and the open
    requests on the calendars it touches follow
    (``helpdesk.ticket._endocs_recompute_clocks``)."""

    _name = "endocs.working.time.source"
    _description = "Working Time Engine Source"

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._endocs_working_time_changed(records._endocs_calendars())
        return records

    def write(self, vals):
        res = super().write(vals)
        self._endocs_working_time_changed(self._endocs_calendars())
        return res

    def unlink(self):
        calendars = self._endocs_calendars()
        res = super().unlink()
        self._endocs_working_time_changed(calendars)
        return res

    def _endocs_calendars(self):
        """The calendars whose working time these records feed; None for every
        calendar (a global leave), an empty set for none (an employee's)."""
        raise NotImplementedError

    @api.model
    def _endocs_working_time_changed(self, calendars):
        if calendars is not None and not calendars:
            return
        self.env.registry.clear_cache()
        if not self.env.context.get("endocs_defer_clocks"):
            self.env["helpdesk.ticket"]._endocs_recompute_clocks(calendars)
