# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_datetime, plaintext2html

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
#: regulation 2.7, the resolution of a request closed for want of an answer
NO_REPLY_RESOLUTION = "Ответ от клиента не получен"
CAUSE_NOTICES = {
    "third_party": "endocs_support.mail_template_cause_third_party",
    "hardware": "endocs_support.mail_template_cause_hardware",
}
#: changes after which the SLA breach flags are checked again
SLA_EVENT_FIELDS = {
    "stage_id",
    "priority",
    "team_id",
    "endocs_accepted_at",
    "endocs_first_response_at",
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
    # Workflow (R-WF-1 .. R-WF-6)
    endocs_stage_role = fields.Selection(
        related="stage_id.endocs_role", store=True, string="Stage role"
    )
    endocs_accepted_at = fields.Datetime(string="Accepted", readonly=True, copy=False)
    endocs_accepted_by_id = fields.Many2one(
        "res.users", string="Accepted by", readonly=True, copy=False
    )
    endocs_processing_hours = fields.Float(
        string="Processing time (working hours)",
        compute="_compute_endocs_processing_hours",
        store=True,
        help="Regulation 1.8: from receipt to acceptance by the responsible "
        "engineer, in working hours of the team's calendar.",
    )
    endocs_info_request_ids = fields.One2many(
        "endocs.info.request", "ticket_id", string="Information requests"
    )
    endocs_pause_ids = fields.One2many("endocs.sla.pause", "ticket_id", string="Pauses")
    endocs_wait_since = fields.Datetime(
        string="Waiting for the customer since", readonly=True, copy=False
    )
    endocs_next_reminder_at = fields.Datetime(
        string="Next reminder", readonly=True, copy=False, index=True
    )
    endocs_reminder_count = fields.Integer(
        string="Reminders sent", readonly=True, copy=False
    )
    endocs_timeout_at = fields.Datetime(
        string="No reply after", readonly=True, copy=False, index=True
    )
    endocs_timeout_listed = fields.Boolean(
        string="No reply: to close",
        readonly=True,
        copy=False,
        help="The customer did not answer in time and the team closes such "
        "requests by hand.",
    )
    endocs_third_party_awaited = fields.Char(
        string="Awaited from a third party", tracking=True, copy=False
    )
    endocs_cause_class = fields.Selection(
        [
            ("product", "EnDocs product"),
            ("third_party", "Third-party software"),
            ("hardware", "Hardware or communication lines"),
        ],
        string="Cause",
        tracking=True,
        help="Regulation 2.8, 2.9: for third-party software and for hardware or "
        "communication lines the solution is not guaranteed; the customer is told.",
    )
    endocs_video_session_ids = fields.One2many(
        "endocs.video.session", "ticket_id", string="Video sessions"
    )
    # SLA (R-WF-7)
    endocs_sla_policy_id = fields.Many2one(
        "endocs.sla.policy",
        string="SLA",
        compute="_compute_endocs_sla_policy_id",
        store=True,
    )
    endocs_first_response_at = fields.Datetime(
        string="First response", readonly=True, copy=False
    )
    endocs_sla_paused = fields.Boolean(
        string="SLA paused", compute="_compute_endocs_sla", store=True
    )
    endocs_accept_deadline = fields.Datetime(
        string="Accept by", compute="_compute_endocs_sla", store=True
    )
    endocs_response_deadline = fields.Datetime(
        string="First response by", compute="_compute_endocs_sla", store=True
    )
    endocs_resolve_deadline = fields.Datetime(
        string="Resolve by", compute="_compute_endocs_sla", store=True
    )
    endocs_accept_breached = fields.Boolean(
        string="Acceptance late", readonly=True, copy=False
    )
    endocs_response_breached = fields.Boolean(
        string="First response late", readonly=True, copy=False
    )
    endocs_resolve_breached = fields.Boolean(
        string="Resolution late", readonly=True, copy=False
    )
    endocs_sla_breached = fields.Boolean(
        string="SLA breached", readonly=True, copy=False
    )
    endocs_resolution = fields.Text(string="Resolution", copy=False)
    endocs_delivery_method = fields.Selection(
        [
            ("email", "E-mail"),
            ("portal", "Service desk message"),
            ("video", "Video session"),
            ("remote_access", "Access to the customer's system"),
            ("phone", "Phone"),
            ("other", "Other"),
        ],
        string="Solution delivered by",
        copy=False,
        help="Regulation 3.10: how the information and the solution reached the "
        "customer.",
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
        for ticket in self:
            received = ticket.endocs_received_at
            wt = received and ticket._endocs_working_time()
            if not wt:
                ticket.endocs_processing_start = received
                ticket.endocs_off_hours = False
                continue
            start = wt.next_working_moment(received)
            ticket.endocs_processing_start = start
            ticket.endocs_off_hours = start > received

    @api.depends("endocs_processing_start", "endocs_accepted_at")
    def _compute_endocs_processing_hours(self):
        accepted = self.filtered(
            lambda t: t.endocs_accepted_at and t.endocs_processing_start
        )
        (self - accepted).endocs_processing_hours = 0.0
        for ticket in accepted:
            ticket.endocs_processing_hours = (
                ticket._endocs_working_time().hours_between(
                    ticket.endocs_processing_start, ticket.endocs_accepted_at
                )
            )

    @api.depends("priority", "team_id")
    def _compute_endocs_sla_policy_id(self):
        Policy = self.env["endocs.sla.policy"]
        for ticket in self:
            ticket.endocs_sla_policy_id = Policy._endocs_policy_for(
                ticket.priority, ticket.team_id
            )

    @api.depends(
        "endocs_sla_policy_id",
        "endocs_processing_start",
        "endocs_pause_ids.date_from",
        "endocs_pause_ids.date_to",
        "team_id.resource_calendar_id",
    )
    def _compute_endocs_sla(self):
        """Deadlines: the targets in working hours from the start of processing,
        moved on by every pause that began before them. While a pause that began
        before a deadline is open, that clock is stopped: no deadline."""
        with_sla = self.filtered(
            lambda t: t.endocs_sla_policy_id and t.endocs_processing_start
        )
        (self - with_sla).update(
            dict.fromkeys(
                (
                    "endocs_sla_paused",
                    "endocs_accept_deadline",
                    "endocs_response_deadline",
                    "endocs_resolve_deadline",
                ),
                False,
            )
        )
        for ticket in with_sla:
            policy, wt = ticket.endocs_sla_policy_id, ticket._endocs_working_time()
            start = ticket.endocs_processing_start
            pauses = sorted((p.date_from, p.date_to) for p in ticket.endocs_pause_ids)
            values = {"endocs_sla_paused": any(not end for _begin, end in pauses)}
            for key, hours in (
                ("accept", policy.accept_hours),
                ("response", policy.response_hours),
                ("resolve", policy.resolve_hours),
            ):
                deadline = wt.add_hours(start, hours)
                for pause_from, pause_to in pauses:
                    if pause_from >= deadline:
                        break
                    if not pause_to:
                        deadline = False  # stopped
                        break
                    if pause_to > start:
                        deadline = wt.add_hours(
                            deadline, wt.hours_between(max(pause_from, start), pause_to)
                        )
                values[f"endocs_{key}_deadline"] = deadline
            ticket.update(values)

    def _endocs_refresh_sla_flags(self, now=None):
        """Breach flags: an event after its deadline, or no event and the
        deadline passed (``now``). A stopped clock keeps its flag."""
        now = now or fields.Datetime.now()
        for ticket in self:
            values = {}
            for key, done in (
                ("accept", ticket.endocs_accepted_at),
                ("response", ticket.endocs_first_response_at),
                ("resolve", ticket.closed_date if ticket.closed else False),
            ):
                deadline = ticket[f"endocs_{key}_deadline"]
                if deadline:
                    values[f"endocs_{key}_breached"] = (done or now) > deadline
            flags = {
                key: values.get(
                    f"endocs_{key}_breached", ticket[f"endocs_{key}_breached"]
                )
                for key in ("accept", "response", "resolve")
            }
            values["endocs_sla_breached"] = any(flags.values())
            if any(ticket[name] != value for name, value in values.items()):
                ticket.write(values)

    @api.constrains("stage_id", "endocs_resolution", "endocs_delivery_method")
    def _check_endocs_resolution(self):
        for ticket in self.filtered(lambda t: t.endocs_stage_role == "resolved"):
            if not ticket.endocs_resolution or not ticket.endocs_delivery_method:
                raise ValidationError(
                    self.env._(
                        "Request %(number)s: a resolved request needs the "
                        "resolution and how the solution was delivered "
                        "(regulation 3.5, 3.10).",
                        number=ticket.number,
                    )
                )

    @api.constrains("stage_id", "endocs_third_party_awaited")
    def _check_endocs_third_party(self):
        for ticket in self.filtered(
            lambda t: t.endocs_stage_role == "waiting_third_party"
        ):
            if not ticket.endocs_third_party_awaited:
                raise ValidationError(
                    self.env._(
                        "Request %(number)s: say what is awaited from the third "
                        "party (regulation 3.9): use «Wait for a third party».",
                        number=ticket.number,
                    )
                )

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

    def write(self, vals):
        causes_before = (
            {ticket.id: ticket.endocs_cause_class for ticket in self}
            if "endocs_cause_class" in vals
            else {}
        )
        roles_before = (
            {ticket.id: ticket.endocs_stage_role for ticket in self}
            if "stage_id" in vals
            else {}
        )
        res = super().write(vals)
        if roles_before:
            self._endocs_stage_changed(roles_before)
        if SLA_EVENT_FIELDS.intersection(vals):
            self._endocs_refresh_sla_flags()
        if causes_before:
            self._endocs_cause_changed(causes_before)
        return res

    def _endocs_cause_changed(self, causes_before):
        """R-WF-5: third-party software or hardware causes get the regulation's
        notice of the limited guarantee, once per change."""
        for cause, xmlid in CAUSE_NOTICES.items():
            self.filtered(
                lambda t, cause=cause: t.endocs_cause_class == cause
                and causes_before.get(t.id) != cause
            )._endocs_mail_template_batch(xmlid)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_endocs_send_registration(self):
        """Send the registration notice again (or for the first time)."""
        self._endocs_send_registration(force=True)

    def action_endocs_accept(self):
        """Regulation 1.8, 3.5 (R-WF-1): the responsible engineer accepts the
        request; the engineer and the moment are recorded."""
        self._endocs_check_registered()
        stage = self._endocs_stage("in_progress")
        now = fields.Datetime.now()
        for ticket in self:
            vals = {
                "endocs_accepted_at": ticket.endocs_accepted_at or now,
                "endocs_accepted_by_id": (
                    ticket.endocs_accepted_by_id or self.env.user
                ).id,
                "user_id": self.env.user.id,
            }
            if stage and ticket.endocs_stage_role in (False, "new"):
                vals["stage_id"] = stage.id
            ticket.write(vals)

    def action_endocs_request_info(self):
        self.ensure_one()
        return self._endocs_wizard_action(
            "endocs.ticket.wait.wizard", self.env._("Ask the customer"), "customer"
        )

    def action_endocs_wait_third_party(self):
        self.ensure_one()
        return self._endocs_wizard_action(
            "endocs.ticket.wait.wizard",
            self.env._("Wait for a third party"),
            "third_party",
        )

    def _endocs_wizard_action(self, model, name, reason):
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": "form",
            "target": "new",
            "context": {"default_ticket_id": self.id, "default_reason": reason},
        }

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
        subject_error = self._endocs_subject_error(subject)
        if subject_error:
            errors["subject"] = subject_error
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
    def _endocs_subject_error(self, subject):
        """The message for a missing, non-text or over-long subject, or None."""
        if not isinstance(subject, str) or not subject.strip():
            return self.env._("A subject is required.")
        if len(subject) > 200:
            return self.env._("The subject is too long.")
        return None

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
        (todo - split)._endocs_mail_template_batch(
            "endocs_support.mail_template_registration"
        )
        split._endocs_mail_template_batch("endocs_support.mail_template_split")
        if todo:
            todo.endocs_registered_at = fields.Datetime.now()

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

    # ------------------------------------------------------------------
    # Workflow (R-WF-1 .. R-WF-6)
    # ------------------------------------------------------------------

    def _endocs_working_time(self):
        """The working-time engine of the request's team (see
        ``helpdesk.ticket.team._working_time``), None while no calendar exists."""
        self.ensure_one()
        if self.team_id:
            return self.team_id._working_time()
        calendar = self.env["helpdesk.ticket.team"]._default_resource_calendar_id()
        return calendar._working_time() if calendar else None

    def _endocs_stage(self, role):
        """The stage of ``role`` for these requests' team (team stages first)."""
        Stage = self.env["helpdesk.ticket.stage"]
        team = self[:1].team_id
        stages = Stage.search([("endocs_role", "=", role)], order="sequence, id")
        return (
            stages.filtered(lambda s: team and team in s.team_ids)[:1]
            or stages.filtered(lambda s: not s.team_ids)[:1]
            or stages[:1]
        )

    def _endocs_stage_changed(self, roles_before):
        """Start and stop the waiting clocks when a request enters or leaves a
        waiting stage (R-WF-3, R-WF-4)."""
        now = fields.Datetime.now()
        for ticket in self:
            before, after = roles_before.get(ticket.id), ticket.endocs_stage_role
            if before == after:
                continue
            if before in ("waiting_customer", "waiting_third_party"):
                ticket.endocs_pause_ids.filtered(lambda p: not p.date_to).date_to = now
            if before == "waiting_customer":
                ticket.write(
                    {
                        "endocs_wait_since": False,
                        "endocs_next_reminder_at": False,
                        "endocs_timeout_at": False,
                        "endocs_timeout_listed": False,
                    }
                )
            if after in ("waiting_customer", "waiting_third_party"):
                self.env["endocs.sla.pause"].create(
                    {
                        "ticket_id": ticket.id,
                        "reason": "customer"
                        if after == "waiting_customer"
                        else "third_party",
                        "note": ticket.endocs_third_party_awaited
                        if after == "waiting_third_party"
                        else False,
                        "date_from": now,
                    }
                )
            if after == "waiting_customer":
                team = ticket.team_id
                ticket.write(
                    {
                        "endocs_wait_since": now,
                        "endocs_next_reminder_at": now
                        + timedelta(days=team.endocs_reminder_days or 7),
                        "endocs_timeout_at": ticket._endocs_working_time().add_days(
                            now, team.endocs_timeout_days or 5
                        ),
                        "endocs_timeout_listed": False,
                    }
                )

    def _endocs_customer_replied(self, message):
        """Any answer of the customer (e-mail or portal) stops the waiting clock
        and returns the request to work; open questions are answered (R-WF-2,
        R-WF-3)."""
        now = fields.Datetime.now()
        for ticket in self:
            open_requests = ticket.endocs_info_request_ids.filtered(
                lambda r: r.state == "open"
            )
            open_requests.write(
                {
                    "state": "answered",
                    "answered_at": now,
                    "answer_message_id": message.id,
                }
            )
            if ticket.endocs_stage_role == "waiting_customer":
                stage = ticket._endocs_stage("in_progress")
                if stage:
                    ticket.stage_id = stage

    def _endocs_is_customer_message(self, message):
        self.ensure_one()
        if self.env.context.get("endocs_automatic"):
            return False
        if message.message_type not in ("email", "comment"):
            return False
        if message.subtype_id and message.subtype_id.internal:
            return False
        return bool(message.author_id) and not self._endocs_author_is_staff(message)

    @api.model
    def _endocs_author_is_staff(self, message):
        """Whether the message's author is an internal user (OdooBot included)."""
        users = message.author_id.with_context(active_test=False).user_ids
        return any(not user.share for user in users)

    def _message_post_after_hook(self, message, msg_vals):
        res = super()._message_post_after_hook(message, msg_vals)
        if len(self) == 1 and self._endocs_is_customer_message(message):
            self._endocs_customer_replied(message)
        elif (
            len(self) == 1
            and not self.endocs_first_response_at
            and self._endocs_is_staff_answer(message)
        ):
            self.endocs_first_response_at = message.date or fields.Datetime.now()
        return res

    def _endocs_is_staff_answer(self, message):
        """A message of a specialist to the customer (not a note): the first one
        is the first response of the SLA."""
        if message.message_type != "comment" or (
            message.subtype_id and message.subtype_id.internal
        ):
            return False
        return self._endocs_author_is_staff(message)

    @api.model
    def _cron_endocs_sla(self, batch_size=500):
        """R-WF-7: flag the open requests whose deadline passed without the
        event (time alone changes nothing in the database). One batch per
        call; a flagged request is not taken again."""
        now = fields.Datetime.now()
        domain = [("closed", "=", False), ("endocs_sla_policy_id", "!=", False)]
        due = ["|", "|"]
        for key, event in (
            ("accept", "endocs_accepted_at"),
            ("response", "endocs_first_response_at"),
            ("resolve", "closed_date"),
        ):
            due += [
                "&",
                "&",
                (event, "=", False),
                (f"endocs_{key}_breached", "=", False),
                (f"endocs_{key}_deadline", "<=", now),
            ]
        tickets = self.search(domain + due, limit=batch_size, order="id")
        tickets._endocs_refresh_sla_flags(now)
        self.env["ir.cron"]._notify_progress(
            done=len(tickets), remaining=self.search_count(domain + due)
        )
        return len(tickets)

    def _endocs_actions_summary(self):
        """What was done on the request, for the closing message: the questions
        asked and answered (the billing addon adds the logged work)."""
        self.ensure_one()
        lines = []
        for info in self.endocs_info_request_ids.sorted("asked_at"):
            lines.append(
                self.env._(
                    "%(date)s: asked the customer: %(question)s",
                    date=fields.Datetime.to_string(info.asked_at)[:16],
                    question=info.question,
                )
            )
        return lines

    @api.model
    def _cron_endocs_waiting(self, batch_size=200):
        """R-WF-3, R-REL-1: one batch of the waiting-for-customer clock — close
        (or list) the requests without an answer in time, then remind the
        others weekly. The stored moments are the guard: a request is taken
        once, under a row lock that a concurrent run skips."""
        now = fields.Datetime.now()
        due = self._endocs_lock_due("endocs_timeout_at", now, batch_size)
        due._endocs_timeout(now)
        reminders = self._endocs_lock_due(
            "endocs_next_reminder_at", now, batch_size - len(due)
        )
        reminders._endocs_send_reminders(now)
        remaining = self.search_count(
            [
                ("endocs_stage_role", "=", "waiting_customer"),
                "|",
                ("endocs_next_reminder_at", "<=", now),
                "&",
                ("endocs_timeout_at", "<=", now),
                ("endocs_timeout_listed", "=", False),
            ]
        )
        self.env["ir.cron"]._notify_progress(
            done=len(due) + len(reminders), remaining=remaining
        )
        return len(due) + len(reminders)

    @api.model
    def _endocs_lock_due(self, column, now, limit):
        if limit <= 0:
            return self.browse()
        assert column in ("endocs_timeout_at", "endocs_next_reminder_at")
        self.env.flush_all()
        extra = (
            "AND t.endocs_timeout_listed IS NOT TRUE"
            if column == "endocs_timeout_at"
            else ""
        )
        query = f"""
            SELECT t.id FROM helpdesk_ticket t
              JOIN helpdesk_ticket_stage s ON s.id = t.stage_id
             WHERE s.endocs_role = 'waiting_customer'
               AND t.{column} <= %s {extra}
          ORDER BY t.{column}, t.id
             LIMIT %s
               FOR UPDATE OF t SKIP LOCKED
        """  # noqa: S608 - the column is one of two constants
        self.env.cr.execute(query, (now, limit))
        return self.browse([row[0] for row in self.env.cr.fetchall()])

    def _endocs_mail_template_batch(self, template_xmlid):
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

    def _endocs_send_reminders(self, now):
        if not self:
            return
        self._endocs_mail_template_batch("endocs_support.mail_template_reminder")
        for ticket in self:
            interval = timedelta(days=ticket.team_id.endocs_reminder_days or 7)
            next_at = ticket.endocs_next_reminder_at + interval
            while next_at <= now:  # a missed run sends one reminder, not many
                next_at += interval
            ticket.write(
                {
                    "endocs_next_reminder_at": next_at,
                    "endocs_reminder_count": ticket.endocs_reminder_count + 1,
                }
            )

    def _endocs_timeout(self, now):
        listed = self.filtered(lambda t: t.team_id.endocs_timeout_action == "list")
        listed.endocs_timeout_listed = True
        to_close = self - listed
        if not to_close:
            return
        for ticket in to_close:
            summary = "\n".join(ticket._endocs_actions_summary())
            ticket.write(
                {
                    "endocs_resolution": NO_REPLY_RESOLUTION
                    + (("\n" + summary) if summary else ""),
                    "endocs_delivery_method": "email",
                    "stage_id": ticket._endocs_stage("closed_no_reply").id,
                }
            )
        to_close._endocs_mail_template_batch(
            "endocs_support.mail_template_closed_no_reply"
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
        return super(
            HelpdeskTicket, self.with_context(endocs_mail_gateway=True)
        ).message_new(msg, custom_values=values)

    @api.model
    def fields_get(self, allfields=None, attributes=None):
        """``mail.thread.message_new`` asks ``fields_get()`` for every field only
        to learn whether the name field exists: on the mail gateway, describe
        that one field instead of all of them (a few milliseconds per e-mail)."""
        if (
            self.env.context.get("endocs_mail_gateway")
            and allfields is None
            and attributes is None
        ):
            return super().fields_get(
                allfields=[self._rec_name or "name"], attributes=["type"]
            )
        return super().fields_get(allfields=allfields, attributes=attributes)

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
