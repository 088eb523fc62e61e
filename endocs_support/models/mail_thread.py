# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from odoo import api, models
from odoo.tools import email_normalize

from ..tools.mailcheck import is_automatic, repair_charsets

_logger = logging.getLogger(__name__)


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    @api.model
    def message_parse(self, message, save_original=False):
        """R-REL-1: an unknown charset is read as UTF-8 rather than losing the
        e-mail to a LookupError."""
        replaced = repair_charsets(message)
        if replaced:
            _logger.info(
                "Message %s: unknown charsets %s read as UTF-8",
                message.get("Message-Id"),
                ", ".join(replaced),
            )
        return super().message_parse(message, save_original=save_original)

    @api.model
    def _endocs_is_own_address(self, email_from):
        """Whether ``email_from`` is one of ours (an alias, the catchall, the
        bounce or the default sender address): mail from it is our own mail
        coming back, a loop."""
        email = email_normalize(email_from or "")
        if not email:
            return False
        # a handful of alias domains; their addresses are computed fields
        domains = self.env["mail.alias.domain"].sudo().search([], limit=100)
        own_domain = email in set(
            domains.mapped("catchall_email")
            + domains.mapped("bounce_email")
            + domains.mapped("default_from_email")
        )
        own_alias = (
            self.env["mail.alias"]
            .sudo()
            .search_count([("alias_full_name", "=", email)], limit=1)
        )
        return bool(own_domain or own_alias)

    @api.model
    def message_route(
        self, message, message_dict, model=None, thread_id=None, custom_values=None
    ):
        """R-IN-4: an automatic message (auto-reply, bulk, bounce) never opens a
        helpdesk request: its new-request routes are dropped (bounces are
        already handled by the mail gateway). Replies to an existing request are
        kept, so nothing is lost."""
        routes = super().message_route(
            message,
            message_dict,
            model=model,
            thread_id=thread_id,
            custom_values=custom_values,
        )
        ours = [route for route in routes if route[0] == "helpdesk.ticket"]
        if ours and self._endocs_is_own_address(message_dict.get("email_from")):
            _logger.info(
                "Message %s comes from our own address %s: not routed to a "
                "request (mail loop)",
                message_dict.get("message_id"),
                message_dict.get("email_from"),
            )
            # the other models' routes are theirs (R-ECO-1)
            return [route for route in routes if route[0] != "helpdesk.ticket"]
        if not is_automatic(
            message, message_dict.get("subject"), message_dict.get("email_from")
        ):
            return routes
        kept = [
            route
            for route in routes
            if not (route[0] == "helpdesk.ticket" and not route[1])
        ]
        if len(kept) != len(routes):
            _logger.info(
                "Automatic message %s from %s: no helpdesk request created",
                message_dict.get("message_id"),
                message_dict.get("email_from"),
            )
        return kept

    def _message_route_process(self, message, message_dict, routes):
        """An automatic message that lands on an existing request is kept, but
        marked, so that it never counts as the customer's answer (R-WF-3)."""
        if is_automatic(
            message, message_dict.get("subject"), message_dict.get("email_from")
        ):
            self = self.with_context(endocs_automatic=True)
        return super()._message_route_process(message, message_dict, routes)
