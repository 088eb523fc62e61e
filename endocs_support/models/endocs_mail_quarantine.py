# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""R-IN-4: the messages sent to a helpdesk team that the mail gateway did not
take (a machine, a newsletter, our own mail coming back, or a message Odoo
raised on), kept with the raw message so that a specialist sees them and
registers a request from one."""

import base64
import email
import email.policy
import logging
from email.header import decode_header, make_header

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html2plaintext, plaintext2html

_logger = logging.getLogger(__name__)

#: the characters of the text kept for the list and the form
PREVIEW_CHARS = 4000


class EndocsMailQuarantine(models.Model):
    _name = "endocs.mail.quarantine"
    _description = "Quarantined incoming e-mail"
    _order = "received_at desc, id desc"
    _rec_name = "subject"

    subject = fields.Char(readonly=True)
    email_from = fields.Char(string="From", readonly=True)
    email_to = fields.Char(string="To", readonly=True)
    message_id = fields.Char(string="Message-Id", readonly=True, index=True)
    received_at = fields.Datetime(
        string="Received", default=fields.Datetime.now, readonly=True
    )
    reason = fields.Selection(
        [
            ("error", "The mail gateway raised an error"),
            ("machine", "Sent by a machine (auto-reply, bounce)"),
            ("bulk", "Newsletter or bulk mail"),
            ("list", "Mailing list"),
            ("loop", "Our own mail coming back"),
            ("not_routed", "Not taken by the mail gateway"),
        ],
        required=True,
        readonly=True,
    )
    detail = fields.Text(readonly=True, help="The error, or what the message was.")
    preview = fields.Text(string="Text", readonly=True)
    team_id = fields.Many2one("helpdesk.ticket.team", readonly=True, index=True)
    company_id = fields.Many2one(
        "res.company", related="team_id.company_id", store=True
    )
    state = fields.Selection(
        [
            ("new", "To review"),
            ("registered", "Registered"),
            ("discarded", "Discarded"),
        ],
        default="new",
        required=True,
        readonly=True,
    )
    ticket_id = fields.Many2one("helpdesk.ticket", string="Request", readonly=True)
    raw_message = fields.Binary(
        string="Message",
        attachment=True,
        readonly=True,
        help="The message as received.",
    )
    raw_filename = fields.Char(readonly=True)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_register(self):
        """Register each message as a request of its team: through the mail
        gateway again (its intake data, attachments and threading), without a
        notice to a machine or a list; else, when the gateway raises again, as a
        request with the message's text and the message attached."""
        tickets = self.env["helpdesk.ticket"]
        for record in self:
            if record.state == "registered":
                continue
            ticket = record._endocs_register_through_gateway()
            if not ticket:
                ticket = record._endocs_register_plainly()
            ticket.sudo().message_post(
                body=self.env._(
                    "Registered from the mail quarantine by %(user)s.",
                    user=self.env.user.name,
                ),
                subtype_xmlid="mail.mt_note",
            )
            record.write({"state": "registered", "ticket_id": ticket.id})
            tickets |= ticket
        if len(tickets) == 1:
            return {
                "type": "ir.actions.act_window",
                "res_model": "helpdesk.ticket",
                "res_id": tickets.id,
                "view_mode": "form",
            }
        return True

    def action_discard(self):
        self.filtered(lambda r: r.state == "new").write({"state": "discarded"})

    def action_reset(self):
        self.filtered(lambda r: r.state == "discarded").write({"state": "new"})

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------

    @api.model
    def _endocs_keep(self, raw, headers, team, reason, detail=False):
        """Keep a message (once: the same Message-Id waiting is not kept twice)."""
        message_id = self._endocs_header(headers, "Message-Id")
        if message_id:
            waiting = self.search(
                [("message_id", "=", message_id), ("state", "=", "new")], limit=1
            )
            if waiting:
                return waiting
        return self.create(
            {
                "subject": self._endocs_header(headers, "Subject")[:500],
                "email_from": self._endocs_header(headers, "From")[:500],
                "email_to": self._endocs_header(headers, "To")[:1000],
                "message_id": message_id[:500],
                "reason": reason,
                "detail": detail or False,
                "preview": self._endocs_preview(raw),
                "team_id": team.id,
                "raw_message": base64.b64encode(raw),
                "raw_filename": "message.eml",
            }
        )

    @api.model
    def _endocs_header(self, headers, name):
        try:
            value = str(headers.get(name) or "")
            value = str(make_header(decode_header(value))) if "=?" in value else value
        except (ValueError, TypeError, AttributeError, IndexError, LookupError):
            return ""
        return " ".join(value.replace("\x00", "").split())

    @api.model
    def _endocs_preview(self, raw):
        """The first text of the message, for a person to recognise it."""
        try:
            message = email.message_from_bytes(raw, policy=email.policy.default)
            part = message.get_body(preferencelist=("plain", "html"))
            if part is None:
                return False
            content = part.get_content()
            if part.get_content_subtype() == "html":
                content = html2plaintext(content[: PREVIEW_CHARS * 10])
        except Exception:  # noqa: BLE001 - a preview never loses the message
            _logger.info("No preview of a quarantined message", exc_info=True)
            return False
        return content.replace("\x00", "")[:PREVIEW_CHARS] or False

    def _endocs_raw(self):
        self.ensure_one()
        return base64.b64decode(self.with_context(bin_size=False).raw_message or b"")

    def _endocs_register_through_gateway(self):
        """The request the mail gateway registers from the message, or an empty
        recordset when it raises (or threads it nowhere)."""
        self.ensure_one()
        Ticket = self.env["helpdesk.ticket"].sudo()
        raw = self._endocs_raw()
        if not raw:
            return Ticket
        try:
            with self.env.cr.savepoint():
                self.env["mail.thread"].sudo().with_context(
                    endocs_quarantine_force=True
                ).message_process("helpdesk.ticket", raw)
        except Exception:  # noqa: BLE001 - the plain registration follows
            _logger.info(
                "Quarantined message %s raised again: registered plainly",
                self.message_id,
                exc_info=True,
            )
            return Ticket
        message = (
            self.env["mail.message"]
            .sudo()
            .search(
                [("message_id", "=", self.message_id), ("model", "=", Ticket._name)],
                limit=1,
            )
            if self.message_id
            else None
        )
        return Ticket.browse(message.res_id) if message else Ticket

    def _endocs_register_plainly(self):
        """A request with the message's subject, sender and text, the raw
        message attached."""
        self.ensure_one()
        Ticket = self.env["helpdesk.ticket"].sudo()
        channel = Ticket._endocs_channel("email")
        verdict = self.team_id._endocs_mail_verdict(
            {}, self.subject or "", self.email_from or ""
        )
        if self.reason in ("machine", "bulk", "list", "loop"):
            verdict = verdict._replace(kind=self.reason)
        if verdict.kind != "person":
            Ticket = Ticket.with_context(
                endocs_mail_silent=verdict.reason or "quarantine"
            )
        ticket = Ticket.create(
            {
                "name": self.subject or self.env._("No subject"),
                "description": plaintext2html(self.preview or self.subject or ""),
                "partner_email": self.email_from or False,
                "team_id": self.team_id.id,
                "channel_id": channel.id if channel else False,
            }
        )
        if self.raw_message:
            self.env["ir.attachment"].sudo().create(
                {
                    "name": self.raw_filename or "message.eml",
                    "datas": self.with_context(bin_size=False).raw_message,
                    "res_model": ticket._name,
                    "res_id": ticket.id,
                    "mimetype": "message/rfc822",
                }
            )
        if not ticket:
            raise UserError(self.env._("The request could not be registered."))
        return ticket
