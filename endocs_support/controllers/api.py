# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The EnDocs product's channel (R-IN-1, I3.1): ``/api/endocs/v1``.

The contract is the OpenAPI document ``tools/openapi_spec.py``, served at
``/api/endocs/v1/openapi.json``; this file is only HTTP: authentication and
scopes, CORS, bodies (JSON or multipart), idempotency and the error envelope.
What is read and done on requests is ``models/helpdesk_ticket_api.py``.

Every error is ``{"code", "message", "errors"?, "error_codes"?}`` with the
per-field messages and codes of the fields at fault; ``error`` repeats
``message`` for the clients of the first version of the API.
"""

import hashlib
import json
import re
from collections import namedtuple
from datetime import datetime, timezone

from odoo import SUPERUSER_ID, http
from odoo.http import request

from ..tools import api_files
from ..tools.openapi_spec import openapi_document

PREFIX = "/api/endocs/v1"
#: the body without its files (v1's limit)
MAX_BODY = 1024 * 1024
MAX_REPLY = 10000
MAX_PER_PAGE = 100
DEFAULT_PER_PAGE = 20
IDEMPOTENCY_KEY = re.compile(r"^[\x21-\x7e]{1,255}$")
CORS_HEADERS = "Authorization, Content-Type, Accept, Accept-Language, Idempotency-Key"
EXPOSED_HEADERS = "Retry-After, Idempotent-Replayed"
#: error codes of a wrong client ID (the throttle counts them)
IDENTITY_FAILURES = {"client_ref_unknown", "client_ref_mismatch", "contact_unknown"}

#: who calls: ``principal`` names the key in idempotency and throttle rows,
#: ``key`` is the endocs.api.key (None for a legacy user key)
Caller = namedtuple("Caller", "principal key scopes env")

ROUTE = {
    "type": "http",
    "auth": "public",
    "csrf": False,
    "save_session": False,
    "readonly": False,
}


class ApiError(Exception):
    def __init__(self, status, code, message, fields=None, headers=None):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.fields, self.headers = fields or {}, headers or {}


class EndocsIntakeApi(http.Controller):
    # ------------------------------------------------------------------
    # Responses
    # ------------------------------------------------------------------

    def _json(self, payload, status=200, headers=None, caller=None):
        response = request.make_json_response(payload, status=status)
        for name, value in (headers or {}).items():
            response.headers[name] = value
        origin = request.httprequest.headers.get("Origin")
        if origin and caller and self._origin_allowed(caller, origin):
            response.headers["Access-Control-Allow-Origin"] = origin
            response.headers["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
            response.headers["Vary"] = "Origin"
        return response

    def _error_response(self, error, caller=None):
        payload = {"code": error.code, "message": error.message, "error": error.message}
        if error.fields:
            payload["errors"] = {f: msg for f, (_c, msg) in error.fields.items()}
            payload["error_codes"] = {f: code for f, (code, _m) in error.fields.items()}
        headers = dict(error.headers)
        if error.status == 401:
            headers["WWW-Authenticate"] = 'Bearer realm="endocs"'
        return self._json(payload, error.status, headers, caller)

    def _handle(self, run, scope=None):
        """Authenticate, check the scope, then ``run(caller)``; every ApiError
        becomes its JSON error."""
        if request.httprequest.method == "OPTIONS":
            return self._preflight()
        caller = None
        try:
            caller = self._authenticate()
            if scope and scope not in caller.scopes:
                raise ApiError(
                    403, "scope_denied", self._scope_message(caller.env, scope)
                )
            self._check_origin(caller)
            return run(caller)
        except ApiError as error:
            return self._error_response(error, caller)

    @staticmethod
    def _scope_message(env, scope):
        return {
            "create": env._("This API key may not create support requests."),
            "read": env._("This API key may not read support requests."),
            "reply": env._("This API key may not reply to support requests."),
        }[scope]

    def _preflight(self):
        """CORS preflight: it carries no key, so it is answered for every
        origin; the actual call is refused to an origin its key does not
        allow."""
        headers = request.httprequest.headers
        response = request.make_response("", status=204)
        origin = headers.get("Origin")
        if origin:
            response.headers.update(
                {
                    "Access-Control-Allow-Origin": origin,
                    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                    "Access-Control-Allow-Headers": CORS_HEADERS,
                    "Access-Control-Max-Age": "86400",
                    "Vary": "Origin",
                }
            )
        return response

    def _origin_allowed(self, caller, origin):
        own = request.httprequest.host_url.rstrip("/")
        if origin.rstrip("/") == own:
            return True
        return bool(caller.key) and caller.key._endocs_origin_allowed(origin)

    def _check_origin(self, caller):
        origin = request.httprequest.headers.get("Origin")
        if origin and not self._origin_allowed(caller, origin):
            raise ApiError(
                403,
                "origin_not_allowed",
                caller.env._("This API key may not be used from this web page."),
            )

    # ------------------------------------------------------------------
    # Authentication
    # ------------------------------------------------------------------

    def _lang(self, env, fallback):
        """The caller's language: Accept-Language among the installed ones,
        else ``fallback``."""
        installed = {code for code, _name in env["res.lang"].get_installed()}
        header = request.httprequest.accept_languages
        for value, _quality in header:
            code = value.replace("-", "_")
            for candidate in (code, code.split("_")[0]):
                match = next(
                    (
                        c
                        for c in installed
                        if c == candidate or c.split("_")[0] == candidate
                    ),
                    None,
                )
                if match:
                    return match
        return fallback if fallback in installed else "en_US"

    def _authenticate(self):
        """``Authorization: Bearer <key>``: an EnDocs integration key (scopes
        of its own), or — for the clients of the first version — the Odoo API
        key of a user in *EnDocs intake API* (create only)."""
        env = request.env
        header = request.httprequest.headers.get("Authorization") or ""
        match = re.match(r"^bearer\s+(\S+)\s*$", header, re.IGNORECASE)
        if not match:
            raise ApiError(
                401,
                "unauthorized",
                env._("Send your API key: Authorization: Bearer <key>."),
            )
        token = match.group(1)
        key = env["endocs.api.key"].sudo()._endocs_authenticate(token)
        if key:
            lang = self._lang(env, key.company_id.partner_id.lang or "en_US")
            caller_env = env(
                user=SUPERUSER_ID, context=dict(env.context, lang=lang, tz="UTC")
            )
            key.with_env(caller_env)._endocs_touch()
            scopes = {
                scope for scope in ("create", "read", "reply") if key[f"scope_{scope}"]
            }
            return Caller(f"key:{key.id}", key.with_env(caller_env), scopes, caller_env)
        uid = env["res.users.apikeys"].sudo()._check_credentials(scope="rpc", key=token)
        if not uid:
            raise ApiError(401, "unauthorized", env._("This API key is not valid."))
        user = env["res.users"].sudo().browse(uid)
        caller_env = env(
            user=uid, context=dict(env.context, lang=self._lang(env, user.lang))
        )
        scopes = (
            {"create"} if user.has_group("endocs_support.group_endocs_api") else set()
        )
        return Caller(f"user:{uid}", None, scopes, caller_env)

    def _address(self):
        return request.httprequest.remote_addr or ""

    def _check_throttle(self, caller):
        retry = caller.env["endocs.api.throttle"]._endocs_retry_after(
            caller.principal, self._address()
        )
        if retry:
            raise ApiError(
                429,
                "throttled",
                caller.env._(
                    "Too many wrong client IDs: try again in %(seconds)s seconds.",
                    seconds=retry,
                ),
                headers={"Retry-After": str(retry)},
            )

    def _identity_failed(self, caller):
        caller.env["endocs.api.throttle"]._endocs_failed(
            caller.principal, self._address()
        )

    # ------------------------------------------------------------------
    # Bodies
    # ------------------------------------------------------------------

    def _read_body(self, caller):
        """The fields and files of a JSON or multipart body.

        :return: ``(payload, files, file_errors, fingerprint)``; files as
            ``[(index, name, bytes)]``, the fingerprint identifies the body for
            idempotency whatever the multipart boundary
        """
        env = caller.env
        Ticket = env["helpdesk.ticket"]
        limits = Ticket._endocs_api_file_limits()
        hard_limit = MAX_BODY + limits.max_count * limits.max_size * 4 // 3 + 4096
        httprequest = request.httprequest
        if (httprequest.content_length or 0) > hard_limit:
            raise ApiError(
                413, "body_too_large", env._("The request body is too large.")
            )
        mimetype = httprequest.mimetype
        if mimetype == "multipart/form-data":
            payload = {key: httprequest.form.get(key) for key in httprequest.form}
            uploads = httprequest.files.getlist("attachments")
            files, codes, count = [], {}, len(uploads)
            for index, upload in enumerate(uploads):
                data = upload.read(limits.max_size + 1)
                files.append((index, (upload.filename or "").strip(), data))
            text_size = sum(len(str(value)) for value in payload.values())
        elif mimetype in ("application/json", "") or mimetype.endswith("+json"):
            raw = httprequest.get_data(cache=False)
            try:
                payload = json.loads(raw or b"{}")
            except (ValueError, UnicodeDecodeError) as exc:
                raise ApiError(
                    400, "invalid_json", env._("The body is not valid JSON.")
                ) from exc
            if not isinstance(payload, dict):
                raise ApiError(
                    400, "invalid_body", env._("The body must be a JSON object.")
                )
            items = payload.pop("attachments", None)
            files, codes = api_files.decode_base64_files(items)
            count = len(items) if isinstance(items, list) else 0
            text_size = len(raw) - sum(
                len(item.get("content_base64") or "")
                for item in (items if isinstance(items, list) else [])
                if isinstance(item, dict)
                and isinstance(item.get("content_base64"), str)
            )
        else:
            raise ApiError(
                415,
                "unsupported_media_type",
                env._("Send the body as application/json or multipart/form-data."),
            )
        if text_size > MAX_BODY:
            raise ApiError(
                413, "body_too_large", env._("The request body is too large.")
            )
        codes.update(api_files.check_files(files, limits, count))
        file_errors = Ticket._endocs_api_file_errors(codes, limits)
        fingerprint = hashlib.sha256(
            json.dumps(
                {
                    "path": httprequest.path,
                    "fields": payload,
                    "files": [
                        [name, hashlib.sha256(data).hexdigest()]
                        for _i, name, data in files
                    ],
                },
                sort_keys=True,
                default=str,
            ).encode()
        ).hexdigest()
        return payload, files, file_errors, fingerprint

    # ------------------------------------------------------------------
    # Idempotency
    # ------------------------------------------------------------------

    def _idempotency_key(self, caller):
        key = request.httprequest.headers.get("Idempotency-Key")
        if key is None:
            return None
        if not IDEMPOTENCY_KEY.match(key):
            raise ApiError(
                400,
                "invalid_idempotency_key",
                caller.env._(
                    "The Idempotency-Key is 1 to 255 printable ASCII characters."
                ),
            )
        return key

    def _replay(self, caller, earlier, fingerprint):
        if earlier.request_hash != fingerprint:
            raise ApiError(
                409,
                "idempotency_conflict",
                caller.env._(
                    "This Idempotency-Key was used for another request: use a new key "
                    "for a new request."
                ),
            )
        return self._json(
            earlier._endocs_payload(),
            earlier.status,
            {"Idempotent-Replayed": "true"},
            caller,
        )

    def _once(self, caller, fingerprint, validate, run):
        """``validate()`` (raises ApiError) then ``run()`` -> ``(status, payload,
        ticket)``, once per Idempotency-Key: a retry with the same key and body
        gets the first answer; another body with the key is refused (409).
        Refused calls are not remembered (the client corrects and retries)."""
        key = self._idempotency_key(caller)
        Idempotency = caller.env["endocs.api.idempotency"]
        if key:
            earlier = Idempotency.search(
                [("principal", "=", caller.principal), ("key", "=", key)], limit=1
            )
            if earlier:
                return self._replay(caller, earlier, fingerprint)
        validate()
        claim = None
        if key:
            claim, earlier = Idempotency._endocs_claim(
                caller.principal, key, fingerprint
            )
            if earlier:
                return self._replay(caller, earlier, fingerprint)
        # a refusal inside run() takes back the claim and whatever was made
        with caller.env.cr.savepoint():
            status, payload, ticket = run()
            if claim:
                claim._endocs_store(status, payload, ticket)
        return self._json(payload, status, caller=caller)

    # ------------------------------------------------------------------
    # Helpers of the routes
    # ------------------------------------------------------------------

    def _identity(self, caller, login_email, client_ref):
        """The contact of the call (R-SEC-1): refused when the client ID is
        unknown or not the organisation of the login e-mail (counted by the
        throttle)."""
        self._check_throttle(caller)
        env = caller.env
        contact, code = env["helpdesk.ticket"]._endocs_api_identity(
            login_email, client_ref
        )
        if code == "identity_required":
            fields = {}
            for name, value in (
                ("login_email", login_email),
                ("client_ref", client_ref),
            ):
                if not (isinstance(value, str) and value.strip()):
                    fields[name] = ("required", env._("This value is required."))
            raise ApiError(
                400,
                "invalid_fields",
                env._("Give the login e-mail and the client ID."),
                fields,
            )
        if code:
            self._identity_failed(caller)
            raise ApiError(
                403,
                "identity_rejected",
                env._(
                    "No contact with this login e-mail in the organisation of this "
                    "client ID."
                ),
            )
        return contact

    def _find(self, caller, contact, number):
        Ticket = caller.env["helpdesk.ticket"]
        ticket = Ticket.search(
            [("number", "=", number)] + Ticket._endocs_api_domain(contact), limit=1
        )
        if not ticket:
            raise ApiError(404, "not_found", caller.env._("No such request."))
        return ticket

    @staticmethod
    def _int_arg(env, name, default, low, high):
        value = request.httprequest.args.get(name)
        if value is None:
            return default
        try:
            number = int(value)
        except ValueError:
            number = None
        if number is None or not low <= number <= high:
            raise ApiError(
                400,
                "invalid_fields",
                env._("Some values are not valid."),
                {
                    name: (
                        "range",
                        env._(
                            "A whole number from %(low)s to %(high)s.",
                            low=low,
                            high=high,
                        ),
                    )
                },
            )
        return number

    # ------------------------------------------------------------------
    # Routes
    # ------------------------------------------------------------------

    @http.route(f"{PREFIX}/requests", methods=["GET", "POST", "OPTIONS"], **ROUTE)
    def requests(self, **_kw):
        if request.httprequest.method == "GET":
            return self._handle(self._list, scope="read")
        return self._handle(self._create, scope="create")

    def _create(self, caller):
        env = caller.env
        Ticket = env["helpdesk.ticket"]
        self._check_throttle(caller)
        payload, files, file_errors, fingerprint = self._read_body(caller)

        def validate():
            _clean, _category, errors = Ticket._endocs_check_api_intake(payload)
            errors.update(file_errors)
            if errors:
                raise ApiError(
                    400, "invalid_fields", env._("Some fields are not valid."), errors
                )

        def run():
            ticket, errors = Ticket._endocs_create_from_api(payload, files)
            if errors:
                raise ApiError(
                    400, "invalid_fields", env._("Some fields are not valid."), errors
                )
            body = {
                "id": ticket.id,
                "number": ticket.number,
                "received_at": ticket.endocs_received_at.isoformat() + "Z",
                "processing_start": ticket.endocs_processing_start.isoformat() + "Z",
                "off_hours": ticket.endocs_off_hours,
                "intake_complete": ticket.endocs_intake_complete,
                "request": ticket._endocs_api_detail(),
            }
            return 201, body, ticket

        try:
            return self._once(caller, fingerprint, validate, run)
        except ApiError as error:
            code = (error.fields.get("client_ref") or ("",))[0]
            if code in IDENTITY_FAILURES:
                self._identity_failed(caller)
            raise

    def _list(self, caller):
        args = request.httprequest.args
        contact = self._identity(
            caller, args.get("login_email"), args.get("client_ref")
        )
        env = caller.env
        page = self._int_arg(env, "page", 1, 1, 100000)
        per_page = self._int_arg(env, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE)
        Ticket = env["helpdesk.ticket"]
        domain = Ticket._endocs_api_domain(contact)
        total = Ticket.search_count(domain)
        tickets = Ticket.search(
            domain,
            order="endocs_received_at desc, id desc",
            limit=per_page,
            offset=(page - 1) * per_page,
        )
        return self._json(
            {
                "items": [ticket._endocs_api_summary() for ticket in tickets],
                "page": page,
                "per_page": per_page,
                "total": total,
                "pages": (total + per_page - 1) // per_page,
            },
            caller=caller,
        )

    @http.route(
        f"{PREFIX}/requests/<string:number>", methods=["GET", "OPTIONS"], **ROUTE
    )
    def request_detail(self, number, **_kw):
        def run(caller):
            args = request.httprequest.args
            contact = self._identity(
                caller, args.get("login_email"), args.get("client_ref")
            )
            ticket = self._find(caller, contact, number)
            return self._json(ticket._endocs_api_detail(), caller=caller)

        return self._handle(run, scope="read")

    @http.route(
        f"{PREFIX}/requests/<string:number>/messages",
        methods=["POST", "OPTIONS"],
        **ROUTE,
    )
    def request_reply(self, number, **_kw):
        def run(caller):
            env = caller.env
            self._check_throttle(caller)
            payload, files, file_errors, fingerprint = self._read_body(caller)
            contact = self._identity(
                caller, payload.get("login_email"), payload.get("client_ref")
            )
            ticket = self._find(caller, contact, number)
            body = payload.get("body")

            def validate():
                errors = dict(file_errors)
                if not isinstance(body, str) or not body.strip():
                    errors["body"] = ("required", env._("Write your answer."))
                elif len(body) > MAX_REPLY:
                    errors["body"] = (
                        "too_long",
                        env._(
                            "The answer is too long (at most %(max)s characters).",
                            max=MAX_REPLY,
                        ),
                    )
                if errors:
                    raise ApiError(
                        400,
                        "invalid_fields",
                        env._("Some fields are not valid."),
                        errors,
                    )
                if ticket.closed:
                    raise ApiError(
                        409,
                        "request_closed",
                        env._("The request is closed: send a new request."),
                    )

            def do():
                message = ticket._endocs_api_reply(contact, body.strip(), files)
                ticket.invalidate_recordset()
                return (
                    201,
                    {"message_id": message.id, "request": ticket._endocs_api_detail()},
                    ticket,
                )

            return self._once(caller, fingerprint, validate, do)

        return self._handle(run, scope="reply")

    @http.route(f"{PREFIX}/processing-start", methods=["GET", "OPTIONS"], **ROUTE)
    def processing_start(self, **_kw):
        def run(caller):
            env = caller.env
            value = request.httprequest.args.get("at")
            moment = None
            if value:
                try:
                    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
                except ValueError:
                    parsed = None
                if parsed is None:
                    raise ApiError(
                        400,
                        "invalid_fields",
                        env._("Some values are not valid."),
                        {
                            "at": (
                                "datetime",
                                env._(
                                    "A moment in ISO 8601, e.g. 2026-03-02T18:30:00Z."
                                ),
                            )
                        },
                    )
                if parsed.tzinfo:
                    parsed = parsed.astimezone(timezone.utc).replace(tzinfo=None)
                moment = parsed
            payload = env["helpdesk.ticket"]._endocs_api_processing_start(moment)
            return self._json(payload, caller=caller)

        return self._handle(run)

    @http.route(
        f"{PREFIX}/openapi.json",
        type="http",
        auth="none",
        methods=["GET"],
        save_session=False,
    )
    def openapi(self, **_kw):
        response = request.make_json_response(openapi_document())
        response.headers["Access-Control-Allow-Origin"] = "*"
        return response
