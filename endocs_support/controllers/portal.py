# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from werkzeug.utils import redirect

from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.helpdesk_mgmt.controllers.main import HelpdeskTicketController
from odoo.addons.helpdesk_mgmt.controllers.myaccount import CustomerPortalHelpdesk

from ..models.helpdesk_ticket_intake import INTAKE_FIELDS
from ..models.ir_http import UPLOAD_LIMIT_ONLY


class EndocsHelpdeskPortal(HelpdeskTicketController):
    """The portal's new-request page asks for the regulation's intake data
    (R-IN-2), validates it and, on error, shows the form again with a message
    per field and everything typed kept (R-IN-3)."""

    @http.route("/ticket/close", type="http", auth="user", methods=["POST"])
    def support_ticket_close(self, **kw):
        """helpdesk_mgmt closes any ticket id it is given, as superuser, even on
        a GET (R-SEC-1): only a request the user may read is closed, and only on
        a POST (with Odoo's CSRF check)."""
        try:
            ticket_id = int(kw.get("ticket_id") or 0)
            stage_id = int(kw.get("stage_id") or 0)
            ticket = request.env["helpdesk.ticket"].browse(ticket_id)
            ticket.check_access("read")
        except (ValueError, AccessError, MissingError):
            return request.redirect("/my")
        if ticket.endocs_regulated:
            return self._endocs_customer_close(ticket, stage_id, kw.get("reason"))
        return super().support_ticket_close(**kw)

    def _endocs_customer_close(self, ticket, stage_id, reason):
        """What the customer may do to a regulated request (R-WF-6): confirm
        the solution the specialist gave, or withdraw the request with a reason
        that reaches the specialist. Anything else comes back to the request's
        page with a message, never an error page."""
        page = f"/my/ticket/{ticket.id}"
        stage = request.env["helpdesk.ticket.stage"].sudo().browse(stage_id).exists()
        role = stage.endocs_role if stage.close_from_portal else False
        if ticket.closed:
            return request.redirect(page)
        if role == "resolved":
            if not ticket._endocs_confirm_solution():
                return request.redirect(f"{page}?endocs_notice=no_solution")
            return request.redirect(page)
        if role == "withdrawn":
            if not ticket._endocs_withdraw(reason, request.env.user.partner_id):
                return request.redirect(
                    f"{page}?endocs_notice=reason_required#endocs_withdraw_form"
                )
            return request.redirect(page)
        return request.redirect(f"{page}?endocs_notice=not_allowed")

    # ------------------------------------------------------------------
    # New request (R-IN-2, R-IN-3)
    # ------------------------------------------------------------------

    #: where the form is shown again with its errors (Post/Redirect/Get). The
    #: path ends in 0, never a request's id: addons that read the id of the
    #: new request from the redirect (helpdesk_mgmt_portal_follower) find none.
    RETRY_PATH = "/new/ticket/0"
    SESSION_KEY = "endocs_ticket_form"

    def _endocs_prefill(self):
        user = request.env.user
        partner = user.partner_id
        org = partner.commercial_partner_id
        return {
            "org_name": org.name if org != partner or org.is_company else "",
            "client_ref": org.endocs_client_ref or "",
            "contact_name": partner.name or "",
            "contact_phone": partner.phone or partner.mobile or "",
            "login_email": user.email or user.login or "",
        }

    def _get_create_new_ticket_values(self, **kw):
        Ticket = request.env["helpdesk.ticket"]
        if not Ticket._endocs_portal_team(kw.get("team")):
            # no regulated team: helpdesk_mgmt's own form
            return super()._get_create_new_ticket_values(**kw)
        # helpdesk_mgmt reads the upload limit from the web client's session:
        # the limit alone for a portal user (models/ir_http.py)
        context = request.env.context
        request.update_context(**{UPLOAD_LIMIT_ONLY: True})
        try:
            values = super()._get_create_new_ticket_values(**kw)
        finally:
            request.update_env(context=context)
        values.update(
            {
                "form": self._endocs_prefill(),
                "errors": {},
                "labels": Ticket._endocs_intake_labels(),
                "scopes": Ticket._fields["endocs_scope"]._description_selection(
                    request.env
                ),
                "priorities": Ticket._fields[
                    "endocs_expected_priority"
                ]._description_selection(request.env),
            }
        )
        return values

    @http.route(RETRY_PATH, type="http", auth="user", website=True)
    def endocs_retry_ticket(self, **kw):
        """The form again, with what was typed and an error under each field
        (a new form when nothing is kept, e.g. the page was reloaded)."""
        kept = request.session.pop(self.SESSION_KEY, None) or {}
        values = self._get_create_new_ticket_values(**kept.get("form", {}))
        if kept and "labels" in values:
            values["form"] = kept["form"]
            values["errors"] = kept["errors"]
        return request.render("helpdesk_mgmt.portal_create_ticket", values)

    @http.route("/submitted/ticket", type="http", auth="user", website=True, csrf=True)
    def submit_ticket(self, **kw):
        Ticket = request.env["helpdesk.ticket"]
        team = Ticket._endocs_portal_team(kw.get("team"))
        errors = self._endocs_form_errors(kw)
        if not team:
            if errors:
                return request.redirect("/new/ticket")
            return super().submit_ticket(**kw)
        form = {key: kw.get(key) or "" for key in (*INTAKE_FIELDS, "subject")}
        form.update({key: kw.get(key) or "" for key in ("team", "category", "type")})
        data = {key: form[key] for key in INTAKE_FIELDS}
        _clean, intake_errors = Ticket._endocs_check_intake(
            data, request.env.user.partner_id
        )
        errors.update(intake_errors)
        subject_error = Ticket._endocs_subject_error(form["subject"])
        if subject_error:
            errors["subject"] = subject_error
        if errors:
            if any(f.filename for f in request.httprequest.files.getlist("attachment")):
                errors["attachment"] = request.env._(
                    "Please attach the files again: files are not kept when the "
                    "form is shown again."
                )
            request.session[self.SESSION_KEY] = {"form": form, "errors": errors}
            return request.redirect(self.RETRY_PATH, code=303)
        vals = self._prepare_submit_ticket_vals(**kw)
        vals.update(Ticket._endocs_vals_from_intake(data))
        vals["team_id"] = team.id
        vals["stage_id"] = team._get_applicable_stages()[:1].id
        vals["name"] = form["subject"].strip()
        ticket = Ticket.sudo().create(vals)
        ticket.message_subscribe(partner_ids=request.env.user.partner_id.ids)
        for upload in request.httprequest.files.getlist("attachment"):
            if upload.filename:
                request.env["ir.attachment"].sudo().create(
                    {
                        "name": upload.filename,
                        "datas": base64.b64encode(upload.read()),
                        "res_model": "helpdesk.ticket",
                        "res_id": ticket.id,
                    }
                )
        return redirect(f"/my/ticket/{ticket.id}")

    def _endocs_form_errors(self, kw):
        """Choices of the form that are not numbers (helpdesk_mgmt would fail
        on ``int()``): an error under the choice."""
        errors = {}
        for key in ("team", "category"):
            value = kw.get(key)
            if value and not str(value).isdigit():
                errors[key] = request.env._("Choose one of the offered values.")
                kw.pop(key)
        return errors


class EndocsCustomerPortal(CustomerPortalHelpdesk):
    """The request's portal page: the messages of the customer's actions."""

    def _ticket_get_page_view_values(self, ticket, access_token, **kwargs):
        values = super()._ticket_get_page_view_values(ticket, access_token, **kwargs)
        notices = {
            "no_solution": request.env._(
                "The specialist has not given a solution to confirm yet."
            ),
            "reason_required": request.env._(
                "Say why you withdraw the request: the specialist reads it."
            ),
            "not_allowed": request.env._(
                "This request is closed by the support specialist; you can "
                "confirm the solution given or withdraw the request."
            ),
        }
        values["endocs_notice"] = notices.get(kwargs.get("endocs_notice"))
        if ticket.endocs_regulated:
            values["endocs_stages"] = {
                role: ticket.sudo()._endocs_stage(role)
                for role in ("resolved", "withdrawn")
            }
        return values
