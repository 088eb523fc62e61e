# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The EnDocs product's channel, /api/endocs/v1 (R-IN-1, I3.4, R-SEC-1): files,
idempotency, reading, replies, keys, scopes, throttle and the OpenAPI contract.
Every answer the tests receive is checked against the OpenAPI document."""

import base64
import json

from openapi_core import OpenAPI
from openapi_core.contrib.requests import (
    RequestsOpenAPIRequest,
    RequestsOpenAPIResponse,
)
from openapi_spec_validator import validate

from odoo.exceptions import AccessError
from odoo.tests import Form, HttpCase, freeze_time, new_test_user, tagged

from ..tools.openapi_spec import openapi_document
from .common import create_organisations

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
API = "/api/endocs/v1"


@tagged("post_install", "-at_install")
class TestApiV1(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.org, cls.org2, _subscription = create_organisations(env)
        Partner = env["res.partner"]
        cls.contact = Partner.create(
            {
                "name": "Иван Петров",
                "email": "i.petrov@romashka.ru",
                "parent_id": cls.org.id,
                "lang": "ru_RU",
            }
        )
        cls.contact2 = Partner.create(
            {"name": "Олег Вектор", "email": "o@vector.ru", "parent_id": cls.org2.id}
        )
        cls.Key = env["endocs.api.key"]
        cls.key, cls.token = cls._make_key("EnDocs widget")
        cls.read_key, cls.read_token = cls._make_key(
            "Reader", scope_create=False, scope_reply=False
        )
        cls.openapi = OpenAPI.from_dict(openapi_document())
        cls.Ticket = env["helpdesk.ticket"]

    @classmethod
    def _make_key(cls, name, **scopes):
        key = cls.env["endocs.api.key"].create({"name": name, **scopes})
        action = key.action_endocs_generate()
        token = cls.env["endocs.api.key.show"].browse(action["res_id"]).key
        return key, token

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    def _call(self, method, path, token=None, json_body=None, headers=None, **kw):
        """A call of the API; its answer checked against the OpenAPI document."""
        all_headers = {"Accept-Language": "ru-RU"}
        if token is not False:
            all_headers["Authorization"] = f"Bearer {token or self.token}"
        all_headers.update(headers or {})
        if json_body is not None:
            kw["data"] = json.dumps(json_body)
            all_headers["Content-Type"] = "application/json"
        response = self.opener.request(
            method, self.base_url() + API + path, headers=all_headers, timeout=30, **kw
        )
        self.openapi.validate_response(
            RequestsOpenAPIRequest(response.request),
            RequestsOpenAPIResponse(response),
        )
        return response

    def _payload(self, **overrides):
        payload = {
            "subject": "Не приходят уведомления",
            "org_name": "ООО Ромашка",
            "client_ref": "ED-1001",
            "contact_name": "Иван Петров",
            "contact_phone": "+7 495 765-43-21",
            "login_email": "i.petrov@romashka.ru",
            "description": "С утра не приходят уведомления о новых документах.",
        }
        payload.update(overrides)
        return payload

    def _create(self, **overrides):
        response = self._call("POST", "/requests", json_body=self._payload(**overrides))
        self.assertEqual(response.status_code, 201, response.text)
        return self.Ticket.browse(response.json()["id"])

    def _identity(self, email="i.petrov@romashka.ru", ref="ED-1001"):
        return f"login_email={email}&client_ref={ref}"

    def _set(self, **params):
        for name, value in params.items():
            self.env["ir.config_parameter"].sudo().set_param(
                f"endocs_support.{name}", value
            )

    # ------------------------------------------------------------------
    # The contract
    # ------------------------------------------------------------------

    def test_openapi_document_is_valid_and_served(self):
        response = self.url_open(f"{API}/openapi.json")
        self.assertEqual(response.status_code, 200)
        document = response.json()
        validate(document)  # openapi-spec-validator: OpenAPI 3.1
        self.assertEqual(document["openapi"], "3.1.0")
        self.assertEqual(document, json.loads(json.dumps(openapi_document())))
        self.assertIn("/requests/{number}/messages", document["paths"])

    # ------------------------------------------------------------------
    # Files (I3.4)
    # ------------------------------------------------------------------

    def test_files_as_base64_json_land_on_the_request_like_the_portal(self):
        ticket = self._create(
            attachments=[
                {
                    "name": "screen.png",
                    "content_base64": base64.b64encode(PNG).decode(),
                },
                {
                    "name": "client.log",
                    "content_base64": base64.b64encode(b"ERROR 42\n").decode(),
                },
            ]
        )
        files = self.env["ir.attachment"].search(
            [("res_model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id)]
        )
        self.assertEqual(sorted(files.mapped("name")), ["client.log", "screen.png"])
        self.assertEqual(files.filtered(lambda a: a.name == "screen.png").raw, PNG)
        self.assertEqual(
            files.filtered(lambda a: a.name == "screen.png").mimetype, "image/png"
        )
        # what the customer sees: the files on the portal page of the request
        user = new_test_user(
            self.env,
            login="api_portal",
            password="api_portal",
            groups="base.group_portal",
        )
        ticket.partner_id = user.partner_id
        self.authenticate("api_portal", "api_portal")
        page = self.url_open(f"/my/ticket/{ticket.id}")
        self.assertIn("screen.png", page.text)
        self.assertIn("client.log", page.text)

    def test_files_as_multipart(self):
        response = self._call(
            "POST",
            "/requests",
            data=self._payload(),
            files=[
                ("attachments", ("a.png", PNG, "image/png")),
                ("attachments", ("b.txt", b"trace", "text/plain")),
            ],
        )
        self.assertEqual(response.status_code, 201, response.text)
        body = response.json()
        self.assertEqual(
            sorted(a["name"] for a in body["request"]["attachments"]),
            ["a.png", "b.txt"],
        )

    def test_file_limits_each_broken_one_a_field_error(self):
        self._set(api_attachment_max_count=3, api_attachment_max_size_mb=1)
        big = base64.b64encode(b"x" * (1024 * 1024 + 1)).decode()
        response = self._call(
            "POST",
            "/requests",
            json_body=self._payload(
                subject="",
                attachments=[
                    {
                        "name": "ok.png",
                        "content_base64": base64.b64encode(PNG).decode(),
                    },
                    {"name": "virus.exe", "content_base64": "TVo="},
                    {"name": "big.log", "content_base64": big},
                    {"name": "broken.txt", "content_base64": "%%%"},
                ],
            ),
        )
        self.assertEqual(response.status_code, 400)
        body = response.json()
        self.assertEqual(body["code"], "invalid_fields")
        self.assertEqual(
            body["error_codes"],
            {
                "subject": "required",
                "attachments": "too_many",
                "attachments[1]": "file_type",
                "attachments[2]": "too_large",
                "attachments[3]": "base64",
            },
        )
        self.assertIn("1 МБ", body["errors"]["attachments[2]"])
        self.assertIn("png", body["errors"]["attachments[1]"])
        self.assertFalse(self.Ticket.search([("name", "=", "Не приходят уведомления")]))

    # ------------------------------------------------------------------
    # Idempotency
    # ------------------------------------------------------------------

    def test_idempotency_same_key_same_body_is_the_first_request(self):
        headers = {"Idempotency-Key": "5f0c1e2a-retry"}
        payload = self._payload()
        first = self._call("POST", "/requests", json_body=payload, headers=headers)
        second = self._call("POST", "/requests", json_body=payload, headers=headers)
        self.assertEqual(first.status_code, 201)
        self.assertEqual(second.status_code, 201)
        self.assertEqual(second.json()["number"], first.json()["number"])
        self.assertEqual(second.headers.get("Idempotent-Replayed"), "true")
        self.assertNotIn("Idempotent-Replayed", first.headers)
        self.assertEqual(
            len(self.Ticket.search([("name", "=", payload["subject"])])), 1
        )
        # the same key, another body
        other = self._call(
            "POST",
            "/requests",
            json_body=self._payload(subject="Другое"),
            headers=headers,
        )
        self.assertEqual(other.status_code, 409)
        self.assertEqual(other.json()["code"], "idempotency_conflict")
        # another key of another integration does not meet this one
        _key, token = self._make_key("Other")
        third = self._call(
            "POST", "/requests", token=token, json_body=payload, headers=headers
        )
        self.assertNotEqual(third.json()["number"], first.json()["number"])

    def test_idempotency_multipart_retry_and_refusals_not_kept(self):
        headers = {"Idempotency-Key": "multi-1"}
        files = [("attachments", ("a.png", PNG, "image/png"))]
        bad = self._call(
            "POST",
            "/requests",
            data=self._payload(contact_phone="12"),
            files=files,
            headers=headers,
        )
        self.assertEqual(bad.status_code, 400)
        # corrected, with the same key: the refusal was not kept
        first = self._call(
            "POST", "/requests", data=self._payload(), files=files, headers=headers
        )
        # a retry: requests draws another multipart boundary
        again = self._call(
            "POST", "/requests", data=self._payload(), files=files, headers=headers
        )
        self.assertEqual(first.status_code, 201, first.text)
        self.assertEqual(again.json()["number"], first.json()["number"])
        changed = self._call(
            "POST",
            "/requests",
            data=self._payload(),
            files=[("attachments", ("a.png", PNG + b"x", "image/png"))],
            headers=headers,
        )
        self.assertEqual(changed.status_code, 409)

    def test_idempotency_keys_cleaned_after_retention(self):
        with freeze_time("2026-03-02 08:00:00"):
            self._call(
                "POST",
                "/requests",
                json_body=self._payload(),
                headers={"Idempotency-Key": "old"},
            )
        Idempotency = self.env["endocs.api.idempotency"]
        self.assertEqual(Idempotency.search_count([("key", "=", "old")]), 1)
        with freeze_time("2026-03-08 08:00:00"):
            Idempotency._cron_endocs_clean()
        self.assertEqual(Idempotency.search_count([("key", "=", "old")]), 1)
        with freeze_time("2026-03-09 09:00:00"):
            Idempotency._cron_endocs_clean()
        self.assertFalse(Idempotency.search_count([("key", "=", "old")]))

    # ------------------------------------------------------------------
    # Reading
    # ------------------------------------------------------------------

    def test_list_is_the_organisations_requests_paginated(self):
        mine = [self._create(subject=f"Вопрос {i}") for i in range(3)]
        self._create(
            subject="Чужой",
            org_name="АО Вектор",
            client_ref="ED-2002",
            login_email="o@vector.ru",
        )
        response = self._call("GET", f"/requests?{self._identity()}&per_page=2")
        self.assertEqual(response.status_code, 200)
        body = response.json()
        self.assertEqual((body["total"], body["pages"], len(body["items"])), (3, 2, 2))
        page2 = self._call("GET", f"/requests?{self._identity()}&per_page=2&page=2")
        numbers = {i["number"] for i in body["items"] + page2.json()["items"]}
        self.assertEqual(numbers, {t.number for t in mine})
        self.assertEqual(body["items"][0]["state"]["code"], "new")
        bad = self._call("GET", f"/requests?{self._identity()}&per_page=1000")
        self.assertEqual(bad.status_code, 400)
        self.assertEqual(bad.json()["error_codes"], {"per_page": "range"})
        missing = self._call("GET", "/requests")
        self.assertEqual(
            set(missing.json()["error_codes"]), {"login_email", "client_ref"}
        )

    def test_detail_confined_to_the_organisation(self):
        theirs = self._create(
            org_name="АО Вектор", client_ref="ED-2002", login_email="o@vector.ru"
        )
        response = self._call("GET", f"/requests/{theirs.number}?{self._identity()}")
        self.assertEqual(response.status_code, 404)
        # someone of Romashka naming Vector's client ID is not let in
        response = self._call(
            "GET", f"/requests/{theirs.number}?{self._identity(ref='ED-2002')}"
        )
        self.assertEqual(response.status_code, 403)
        self.assertEqual(response.json()["code"], "identity_rejected")

    @freeze_time("2026-02-28 12:00:00")  # Saturday
    def test_detail_times_sla_messages_and_questions(self):
        ticket = self._create()
        ticket.team_id = self.env.ref("endocs_support.helpdesk_team_support")
        self.env["endocs.notice"]._cron_post_notices()
        ticket.message_post(body="Внутренняя заметка", subtype_xmlid="mail.mt_note")
        # the SLA targets, told as the notices tell them
        before = self._call("GET", f"/requests/{ticket.number}?{self._identity()}")
        deadlines = {
            "accept_by": ticket.endocs_accept_deadline,
            "first_response_by": ticket.endocs_response_deadline,
            "resolve_by": ticket.endocs_resolve_deadline,
        }
        self.assertTrue(all(deadlines.values()))
        for name, moment in deadlines.items():
            told = before.json()["sla"][name]
            self.assertEqual(told["text"], ticket._endocs_format_moment(moment))
            self.assertIn("(МСК)", told["text"])
        with freeze_time("2026-03-02 08:00:00"):
            ticket.action_endocs_accept()
            wizard = Form(
                self.env["endocs.ticket.wait.wizard"].with_context(
                    default_ticket_id=ticket.id, default_reason="customer"
                )
            )
            wizard.message = "Пришлите журнал ошибок."
            wizard.save().action_confirm()
        response = self._call("GET", f"/requests/{ticket.number}?{self._identity()}")
        self.assertEqual(response.status_code, 200, response.text)
        body = response.json()
        self.assertEqual(body["state"]["code"], "waiting_customer")
        self.assertEqual(body["time_zone"], "Europe/Moscow")
        self.assertEqual(body["received"]["utc"], "2026-02-28T12:00:00Z")
        self.assertEqual(body["received"]["local"], "2026-02-28T15:00:00+03:00")
        self.assertEqual(body["processing_start"]["utc"], "2026-03-02T07:00:00Z")
        self.assertEqual(body["processing_start"]["text"], "02.03.2026 10:00 (МСК)")
        self.assertTrue(body["off_hours"])
        self.assertEqual(
            [q["question"] for q in body["open_questions"]], ["Пришлите журнал ошибок."]
        )
        # waiting for the customer: the SLA clocks are stopped
        self.assertTrue(body["sla"]["paused"])
        texts = " ".join(m["body"] for m in body["messages"])
        self.assertIn("Пришлите журнал ошибок.", texts)
        self.assertNotIn("Внутренняя заметка", texts)

    # ------------------------------------------------------------------
    # Replies
    # ------------------------------------------------------------------

    def test_reply_answers_the_question_and_returns_the_request_to_work(self):
        ticket = self._create()
        self.env["endocs.notice"]._cron_post_notices()
        ticket.action_endocs_accept()
        wizard = Form(
            self.env["endocs.ticket.wait.wizard"].with_context(
                default_ticket_id=ticket.id, default_reason="customer"
            )
        )
        wizard.message = "Пришлите журнал ошибок."
        wizard.save().action_confirm()
        self.assertEqual(ticket.endocs_stage_role, "waiting_customer")
        self.assertTrue(ticket.endocs_wait_since)
        response = self._call(
            "POST",
            f"/requests/{ticket.number}/messages",
            json_body={
                "login_email": "i.petrov@romashka.ru",
                "client_ref": "ED-1001",
                "body": "Журнал во вложении.",
                "attachments": [
                    {
                        "name": "error.log",
                        "content_base64": base64.b64encode(b"E").decode(),
                    }
                ],
            },
            headers={"Idempotency-Key": "reply-1"},
        )
        self.assertEqual(response.status_code, 201, response.text)
        body = response.json()
        self.assertEqual(body["request"]["state"]["code"], "in_progress")
        self.assertEqual(body["request"]["open_questions"], [])
        ticket.invalidate_recordset()
        question = ticket.endocs_info_request_ids
        self.assertEqual(question.state, "answered")
        message = question.answer_message_id
        self.assertEqual(message.id, body["message_id"])
        self.assertEqual(message.author_id, self.contact)
        self.assertEqual(message.attachment_ids.mapped("name"), ["error.log"])
        self.assertEqual(ticket.endocs_stage_role, "in_progress")
        self.assertFalse(ticket.endocs_wait_since)
        self.assertTrue(ticket.endocs_pause_ids.date_to)
        # a retry of the same reply posts nothing more
        again = self._call(
            "POST",
            f"/requests/{ticket.number}/messages",
            json_body={
                "login_email": "i.petrov@romashka.ru",
                "client_ref": "ED-1001",
                "body": "Журнал во вложении.",
                "attachments": [
                    {
                        "name": "error.log",
                        "content_base64": base64.b64encode(b"E").decode(),
                    }
                ],
            },
            headers={"Idempotency-Key": "reply-1"},
        )
        self.assertEqual(again.json()["message_id"], message.id)
        empty = self._call(
            "POST",
            f"/requests/{ticket.number}/messages",
            json_body={"login_email": "i.petrov@romashka.ru", "client_ref": "ED-1001"},
        )
        self.assertEqual(empty.json()["error_codes"], {"body": "required"})

    # ------------------------------------------------------------------
    # Processing start (R-TIME-6)
    # ------------------------------------------------------------------

    def test_processing_start_off_hours_and_in_hours(self):
        response = self._call("GET", "/processing-start?at=2026-02-28T12:00:00Z")
        self.assertEqual(response.status_code, 200)
        body = response.json()
        self.assertTrue(body["off_hours"])
        self.assertEqual(body["processing_start"]["utc"], "2026-03-02T07:00:00Z")
        self.assertEqual(body["notice"], "Обработка начнётся 02.03.2026 10:00 (МСК).")
        response = self._call("GET", "/processing-start?at=2026-03-02T08:00:00%2B00:00")
        self.assertFalse(response.json()["off_hours"])
        self.assertIsNone(response.json()["notice"])
        bad = self._call("GET", "/processing-start?at=tomorrow")
        self.assertEqual(bad.json()["error_codes"], {"at": "datetime"})

    # ------------------------------------------------------------------
    # Security (R-SEC-1)
    # ------------------------------------------------------------------

    def test_keys_are_hashed_shown_once_and_managed_by_managers(self):
        self.assertTrue(self.token.startswith("endocs_"))
        self.env.cr.execute(
            "SELECT key_hash, key_prefix FROM endocs_api_key WHERE id = %s",
            (self.key.id,),
        )
        key_hash, prefix = self.env.cr.fetchone()
        self.assertNotIn(self.token, key_hash)
        self.assertIn(prefix, self.token)
        self.env.cr.execute(
            "SELECT count(*) FROM endocs_api_key WHERE key_hash = %s OR name = %s",
            (self.token, self.token),
        )
        self.assertEqual(self.env.cr.fetchone()[0], 0)
        manager = new_test_user(
            self.env, login="api_manager", groups="helpdesk_mgmt.group_helpdesk_manager"
        )
        specialist = new_test_user(
            self.env, login="api_specialist", groups="helpdesk_mgmt.group_helpdesk_user"
        )
        key = self.Key.with_user(manager).create({"name": "Staging"})
        action = key.action_endocs_generate()
        token = self.env["endocs.api.key.show"].browse(action["res_id"]).key
        self.assertEqual(
            self._call("GET", "/processing-start", token=token).status_code, 200
        )
        with self.assertRaises(AccessError):
            self.Key.with_user(specialist).create({"name": "Mine"})
        with self.assertRaises(AccessError):
            self.Key.with_user(specialist).search([])
        # a new secret: the old one stops working
        key.action_endocs_generate()
        self.assertEqual(
            self._call("GET", "/processing-start", token=token).status_code, 401
        )
        key.active = False

    def test_authentication_and_scopes(self):
        self.assertEqual(
            self._call("GET", "/processing-start", token=False).status_code, 401
        )
        response = self._call("GET", "/processing-start", token="endocs_nope_nope")
        self.assertEqual(response.status_code, 401)
        self.assertEqual(response.json()["code"], "unauthorized")
        response = self._call(
            "POST", "/requests", token=self.read_token, json_body=self._payload()
        )
        self.assertEqual(response.status_code, 403)
        self.assertEqual(response.json()["code"], "scope_denied")
        self.assertEqual(
            self._call(
                "GET", f"/requests?{self._identity()}", token=self.read_token
            ).status_code,
            200,
        )
        self.key.scope_read = False
        self.assertEqual(
            self._call("GET", f"/requests?{self._identity()}").status_code, 403
        )
        self.key.active = False
        self.assertEqual(self._call("GET", "/processing-start").status_code, 401)

    def test_legacy_user_keys_create_only(self):
        user = new_test_user(
            self.env,
            login="legacy_widget",
            groups="base.group_user,endocs_support.group_endocs_api",
        )
        token = (
            self.env["res.users.apikeys"]
            .with_user(user)
            .sudo()
            ._generate(None, "widget", None)
        )
        self.assertEqual(
            self._call(
                "POST", "/requests", token=token, json_body=self._payload()
            ).status_code,
            201,
        )
        response = self._call("GET", f"/requests?{self._identity()}", token=token)
        self.assertEqual(response.status_code, 403)

    def test_wrong_client_ids_are_throttled(self):
        with freeze_time("2026-03-02 08:00:00"):
            for _attempt in range(4):
                response = self._call(
                    "GET", f"/requests?{self._identity(ref='ZZ-9999')}"
                )
                self.assertEqual(response.status_code, 403)
            response = self._call(
                "POST", "/requests", json_body=self._payload(client_ref="ED-2002")
            )
            self.assertEqual(
                response.json()["error_codes"], {"client_ref": "client_ref_mismatch"}
            )
            # the fifth wrong one throttles: even the right identity waits
            response = self._call("GET", f"/requests?{self._identity()}")
            self.assertEqual(response.status_code, 429)
            self.assertEqual(response.json()["code"], "throttled")
            self.assertEqual(response.headers["Retry-After"], "900")
            # another key is not throttled
            self.assertEqual(
                self._call(
                    "GET", f"/requests?{self._identity()}", token=self.read_token
                ).status_code,
                200,
            )
        with freeze_time("2026-03-02 08:14:00"):
            response = self._call("GET", f"/requests?{self._identity()}")
            self.assertEqual(response.headers["Retry-After"], "60")
        with freeze_time("2026-03-02 08:15:01"):
            self.assertEqual(
                self._call("GET", f"/requests?{self._identity()}").status_code, 200
            )

    def test_cors_origins_per_key(self):
        preflight = self.opener.options(
            self.base_url() + f"{API}/requests",
            headers={
                "Origin": "https://app.endocs.ru",
                "Access-Control-Request-Method": "POST",
            },
        )
        self.assertEqual(preflight.status_code, 204)
        self.assertIn(
            "Idempotency-Key", preflight.headers["Access-Control-Allow-Headers"]
        )
        origin = {"Origin": "https://app.endocs.ru"}
        response = self._call("GET", "/processing-start", headers=origin)
        self.assertEqual(response.status_code, 403)
        self.assertEqual(response.json()["code"], "origin_not_allowed")
        self.key.allowed_origins = "https://app.endocs.ru\nhttps://test.endocs.ru"
        response = self._call("GET", "/processing-start", headers=origin)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.headers["Access-Control-Allow-Origin"], "https://app.endocs.ru"
        )

    def test_errors_of_the_body(self):
        response = self._call(
            "POST",
            "/requests",
            data="{not json",
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(
            (response.status_code, response.json()["code"]), (400, "invalid_json")
        )
        response = self._call(
            "POST", "/requests", data="x", headers={"Content-Type": "text/plain"}
        )
        self.assertEqual(response.status_code, 415)
        response = self._call(
            "POST",
            "/requests",
            json_body=self._payload(),
            headers={"Idempotency-Key": "x" * 300},
        )
        self.assertEqual(response.json()["code"], "invalid_idempotency_key")
