# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class EndocsInfoRequest(models.Model):
    """A request for information or a recommendation sent to the customer, and
    the answer (regulation 2.6; R-WF-2)."""

    _name = "endocs.info.request"
    _description = "Information Request to the Customer"
    _order = "asked_at desc, id desc"

    ticket_id = fields.Many2one(
        "helpdesk.ticket", required=True, ondelete="cascade", index=True
    )
    kind = fields.Selection(
        [("information", "Information request"), ("recommendation", "Recommendation")],
        required=True,
        default="information",
    )
    question = fields.Text(required=True)
    asked_at = fields.Datetime(required=True, default=fields.Datetime.now)
    asked_by_id = fields.Many2one(
        "res.users", string="Asked by", default=lambda self: self.env.user
    )
    answered_at = fields.Datetime()
    answer_message_id = fields.Many2one("mail.message", string="Answer")
    state = fields.Selection(
        [
            ("open", "Waiting for answer"),
            ("answered", "Answered"),
            ("closed", "Closed"),
        ],
        default="open",
        required=True,
    )
