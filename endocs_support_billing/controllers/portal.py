# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class EndocsActPortal(CustomerPortal):
    @http.route(
        "/my/invoices/<int:invoice_id>/endocs_act",
        type="http",
        auth="public",
        methods=["GET"],
    )
    def endocs_act_download(self, invoice_id, access_token=None, **kw):
        """The act of an invoice, for whoever may see the invoice on the portal:
        the customer's own portal users (record rules) or the holder of the
        invoice's access token (R-BILL-3, R-SEC-1)."""
        try:
            invoice_sudo = self._document_check_access(
                "account.move", invoice_id, access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        if invoice_sudo.state != "posted" or not invoice_sudo.endocs_act_id:
            raise NotFound()
        return (
            request.env["ir.binary"]
            ._get_stream_from(invoice_sudo.endocs_act_id)
            .get_response(as_attachment=True)
        )
