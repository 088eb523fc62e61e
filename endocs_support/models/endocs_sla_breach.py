# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class EndocsSlaBreach(models.Model):
    """A missed SLA target of a request (R-WF-7): an event, logged once when it
    happens (a late acceptance, answer or resolution, or a deadline passed
    without it) and never changed or removed by a later change of the request."""

    _name = "endocs.sla.breach"
    _description = "SLA Breach"
    _order = "detected_at desc, id desc"
    _sql_constraints = [
        (
            "ticket_target_unique",
            "unique(ticket_id, target)",
            "A target of a request is breached once.",
        )
    ]

    ticket_id = fields.Many2one(
        "helpdesk.ticket", required=True, ondelete="cascade", index=True
    )
    target = fields.Selection(
        [
            ("accept", "Acceptance"),
            ("response", "First response"),
            ("resolve", "Resolution"),
        ],
        required=True,
    )
    deadline = fields.Datetime(required=True)
    event_at = fields.Datetime(
        string="Done at", help="Empty: the deadline passed without the event."
    )
    detected_at = fields.Datetime(
        string="Logged at", required=True, default=fields.Datetime.now
    )
    policy_id = fields.Many2one("endocs.sla.policy", string="SLA")
    team_id = fields.Many2one(related="ticket_id.team_id")
    company_id = fields.Many2one(related="ticket_id.company_id")
