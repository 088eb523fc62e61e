# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The contract of the EnDocs product's channel: the OpenAPI 3.1 document of
``/api/endocs/v1``, served at ``/api/endocs/v1/openapi.json`` (pure data).
The tests validate it and check every answer they receive against it."""

import copy

API_VERSION = "1.1.0"


def _ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema, description):
    return {
        "description": description,
        "content": {"application/json": {"schema": schema}},
    }


def _error(description):
    return _json(_ref("Error"), description)


NULLABLE_STRING = {"type": ["string", "null"]}
INTAKE_PROPERTIES = {
    "subject": {"type": "string", "maxLength": 200, "description": "Subject"},
    "org_name": {
        "type": "string",
        "maxLength": 200,
        "description": "Organisation name",
    },
    "client_ref": {
        "type": "string",
        "description": "Client ID in EnDocs (3 to 32 Latin letters, digits or hyphens)",
    },
    "contact_name": {"type": "string", "description": "Contact person"},
    "contact_phone": {
        "type": "string",
        "description": "Contact phone, 10 to 15 digits",
    },
    "login_email": {
        "type": "string",
        "description": "The contact's login e-mail in EnDocs",
    },
    "description": {
        "type": "string",
        "description": "Description of the problem (at least a few words)",
    },
    "scope": {"type": "string", "enum": ["one", "several", "all"]},
    "expected_priority": {"type": "string", "enum": ["0", "1", "2", "3"]},
    "steps": {"type": "string", "description": "Steps that led to the problem"},
    "actions_taken": {"type": "string", "description": "Actions already taken"},
    "other_info": {"type": "string", "description": "Other information"},
    "category": {
        "type": "string",
        "description": "Kind of request: XML id (endocs_support.category_incident) "
        "or name",
    },
}
REQUIRED_INTAKE = [
    "subject",
    "org_name",
    "client_ref",
    "contact_name",
    "contact_phone",
    "login_email",
    "description",
]
IDENTITY_PARAMETERS = [
    {
        "name": "login_email",
        "in": "query",
        "required": True,
        "schema": {"type": "string"},
        "description": "The contact's login e-mail in EnDocs",
    },
    {
        "name": "client_ref",
        "in": "query",
        "required": True,
        "schema": {"type": "string"},
        "description": "The organisation's client ID",
    },
]
IDEMPOTENCY_PARAMETER = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": False,
    "schema": {"type": "string", "minLength": 1, "maxLength": 255},
    "description": "A key of the client's choice (a UUID) sent again with every "
    "retry of the same call: the retry gets the first answer (status and body, "
    "header Idempotent-Replayed: true) and nothing is made twice. The same key "
    "with another body is refused (409). Keys are kept 7 days (system parameter "
    "endocs_support.api_idempotency_days). Refused calls (4xx) are not kept.",
}
COMMON_ERRORS = {
    "401": _error("No API key, or not a valid one (code unauthorized)"),
    "403": _error(
        "The key lacks the scope (scope_denied), the web page's origin is not "
        "allowed (origin_not_allowed), or no contact with this login e-mail in the "
        "organisation of this client ID (identity_rejected)"
    ),
    "429": {
        "description": "Too many wrong client IDs from this key and address "
        "(code throttled); wait Retry-After seconds",
        "headers": {"Retry-After": {"schema": {"type": "integer"}}},
        "content": {"application/json": {"schema": _ref("Error")}},
    },
}

SCHEMAS = {
    "Error": {
        "type": "object",
        "required": ["code", "message"],
        "properties": {
            "code": {
                "type": "string",
                "description": "Stable machine-readable code: unauthorized, "
                "scope_denied, origin_not_allowed, identity_rejected, throttled, "
                "invalid_json, invalid_body, invalid_fields, "
                "invalid_idempotency_key, idempotency_conflict, not_found, "
                "request_closed, body_too_large, unsupported_media_type",
            },
            "message": {"type": "string", "description": "In the caller's language"},
            "error": {"type": "string", "deprecated": True, "description": "= message"},
            "errors": {
                "type": "object",
                "additionalProperties": {"type": "string"},
                "description": "Per field (attachments[2] for the third file): "
                "the message to show beside it",
            },
            "error_codes": {
                "type": "object",
                "additionalProperties": {"type": "string"},
                "description": "Per field: required, too_long, too_short, type, "
                "email, phone, client_ref, client_ref_unknown, client_ref_mismatch, "
                "scope, priority, unknown, range, datetime, name, base64, empty, "
                "too_many, too_large, file_type",
            },
        },
    },
    "FileBase64": {
        "type": "object",
        "required": ["name", "content_base64"],
        "properties": {
            "name": {"type": "string", "maxLength": 200},
            "content_base64": {"type": "string", "contentEncoding": "base64"},
        },
    },
    "Moment": {
        "type": ["object", "null"],
        "required": ["utc", "local", "text"],
        "properties": {
            "utc": {"type": "string", "format": "date-time"},
            "local": {
                "type": "string",
                "format": "date-time",
                "description": "In the team calendar's zone (Moscow), with its offset",
            },
            "text": {"type": "string", "examples": ["02.03.2026 10:00 (МСК)"]},
        },
    },
    "State": {
        "type": "object",
        "required": ["code", "name", "closed"],
        "properties": {
            "code": {
                "type": "string",
                "enum": [
                    "new",
                    "in_progress",
                    "waiting_customer",
                    "waiting_third_party",
                    "resolved",
                    "closed_no_reply",
                    "closed",
                ],
            },
            "name": {"type": "string", "description": "The stage, translated"},
            "closed": {"type": "boolean"},
        },
    },
    "Attachment": {
        "type": "object",
        "required": ["name", "size"],
        "properties": {
            "name": {"type": "string"},
            "size": {"type": "integer"},
            "mimetype": {"type": ["string", "null", "boolean"]},
        },
    },
    "RequestSummary": {
        "type": "object",
        "required": ["number", "subject", "state", "received_at", "open_questions"],
        "properties": {
            "number": {"type": "string"},
            "subject": {"type": "string"},
            "state": _ref("State"),
            "received_at": {"type": ["string", "null"], "format": "date-time"},
            "last_update": {"type": ["string", "null"], "format": "date-time"},
            "open_questions": {"type": "integer"},
        },
    },
    "Message": {
        "type": "object",
        "required": ["id", "date", "author", "from_customer", "body"],
        "properties": {
            "id": {"type": "integer"},
            "date": {"type": "string", "format": "date-time"},
            "author": {"type": "string"},
            "from_customer": {"type": "boolean"},
            "body": {"type": "string", "description": "As plain text"},
            "attachments": {"type": "array", "items": _ref("Attachment")},
        },
    },
    "Question": {
        "type": "object",
        "required": ["id", "kind", "question", "asked_at"],
        "properties": {
            "id": {"type": "integer"},
            "kind": {"type": "string", "enum": ["information", "recommendation"]},
            "question": {"type": "string"},
            "asked_at": {"type": "string", "format": "date-time"},
        },
    },
    "Request": {
        "type": "object",
        "required": [
            "number",
            "subject",
            "state",
            "time_zone",
            "received",
            "processing_start",
            "off_hours",
            "sla",
            "open_questions",
            "messages",
        ],
        "properties": {
            "number": {"type": "string"},
            "subject": {"type": "string"},
            "state": _ref("State"),
            "received_at": {"type": ["string", "null"], "format": "date-time"},
            "last_update": {"type": ["string", "null"], "format": "date-time"},
            "time_zone": {"type": "string", "examples": ["Europe/Moscow"]},
            "calendar": {"type": "string"},
            "received": _ref("Moment"),
            "processing_start": _ref("Moment"),
            "off_hours": {"type": "boolean"},
            "intake_complete": {"type": "boolean"},
            "missing": {"type": "array", "items": {"type": "string"}},
            "sla": {
                "type": "object",
                "required": ["paused", "accept_by", "first_response_by", "resolve_by"],
                "properties": {
                    "policy": NULLABLE_STRING,
                    "paused": {"type": "boolean"},
                    "accept_by": _ref("Moment"),
                    "first_response_by": _ref("Moment"),
                    "resolve_by": _ref("Moment"),
                },
            },
            "open_questions": {"type": "array", "items": _ref("Question")},
            "messages": {"type": "array", "items": _ref("Message")},
            "attachments": {"type": "array", "items": _ref("Attachment")},
        },
    },
    "Created": {
        "type": "object",
        "required": ["id", "number", "received_at", "processing_start", "off_hours"],
        "properties": {
            "id": {"type": "integer"},
            "number": {"type": "string"},
            "received_at": {"type": "string", "format": "date-time"},
            "processing_start": {"type": "string", "format": "date-time"},
            "off_hours": {"type": "boolean"},
            "intake_complete": {"type": "boolean"},
            "request": _ref("Request"),
        },
    },
    "RequestPage": {
        "type": "object",
        "required": ["items", "page", "per_page", "total", "pages"],
        "properties": {
            "items": {"type": "array", "items": _ref("RequestSummary")},
            "page": {"type": "integer", "minimum": 1},
            "per_page": {"type": "integer", "minimum": 1},
            "total": {"type": "integer", "minimum": 0},
            "pages": {"type": "integer", "minimum": 0},
        },
    },
    "Replied": {
        "type": "object",
        "required": ["message_id", "request"],
        "properties": {
            "message_id": {"type": "integer"},
            "request": _ref("Request"),
        },
    },
    "ProcessingStart": {
        "type": "object",
        "required": ["at", "off_hours", "time_zone", "processing_start", "notice"],
        "properties": {
            "at": {"type": "string", "format": "date-time"},
            "off_hours": {"type": "boolean"},
            "time_zone": {"type": "string"},
            "processing_start": _ref("Moment"),
            "notice": {
                "type": ["string", "null"],
                "description": "Off-hours, what to show before submission: "
                "«Обработка начнётся 02.03.2026 10:00 (МСК).»",
            },
        },
    },
    "NewRequestJson": {
        "type": "object",
        "required": REQUIRED_INTAKE,
        "properties": {
            **INTAKE_PROPERTIES,
            "attachments": {"type": "array", "items": _ref("FileBase64")},
        },
    },
    "NewRequestMultipart": {
        "type": "object",
        "required": REQUIRED_INTAKE,
        "properties": {
            **INTAKE_PROPERTIES,
            "attachments": {
                "type": "array",
                "items": {
                    "type": "string",
                    "contentMediaType": "application/octet-stream",
                },
            },
        },
    },
    "ReplyJson": {
        "type": "object",
        "required": ["login_email", "client_ref", "body"],
        "properties": {
            "login_email": {"type": "string"},
            "client_ref": {"type": "string"},
            "body": {"type": "string", "maxLength": 10000},
            "attachments": {"type": "array", "items": _ref("FileBase64")},
        },
    },
    "ReplyMultipart": {
        "type": "object",
        "required": ["login_email", "client_ref", "body"],
        "properties": {
            "login_email": {"type": "string"},
            "client_ref": {"type": "string"},
            "body": {"type": "string", "maxLength": 10000},
            "attachments": {
                "type": "array",
                "items": {
                    "type": "string",
                    "contentMediaType": "application/octet-stream",
                },
            },
        },
    },
}

DESCRIPTION = """\
The support channel of the EnDocs product (regulation I3.1): the customer's
contact sends a request with its screenshots and log files (I3.4), reads their
organisation's requests, the specialist's questions and answers them.

**Authentication.** `Authorization: Bearer <key>`: a key of the integration,
made by a support manager (Helpdesk → Configuration → EnDocs API keys), shown
once, with its scopes (create, read, reply). The Odoo API key of a user in the
group *EnDocs intake API* (version 1.0) still creates requests (create only).

**Whose requests.** Every call names the contact: the login e-mail and the
organisation's client ID. It sees and answers only that organisation's
requests. Wrong client IDs are counted per key and caller's address: after 5 in
15 minutes the key is refused there for 15 minutes (429 with Retry-After).

**Files.** JSON with `attachments: [{name, content_base64}]` or
multipart/form-data with files in `attachments`: at most 10 files of 10 MB,
screenshots, logs, documents, archives (system parameters
`endocs_support.api_attachment_max_count`, `…_max_size_mb`, `…_extensions`).
Each refused file is reported as `attachments[i]`.

**Errors.** Every error is `{code, message}` (message in the Accept-Language
of the caller), with `errors` (message per field) and `error_codes` (code per
field) when fields are at fault.

**Times.** UTC (ISO 8601 with Z) and, for moments told to people, also in the
team calendar's zone (Moscow) with the text «02.03.2026 10:00 (МСК)».
"""


def openapi_document():
    """The OpenAPI 3.1 document (a fresh copy)."""
    security = [{"bearer": []}]
    paths = {
        "/requests": {
            "post": {
                "operationId": "createRequest",
                "summary": "Send a support request (scope create)",
                "security": security,
                "parameters": [IDEMPOTENCY_PARAMETER],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {"schema": _ref("NewRequestJson")},
                        "multipart/form-data": {"schema": _ref("NewRequestMultipart")},
                    },
                },
                "responses": {
                    "201": _json(
                        _ref("Created"), "Registered (or the first answer, replayed)"
                    ),
                    "400": _error("Fields not valid (invalid_fields), body not JSON"),
                    "409": _error("Idempotency-Key used with another body"),
                    "413": _error("Body too large"),
                    "415": _error("Neither JSON nor multipart/form-data"),
                    **COMMON_ERRORS,
                },
            },
            "get": {
                "operationId": "listRequests",
                "summary": "The organisation's requests, newest first (scope read)",
                "security": security,
                "parameters": [
                    *IDENTITY_PARAMETERS,
                    {
                        "name": "page",
                        "in": "query",
                        "schema": {"type": "integer", "minimum": 1, "default": 1},
                    },
                    {
                        "name": "per_page",
                        "in": "query",
                        "schema": {
                            "type": "integer",
                            "minimum": 1,
                            "maximum": 100,
                            "default": 20,
                        },
                    },
                ],
                "responses": {
                    "200": _json(_ref("RequestPage"), "A page of requests"),
                    "400": _error("Parameters not valid"),
                    **COMMON_ERRORS,
                },
            },
        },
        "/requests/{number}": {
            "get": {
                "operationId": "getRequest",
                "summary": "A request: state, times, SLA, messages, open questions "
                "(scope read)",
                "security": security,
                "parameters": [
                    {
                        "name": "number",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                    },
                    *IDENTITY_PARAMETERS,
                ],
                "responses": {
                    "200": _json(_ref("Request"), "The request"),
                    "400": _error("Parameters not valid"),
                    "404": _error("No such request in the organisation"),
                    **COMMON_ERRORS,
                },
            }
        },
        "/requests/{number}/messages": {
            "post": {
                "operationId": "replyToRequest",
                "summary": "The customer's reply (scope reply): as a reply by e-mail, "
                "it answers the open questions, stops the waiting clock and returns "
                "the request to work",
                "security": security,
                "parameters": [
                    {
                        "name": "number",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                    },
                    IDEMPOTENCY_PARAMETER,
                ],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {"schema": _ref("ReplyJson")},
                        "multipart/form-data": {"schema": _ref("ReplyMultipart")},
                    },
                },
                "responses": {
                    "201": _json(
                        _ref("Replied"), "Posted (or the first answer, replayed)"
                    ),
                    "400": _error("Fields not valid"),
                    "404": _error("No such request in the organisation"),
                    "409": _error(
                        "The request is closed (request_closed), or the "
                        "Idempotency-Key was used with another body"
                    ),
                    "413": _error("Body too large"),
                    "415": _error("Neither JSON nor multipart/form-data"),
                    **COMMON_ERRORS,
                },
            }
        },
        "/processing-start": {
            "get": {
                "operationId": "processingStart",
                "summary": "When a request sent at a moment (default now) would start "
                "being processed, from the support calendar (any scope)",
                "security": security,
                "parameters": [
                    {
                        "name": "at",
                        "in": "query",
                        "required": False,
                        "schema": {"type": "string", "format": "date-time"},
                    }
                ],
                "responses": {
                    "200": _json(_ref("ProcessingStart"), "The processing start"),
                    "400": _error("Parameters not valid"),
                    **COMMON_ERRORS,
                },
            }
        },
        "/openapi.json": {
            "get": {
                "operationId": "openapi",
                "summary": "This document",
                "security": [],
                "responses": {"200": {"description": "The OpenAPI document"}},
            }
        },
    }
    return copy.deepcopy(
        {
            "openapi": "3.1.0",
            "info": {
                "title": "EnDocs Support API",
                "version": API_VERSION,
                "description": DESCRIPTION,
                "license": {
                    "name": "AGPL-3.0-or-later",
                    "identifier": "AGPL-3.0-or-later",
                },
            },
            "servers": [{"url": "/api/endocs/v1"}],
            "security": security,
            "paths": paths,
            "components": {
                "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
                "schemas": SCHEMAS,
            },
        }
    )
