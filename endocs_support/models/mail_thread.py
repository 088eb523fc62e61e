# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The mail gateway for our helpdesk teams (R-IN-4, R-REL-1): a message sent to
a team's alias is registered as a request, threaded onto one, or kept in the
quarantine (``endocs.mail.quarantine``), even when Odoo itself raises on it; a
machine or a list is never answered. Messages for anything else go through
Odoo unchanged (R-ECO-1)."""

import email
import email.parser
import email.policy
import logging
import traceback
import xmlrpc.client

from odoo import api, models
from odoo.exceptions import MissingError
from odoo.tools import email_normalize

from ..tools import mailcheck
from ..tools.mailcheck import is_automatic, repair_charsets

_logger = logging.getLogger(__name__)


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    # ------------------------------------------------------------------
    # The gateway's entry point
    # ------------------------------------------------------------------

    @api.model
    def message_process(
        self,
        model,
        message,
        custom_values=None,
        save_original=False,
        strip_attachments=False,
        thread_id=None,
    ):
        """R-IN-4: nothing sent to our teams is lost. Headers PostgreSQL or
        Python cannot hold are cleaned first; a message that raises, or that the
        gateway would drop (a machine, a newsletter, a loop), is kept in the
        quarantine with its reason instead."""
        kwargs = {
            "custom_values": custom_values,
            "save_original": save_original,
            "strip_attachments": strip_attachments,
            "thread_id": thread_id,
        }
        if self.env.context.get("endocs_gateway_team") is not None:
            return super().message_process(model, message, **kwargs)
        raw = self._endocs_raw_bytes(message)
        team = raw is not None and self._endocs_gateway_team(raw)
        if not team:
            return super().message_process(model, message, **kwargs)
        clean, cleaned = mailcheck.sanitize_raw(raw)
        if cleaned:
            _logger.info("Incoming message: headers %s cleaned", ", ".join(cleaned))
        clean, dropped = mailcheck.trim_parts(clean)
        if dropped:
            _logger.info(
                "Incoming message: %s MIME parts left in the attached original",
                dropped,
            )
        this = self.with_context(endocs_gateway_team=team.id)
        force = self.env.context.get("endocs_quarantine_force")
        try:
            with self.env.cr.savepoint():
                result = super(MailThread, this).message_process(model, clean, **kwargs)
        except Exception as error:
            if force:
                raise
            _logger.exception("Incoming message for %s raised: quarantined", team.name)
            return this._endocs_quarantine(
                raw, clean, team, "error", "".join(traceback.format_exception(error))
            )
        # a thread id: a record (a mail.thread, as every alias's model is) took
        # the message; only without one (a duplicate, or dropped) is it looked up
        if not force and not result and not this._endocs_stored(clean):
            return this._endocs_quarantine(raw, clean, team)
        return result

    @api.model
    def _endocs_raw_bytes(self, message):
        if isinstance(message, xmlrpc.client.Binary):
            return bytes(message.data)
        if isinstance(message, str):
            return message.encode("utf-8")
        return message if isinstance(message, bytes) else None

    @api.model
    def _endocs_headers(self, raw):
        return email.parser.BytesHeaderParser(policy=email.policy.compat32).parsebytes(
            raw
        )

    @api.model
    def _endocs_gateway_team(self, raw):
        """The helpdesk team whose alias the message was sent to, or an empty
        recordset: only those messages are ours."""
        addresses = mailcheck.recipients(self._endocs_headers(raw))
        return self.env["helpdesk.ticket.team"]._endocs_team_of_addresses(addresses)

    @api.model
    def _endocs_stored(self, raw):
        """Whether the message is on a record (a new request, a reply threaded
        on one, or any record: a duplicate)."""
        message_id = (self._endocs_headers(raw).get("Message-Id") or "").strip()
        return bool(
            message_id
            and self.env["mail.message"]
            .sudo()
            .search_count([("message_id", "=", message_id)], limit=1)
        )

    @api.model
    def _endocs_drop_reason(self, raw, team):
        """Why the gateway did not take a message it did not raise on."""
        headers = self._endocs_headers(raw)
        email_from = str(headers.get("From") or "")
        if self._endocs_is_own_address(email_from):
            return "loop"
        verdict = team._endocs_mail_verdict(
            headers, str(headers.get("Subject") or ""), email_from
        )
        if verdict.kind in ("machine", "bulk", "list"):
            return verdict.kind
        return "not_routed"

    @api.model
    def _endocs_quarantine(self, raw, clean, team, reason=None, detail=False):
        """Keep the message in the quarantine; returns False (no record)."""
        Quarantine = self.env["endocs.mail.quarantine"].sudo()
        try:
            with self.env.cr.savepoint():
                reason = reason or self._endocs_drop_reason(clean, team)
                Quarantine._endocs_keep(
                    raw, self._endocs_headers(clean), team, reason, detail
                )
        except Exception:
            _logger.exception("The message could not be quarantined either")
            raise
        return False

    # ------------------------------------------------------------------
    # Parsing
    # ------------------------------------------------------------------

    @api.model
    def message_parse(self, message, save_original=False):
        """R-REL-1: unknown charsets are read in their alias, the detected one or
        UTF-8 rather than losing the e-mail to a LookupError. For our teams, the
        work per message is bounded (text parts beyond the body's are kept as
        attachments) and what PostgreSQL cannot store (NUL) is left out."""
        # mail for our teams: the charsets detected too; for others, only an
        # unknown charset replaced (the e-mail would be lost), as Odoo reads
        # the rest (R-ECO-1)
        ours = self.env.context.get("endocs_gateway_team") is not None
        replaced = repair_charsets(message, detect=ours)
        if replaced:
            _logger.info(
                "Message %s: charsets %s read as %s",
                message.get("Message-Id"),
                ", ".join(declared for declared, _used in replaced),
                ", ".join(used for _declared, used in replaced),
            )
        if self.env.context.get("endocs_gateway_team") is None:
            return super().message_parse(message, save_original=save_original)
        moved = mailcheck.bound_parts(message)
        if moved:
            _logger.info(
                "Message %s: %s text parts kept as attachments",
                message.get("Message-Id"),
                moved,
            )
        values = super().message_parse(message, save_original=save_original)
        for key, value in values.items():
            if isinstance(value, str) and "\x00" in value:
                values[key] = value.replace("\x00", "")
        values["attachments"] = [
            attachment._replace(fname=(attachment.fname or "").replace("\x00", ""))
            if isinstance(attachment, self._Attachment)
            else attachment
            for attachment in values.get("attachments") or []
        ]
        return values

    def _message_parse_extract_bounce(self, email_message, message_dict):
        """A delivery report with a cut or missing MIME boundary is still a
        delivery report (Odoo raises on it)."""
        if self.env.context.get("endocs_gateway_team") is None:
            return super()._message_parse_extract_bounce(email_message, message_dict)
        try:
            return super()._message_parse_extract_bounce(email_message, message_dict)
        except (AttributeError, IndexError, TypeError, ValueError) as error:
            _logger.info(
                "Message %s: unreadable delivery report (%s)",
                message_dict.get("message_id"),
                error,
            )
            return {
                "is_bounce": True,
                "bounced_email": False,
                "bounced_partner": self.env["res.partner"].sudo(),
                "bounced_msg_ids": [],
                "bounced_message": self.env["mail.message"].sudo(),
            }

    def _get_bounced_message_data(self, message, message_dict):
        """The bounced message of a report whose ``message/rfc822`` part is
        text (a cut MIME structure) is read from that text's headers."""
        if self.env.context.get("endocs_gateway_team") is not None and not isinstance(
            message, email.message.Message
        ):
            message = email.message_from_string(
                str(message or ""), policy=email.policy.SMTP
            )
        return super()._get_bounced_message_data(message, message_dict)

    # ------------------------------------------------------------------
    # Routing
    # ------------------------------------------------------------------

    @api.model
    def _endocs_is_own_address(self, email_from):
        """Whether ``email_from`` is one of ours (an alias, the catchall, the
        bounce or the default sender address): mail from it is our own mail
        coming back, a loop."""
        email = email_normalize(email_from or "")
        if not email:
            return False
        addresses, domain_names = self.env["mail.alias.domain"]._endocs_own_mail()
        if email in addresses:
            return True
        if email.rpartition("@")[2] not in domain_names:
            return False  # no alias of ours: no search
        return bool(
            self.env["mail.alias"]
            .sudo()
            .search_count([("alias_full_name", "=", email)], limit=1)
        )

    @api.model
    def _endocs_route_team(self, route):
        """The helpdesk team a new-request route creates in (its alias's)."""
        team_id = (route[2] or {}).get("team_id") if route[2] else False
        team = self.env["helpdesk.ticket.team"].sudo().browse(team_id or [])
        try:
            # read once, then from the cache (routing asks it several times)
            team.endocs_regulated  # noqa: B018
        except MissingError:
            return team.browse()
        return team

    @api.model
    def _endocs_route_regulated(self, route):
        """Whether a route goes to a request of a regulated team (a new one by
        its alias, or the request it replies to): only those are ours."""
        if route[0] != "helpdesk.ticket":
            return False
        if route[1]:
            ticket = self.env["helpdesk.ticket"].sudo().browse(route[1]).exists()
            return bool(ticket.endocs_regulated)
        return bool(self._endocs_route_team(route).endocs_regulated)

    @api.model
    def message_route(
        self, message, message_dict, model=None, thread_id=None, custom_values=None
    ):
        """R-IN-4: a machine (auto-reply, bounce) never opens a helpdesk request,
        nor do the lists and newsletters a team keeps for a specialist: their
        new-request routes are dropped (the message goes to the quarantine).
        Replies to an existing request are kept, so nothing is lost."""
        routes = super().message_route(
            message,
            message_dict,
            model=model,
            thread_id=thread_id,
            custom_values=custom_values,
        )
        ours = [route for route in routes if self._endocs_route_regulated(route)]
        if not ours or self.env.context.get("endocs_quarantine_force"):
            return routes
        if self._endocs_is_own_address(message_dict.get("email_from")):
            _logger.info(
                "Message %s comes from our own address %s: not routed to a "
                "request (mail loop)",
                message_dict.get("message_id"),
                message_dict.get("email_from"),
            )
            # the other models' and teams' routes are theirs (R-ECO-1)
            return [route for route in routes if route not in ours]
        kept = []
        for route in routes:
            if route in ours and not route[1]:
                team = self._endocs_route_team(route)
                verdict = team._endocs_mail_verdict(
                    message,
                    message_dict.get("subject"),
                    message_dict.get("email_from"),
                )
                if team._endocs_mail_keeps_out(verdict):
                    _logger.info(
                        "Message %s from %s (%s, %s): no helpdesk request created",
                        message_dict.get("message_id"),
                        message_dict.get("email_from"),
                        verdict.kind,
                        verdict.reason,
                    )
                    continue
            kept.append(route)
        return kept

    def _message_route_process(self, message, message_dict, routes):
        """An automatic message that lands on an existing request is kept, but
        marked, so that it never counts as the customer's answer (R-WF-3); a
        new request from a list or an address nobody reads is registered
        without a notice and without a new contact."""
        if any(self._endocs_route_regulated(route) for route in routes):
            if is_automatic(
                message, message_dict.get("subject"), message_dict.get("email_from")
            ):
                self = self.with_context(endocs_automatic=True)
            new = [r for r in routes if self._endocs_route_regulated(r) and not r[1]]
            if new:
                verdict = self._endocs_route_team(new[0])._endocs_mail_verdict(
                    message,
                    message_dict.get("subject"),
                    message_dict.get("email_from"),
                )
                if verdict.kind != "person":
                    self = self.with_context(endocs_mail_silent=verdict.reason)
        return super()._message_route_process(message, message_dict, routes)
