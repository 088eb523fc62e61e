# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the EnDocs product's channel (``/api/endocs/v1``, R-IN-1) reads and does
on requests: the contact of a login e-mail and client ID, their organisation's
requests as the API tells them, the customer's reply and the files sent with
them (I3.4). The HTTP layer is ``controllers/api.py``."""

import pytz

from odoo import api, fields, models
from odoo.tools import html2plaintext, plaintext2html

from ..tools import api_files

#: ir.config_parameter -> default of the limits on files sent through the API
FILE_LIMIT_PARAMS = {
    "max_count": "endocs_support.api_attachment_max_count",
    "max_size": "endocs_support.api_attachment_max_size_mb",
    "extensions": "endocs_support.api_attachment_extensions",
}


def iso_utc(moment):
    """A naive-UTC moment as ISO 8601 in UTC (``2026-03-02T07:00:00Z``)."""
    return moment.replace(microsecond=0).isoformat() + "Z" if moment else None


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    # ------------------------------------------------------------------
    # Who calls
    # ------------------------------------------------------------------

    @api.model
    def _endocs_api_identity(self, login_email, client_ref):
        """The contact with ``login_email`` in the organisation whose client ID
        is ``client_ref``: every call that reads or replies is confined to that
        organisation (R-SEC-1).

        :return: ``(contact, error code)``; codes ``identity_required``,
            ``client_ref_unknown``, ``contact_unknown``
        """
        Partner = self.env["res.partner"].sudo()
        if not (isinstance(login_email, str) and login_email.strip()) or not (
            isinstance(client_ref, str) and client_ref.strip()
        ):
            return Partner, "identity_required"
        org = Partner._endocs_find_by_client_ref(client_ref)
        if not org:
            return Partner, "client_ref_unknown"
        contact = Partner.search(
            [
                ("email", "=ilike", login_email.strip()),
                ("commercial_partner_id", "=", org.id),
            ],
            limit=1,
        )
        if not contact:
            return Partner, "contact_unknown"
        return contact, None

    @api.model
    def _endocs_api_domain(self, contact):
        """The requests a contact sees through the API: their organisation's."""
        return [("endocs_org_id", "=", contact.commercial_partner_id.id)]

    # ------------------------------------------------------------------
    # Files (I3.4)
    # ------------------------------------------------------------------

    @api.model
    def _endocs_api_file_limits(self):
        """The limits on files sent through the API: system parameters, else the
        defaults (10 files, 10 MB each, screenshots, logs, documents, archives)."""
        params = self.env["ir.config_parameter"].sudo()
        default = api_files.DEFAULT_LIMITS

        def number(param, fallback):
            try:
                return max(int(params.get_param(param) or fallback), 0)
            except ValueError:
                return fallback

        extensions = params.get_param(FILE_LIMIT_PARAMS["extensions"])
        return api_files.Limits(
            max_count=number(FILE_LIMIT_PARAMS["max_count"], default.max_count),
            max_size=number(
                FILE_LIMIT_PARAMS["max_size"], default.max_size // (1024 * 1024)
            )
            * 1024
            * 1024,
            extensions=api_files.parse_extensions(extensions)
            if extensions
            else default.extensions,
        )

    @api.model
    def _endocs_api_file_errors(self, codes, limits, field="attachments"):
        """Translated per-field errors of :func:`api_files.check_files` codes:
        ``{"attachments": ...}`` for the list, ``{"attachments[2]": ...}`` for
        one file; each ``(code, message)``."""
        _ = self.env._
        messages = {
            "type": _("Send the files as a list of {name, content_base64} objects."),
            "name": _("The file needs a name (at most 200 characters)."),
            "base64": _("The file's content is not valid base64."),
            "too_many": _(
                "At most %(count)s files can be sent at once.", count=limits.max_count
            ),
            "empty": _("The file is empty."),
            "too_large": _(
                "The file is larger than %(size)s MB.",
                size=limits.max_size // (1024 * 1024),
            ),
            "file_type": _(
                "This type of file is not accepted. Accepted: %(types)s.",
                types=", ".join(sorted(limits.extensions)),
            ),
        }
        return {
            (field if index is None else f"{field}[{index}]"): (code, messages[code])
            for index, code in codes.items()
        }

    def _endocs_api_attach(self, files):
        """The files on the request, as the portal puts them (attachments of
        the request, shown in its chatter and on the portal page)."""
        self.ensure_one()
        if not files:
            return self.env["ir.attachment"]
        return (
            self.env["ir.attachment"]
            .sudo()
            .create(
                [
                    {
                        "name": name,
                        "raw": data,
                        "res_model": self._name,
                        "res_id": self.id,
                    }
                    for _index, name, data in files
                ]
            )
        )

    # ------------------------------------------------------------------
    # Reading
    # ------------------------------------------------------------------

    def _endocs_api_state(self):
        self.ensure_one()
        return {
            "code": self.endocs_stage_role or ("closed" if self.closed else "new"),
            "name": self.stage_id.name or "",
            "closed": bool(self.closed),
        }

    def _endocs_api_moment(self, moment):
        """A moment as the API tells it: UTC, local in the calendar's zone, and
        the text people read («02.03.2026 10:00 (МСК)»)."""
        if not moment:
            return None
        zone = pytz.timezone(self._endocs_tz())
        local = pytz.utc.localize(moment).astimezone(zone).replace(microsecond=0)
        return {
            "utc": iso_utc(moment),
            "local": local.isoformat(),
            "text": self._endocs_format_moment(moment),
        }

    def _endocs_api_summary(self):
        """One request in the list."""
        self.ensure_one()
        return {
            "number": self.number,
            "subject": self.name,
            "state": self._endocs_api_state(),
            "received_at": iso_utc(self.endocs_received_at),
            "last_update": iso_utc(self.write_date),
            "open_questions": len(
                self.endocs_info_request_ids.filtered(lambda r: r.state == "open")
            ),
        }

    def _endocs_api_public_messages(self):
        """The messages the customer sees on the portal: e-mails and comments,
        no internal note, no tracking."""
        self.ensure_one()
        messages = (
            self.env["mail.message"]
            .sudo()
            .search(
                [
                    ("model", "=", self._name),
                    ("res_id", "=", self.id),
                    ("message_type", "in", ("email", "comment", "email_outgoing")),
                    ("subtype_id.internal", "=", False),
                ],
                order="date asc, id asc",
            )
        )
        result = []
        for message in messages:
            from_customer = not self._endocs_author_is_staff(message)
            result.append(
                {
                    "id": message.id,
                    "date": iso_utc(message.date),
                    "author": message.author_id.name or message.email_from or "",
                    "from_customer": from_customer,
                    "body": html2plaintext(message.body or "").strip(),
                    "attachments": [
                        {"name": a.name, "size": a.file_size, "mimetype": a.mimetype}
                        for a in message.attachment_ids
                    ],
                }
            )
        return result

    def _endocs_api_detail(self):
        """A request as the API tells it (``GET /requests/<number>``)."""
        self.ensure_one()
        calendar = self._endocs_calendar()
        questions = self.endocs_info_request_ids.filtered(lambda r: r.state == "open")
        return {
            **self._endocs_api_summary(),
            "time_zone": self._endocs_tz(),
            "calendar": calendar.name or "",
            "received": self._endocs_api_moment(self.endocs_received_at),
            "processing_start": self._endocs_api_moment(self.endocs_processing_start),
            "off_hours": bool(self.endocs_off_hours),
            "intake_complete": bool(self.endocs_intake_complete),
            "missing": self._endocs_missing_labels(),
            "sla": {
                "policy": self.endocs_sla_policy_id.name or None,
                "paused": bool(self.endocs_sla_paused),
                "accept_by": self._endocs_api_moment(self.endocs_accept_deadline),
                "first_response_by": self._endocs_api_moment(
                    self.endocs_response_deadline
                ),
                "resolve_by": self._endocs_api_moment(self.endocs_resolve_deadline),
            },
            "open_questions": [
                {
                    "id": question.id,
                    "kind": question.kind,
                    "question": question.question,
                    "asked_at": iso_utc(question.asked_at),
                }
                for question in questions.sorted("asked_at")
            ],
            "messages": self._endocs_api_public_messages(),
            "attachments": [
                {"name": a.name, "size": a.file_size, "mimetype": a.mimetype}
                for a in self.env["ir.attachment"]
                .sudo()
                .search(
                    [("res_model", "=", self._name), ("res_id", "=", self.id)],
                    order="id",
                )
            ],
        }

    @api.model
    def _endocs_api_processing_start(self, moment=None):
        """When a request received at ``moment`` (naive UTC, default now) would
        start being processed, from the working-time engine of the calendar of
        the team the API's requests go to (R-TIME-6)."""
        moment = (moment or fields.Datetime.now()).replace(microsecond=0)
        probe = self.new({"endocs_received_at": moment})
        wt = probe._endocs_working_time()
        start = wt.next_working_moment(moment) if wt else moment
        return {
            "at": iso_utc(moment),
            "off_hours": start > moment,
            "time_zone": probe._endocs_tz(),
            "processing_start": probe._endocs_api_moment(start),
            "notice": self.env._(
                "Processing will start on %(moment)s.",
                moment=probe._endocs_format_moment(start),
            )
            if start > moment
            else None,
        }

    # ------------------------------------------------------------------
    # The customer's reply
    # ------------------------------------------------------------------

    def _endocs_api_reply(self, contact, body, files):
        """The customer's reply through the API has the effect of a reply by
        e-mail: a message of the customer (``message_post``, so the open
        questions are answered, the waiting clock stops and the request
        returns to work), and missing intake data in it completes the request
        (R-IN-4, R-WF-2, R-WF-3)."""
        self.ensure_one()
        self._endocs_complete_intake({"body": plaintext2html(body)})
        attachments = self._endocs_api_attach(files)
        ticket = self.sudo()
        if contact not in ticket.message_partner_ids:
            ticket.message_subscribe(partner_ids=contact.ids)
        message = ticket.message_post(
            body=plaintext2html(body),
            author_id=contact.id,
            email_from=contact.email_formatted,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            attachment_ids=attachments.ids,
        )
        return message
