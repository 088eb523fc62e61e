# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The indexes a desk of 100,000 requests needs (`make bench ARGS=scale`)."""

from odoo import models
from odoo.tools.sql import create_index


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    def init(self):
        res = super().init()
        # the lists and the kanban columns: helpdesk_mgmt's order over the
        # active requests, read 80 at a time without sorting the table; the
        # count of the list is an index-only scan of it
        create_index(
            self.env.cr,
            "helpdesk_ticket_endocs_list_index",
            self._table,
            ["priority DESC", "sequence", "number DESC", "id DESC"],
            where="active",
        )
        return res
