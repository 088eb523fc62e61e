# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class EndocsWorkingTimeSource(models.AbstractModel):
    """Data the working-time engine is built from: any change drops the cached
    engines (``resource.calendar._working_time``), in every worker, and the open
    requests' clocks follow (``helpdesk.ticket._endocs_recompute_clocks``)."""

    _name = "endocs.working.time.source"
    _description = "Working Time Engine Source"

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._endocs_working_time_changed()
        return records

    def write(self, vals):
        res = super().write(vals)
        self._endocs_working_time_changed()
        return res

    def unlink(self):
        res = super().unlink()
        self._endocs_working_time_changed()
        return res

    def _endocs_working_time_changed(self):
        if not self:
            return
        self.env.registry.clear_cache()
        self.env["helpdesk.ticket"]._endocs_recompute_clocks()
