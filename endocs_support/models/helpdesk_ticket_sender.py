# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who sent the request: the contact and the organisation (R-IN-7), and the
contact of a request that comes from the EnDocs product's API (R-IN-1)."""

from odoo import api, fields, models
from odoo.tools import email_normalize

from ..tools.mailcheck import contact_name
from .helpdesk_ticket_intake import INTAKE_FIELDS


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    endocs_org_id = fields.Many2one(
        "res.partner",
        string="Organisation",
        compute="_compute_endocs_org_id",
        store=True,
        readonly=False,
        index=True,
        domain="[('is_company', '=', True)]",
    )
    endocs_sender_state = fields.Selection(
        [
            ("matched", "Known contact"),
            ("org_only", "Organisation known by client ID only"),
            ("mismatch", "Client ID of another organisation"),
            ("unknown", "Unknown sender"),
        ],
        string="Sender",
        compute="_compute_endocs_sender_state",
        store=True,
    )
    endocs_sender_flag = fields.Boolean(
        string="Sender to check",
        compute="_compute_endocs_sender_state",
        store=True,
    )

    @api.depends("partner_id.commercial_partner_id", "endocs_client_ref")
    def _compute_endocs_org_id(self):
        by_ref = self.env["res.partner"]._endocs_find_by_client_refs(
            ticket.endocs_client_ref
            for ticket in self
            if not ticket.partner_id.commercial_partner_id.is_company
        )
        for ticket in self:
            org = ticket.partner_id.commercial_partner_id
            if not org.is_company:
                ref = (ticket.endocs_client_ref or "").strip().upper()
                org = by_ref.get(ref, self.env["res.partner"])
            ticket.endocs_org_id = org

    @api.depends("partner_id", "endocs_org_id", "endocs_client_ref")
    def _compute_endocs_sender_state(self):
        for ticket in self:
            org = ticket.partner_id.commercial_partner_id
            ref = (ticket.endocs_client_ref or "").strip().upper()
            if org.is_company:
                org_ref = (org.endocs_client_ref or "").upper()
                state = "mismatch" if ref and org_ref and ref != org_ref else "matched"
            elif ticket.endocs_org_id:
                state = "org_only"
            else:
                state = "unknown"
            ticket.endocs_sender_state = state
            ticket.endocs_sender_flag = state != "matched"

    def _endocs_ensure_partner(self):
        """A request always has a contact to write to: the known contact with
        that e-mail, else a new contact (flagged as unknown sender), named by
        the sender's display name or, without one, the address. Mail from a
        list or an address nobody reads (``endocs_mail_silent``) makes no new
        contact."""
        Partner = self.env["res.partner"].sudo()
        silent = self.env.context.get("endocs_mail_silent")
        for ticket in self.filtered(lambda t: not t.partner_id):
            raw = ticket.partner_email or ticket.endocs_login_email
            email = email_normalize(raw or "") or (raw or "").strip()
            if not email:
                continue
            partner = Partner.search([("email_normalized", "=", email)], limit=1)
            if not partner:
                partner = Partner.search([("email", "=ilike", email)], limit=1)
            if not partner and silent:
                continue
            if not partner:
                partner = Partner.create(
                    {
                        "name": ticket.endocs_contact_name
                        or ticket.partner_name
                        or contact_name(raw),
                        "email": email,
                        "phone": ticket.endocs_contact_phone or False,
                        "lang": ticket._endocs_desk_lang(),
                    }
                )
            ticket.write(
                {
                    "partner_id": partner.id,
                    "partner_email": ticket.partner_email or partner.email,
                }
            )

    def _endocs_desk_lang(self):
        """The language of a new contact: the support desk's (its company's)."""
        company = self[:1].company_id or self.env.company
        return company.partner_id.lang or self.env.lang

    @api.model
    def _endocs_create_from_api(self, payload, files=()):
        """A request from the EnDocs widget, for the contact with that login
        e-mail in the organisation with that client ID (R-IN-1, R-IN-3), with
        the files sent (already checked, I3.4).

        :return: ``(ticket, errors)``; ``errors`` maps fields to
            ``(code, message)``
        """
        clean, category, errors = self._endocs_check_api_intake(payload)
        if errors:
            return self.browse(), errors
        contact, errors = self._endocs_api_contact(clean)
        if errors:
            return self.browse(), errors
        vals = self._endocs_vals_from_intake(
            {key: payload.get(key) for key in INTAKE_FIELDS}
        )
        channel = self._endocs_channel("api")
        vals.update(
            {
                "name": payload["subject"].strip(),
                "partner_id": contact.id,
                "partner_name": contact.name,
                "partner_email": contact.email,
                "category_id": category.id,
                "channel_id": channel.id if channel else False,
                "team_id": self.env["helpdesk.ticket.team"]._endocs_intake_team().id,
            }
        )
        ticket = self.sudo().create(vals)
        ticket._endocs_api_attach(files)
        return ticket, {}

    @api.model
    def _endocs_check_api_intake(self, payload):
        """The intake data, subject and kind of a request sent to the API,
        checked (the contact is found or made when it is created).

        :return: ``(clean, category, errors)``, errors as
            ``{field: (code, message)}``
        """
        data = {key: payload.get(key) for key in INTAKE_FIELDS}
        subject = payload.get("subject")
        clean, errors = self._endocs_intake_problems(data)
        subject_error = self._endocs_subject_error(subject)
        if subject_error:
            if not isinstance(subject, str):
                code = "type"
            else:
                code = "required" if not subject.strip() else "too_long"
            errors["subject"] = (code, subject_error)
        category = self.env["helpdesk.ticket.category"]
        if payload.get("category"):
            category = self._endocs_find_category(payload["category"])
            if not category:
                errors["category"] = ("unknown", self.env._("Unknown kind of request."))
        return clean, category, errors

    @api.model
    def _endocs_api_contact(self, clean):
        """The contact of a request from the API: the one with the login e-mail
        in the organisation of the client ID, created when the organisation is
        known and the e-mail is new.

        :return: ``(contact, errors)``, errors as ``{field: (code, message)}``
        """
        Partner = self.env["res.partner"].sudo()
        org = Partner._endocs_find_by_client_ref(clean["client_ref"])
        if not org:
            return Partner, {
                "client_ref": ("client_ref_unknown", self.env._("Unknown client ID."))
            }
        contact = Partner.search(
            [
                ("email", "=ilike", clean["login_email"]),
                ("commercial_partner_id", "=", org.id),
            ],
            limit=1,
        )
        if contact:
            return contact, {}
        if Partner.search_count([("email", "=ilike", clean["login_email"])]):
            return Partner, {
                "client_ref": (
                    "client_ref_mismatch",
                    self.env._(
                        "This client ID does not belong to the organisation of "
                        "this login e-mail."
                    ),
                )
            }
        contact = Partner.create(
            {
                "name": clean["contact_name"],
                "email": clean["login_email"],
                "phone": clean["contact_phone"],
                "parent_id": org.id,
                "type": "contact",
                "lang": org.lang or self._endocs_desk_lang(),
            }
        )
        return contact, {}
