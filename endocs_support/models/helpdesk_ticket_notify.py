# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Notices to the customer (R-UX-2): one way to send them — the addon's mail
templates posted with ``message_post_with_source`` in the company's mail layout,
authored by the support desk — and the values their texts take from the team's
calendar and settings."""

from babel.dates import get_day_names

from odoo import fields, models
from odoo.tools import formataddr
from odoo.tools.misc import babel_locale_parse

from ..tools.clock import describe_week, zone_label

#: the notices a stage change sends; helpdesk_mgmt's stage e-mail is not sent
#: for these stages, so the customer gets one e-mail per event
STAGE_NOTICES = {
    "resolved": "endocs_support.mail_template_resolved",
    "closed_no_reply": "endocs_support.mail_template_closed_no_reply",
}


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    def _endocs_notify(self, template_xmlid, queue=False):
        """Notify each request's customer with the template: posted at once, or
        with ``queue`` put in the queue of notices that a scheduled action posts
        right after the commit (for the batches of the scheduled actions)."""
        # the id is cached by Odoo: no query for each new request
        template = self.env["mail.template"].browse(
            self.env["ir.model.data"]._xmlid_to_res_id(
                template_xmlid, raise_if_not_found=False
            )
        )
        tickets = self.filtered("partner_id")
        if not template or not tickets:
            return
        if queue:
            self.env["endocs.notice"]._endocs_queue(tickets, template)
        else:
            tickets._endocs_post(template)

    def _endocs_post(self, template):
        """Post the template to each request's customer through Odoo's mail
        machinery: rendered in the customer's language, in the company's mail
        layout with the button that opens the request, sent by the support desk
        (never the customer, never OdooBot).

        The template is rendered for all the requests at once (Odoo's batch
        rendering, ``_generate_template``; each body compiled once per worker,
        see ``models/ir_qweb.py``), then posted on each with ``message_post``:
        the followers, the notification and the queued e-mail are Odoo's."""
        # rendered as the desk: the templates call the notices' helpers,
        # which Odoo's restricted template rendering refuses to users
        rendered = (
            template.sudo()
            .with_context(endocs_notice_render=True)
            ._generate_template(
                self.ids,
                ("subject", "body_html", "email_from", "reply_to", "partner_to"),
            )
        )
        # queued, the mail queue sends them (no SMTP wait in the request);
        # nobody becomes a follower by a notice of the desk
        tickets = self.sudo().with_context(
            endocs_notice=True,
            mail_notify_force_send=False,
            mail_create_nosubscribe=True,
        )
        for ticket in tickets:
            values = rendered[ticket.id]
            ticket.message_post(
                body=values["body_html"],
                subject=values["subject"],
                message_type="comment",
                # a message of the discussion: the customer reads it on the
                # portal too (the portal shows discussion messages only)
                subtype_xmlid="mail.mt_comment",
                author_id=ticket._endocs_notice_author().id,
                email_from=values.get("email_from") or ticket._endocs_notice_from(),
                reply_to=values.get("reply_to") or False,
                partner_ids=values.get("partner_ids") or ticket.partner_id.ids,
                email_layout_xmlid="mail.mail_notification_layout",
            )
        self._endocs_notice_posted(template)

    def _notify_get_recipients(self, message, msg_vals, **kwargs):
        """A notice of the desk goes to the customers it is addressed to; the
        specialists following the request are not sent a copy of every
        registration, reminder or closure (they read them in the chatter)."""
        recipients = super()._notify_get_recipients(message, msg_vals, **kwargs)
        if not self.env.context.get("endocs_notice"):
            return recipients
        addressed = set(
            (msg_vals or {}).get("partner_ids") or message.sudo().partner_ids.ids
        )
        return [r for r in recipients if r["id"] in addressed]

    def _track_template(self, changes):
        """One e-mail per event: a stage with a notice of ours does not also
        send helpdesk_mgmt's stage e-mail."""
        res = super()._track_template(changes)
        ticket = self[:1]
        if "stage_id" in res and ticket and ticket._endocs_role() in STAGE_NOTICES:
            del res["stage_id"]
        return res

    def _endocs_stage_notices(self, roles_before):
        """The notice of the stage each request entered (see STAGE_NOTICES);
        queued when a scheduled action moves many (``endocs_queue_notices``)."""
        queue = bool(self.env.context.get("endocs_queue_notices"))
        for role, xmlid in STAGE_NOTICES.items():
            self.filtered(
                lambda t, role=role: t._endocs_role() == role
                and roles_before.get(t.id) != role
            )._endocs_notify(xmlid, queue=queue)

    # ------------------------------------------------------------------
    # Sender
    # ------------------------------------------------------------------

    def _endocs_notice_author(self):
        """The author of the notices: the team's support partner, else the
        company."""
        self.ensure_one()
        return (
            self.team_id.endocs_notice_author_id
            or (self.company_id or self.env.company).partner_id
        )

    def _endocs_notice_address(self):
        """The team's support address (its alias), else the company's."""
        self.ensure_one()
        company = self.company_id or self.env.company
        email = self.team_id.alias_email or company.email
        return formataddr((self.team_id.name or company.name, email)) if email else ""

    def _endocs_notice_from(self):
        return self._endocs_notice_address() or self.env.user.email_formatted

    def _endocs_notice_reply_to(self):
        """Replies go to the team's alias and thread onto the request (R-IN-8)."""
        return self._endocs_notice_address()

    # ------------------------------------------------------------------
    # Values of the texts
    # ------------------------------------------------------------------

    def _endocs_support_hours_text(self):
        """The support hours of the request's calendar in the reader's
        language, zone named: «понедельник–пятница 10:00–13:00, 14:00–19:00
        (МСК)»."""
        self.ensure_one()
        calendar = self._endocs_calendar()
        if not calendar:
            return ""
        locale = babel_locale_parse(self.env.lang or "en_US")
        names = get_day_names("wide", locale=locale)
        rows = [
            (int(a.dayofweek), a.hour_from, a.hour_to)
            for a in calendar.attendance_ids
            if a.day_period != "lunch" and not a.display_type
        ]
        week = describe_week(rows, [names[day] for day in range(7)])
        moment = self.endocs_received_at or fields.Datetime.now()
        return f"{week} ({zone_label(calendar.tz, moment)})"

    def _endocs_reminder_days(self):
        return self.team_id._endocs_reminder_interval().days

    def _endocs_timeout_working_days(self):
        return self.team_id._endocs_timeout_working_days()

    def _endocs_open_questions(self):
        return self.endocs_info_request_ids.filtered(
            lambda r: r.state == "open"
        ).sorted("asked_at", reverse=True)

    def _endocs_delivery_label(self):
        self.ensure_one()
        selection = self._fields["endocs_delivery_method"]._description_selection(
            self.env
        )
        return dict(selection).get(self.endocs_delivery_method, "")
