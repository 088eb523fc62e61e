# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The request's CRUD and mail-gateway overrides.

The regulation's rules on ``helpdesk.ticket`` live one concern per file, each
extending the model (``helpdesk_ticket_*.py``); this file only wires them into
Odoo's entry points through small hooks:

- ``_endocs_write_snapshot(vals)`` / ``_endocs_after_write(vals, snapshot)``:
  each concern keeps what it needs before a write and reacts after it;
- ``_endocs_postprocess_new()``: what every new request goes through, whatever
  its channel.

The regulation applies to the requests of regulated teams only
(``endocs_regulated``, a team setting): other teams' requests, and requests
without a team, work as in plain helpdesk_mgmt. Each concern checks that scope
where it picks its records.

Fields declared with ``endocs_workflow=True`` are moments and counters of the
audit trail: only the workflow writes them (in superuser mode); a manager corrects
one with a reason through «Correct the audit trail».
"""

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import plaintext2html

from ..tools import intake
from ..tools.mailcheck import contact_name


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    endocs_regulated = fields.Boolean(
        related="team_id.endocs_regulated",
        store=True,
        index=True,
        string="Under the support regulation",
    )

    @api.model
    def _valid_field_parameter(self, field, name):
        return name == "endocs_workflow" or super()._valid_field_parameter(field, name)

    @api.model_create_multi
    def create(self, vals_list):
        self._endocs_check_workflow_fields(vals_list)
        tickets = super().create(vals_list)
        tickets._endocs_postprocess_new()
        return tickets

    def write(self, vals):
        self._endocs_check_workflow_fields([vals])
        snapshot = self._endocs_write_snapshot(vals)
        res = super().write(vals)
        self._endocs_after_write(vals, snapshot)
        return res

    # ------------------------------------------------------------------
    # Hooks the concerns extend
    # ------------------------------------------------------------------

    def _endocs_write_snapshot(self, vals):
        """What the concerns need to know of the records before ``vals`` is
        written (extended by each concern; keys are the concern's own)."""
        return {}

    def _endocs_after_write(self, vals, snapshot):
        """React to a write (extended by each concern)."""
        return None

    def _endocs_notice_posted(self, template):
        """``template`` was posted to these requests' customers (extended by the
        concerns a notice completes, e.g. registration)."""
        return None

    def _endocs_postprocess_new(self):
        """Every new request: a contact to write to, its clocks started for the
        stage it was created in, then registered (R-IN-6, R-IN-7, R-WF-3) —
        for the requests of regulated teams."""
        regulated = self.filtered("endocs_regulated")
        regulated._endocs_ensure_partner()
        regulated._endocs_stage_changed(dict.fromkeys(regulated.ids, False))
        regulated._endocs_send_registration()

    @api.model
    def _endocs_workflow_fields(self):
        return {
            name
            for name, field in self._fields.items()
            if getattr(field, "endocs_workflow", False)
        }

    def _endocs_check_workflow_fields(self, vals_list):
        """R-WF-1, R-WF-7: the audit trail is not writable through the ORM by
        users; the workflow writes it in superuser mode."""
        if self.env.su:
            return
        written = self._endocs_workflow_fields() & {
            key for vals in vals_list for key in vals
        }
        if written:
            labels = sorted(
                self._fields[name].get_description(self.env)["string"]
                for name in written
            )
            raise AccessError(
                self.env._(
                    "%(fields)s are recorded by the request's workflow and cannot "
                    "be edited. A support manager can correct them with a reason "
                    "(«Correct the audit trail»).",
                    fields=", ".join(labels),
                )
            )

    # ------------------------------------------------------------------
    # Mail gateway (R-IN-4, R-IN-8)
    # ------------------------------------------------------------------

    @api.model
    def message_new(self, msg, custom_values=None):
        """R-IN-4: the labelled intake data of the e-mail; a value that is not
        valid stays in the description, not in its field. The sender is named
        by its display name. A request from a list or an address nobody reads
        says why it got no notice."""
        team = self.env["helpdesk.ticket.team"].browse(
            (custom_values or {}).get("team_id") or []
        )
        if not team.endocs_regulated:
            return super().message_new(msg, custom_values=custom_values)
        text = intake.html_to_text(msg.get("body") or "")
        parsed, invalid = intake.split_invalid(intake.parse_labelled(text, strict=True))
        values = self._endocs_vals_from_intake(parsed)
        if "description" not in parsed:
            values.pop("description", None)  # the whole body, as helpdesk_mgmt does
        elif invalid:
            values["description"] = plaintext2html(
                "\n".join([parsed["description"], "", *invalid])
            )
        if msg.get("email_from"):
            values["partner_name"] = contact_name(msg["email_from"])
        channel = self._endocs_channel("email")
        if channel:
            values["channel_id"] = channel.id
        values.update(custom_values or {})
        ticket = super(
            HelpdeskTicket, self.with_context(endocs_mail_gateway=True)
        ).message_new(msg, custom_values=values)
        silent = self.env.context.get("endocs_mail_silent")
        if silent:
            ticket._endocs_note_silent(silent)
        return ticket

    def _endocs_note_silent(self, reason):
        """A note on a request registered without a notice, saying why."""
        reasons = {
            "mailing_list": self.env._("it came through a mailing list"),
            "via_list": self.env._(
                "its sender was rewritten by a mailing list («… via …»)"
            ),
            "list_request": self.env._("it came from a list's -request address"),
            "precedence_bulk": self.env._("it is bulk mail (Precedence)"),
            "newsletter": self.env._("it is a newsletter (List-Unsubscribe)"),
            "noreply_address": self.env._("its sender is an address nobody reads"),
        }
        because = reasons.get(
            reason, self.env._("it was sent by a machine or a mailing list")
        )
        for ticket in self:
            ticket.message_post(
                body=self.env._(
                    "No registration notice was sent and no contact was created: "
                    "%(reason)s. Check the sender and send the notice with the "
                    "button when a person is behind it.",
                    reason=because,
                ),
                subtype_xmlid="mail.mt_note",
            )

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
        self.filtered("endocs_regulated")._endocs_complete_intake(msg)
        return super().message_update(msg, update_vals=update_vals)

    def _message_post_after_hook(self, message, msg_vals):
        res = super()._message_post_after_hook(message, msg_vals)
        if len(self) == 1 and self.endocs_regulated:
            self._endocs_message_posted(message)
        return res
