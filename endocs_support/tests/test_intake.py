# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Registration, eligibility, sender matching, channels and split:
R-IN-1, R-IN-5, R-IN-6, R-IN-7, R-CON-1, R-CON-2, R-CON-3, R-TIME-6."""

from datetime import date, datetime

from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, freeze_time

from .common import EndocsCase


class TestIntake(EndocsCase):
    def _registration_messages(self, ticket):
        template = self.env.ref("endocs_support.mail_template_registration")
        return ticket.message_ids.filtered(
            lambda m: m.subject
            and m.subject.startswith(f"Запрос {ticket.number} ")
            and m.message_type == "comment"
            and template
        )

    @freeze_time("2025-10-15 09:00:00")  # Wednesday 12:00 Moscow
    def test_registration_in_working_time_r_in_6(self):
        with self.mock_mail_gateway():
            ticket = self.Ticket.create(self.intake_vals())
        self.assertNotEqual(ticket.number, "/")
        self.assertEqual(ticket.endocs_received_at, datetime(2025, 10, 15, 9, 0))
        self.assertEqual(ticket.endocs_processing_start, ticket.endocs_received_at)
        self.assertFalse(ticket.endocs_off_hours)
        self.assertEqual(ticket.endocs_registered_at, datetime(2025, 10, 15, 9, 0))
        self.assertEqual(len(self._registration_messages(ticket)), 1)
        mail = self._find_mail_mail_wpartners(self.contact, "outgoing")
        self.assertIn(ticket.number, mail.subject)
        self.assertIn("15.10.2025 12:00", mail.body_html)
        self.assertNotIn("вне рабочего времени", mail.body_html)
        # registering again is a no-op; forcing sends again
        ticket._endocs_send_registration()
        self.assertEqual(len(self._registration_messages(ticket)), 1)

    @freeze_time("2025-12-31 15:00:00")  # 31 Dec 18:00 Moscow, a day off
    def test_registration_off_hours_r_in_6_r_time_6(self):
        with self.mock_mail_gateway():
            ticket = self.Ticket.create(self.intake_vals())
        self.assertTrue(ticket.endocs_off_hours)
        self.assertEqual(ticket.endocs_processing_start, datetime(2026, 1, 12, 7, 0))
        mail = self._find_mail_mail_wpartners(self.contact, "outgoing")
        self.assertIn("вне рабочего времени", mail.body_html)
        self.assertIn("12.01.2026 10:00", mail.body_html)

    def test_work_starts_after_registration_r_in_6(self):
        ticket = self.Ticket.create(
            self.intake_vals(
                partner_id=False, partner_email=False, endocs_login_email=False
            )
        )
        self.assertFalse(ticket.endocs_registered_at)
        with self.assertRaises(UserError):
            ticket._endocs_check_registered()
        ticket.partner_id = self.contact
        ticket.action_endocs_send_registration()
        ticket._endocs_check_registered()
        self.assertTrue(ticket.endocs_registered_at)

    def test_incomplete_request_lists_missing_r_in_2_r_in_4(self):
        with self.mock_mail_gateway():
            ticket = self.Ticket.create(
                self.intake_vals(endocs_contact_phone="12-34", endocs_client_ref=False)
            )
        self.assertFalse(ticket.endocs_intake_complete)
        self.assertEqual(ticket.endocs_intake_missing, "client_ref,contact_phone")
        mail = self._find_mail_mail_wpartners(self.contact, "outgoing")
        self.assertIn("ИД клиента", mail.body_html)
        self.assertIn("Телефон контактного лица", mail.body_html)
        ticket.write(
            {"endocs_client_ref": "ED-1001", "endocs_contact_phone": "+7 495 1112233"}
        )
        self.assertTrue(ticket.endocs_intake_complete)
        self.assertFalse(ticket.endocs_intake_missing)

    # ------------------------------------------------------------------
    # Eligibility
    # ------------------------------------------------------------------

    @freeze_time("2026-03-02 09:00:00")
    def test_eligibility_r_con_1_r_con_2_r_con_3(self):
        cases = [
            (self.contact, self.category_free, "free", False),
            (self.contact, self.category_paid, "paid", False),
            (self.contact2, self.category_free, "no_subscription", True),
        ]
        for partner, category, expected, flagged in cases:
            ticket = self.Ticket.create(
                self.intake_vals(
                    partner_id=partner.id,
                    category_id=category.id,
                    endocs_client_ref=partner.commercial_partner_id.endocs_client_ref,
                )
            )
            self.assertEqual(ticket.endocs_eligibility, expected, partner.name)
            self.assertEqual(ticket.endocs_eligibility_flag, flagged)
        self.assertTrue(self.org.endocs_subscription_active)
        self.assertTrue(self.org.endocs_paid_support_active)
        self.assertFalse(self.org2.endocs_subscription_active)
        self.paid_contract.date_end = date(2026, 2, 28)
        self.assertFalse(self.org.endocs_paid_support_active)
        with self.mock_mail_gateway():
            ticket = self.Ticket.create(
                self.intake_vals(category_id=self.category_paid.id)
            )
        self.assertEqual(ticket.endocs_eligibility, "paid_no_contract")
        mail = self._find_mail_mail_wpartners(self.contact, "outgoing")
        self.assertIn("платной технической поддержки", mail.body_html)
        with self.mock_mail_gateway():
            ticket = self.Ticket.create(
                self.intake_vals(
                    partner_id=self.contact2.id, endocs_client_ref="ED-2002"
                )
            )
        mail = self._find_mail_mail_wpartners(self.contact2, "outgoing")
        self.assertIn("(п. 2.1 Регламента)", mail.body_html)

    @freeze_time("2026-03-02 09:00:00")
    def test_kept_contracts_follow_every_change_r_con_1(self):
        """Each worker keeps the contracts (a new request asks them): archiving,
        dates, another organisation and a new contract are seen by the next
        request, asked again without a query; a user sees the contracts of
        the companies allowed to them only."""
        terms = self.org._endocs_support_terms
        on_date = date(2026, 3, 2)
        self.assertEqual(terms(on_date, "paid").paid_contract, self.paid_contract)
        with self.assertQueryCount(0):
            self.assertEqual(terms(on_date, "paid").eligibility, "paid")
        self.paid_contract.action_archive()
        self.assertEqual(terms(on_date, "paid").eligibility, "paid_no_contract")
        self.paid_contract.action_unarchive()
        self.assertEqual(terms(on_date, "paid").eligibility, "paid")
        self.paid_contract.date_start = date(2026, 3, 3)
        self.assertEqual(terms(on_date, "paid").eligibility, "paid_no_contract")
        self.assertEqual(terms(date(2026, 3, 3), "paid").eligibility, "paid")
        self.subscription.partner_id = self.org2
        self.assertEqual(terms(on_date, "free").eligibility, "no_subscription")
        self.assertEqual(
            self.org2._endocs_support_terms(on_date, "free").subscription,
            self.subscription,
        )
        later = self.env["endocs.support.contract"].create(
            {
                "name": "SUB-2026-2",
                "partner_id": self.org.id,
                "contract_type": "subscription",
                "date_start": date(2026, 1, 1),
            }
        )
        self.assertEqual(terms(on_date, "free").subscription, later)
        ticket = self.Ticket.create(self.intake_vals(category_id=self.category_free.id))
        self.assertEqual(ticket.endocs_eligibility, "free")
        west = self.env["res.company"].create({"name": "ЭнДокс Запад"})
        later.company_id = west
        self.assertEqual(
            terms(on_date, "free").subscription, later, "the desk sees all"
        )
        self.assertFalse(
            self.org.with_user(self.specialist)
            .with_context(allowed_company_ids=self.env.company.ids)
            ._endocs_support_terms(on_date, "free")
            .subscription,
            "a contract of a company the user may not see",
        )

    def test_contract_constraints_r_con_1(self):
        Contract = self.env["endocs.support.contract"]
        with self.assertRaises(ValidationError):
            Contract.create(
                {
                    "name": "X",
                    "partner_id": self.contact.id,
                    "date_start": date(2025, 1, 1),
                }
            )
        with self.assertRaises(IntegrityError), self.cr.savepoint():
            Contract.create(
                {
                    "name": "Y",
                    "partner_id": self.org.id,
                    "date_start": date(2025, 1, 2),
                    "date_end": date(2025, 1, 1),
                }
            )

    def test_client_ref_unique_and_valid_r_in_3(self):
        with self.assertRaises(ValidationError):
            self.env["res.partner"].create(
                {"name": "Дубль", "is_company": True, "endocs_client_ref": "ed-1001"}
            )
        with self.assertRaises(ValidationError):
            self.env["res.partner"].create(
                {"name": "Плохой", "is_company": True, "endocs_client_ref": "ED 1"}
            )
        self.assertEqual(self.contact.endocs_client_ref, "ED-1001")  # from the org

    def test_client_ref_must_be_the_organisations_r_in_3(self):
        """The client ID given with a request is the customer's organisation's;
        an organisation without one may not give another's."""
        Partner = self.env["res.partner"]

        def code(ref, partner):
            _clean, errors = self.Ticket._endocs_intake_problems(
                {"client_ref": ref}, partner
            )
            return errors.get("client_ref", (None,))[0]

        self.assertIsNone(code("ed-1001", self.contact))  # its own, in any case
        self.assertEqual(code("ED-2002", self.contact), "client_ref_mismatch")
        newcomer = Partner.create({"name": "ООО Новое", "is_company": True})
        person = Partner.create({"name": "Новый клиент", "parent_id": newcomer.id})
        self.assertEqual(code("ED-2002", person), "client_ref_mismatch")  # another's
        self.assertIsNone(code("ED-7777", person))  # nobody's yet

    # ------------------------------------------------------------------
    # Sender matching
    # ------------------------------------------------------------------

    def test_sender_matching_r_in_7(self):
        known = self.Ticket.create(self.intake_vals())
        self.assertEqual(known.endocs_sender_state, "matched")
        self.assertEqual(known.endocs_org_id, self.org)
        mismatch = self.Ticket.create(self.intake_vals(endocs_client_ref="ED-2002"))
        self.assertEqual(mismatch.endocs_sender_state, "mismatch")
        self.assertTrue(mismatch.endocs_sender_flag)
        org_only = self.Ticket.create(
            self.intake_vals(partner_id=False, partner_email="new.user@romashka.ru")
        )
        self.assertEqual(org_only.endocs_sender_state, "org_only")
        self.assertEqual(org_only.endocs_org_id, self.org)
        self.assertEqual(org_only.partner_id.email, "new.user@romashka.ru")
        unknown = self.Ticket.create(
            self.intake_vals(
                partner_id=False,
                partner_email="stranger@example.com",
                endocs_client_ref="ZZ-404",
            )
        )
        self.assertEqual(unknown.endocs_sender_state, "unknown")
        self.assertEqual(unknown.endocs_eligibility, "unknown_org")
        self.assertTrue(unknown.endocs_registered_at)

    # ------------------------------------------------------------------
    # Channels
    # ------------------------------------------------------------------

    def test_no_phone_channel_r_in_1(self):
        phone = self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone")
        self.assertFalse(phone.active)
        with self.assertRaises(UserError):
            self.Ticket.create(self.intake_vals(channel_id=phone.id))
        self.assertTrue(
            self.env.ref("endocs_support.helpdesk_ticket_channel_api").active
        )

    # ------------------------------------------------------------------
    # Split
    # ------------------------------------------------------------------

    def test_split_r_in_5(self):
        ticket = self.Ticket.create(self.intake_vals())
        first = ticket.message_post(
            body="Ещё вопрос: как выгрузить отчёт?",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            author_id=self.contact.id,
            attachments=[("report.png", b"\x89PNG fake")],
        )
        other = ticket.message_post(
            body="По первому вопросу: спасибо", message_type="comment"
        )
        loose = self.env["ir.attachment"].create(
            {
                "name": "log.txt",
                "raw": b"log",
                "res_model": "helpdesk.ticket",
                "res_id": ticket.id,
            }
        )
        wizard_form = Form(
            self.env["endocs.ticket.split.wizard"].with_context(
                default_ticket_id=ticket.id
            )
        )
        wizard_form.name = "Как выгрузить отчёт"
        wizard_form.description = "<p>Как выгрузить отчёт в Excel?</p>"
        wizard_form.message_ids.add(first)
        wizard_form.attachment_ids.add(loose)
        wizard = wizard_form.save()
        self.assertEqual(wizard.category_id, ticket.category_id)
        with self.mock_mail_gateway():
            action = wizard.action_split()
        new = self.Ticket.browse(action["res_id"])
        self.assertEqual(new.endocs_parent_id, ticket)
        self.assertIn(new, ticket.endocs_split_ids)
        self.assertNotEqual(new.number, ticket.number)
        self.assertEqual(new.endocs_client_ref, "ED-1001")
        self.assertEqual(first.res_id, new.id)
        self.assertEqual(other.res_id, ticket.id)
        self.assertEqual(loose.res_id, new.id)
        self.assertEqual(first.attachment_ids.res_id, new.id)
        self.assertTrue(new.endocs_registered_at)
        mail = self._find_mail_mail_wpartners(self.contact, "outgoing")
        self.assertIn(new.number, mail.subject)
        self.assertIn(ticket.number, mail.subject)
        self.assertIn(new.number, ticket.message_ids[0].body)

    def test_split_refuses_foreign_messages_r_in_5(self):
        ticket = self.Ticket.create(self.intake_vals())
        other = self.Ticket.create(self.intake_vals())
        message = other.message_post(body="чужое", message_type="comment")
        with self.assertRaises(UserError):
            self.env["endocs.ticket.split.wizard"].create(
                {
                    "ticket_id": ticket.id,
                    "name": "x",
                    "description": "<p>x</p>",
                    "message_ids": [(6, 0, message.ids)],
                }
            )
