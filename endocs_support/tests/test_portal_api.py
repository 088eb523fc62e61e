# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Portal form and JSON intake API: R-IN-1, R-IN-2, R-IN-3."""

import json
import re

from odoo.tests import HttpCase, new_test_user, tagged

from .common import create_organisations


@tagged("post_install", "-at_install")
class TestPortalApi(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.org, cls.org2, _subscription = create_organisations(env)
        cls.portal_user = new_test_user(
            env,
            login="endocs_portal",
            password="endocs_portal",
            groups="base.group_portal",
            name="Мария Иванова",
            email="m.ivanova@romashka.ru",
        )
        cls.portal_user.partner_id.write(
            {"parent_id": cls.org.id, "phone": "+7 495 123-45-67"}
        )
        cls.api_user = new_test_user(
            env,
            login="endocs_widget",
            groups="base.group_user,endocs_support.group_endocs_api",
            name="EnDocs widget",
        )
        cls.api_key = (
            env["res.users.apikeys"]
            .with_user(cls.api_user)
            .sudo()
            ._generate(None, "widget", None)
        )
        cls.plain_user = new_test_user(
            env, login="endocs_plain", groups="base.group_user"
        )
        cls.plain_key = (
            env["res.users.apikeys"]
            .with_user(cls.plain_user)
            .sudo()
            ._generate(None, "x", None)
        )
        cls.Ticket = env["helpdesk.ticket"]

    # ------------------------------------------------------------------
    # Portal
    # ------------------------------------------------------------------

    def test_portal_tour_errors_then_success_r_in_3(self):
        """R-IN-3: browser tour — errors per field, typed data kept, then sent."""
        self.start_tour("/new/ticket", "endocs_portal_request", login="endocs_portal")
        ticket = self.Ticket.search([("name", "=", "Ошибка при подписании документа")])
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.partner_id, self.portal_user.partner_id)
        self.assertEqual(ticket.endocs_contact_phone, "+74951234567")
        self.assertEqual(ticket.endocs_scope, "several")
        self.assertTrue(ticket.endocs_intake_complete)
        self.assertEqual(
            ticket.channel_id, self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web")
        )

    def _portal_post(self, **fields):
        page = self.url_open("/new/ticket")
        self.assertEqual(page.status_code, 200)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        data = {
            "csrf_token": token,
            "subject": "Вопрос по маршрутам",
            "org_name": "ООО Ромашка",
            "client_ref": "ED-1001",
            "contact_name": "Мария Иванова",
            "contact_phone": "+7 495 123-45-67",
            "login_email": "m.ivanova@romashka.ru",
            "description": "Как настроить маршрут согласования договора?",
        }
        data.update(fields)
        return self.url_open("/submitted/ticket", data=data, allow_redirects=False)

    def test_portal_prefill_and_validation_r_in_2_r_in_3(self):
        self.authenticate("endocs_portal", "endocs_portal")
        page = self.url_open("/new/ticket")
        self.assertIn('value="ED-1001"', page.text)
        self.assertIn('value="ООО Ромашка"', page.text)
        response = self._portal_post(client_ref="ED-2002", contact_phone="", subject="")
        # Post/Redirect/Get: the form again, with what was typed and the errors
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.headers["Location"].endswith("/new/ticket/0"))
        response = self.url_open("/new/ticket/0")
        self.assertEqual(response.status_code, 200)
        self.assertIn('id="error_client_ref"', response.text)
        self.assertIn('id="error_contact_phone"', response.text)
        self.assertIn('id="error_subject"', response.text)
        self.assertIn("Как настроить маршрут согласования договора?", response.text)
        self.assertFalse(self.Ticket.search([("name", "=", "Вопрос по маршрутам")]))
        response = self._portal_post()
        self.assertEqual(response.status_code, 302)
        ticket = self.Ticket.search([("name", "=", "Вопрос по маршрутам")])
        self.assertIn(f"/my/ticket/{ticket.id}", response.headers["Location"])
        # registered once the scheduled action posted the queued notice
        self.env["endocs.notice"]._cron_post_notices()
        self.assertTrue(ticket.endocs_registered_at)

    # ------------------------------------------------------------------
    # API
    # ------------------------------------------------------------------

    def _api(self, payload, key=None, raw=None):
        headers = {"Content-Type": "application/json"}
        if key is not False:
            headers["Authorization"] = f"Bearer {key or self.api_key}"
        return self.url_open(
            "/api/endocs/v1/requests",
            data=raw if raw is not None else json.dumps(payload),
            headers=headers,
        )

    def _payload(self, **overrides):
        payload = {
            "subject": "Не приходят уведомления",
            "org_name": "ООО Ромашка",
            "client_ref": "ED-1001",
            "contact_name": "Иван Петров",
            "contact_phone": "+7 495 765-43-21",
            "login_email": "i.petrov@romashka.ru",
            "description": "С утра не приходят уведомления о новых документах.",
            "scope": "all",
            "category": "endocs_support.category_incident",
        }
        payload.update(overrides)
        return payload

    def test_api_creates_request_r_in_1(self):
        response = self._api(self._payload())
        self.assertEqual(response.status_code, 201, response.text)
        body = response.json()
        ticket = self.Ticket.browse(body["id"])
        self.assertEqual(body["number"], ticket.number)
        self.assertEqual(
            ticket.channel_id,
            self.env.ref("endocs_support.helpdesk_ticket_channel_api"),
        )
        self.assertEqual(ticket.partner_id.parent_id, self.org)
        self.assertEqual(ticket.partner_id.email, "i.petrov@romashka.ru")
        self.assertEqual(ticket.endocs_scope, "all")
        self.assertTrue(body["processing_start"].endswith("Z"))
        self.assertEqual(body["off_hours"], ticket.endocs_off_hours)
        self.env["endocs.notice"]._cron_post_notices()
        self.assertTrue(ticket.endocs_registered_at)
        # the same contact again: no duplicate contact
        response = self._api(self._payload(subject="Второй вопрос"))
        self.assertEqual(response.status_code, 201)
        second = self.Ticket.browse(response.json()["id"])
        self.assertEqual(second.partner_id, ticket.partner_id)

    def test_api_errors_r_in_3(self):
        response = self._api(
            self._payload(
                contact_phone="12", login_email="x@", description=None, subject=""
            )
        )
        self.assertEqual(response.status_code, 400)
        errors = response.json()["errors"]
        self.assertEqual(
            set(errors), {"contact_phone", "login_email", "description", "subject"}
        )
        response = self._api(self._payload(client_ref="ZZ-999"))
        errors = response.json()["errors"]
        self.assertEqual(list(errors), ["client_ref"])
        self.assertTrue(errors["client_ref"])  # in the API user's language
        self.env["res.partner"].create(
            {"name": "Чужой", "email": "stranger@vector.ru", "parent_id": self.org2.id}
        )
        response = self._api(self._payload(login_email="stranger@vector.ru"))
        self.assertEqual(list(response.json()["errors"]), ["client_ref"])
        response = self._api(self._payload(contact_name=["list"], category="nope"))
        self.assertEqual(set(response.json()["errors"]), {"contact_name", "category"})
        self.assertEqual(self._api(None, raw="{not json").status_code, 400)
        self.assertEqual(self._api(None, raw="[1, 2]").status_code, 400)
        self.assertFalse(
            self.Ticket.search([("channel_id.name", "=", "EnDocs widget (API)")])
        )

    def test_api_authentication_r_in_1(self):
        self.assertEqual(self._api(self._payload(), key=False).status_code, 401)
        self.assertEqual(self._api(self._payload(), key="wrong-key").status_code, 401)
        self.assertEqual(
            self._api(self._payload(), key=self.plain_key).status_code, 403
        )

    # ------------------------------------------------------------------
    # Hostile input (R-SEC-1, R-REL-1)
    # ------------------------------------------------------------------

    SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>'

    def test_api_html_and_script_are_inert(self):
        response = self._api(
            self._payload(
                subject=f"Тема {self.SCRIPT}",
                description=f"Описание проблемы подробно. {self.SCRIPT}",
            )
        )
        self.assertEqual(response.status_code, 201, response.text)
        ticket = self.Ticket.browse(response.json()["id"])
        # stored as text: no tag survives, the characters are escaped
        self.assertNotIn("<script", ticket.description)
        self.assertNotIn("<img", ticket.description)
        self.assertIn("&lt;script&gt;", ticket.description)
        self.assertIn("Описание проблемы подробно.", ticket.description)
        # the subject is text: kept as typed, escaped wherever it is shown
        self.assertIn("<script>", ticket.name)
        self.authenticate("endocs_portal", "endocs_portal")
        ticket.partner_id = self.portal_user.partner_id
        page = self.url_open(f"/my/ticket/{ticket.id}")
        self.assertEqual(page.status_code, 200)
        self.assertNotIn('<script>alert("x")', page.text)
        self.assertIn("&lt;script&gt;", page.text)

    def test_api_over_long_and_huge_bodies_are_refused(self):
        response = self._api(self._payload(subject="Я" * 5000, org_name="О" * 5000))
        self.assertEqual(response.status_code, 400)
        self.assertEqual(set(response.json()["errors"]), {"subject", "org_name"})
        huge = json.dumps(self._payload(description="x" * (2 * 1024 * 1024)))
        response = self._api(None, raw=huge)
        self.assertEqual(response.status_code, 413)
        self.assertIn("error", response.json())
        response = self._api(self._payload(subject=12345, description={"a": 1}))
        self.assertEqual(response.status_code, 400)
        self.assertEqual(set(response.json()["errors"]), {"subject", "description"})
        self.assertFalse(self.Ticket.search([("name", "like", "ЯЯЯЯ")]))

    def test_portal_script_and_over_long_fields(self):
        self.authenticate("endocs_portal", "endocs_portal")
        response = self._portal_post(contact_name="И" * 5000)
        self.assertEqual(response.status_code, 303)
        response = self.url_open(response.headers["Location"])
        self.assertIn('id="error_contact_name"', response.text)
        response = self._portal_post(
            subject=f"Скрипт {self.SCRIPT}",
            description=f"Описание проблемы подробно. {self.SCRIPT}",
        )
        self.assertEqual(response.status_code, 302)
        ticket = self.Ticket.search([("name", "like", "Скрипт")])
        self.assertNotIn("<script", ticket.description)
        page = self.url_open(f"/my/ticket/{ticket.id}")
        self.assertNotIn('<script>alert("x")', page.text)
