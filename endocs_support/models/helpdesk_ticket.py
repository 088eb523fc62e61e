# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import plaintext2html

from ..tools import intake

#: intake key (tools.intake) -> helpdesk.ticket field
INTAKE_FIELDS = {
    "org_name": "endocs_org_name",
    "client_ref": "endocs_client_ref",
    "contact_name": "endocs_contact_name",
    "contact_phone": "endocs_contact_phone",
    "login_email": "endocs_login_email",
    "description": "description",
    "scope": "endocs_scope",
    "expected_priority": "endocs_expected_priority",
    "steps": "endocs_steps",
    "actions_taken": "endocs_actions_taken",
    "other_info": "endocs_other_info",
}
PRIORITIES = [("0", "Low"), ("1", "Medium"), ("2", "High"), ("3", "Very High")]


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    # Intake (I3.3, I3.4; R-IN-2)
    endocs_org_name = fields.Char(string="Organisation name", tracking=True)
    endocs_client_ref = fields.Char(string="Client ID", tracking=True)
    endocs_contact_name = fields.Char(string="Contact person")
    endocs_contact_phone = fields.Char(string="Contact phone")
    endocs_login_email = fields.Char(string="Login e-mail in EnDocs")
    endocs_scope = fields.Selection(
        [("one", "One user"), ("several", "Several users"), ("all", "All users")],
        string="How widespread",
    )
    endocs_steps = fields.Text(string="Steps that led to the problem")
    endocs_actions_taken = fields.Text(string="Actions already taken")
    endocs_other_info = fields.Text(string="Other information")
    endocs_expected_priority = fields.Selection(
        PRIORITIES, string="Customer's expected priority"
    )
    endocs_intake_missing = fields.Char(
        string="Missing intake data",
        compute="_compute_endocs_intake_missing",
        store=True,
        help="Required intake data that is missing or not valid (I3.3).",
    )
    endocs_intake_missing_labels = fields.Char(
        string="Missing intake data (labels)",
        compute="_compute_endocs_intake_missing_labels",
    )
    endocs_intake_complete = fields.Boolean(
        string="Intake complete",
        compute="_compute_endocs_intake_missing",
        store=True,
    )
    # Sender and organisation (R-IN-7)
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
    # Eligibility (R-CON-1 .. R-CON-3)
    endocs_billing_class = fields.Selection(
        related="category_id.endocs_billing_class", string="Billing class"
    )
    endocs_eligibility = fields.Selection(
        [
            ("free", "Free support (subscription)"),
            ("paid", "Paid support (contract)"),
            ("no_subscription", "No active subscription"),
            ("paid_no_contract", "Paid work without a paid-support contract"),
            ("unknown_org", "Organisation unknown"),
        ],
        string="Eligibility",
        compute="_compute_endocs_eligibility",
        store=True,
    )
    endocs_eligibility_flag = fields.Boolean(
        string="Not eligible",
        compute="_compute_endocs_eligibility",
        store=True,
    )
    # Registration (R-IN-6, R-TIME-6)
    endocs_received_at = fields.Datetime(
        string="Received", default=fields.Datetime.now, readonly=True, copy=False
    )
    endocs_processing_start = fields.Datetime(
        string="Processing starts",
        compute="_compute_endocs_processing_start",
        store=True,
        help="The received time, or the next working moment of the team's "
        "calendar when the request came in outside working time (2.3).",
    )
    endocs_off_hours = fields.Boolean(
        string="Received off-hours",
        compute="_compute_endocs_processing_start",
        store=True,
    )
    endocs_registered_at = fields.Datetime(
        string="Registration notice sent", readonly=True, copy=False
    )
    endocs_parent_id = fields.Many2one(
        "helpdesk.ticket",
        string="Split from",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    endocs_split_ids = fields.One2many(
        "helpdesk.ticket", "endocs_parent_id", string="Split requests"
    )

    @api.depends(*INTAKE_FIELDS.values())
    def _compute_endocs_intake_missing(self):
        for ticket in self:
            missing = intake.missing_fields(ticket._endocs_intake_data())
            ticket.endocs_intake_missing = ",".join(missing) or False
            ticket.endocs_intake_complete = not missing

    @api.depends("endocs_intake_missing")
    def _compute_endocs_intake_missing_labels(self):
        for ticket in self:
            ticket.endocs_intake_missing_labels = ";".join(
                ticket._endocs_missing_labels()
            )

    @api.depends("partner_id.commercial_partner_id", "endocs_client_ref")
    def _compute_endocs_org_id(self):
        Partner = self.env["res.partner"]
        for ticket in self:
            org = ticket.partner_id.commercial_partner_id
            if not org.is_company:
                org = Partner._endocs_find_by_client_ref(ticket.endocs_client_ref)
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

    @api.depends(
        "endocs_org_id.endocs_contract_ids.date_start",
        "endocs_org_id.endocs_contract_ids.date_end",
        "endocs_org_id.endocs_contract_ids.active",
        "category_id.endocs_billing_class",
        "endocs_received_at",
    )
    def _compute_endocs_eligibility(self):
        for ticket in self:
            org = ticket.endocs_org_id
            on_date = (ticket.endocs_received_at or fields.Datetime.now()).date()
            if not org:
                eligibility = "unknown_org"
            elif not org._endocs_active_contract("subscription", on_date):
                eligibility = "no_subscription"
            elif ticket.category_id.endocs_billing_class != "paid":
                eligibility = "free"
            elif org._endocs_active_contract("paid", on_date):
                eligibility = "paid"
            else:
                eligibility = "paid_no_contract"
            ticket.endocs_eligibility = eligibility
            ticket.endocs_eligibility_flag = eligibility not in ("free", "paid")

    @api.depends("endocs_received_at", "team_id.resource_calendar_id")
    def _compute_endocs_processing_start(self):
        default_calendar = self.env.ref(
            "endocs_support.resource_calendar_support_msk", raise_if_not_found=False
        )
        for ticket in self:
            calendar = ticket.team_id.resource_calendar_id or default_calendar
            received = ticket.endocs_received_at
            if not received or not calendar:
                ticket.endocs_processing_start = received
                ticket.endocs_off_hours = False
                continue
            start = calendar._working_time().next_working_moment(received)
            ticket.endocs_processing_start = start
            ticket.endocs_off_hours = start > received

    @api.constrains("channel_id")
    def _check_endocs_channel(self):
        phone = self.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_channel_phone", raise_if_not_found=False
        )
        if phone and self.filtered(lambda t: t.channel_id == phone):
            raise UserError(
                self.env._(
                    "Requests are not taken by phone (regulation 2.5): use the "
                    "EnDocs interface or e-mail."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        tickets = super().create(vals_list)
        tickets._endocs_postprocess_new()
        return tickets

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_endocs_send_registration(self):
        """Send the registration notice again (or for the first time)."""
        self._endocs_send_registration(force=True)

    def action_endocs_split(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Split request"),
            "res_model": "endocs.ticket.split.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_ticket_id": self.id},
        }

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------

    def _endocs_intake_data(self):
        """The ticket's intake data keyed as in tools.intake."""
        self.ensure_one()
        data = {}
        for key, field in INTAKE_FIELDS.items():
            value = self[field]
            if field == "description":
                value = intake.html_to_text(value or "")
            data[key] = value or ""
        return data

    @api.model
    def _endocs_vals_from_intake(self, data):
        """``helpdesk.ticket`` values from intake data (already validated or raw
        from an e-mail): valid values are kept normalised, invalid ones as typed
        so that nothing is lost."""
        clean, _errors = intake.validate(data, required=())
        vals = {}
        for key, field in INTAKE_FIELDS.items():
            value = clean.get(key)
            if value is None and key not in ("scope", "expected_priority"):
                value = (data.get(key) or "").strip() or None
            if value is None:
                continue
            vals[field] = plaintext2html(value) if field == "description" else value
        return vals

    @api.model
    def _endocs_check_intake(self, data, partner=None):
        """Validate intake data typed on the portal or sent to the API (R-IN-3).

        :param partner: the contact the request is for; its organisation's client
            ID must be the one given
        :return: ``(clean, errors)``, errors as ``{key: translated message}``
        """
        clean, codes = intake.validate(data)
        errors = {
            key: self._endocs_error_message(key, code) for key, code in codes.items()
        }
        ref = clean.get("client_ref")
        if ref and partner:
            org = partner.commercial_partner_id
            owner = self.env["res.partner"]._endocs_find_by_client_ref(ref)
            if (org.endocs_client_ref or "").upper() not in ("", ref) or (
                owner and owner != org
            ):
                errors["client_ref"] = self.env._(
                    "This client ID does not belong to your organisation."
                )
        return clean, errors

    @api.model
    def _endocs_create_from_api(self, payload):
        """A request from the EnDocs widget, for the contact with that login
        e-mail in the organisation with that client ID (R-IN-1, R-IN-3).

        :return: ``(ticket, errors)``; ``errors`` maps fields to messages
        """
        data = {key: payload.get(key) for key in INTAKE_FIELDS}
        subject = payload.get("subject")
        clean, errors = self._endocs_check_intake(data)
        if not isinstance(subject, str) or not subject.strip():
            errors["subject"] = self.env._("A subject is required.")
        elif len(subject) > 200:
            errors["subject"] = self.env._("The subject is too long.")
        category = self.env["helpdesk.ticket.category"]
        if payload.get("category"):
            category = self._endocs_find_category(payload["category"])
            if not category:
                errors["category"] = self.env._("Unknown kind of request.")
        if errors:
            return self.browse(), errors
        Partner = self.env["res.partner"].sudo()
        org = Partner._endocs_find_by_client_ref(clean["client_ref"])
        if not org:
            return self.browse(), {"client_ref": self.env._("Unknown client ID.")}
        contact = Partner.search(
            [
                ("email", "=ilike", clean["login_email"]),
                ("commercial_partner_id", "=", org.id),
            ],
            limit=1,
        )
        if not contact:
            if Partner.search_count([("email", "=ilike", clean["login_email"])]):
                return self.browse(), {
                    "client_ref": self.env._(
                        "This client ID does not belong to the organisation of "
                        "this login e-mail."
                    )
                }
            contact = Partner.create(
                {
                    "name": clean["contact_name"],
                    "email": clean["login_email"],
                    "phone": clean["contact_phone"],
                    "parent_id": org.id,
                    "type": "contact",
                }
            )
        vals = self._endocs_vals_from_intake(data)
        channel = self._endocs_channel("api")
        vals.update(
            {
                "name": subject.strip(),
                "partner_id": contact.id,
                "partner_name": contact.name,
                "partner_email": contact.email,
                "category_id": category.id,
                "channel_id": channel.id if channel else False,
            }
        )
        return self.sudo().create(vals), {}

    @api.model
    def _endocs_find_category(self, ref):
        if not isinstance(ref, str):
            return self.env["helpdesk.ticket.category"]
        if "." in ref:
            record = self.env.ref(ref, raise_if_not_found=False)
            if record and record._name == "helpdesk.ticket.category":
                return record
        return self.env["helpdesk.ticket.category"].search(
            [("name", "=ilike", ref)], limit=1
        )

    @api.model
    def _endocs_error_message(self, key, code):
        field = intake.FIELDS_BY_KEY[key]
        label = self._fields[INTAKE_FIELDS[key]].get_description(self.env)["string"]
        messages = {
            "required": self.env._("%(field)s is required.", field=label),
            "too_long": self.env._(
                "%(field)s is too long (at most %(max)s characters).",
                field=label,
                max=field.max_length,
            ),
            "phone": self.env._(
                "Enter a phone number with 10 to 15 digits, e.g. +7 495 123-45-67."
            ),
            "email": self.env._("Enter a valid e-mail address, e.g. name@company.ru."),
            "client_ref": self.env._(
                "The client ID is 3 to 32 Latin letters, digits or hyphens."
            ),
            "too_short": self.env._(
                "Describe the problem in more detail (at least %(min)s characters).",
                min=intake.MIN_DESCRIPTION,
            ),
            "scope": self.env._("Choose one of the offered values."),
            "priority": self.env._("Choose one of the offered values."),
            "type": self.env._("%(field)s must be text.", field=label),
        }
        return messages[code]

    def _endocs_missing_labels(self):
        """Titles of the missing intake data, as the customer is asked for them."""
        self.ensure_one()
        keys = (self.endocs_intake_missing or "").split(",")
        return [intake.title(key) for key in keys if key]

    def _endocs_postprocess_new(self):
        """After creation: match the sender, then register (R-IN-6, R-IN-7)."""
        self._endocs_ensure_partner()
        self._endocs_send_registration()

    def _endocs_ensure_partner(self):
        """A request always has a contact to write to: the known contact with
        that e-mail, else a new contact (flagged as unknown sender)."""
        Partner = self.env["res.partner"].sudo()
        for ticket in self.filtered(lambda t: not t.partner_id):
            email = ticket.partner_email or ticket.endocs_login_email
            if not email:
                continue
            partner = Partner.search([("email", "=ilike", email.strip())], limit=1)
            if not partner:
                partner = Partner.create(
                    {
                        "name": ticket.endocs_contact_name
                        or ticket.partner_name
                        or email,
                        "email": email.strip(),
                        "phone": ticket.endocs_contact_phone or False,
                    }
                )
            ticket.write(
                {
                    "partner_id": partner.id,
                    "partner_email": ticket.partner_email or partner.email,
                }
            )

    def _endocs_send_registration(self, force=False):
        """R-IN-6: one e-mail to the initiator with the number, the received
        time, when processing starts (off-hours), what intake data is missing
        (R-IN-4) and why the request is not eligible (R-CON-2, R-CON-3)."""
        todo = self.filtered(
            lambda t: t.partner_id and (force or not t.endocs_registered_at)
        )
        split = todo.filtered("endocs_parent_id")
        todo.filtered(lambda t: not t.endocs_parent_id)._endocs_post_template(
            "endocs_support.mail_template_registration"
        )
        split._endocs_post_template("endocs_support.mail_template_split")
        if todo:
            todo.endocs_registered_at = fields.Datetime.now()

    def _endocs_post_template(self, template_xmlid):
        """Post a template to each request's customer as a message (rendered in
        one pass, in the customer's language, without the composer)."""
        template = self.env.ref(template_xmlid, raise_if_not_found=False)
        if not self or not template:
            return
        rendered = template._generate_template(self.ids, ("subject", "body_html"))
        for ticket in self:
            values = rendered[ticket.id]
            ticket.message_post(
                body=values["body_html"],
                subject=values["subject"],
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                partner_ids=ticket.partner_id.ids,
                email_layout_xmlid="mail.mail_notification_light",
            )

    def _endocs_check_registered(self):
        """3.5: work starts only after the registration notice went out."""
        unregistered = self.filtered(lambda t: not t.endocs_registered_at)
        if unregistered:
            raise UserError(
                self.env._(
                    "Request %(number)s: the customer has not been sent the "
                    "registration notice yet (regulation 3.5). Send it first.",
                    number=unregistered[0].number,
                )
            )

    def _endocs_channel(self, code):
        return self.env.ref(
            {
                "web": "helpdesk_mgmt.helpdesk_ticket_channel_web",
                "email": "helpdesk_mgmt.helpdesk_ticket_channel_email",
                "api": "endocs_support.helpdesk_ticket_channel_api",
            }[code],
            raise_if_not_found=False,
        )

    # ------------------------------------------------------------------
    # Mail gateway (R-IN-4, R-IN-8)
    # ------------------------------------------------------------------

    @api.model
    def message_new(self, msg, custom_values=None):
        parsed = intake.parse_labelled(intake.html_to_text(msg.get("body") or ""))
        values = self._endocs_vals_from_intake(parsed)
        if "description" not in parsed:
            values.pop("description", None)  # the whole body, as helpdesk_mgmt does
        channel = self._endocs_channel("email")
        if channel:
            values["channel_id"] = channel.id
        values.update(custom_values or {})
        return super().message_new(msg, custom_values=values)

    def message_update(self, msg, update_vals=None):
        """A reply that supplies missing intake data completes the request."""
        for ticket in self.filtered(lambda t: not t.endocs_intake_complete):
            parsed = intake.parse_labelled(intake.html_to_text(msg.get("body") or ""))
            missing = set((ticket.endocs_intake_missing or "").split(","))
            supplied = {k: v for k, v in parsed.items() if k in missing}
            if not supplied:
                continue
            ticket.write(ticket._endocs_vals_from_intake(supplied))
            if ticket.endocs_intake_complete:
                ticket.message_post(
                    body=self.env._(
                        "The customer supplied the missing data: the request is "
                        "complete."
                    ),
                    subtype_xmlid="mail.mt_note",
                )
        return super().message_update(msg, update_vals=update_vals)
