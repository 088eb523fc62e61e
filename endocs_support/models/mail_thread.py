# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from odoo import api, models

from ..tools.mailcheck import is_automatic

_logger = logging.getLogger(__name__)


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

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
