# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The customer's actions on a regulated request (R-WF-6): confirm the solution
the specialist gave, withdraw with a reason; never an error page. Times on the
portal in the team's zone, named (R-TIME-6)."""

import json
import re
from datetime import datetime

from odoo.tests import HttpCase, freeze_time, new_test_user, tagged

from .common import create_organisations, posting_queued_notices_at_once


@tagged("post_install", "-at_install")
class TestPortalCustomer(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.startClassPatcher(posting_queued_notices_at_once())
        env = cls.env
        cls.org, _org2, _subscription = create_organisations(env)
        cls.portal_user = new_test_user(
            env,
            login="endocs_customer",
            password="endocs_customer",
            groups="base.group_portal",
            name="Мария Иванова",
            email="m.ivanova@romashka.ru",
            lang="ru_RU",
            tz="Asia/Vladivostok",  # the portal still tells Moscow time
        )
        cls.portal_user.partner_id.write(
            {"parent_id": cls.org.id, "phone": "+7 495 123-45-67"}
        )
        cls.team = env.ref("endocs_support.helpdesk_team_support")
        cls.specialist = new_test_user(
            env,
            login="endocs_spec",
            groups="base.group_user,helpdesk_mgmt.group_helpdesk_user",
            name="Специалист",
        )
        with freeze_time(datetime(2025, 10, 15, 8, 30)):  # Wed 11:30 Moscow
            cls.ticket = (
                env["helpdesk.ticket"]
                .sudo()
                .create(
                    {
                        "name": "Не подписывается документ",
                        "team_id": cls.team.id,
                        "partner_id": cls.portal_user.partner_id.id,
                        "user_id": cls.specialist.id,
                        "endocs_org_name": "ООО Ромашка",
                        "endocs_client_ref": "ED-1001",
                        "endocs_contact_name": "Мария Иванова",
                        "endocs_contact_phone": "+74951234567",
                        "endocs_login_email": "m.ivanova@romashka.ru",
                        "description": "<p>Документ не подписывается.</p>",
                    }
                )
            )
        cls.ticket.message_subscribe(partner_ids=cls.portal_user.partner_id.ids)

    def setUp(self):
        super().setUp()
        self.authenticate("endocs_customer", "endocs_customer")

    def _page(self, url=None):
        response = self.url_open(url or f"/my/ticket/{self.ticket.id}")
        self.assertEqual(response.status_code, 200)
        return response

    def _close(self, role, **extra):
        page = self._page().text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        stage = self.ticket._endocs_stage(role)
        data = {
            "csrf_token": token,
            "ticket_id": self.ticket.id,
            "stage_id": stage.id,
            **extra,
        }
        return self.url_open("/ticket/close", data=data)

    def test_page_offers_the_customers_actions_in_moscow_time(self):
        text = self._page().text
        self.assertIn('id="endocs_withdraw_form"', text)
        self.assertNotIn('id="endocs_confirm_form"', text)  # no solution yet
        self.assertNotIn('name="ticket_close_buttons"', text)
        # created 08:30 UTC: 11:30 in Moscow, whatever the customer's zone
        self.assertIn("15.10.2025 11:30 (МСК)", text)
        self.assertNotIn("15.10.2025 18:30", text)  # Vladivostok

    def test_the_form_keeps_odoos_upload_limit(self):
        """The regulated form's upload limit is Odoo's parameter, for the
        customer (whose session on that form is the limit alone) as for staff
        (Odoo's whole session)."""
        self.env["ir.config_parameter"].sudo().set_param(
            "web.max_file_upload_size", 7340032
        )
        for login in ("endocs_customer", "endocs_spec"):
            self.authenticate(login, login)
            text = self._page("/new/ticket").text
            self.assertIn('name="client_ref"', text, login)  # our form
            self.assertIn('max_upload_size="7340032"', text, login)

    def test_confirm_without_a_solution_says_why(self):
        response = self._close("resolved")
        self.assertEqual(response.status_code, 200)
        self.assertIn("ещё не дал решения", response.text)
        self.assertFalse(self.ticket.closed)

    def test_confirm_the_specialists_solution(self):
        self.ticket.write(
            {"endocs_resolution": "Обновите плагин.", "endocs_delivery_method": "email"}
        )
        text = self._page().text
        self.assertIn('id="endocs_confirm_form"', text)
        self.assertIn("Обновите плагин.", text)
        response = self._close("resolved")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(self.ticket.closed)
        self.assertEqual(self.ticket.endocs_stage_role, "resolved")
        self.assertTrue(self.ticket.endocs_resolution_confirmed_at)

    def test_withdraw_needs_a_reason_that_reaches_the_specialist(self):
        response = self._close("withdrawn", reason="  ")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Укажите, почему вы отзываете запрос", response.text)
        self.assertFalse(self.ticket.closed)
        response = self._close("withdrawn", reason="Проблема решилась сама.")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(self.ticket.closed)
        self.assertEqual(self.ticket.endocs_stage_role, "withdrawn")
        self.assertEqual(self.ticket.endocs_withdraw_reason, "Проблема решилась сама.")
        message = self.ticket.message_ids.filtered(
            lambda m: "Проблема решилась сама." in (m.body or "")
        )
        self.assertEqual(message.author_id, self.portal_user.partner_id)
        self.assertIn(self.specialist.partner_id, message.notified_partner_ids)

    def test_other_stage_or_closed_request_is_a_message_not_an_error(self):
        rejected = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_rejected")
        page = self._page().text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        response = self.url_open(
            "/ticket/close",
            data={
                "csrf_token": token,
                "ticket_id": self.ticket.id,
                "stage_id": rejected.id,
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertFalse(self.ticket.closed)
        response = self.url_open(
            "/ticket/close",
            data={"csrf_token": token, "ticket_id": self.ticket.id, "stage_id": "x"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertFalse(self.ticket.closed)

    def test_non_numeric_choice_is_no_server_error(self):
        page = self._page("/new/ticket").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        response = self.url_open(
            "/submitted/ticket",
            data={
                "csrf_token": token,
                "subject": "x",
                "category": "abc",
                "team": "1; drop",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn('id="endocs_request_form"', response.text)

    def test_incomplete_submission_redirects_to_no_request(self):
        """The form with errors comes back by a redirect (Post/Redirect/Get)
        whose last path segment is 0, never a request's id: addons that read
        the new request from the redirect (helpdesk_mgmt_portal_follower)
        subscribe no one to another request, and nothing fails."""
        page = self._page("/new/ticket").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        before = self.env["helpdesk.ticket"].search_count([])
        response = self.url_open(
            "/submitted/ticket",
            data={"csrf_token": token, "subject": "Вопрос", "description": "Кратко"},
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303)
        location = response.headers["Location"]
        self.assertEqual(int(location.split("/")[-1]), 0)
        self.assertEqual(self.env["helpdesk.ticket"].search_count([]), before)
        shown = self.url_open(location)
        self.assertEqual(shown.status_code, 200)
        self.assertIn('id="endocs_form_errors"', shown.text)
        self.assertIn('id="error_org_name"', shown.text)
        # what was typed is kept, as typed: no whitespace of the template
        # around it (it would be sent again as part of the description)
        typed = re.search(
            r'<textarea[^>]*name="description"[^>]*>([^<]*)</textarea>', shown.text
        )
        self.assertEqual(typed.group(1), "Кратко")

    def test_notices_are_on_the_portal_chatter_for_the_customer_only(self):
        """The desk's notices are discussion messages: the portal's chatter
        shows them; the specialist following the request is not sent a copy."""
        page = self._page().text
        token = re.search(r'data-token="([^"]+)"', page).group(1)
        response = self.url_open(
            "/mail/chatter_fetch",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "params": {
                        "thread_model": "helpdesk.ticket",
                        "thread_id": self.ticket.id,
                        "token": token,
                    },
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        messages = response.json()["result"]["data"]["mail.message"]
        registration = [m for m in messages if self.ticket.number in m["body"]]
        self.assertEqual(len(registration), 1, "the registration notice is shown")
        notice = self.ticket.message_ids.filtered(
            lambda m: m.id == registration[0]["id"]
        )
        self.assertIn(self.specialist.partner_id, self.ticket.message_partner_ids)
        self.assertEqual(notice.notified_partner_ids, self.portal_user.partner_id)

    def test_chatter_tells_moscow_time_in_any_browser_zone(self):
        """The chatter's times, formatted by the browser (headless Chromium
        runs in UTC here), are the team's zone too: the registration notice
        posted at 08:30 UTC reads 11:30, as «Получен 15.10.2025 11:30 (МСК)»."""
        code = """
        const until = async (check, what) => {
            for (let i = 0; i < 300; i++) {
                const value = check();
                if (value) return value;
                await new Promise((resolve) => setTimeout(resolve, 50));
            }
            throw new Error("not seen: " + what);
        };
        (async () => {
            const root = await until(
                () => document.querySelector("#chatterRoot")?.shadowRoot, "chatter");
            await until(() => root.textContent.includes("зарегистрирован"), "notice");
            if (!root.textContent.includes("11:30")) throw new Error("not Moscow time");
            if (root.textContent.includes("08:30")) throw new Error("UTC shown");
            const note = document.querySelector("#endocs_zone_note").textContent;
            if (!note.includes("МСК")) throw new Error("the zone is not named");
            console.log("test successful");
        })().catch((error) => console.error(error.message));
        """
        self.browser_js(
            f"/my/ticket/{self.ticket.id}", code, ready="true", login="endocs_customer"
        )

    def test_other_addons_fields_appear_on_the_form(self):
        """The form is helpdesk_mgmt's template, extended: a field another
        addon adds to it the way helpdesk_type and portal_follower do (after
        the category's group, after the attachments' group) is on the page,
        with the regulation's fields, also when the form comes back with its
        errors."""
        self.env["ir.ui.view"].create(
            {
                "name": "another addon's portal field",
                "type": "qweb",
                "inherit_id": self.env.ref("helpdesk_mgmt.portal_create_ticket").id,
                "priority": 40,
                "arch": """
                <data>
                    <xpath
                        expr="//input[@name='attachment']/ancestor::div[
                            hasclass('form-group')]"
                        position="after"
                    >
                        <div class="form-group">
                            <input name="followers" id="probe_followers"/>
                        </div>
                    </xpath>
                    <xpath
                        expr="//label[@for='subject']/ancestor::div[
                            hasclass('form-group')]"
                        position="before"
                    >
                        <div class="form-group">
                            <select name="type" id="probe_type"/>
                        </div>
                    </xpath>
                </data>""",
            }
        )
        page = self._page("/new/ticket").text
        for probe in ('id="probe_followers"', 'id="probe_type"', 'id="org_name"'):
            self.assertIn(probe, page)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        shown = self.url_open(
            "/submitted/ticket", data={"csrf_token": token, "subject": "x"}
        ).text
        self.assertIn('id="endocs_form_errors"', shown)
        self.assertIn('id="probe_followers"', shown)
