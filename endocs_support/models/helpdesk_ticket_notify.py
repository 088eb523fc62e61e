# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Notices to the customer (registration, questions, reminders, closures,
cause notices): one way to send them."""

from odoo import models
from odoo.tools import format_datetime


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    def _endocs_notify(self, template_xmlid):
        """Send a template to each request's customer (registration, reminders,
        closures, notices): rendered in one pass, the chatter messages, the
        queued e-mails and their notification rows created in one batch each —
        the number of queries does not grow with the number of requests
        (R-REL-1). The e-mails leave with Odoo's mail queue."""
        template = self.env.ref(template_xmlid, raise_if_not_found=False)
        tickets = self.filtered("partner_id")
        if not template or not tickets:
            return
        rendered = template._generate_template(tickets.ids, ("subject", "email_from"))
        # The body is the template's QWeb view, rendered directly: compiled once
        # (a mail template's own body is compiled again for every record).
        view = template_xmlid.replace(".mail_template_", ".mail_body_")
        for lang, group in tickets.grouped(lambda t: t.partner_id.lang).items():
            env = self.with_context(lang=lang).env
            for ticket in group.with_env(env):
                rendered[ticket.id]["body_html"] = env["ir.qweb"]._render(
                    view,
                    {
                        "object": ticket,
                        "format_datetime": lambda dt,
                        tz=False,
                        dt_format=False,
                        e=env: (format_datetime(e, dt, tz=tz, dt_format=dt_format)),
                    },
                )
        author = self.env.user.partner_id
        comment = self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_comment")
        reply_to = tickets._notify_get_reply_to(default=author.email_formatted)
        messages = (
            self.env["mail.message"]
            .sudo()
            .create(
                [
                    {
                        "model": self._name,
                        "res_id": ticket.id,
                        "message_type": "comment",
                        "subtype_id": comment,
                        "is_internal": False,
                        "author_id": author.id,
                        "email_from": rendered[ticket.id]["email_from"]
                        or author.email_formatted,
                        "subject": rendered[ticket.id]["subject"],
                        "body": rendered[ticket.id]["body_html"],
                        "partner_ids": [(4, ticket.partner_id.id)],
                        "record_name": ticket.display_name,
                        "reply_to": reply_to.get(ticket.id) or author.email_formatted,
                    }
                    for ticket in tickets
                ]
            )
        )
        mails = (
            self.env["mail.mail"]
            .sudo()
            .create(
                [
                    {
                        "mail_message_id": message.id,
                        "body_html": message.body,
                        "recipient_ids": [(4, ticket.partner_id.id)],
                        "auto_delete": False,
                    }
                    for ticket, message in zip(tickets, messages, strict=True)
                ]
            )
        )
        self.env["mail.notification"].sudo().create(
            [
                {
                    "mail_message_id": message.id,
                    "res_partner_id": ticket.partner_id.id,
                    "notification_type": "email",
                    "notification_status": "ready",
                    "mail_mail_id": mail.id,
                    "is_read": True,
                }
                for ticket, message, mail in zip(tickets, messages, mails, strict=True)
            ]
        )
