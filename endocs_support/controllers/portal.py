# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from werkzeug.utils import redirect

from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.helpdesk_mgmt.controllers.main import HelpdeskTicketController

from ..models.helpdesk_ticket_intake import INTAKE_FIELDS


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
            request.env["helpdesk.ticket"].browse(ticket_id).check_access("read")
        except (ValueError, AccessError, MissingError):
            return request.redirect("/my")
        return super().support_ticket_close(**kw)

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

    def _endocs_render_form(self, form, errors, status=200):
        values = self._get_create_new_ticket_values(**form)
        values.update(
            {
                "form": form,
                "errors": errors,
                "scopes": request.env["helpdesk.ticket"]
                ._fields["endocs_scope"]
                ._description_selection(request.env),
                "priorities": request.env["helpdesk.ticket"]
                ._fields["endocs_expected_priority"]
                ._description_selection(request.env),
            }
        )
        response = request.render("endocs_support.portal_create_request", values)
        response.status_code = status
        return response

    @http.route("/new/ticket", type="http", auth="user", website=True)
    def create_new_ticket(self, **kw):
        return self._endocs_render_form(self._endocs_prefill(), {})

    @http.route("/submitted/ticket", type="http", auth="user", website=True, csrf=True)
    def submit_ticket(self, **kw):
        Ticket = request.env["helpdesk.ticket"]
        form = {key: kw.get(key) or "" for key in (*INTAKE_FIELDS, "subject")}
        form.update({key: kw.get(key) or "" for key in ("team", "category")})
        data = {key: form[key] for key in INTAKE_FIELDS}
        _clean, errors = Ticket._endocs_check_intake(data, request.env.user.partner_id)
        subject_error = Ticket._endocs_subject_error(form["subject"])
        if subject_error:
            errors["subject"] = subject_error
        if errors:
            if request.httprequest.files.getlist("attachment"):
                errors["attachment"] = request.env._(
                    "Please attach the files again: files are not kept when the "
                    "form is shown again."
                )
            return self._endocs_render_form(form, errors, status=400)
        vals = self._prepare_submit_ticket_vals(**kw)
        vals.update(Ticket._endocs_vals_from_intake(data))
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
