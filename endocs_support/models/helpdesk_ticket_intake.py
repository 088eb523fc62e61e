# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Intake data of a request and its validation (I3.3, I3.4; R-IN-2 .. R-IN-4).
The rules themselves are pure Python in ``tools/intake.py``."""

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
CHANNELS = {
    "web": "helpdesk_mgmt.helpdesk_ticket_channel_web",
    "email": "helpdesk_mgmt.helpdesk_ticket_channel_email",
    "api": "endocs_support.helpdesk_ticket_channel_api",
    "phone": "helpdesk_mgmt.helpdesk_ticket_channel_phone",
}


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

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

    @api.depends("endocs_regulated", *INTAKE_FIELDS.values())
    def _compute_endocs_intake_missing(self):
        """The regulation's intake data, asked of regulated teams' requests."""
        for ticket in self:
            missing = (
                intake.missing_fields(ticket._endocs_intake_data())
                if ticket.endocs_regulated
                else ()
            )
            ticket.endocs_intake_missing = ",".join(missing) or False
            ticket.endocs_intake_complete = not missing

    @api.depends("endocs_intake_missing")
    def _compute_endocs_intake_missing_labels(self):
        for ticket in self:
            ticket.endocs_intake_missing_labels = ";".join(
                ticket._endocs_missing_labels()
            )

    @api.constrains("channel_id", "team_id")
    def _check_endocs_channel(self):
        phone = self._endocs_channel("phone")
        if phone and self.filtered(
            lambda t: t.endocs_regulated and t.channel_id == phone
        ):
            raise UserError(
                self.env._(
                    "Requests are not taken by phone (regulation 2.5): use the "
                    "EnDocs interface or e-mail."
                )
            )

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
        clean, problems = self._endocs_intake_problems(data, partner)
        return clean, {key: message for key, (_code, message) in problems.items()}

    @api.model
    def _endocs_intake_problems(self, data, partner=None):
        """:meth:`_endocs_check_intake` with the error codes of the API.

        :return: ``(clean, {key: (code, translated message)})``
        """
        clean, codes = intake.validate(data)
        errors = {
            key: (code, self._endocs_error_message(key, code))
            for key, code in codes.items()
        }
        ref = clean.get("client_ref")
        if ref and partner:
            org = partner.commercial_partner_id
            own_ref = (org.endocs_client_ref or "").upper()
            # a client ID belongs to one organisation (res.partner's
            # constraint): only an organisation without one needs the search
            if own_ref != ref and (
                own_ref or self.env["res.partner"]._endocs_find_by_client_ref(ref) - org
            ):
                errors["client_ref"] = (
                    "client_ref_mismatch",
                    self.env._("This client ID does not belong to your organisation."),
                )
        return clean, errors

    @api.model
    def _endocs_intake_labels(self):
        """``{intake key: label}``: what the form calls each intake datum, and
        the name its error messages give it (one place, so that they agree)."""
        labels = {
            key: self._fields[field].get_description(self.env)["string"]
            for key, field in INTAKE_FIELDS.items()
        }
        labels["description"] = self.env._("Problem description")
        return labels

    @api.model
    def _endocs_portal_team(self, team_ref=None):
        """The regulated team a portal request goes to: the one the customer
        chose (when helpdesk_mgmt lets the portal choose and it is regulated),
        else the company's intake team; an empty recordset when the request is
        not the regulation's (the chosen team is another, or none is regulated).
        """
        Team = self.env["helpdesk.ticket.team"].sudo()
        company = self.env.company
        if team_ref and company.helpdesk_mgmt_portal_select_team:
            if not str(team_ref).isdigit():
                return Team
            team = Team.search(
                [("id", "=", int(team_ref)), ("show_in_portal", "=", True)]
            )
            return team if team.endocs_regulated else Team
        return Team._endocs_intake_team(company)

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
        label = self._endocs_intake_labels()[key]
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

    def _endocs_complete_intake(self, msg):
        """R-IN-4: a reply that supplies the missing intake data completes the
        request."""
        incomplete = self.filtered(lambda t: not t.endocs_intake_complete)
        if not incomplete:
            return
        parsed = intake.parse_labelled(intake.html_to_text(msg.get("body") or ""))
        for ticket in incomplete:
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

    @api.model
    def _endocs_channel(self, code):
        return self.env["helpdesk.ticket.channel"].browse(
            self.env["ir.model.data"]._xmlid_to_res_id(CHANNELS[code])
        )
