# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class EndocsNotice(models.Model):
    """A notice to a customer waiting to be posted (R-UX-2, R-REL-1).

    The scheduled actions that touch many requests at once (reminders, no-reply
    closures) queue their notices here in one insert and trigger
    «EnDocs: post queued notices» right after their commit, which renders and
    posts them through Odoo's mail machinery (``helpdesk.ticket._endocs_post``).
    Posted notices leave the queue; the chatter message is their record."""

    _name = "endocs.notice"
    _description = "Queued Notice to a Customer"
    _inherit = ["endocs.batch.mixin"]
    _order = "id"

    ticket_id = fields.Many2one(
        "helpdesk.ticket", required=True, ondelete="cascade", index=True
    )
    template_id = fields.Many2one("mail.template", required=True, ondelete="cascade")
    company_id = fields.Many2one(related="ticket_id.company_id")

    @api.model
    def _endocs_queue(self, tickets, template):
        """Queue ``template`` for each of ``tickets`` and trigger the posting."""
        notices = self.sudo().create(
            [{"ticket_id": ticket.id, "template_id": template.id} for ticket in tickets]
        )
        if notices:
            cron_id = self.env["ir.model.data"]._xmlid_to_res_id(
                "endocs_support.ir_cron_post_notices", raise_if_not_found=True
            )
            self.env["ir.cron"].browse(cron_id)._trigger()
        return notices

    @api.model
    def _cron_post_notices(self, batch_size=200):
        """Post one batch of queued notices, under row locks a concurrent run
        skips; a notice that fails stays queued with its error, the others go
        on."""
        self.env.flush_all()
        self.env.cr.execute(
            """
            SELECT id FROM endocs_notice WHERE endocs_cron_error IS NULL
             ORDER BY id LIMIT %s FOR UPDATE SKIP LOCKED
            """,
            (batch_size,),
        )
        notices = self.browse([row[0] for row in self.env.cr.fetchall()])
        done = notices._endocs_run_isolated("_endocs_post")
        self.env["ir.cron"]._notify_progress(
            done=len(done),
            remaining=self.search_count([("endocs_cron_error", "=", False)]),
        )
        return len(done)

    def _endocs_post(self):
        for template, notices in self.grouped("template_id").items():
            notices.ticket_id._endocs_post(template)
        self.unlink()
