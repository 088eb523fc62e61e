# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json

from odoo import http
from odoo.http import request

MAX_BODY = 1024 * 1024


class EndocsIntakeApi(http.Controller):
    """JSON intake API for the EnDocs product's support widget (R-IN-1, R-IN-3).

    ``POST /api/endocs/v1/requests`` with ``Authorization: Bearer <API key>`` of a
    user in the group *EnDocs intake API*, and a JSON object with ``subject``,
    the intake keys (``org_name``, ``client_ref``, ``contact_name``,
    ``contact_phone``, ``login_email``, ``description``; optional ``scope``,
    ``expected_priority``, ``steps``, ``actions_taken``, ``other_info``) and an
    optional ``category`` (xml id or name of the request kind).

    201: ``{"id", "number", "received_at", "processing_start", "off_hours",
    "intake_complete"}`` (UTC, ISO 8601). 400: ``{"errors": {field: message}}``.
    """

    def _json(self, payload, status):
        return request.make_json_response(payload, status=status)

    @http.route(
        "/api/endocs/v1/requests",
        type="http",
        auth="bearer",
        methods=["POST"],
        csrf=False,
        save_session=False,
    )
    def create_request(self, **_kw):
        env = request.env
        if not env.user.has_group("endocs_support.group_endocs_api"):
            return self._json(
                {"error": env._("This API key may not create support requests.")}, 403
            )
        raw = request.httprequest.get_data(cache=False)
        if len(raw) > MAX_BODY:
            return self._json({"error": env._("The request body is too large.")}, 413)
        try:
            payload = json.loads(raw or b"{}")
        except (ValueError, UnicodeDecodeError):
            return self._json({"error": env._("The body is not valid JSON.")}, 400)
        if not isinstance(payload, dict):
            return self._json({"error": env._("The body must be a JSON object.")}, 400)
        ticket, errors = env["helpdesk.ticket"]._endocs_create_from_api(payload)
        if errors:
            return self._json({"errors": errors}, 400)
        return self._json(
            {
                "id": ticket.id,
                "number": ticket.number,
                "received_at": ticket.endocs_received_at.isoformat() + "Z",
                "processing_start": ticket.endocs_processing_start.isoformat() + "Z",
                "off_hours": ticket.endocs_off_hours,
                "intake_complete": ticket.endocs_intake_complete,
            },
            201,
        )
