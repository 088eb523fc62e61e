# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class EndocsTicketSplitWizard(models.TransientModel):
    """One request, one problem (I3.3; R-IN-5): move chosen messages and
    attachments into a new registered request linked to the original."""

    _name = "endocs.ticket.split.wizard"
    _description = "Split Request"

    ticket_id = fields.Many2one("helpdesk.ticket", required=True, ondelete="cascade")
    name = fields.Char(string="Title of the new request", required=True)
    description = fields.Html(string="Problem description", required=True)
    category_id = fields.Many2one("helpdesk.ticket.category")
    message_ids = fields.Many2many(
        "mail.message",
        string="Messages to move",
        domain="[('model', '=', 'helpdesk.ticket'), ('res_id', '=', ticket_id), "
        "('message_type', 'in', ('email', 'comment'))]",
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        string="Attachments to move",
        domain="[('res_model', '=', 'helpdesk.ticket'), ('res_id', '=', ticket_id)]",
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        ticket = self.env["helpdesk.ticket"].browse(values.get("ticket_id"))
        if ticket and "category_id" in fields_list:
            values.setdefault("category_id", ticket.category_id.id)
        return values

    @api.constrains("message_ids", "attachment_ids", "ticket_id")
    def _check_from_ticket(self):
        for wizard in self:
            ticket = wizard.ticket_id
            if any(
                m.model != "helpdesk.ticket" or m.res_id != ticket.id
                for m in wizard.message_ids
            ) or any(
                a.res_model != "helpdesk.ticket" or a.res_id != ticket.id
                for a in wizard.attachment_ids
            ):
                raise UserError(
                    self.env._(
                        "Only messages and attachments of request %(number)s can "
                        "be moved.",
                        number=ticket.number,
                    )
                )

    def action_split(self):
        self.ensure_one()
        ticket = self.ticket_id
        ticket.check_access("write")  # the user's own right, before the sudo
        # the link to the original is the workflow's (an audit-trail field)
        new = ticket.sudo().copy(
            {
                "name": self.name,
                "description": self.description,
                "category_id": self.category_id.id,
                "endocs_parent_id": ticket.id,
            }
        )
        new = new.with_env(self.env)
        messages = self.message_ids.sudo()
        attachments = (self.attachment_ids | messages.attachment_ids).sudo()
        messages.write({"res_id": new.id})
        attachments.filtered(
            lambda a: a.res_model == "helpdesk.ticket" and a.res_id == ticket.id
        ).write({"res_id": new.id})
        ticket.message_post(
            body=self.env._(
                "Split: the question «%(title)s» continues in request %(number)s.",
                title=new.name,
                number=new.number,
            ),
            subtype_xmlid="mail.mt_note",
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "helpdesk.ticket",
            "res_id": new.id,
            "view_mode": "form",
        }
