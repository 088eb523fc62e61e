# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class EndocsKeptSource(models.AbstractModel):
    """Records that tables kept per worker are made of (Odoo's ``ormcache``:
    the intake team, the SLA policies, the alias domains' addresses, the
    teams' aliases, the contracts). Creating or deleting one, or writing one
    of ``_endocs_kept_fields`` (every field when None), clears the kept tables
    in every worker of every node (Odoo's cache signalling)."""

    _name = "endocs.kept.source"
    _description = "Source of Tables Kept per Worker"

    #: the fields the kept tables read (None: any field)
    _endocs_kept_fields = None

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        self.env.registry.clear_cache()
        return records

    def write(self, vals):
        res = super().write(vals)
        if self._endocs_kept_fields is None or self._endocs_kept_fields.intersection(
            vals
        ):
            self.env.registry.clear_cache()
        return res

    def unlink(self):
        res = super().unlink()
        self.env.registry.clear_cache()
        return res
