# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""R-WF-1, R-WF-7, R-SEC-1: the audit trail of a request (moments, pauses,
questions, breaches) is written by the workflow only, read by those who may read
the request, and corrected by a support manager with a reason."""

from datetime import date, datetime

from odoo.exceptions import AccessError
from odoo.tests import Form, freeze_time, new_test_user

from .common import EndocsCase


class TestAuditTrail(EndocsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env,
            login="endocs_audit_manager",
            groups="base.group_user,helpdesk_mgmt.group_helpdesk_manager",
        )
        with freeze_time("2025-10-13 07:00:00"):
            cls.ticket = cls.Ticket.create(cls.intake_vals(priority="1"))
            cls.ticket.with_user(cls.specialist).action_endocs_accept()
            wizard = Form(
                cls.env["endocs.ticket.wait.wizard"]
                .with_user(cls.specialist)
                .with_context(default_ticket_id=cls.ticket.id)
            )
            wizard.message = "Пришлите журнал ошибок"
            wizard.save().action_confirm()

    def test_moments_are_not_writable_over_rpc_r_wf_7(self):
        ticket = self.ticket.with_user(self.specialist)
        for field, value in (
            ("endocs_accepted_at", datetime(2025, 10, 13, 6)),
            ("endocs_registered_at", datetime(2025, 10, 13, 6)),
            ("endocs_received_at", datetime(2025, 10, 12, 6)),
            ("endocs_first_response_at", datetime(2025, 10, 13, 6)),
            ("endocs_accept_breached", True),
            ("endocs_timeout_at", datetime(2026, 1, 1)),
        ):
            with self.subTest(field=field), self.assertRaises(AccessError):
                ticket.write({field: value})
        with self.assertRaises(AccessError):
            self.Ticket.with_user(self.specialist).create(
                self.intake_vals(endocs_accepted_at=datetime(2025, 1, 1))
            )
        self.assertEqual(self.ticket.endocs_accepted_at, datetime(2025, 10, 13, 7))

    def test_specialists_read_pauses_and_questions_only_r_wf_7(self):
        pause = self.ticket.endocs_pause_ids.with_user(self.specialist)
        question = self.ticket.endocs_info_request_ids.with_user(self.specialist)
        self.assertEqual(question.question, "Пришлите журнал ошибок")
        self.assertEqual(pause.reason, "customer")
        for record in (pause, question, self.ticket.with_user(self.manager)):
            records = (
                record.endocs_pause_ids if record._name == "helpdesk.ticket" else record
            )
            with self.assertRaises(AccessError):
                records.write({"create_date": datetime(2025, 1, 1)})
            with self.assertRaises(AccessError):
                records.unlink()
        with self.assertRaises(AccessError):
            self.env["endocs.sla.pause"].with_user(self.specialist).create(
                {"ticket_id": self.ticket.id, "reason": "customer"}
            )
        with self.assertRaises(AccessError):
            self.env["endocs.info.request"].with_user(self.manager).create(
                {"ticket_id": self.ticket.id, "question": "?"}
            )

    def test_manager_corrects_with_a_reason_r_wf_1(self):
        wizard = Form(
            self.env["endocs.ticket.correction.wizard"]
            .with_user(self.manager)
            .with_context(default_ticket_id=self.ticket.id, mail_notrack=False)
        )
        wizard.moment = "endocs_accepted_at"
        wizard.value = datetime(2025, 10, 13, 7, 30)
        wizard.reason = "Принят после восстановления связи"
        wizard.save().action_apply()
        self.flush_tracking()
        self.assertEqual(self.ticket.endocs_accepted_at, datetime(2025, 10, 13, 7, 30))
        note = self.ticket.message_ids.filtered(lambda m: "Reason" in m.body)
        self.assertIn("Принят после восстановления связи", note.body)
        self.assertIn("13.10.2025", note.body)
        tracked = self.ticket.message_ids.tracking_value_ids.filtered(
            lambda v: v.field_id.name == "endocs_accepted_at"
        )
        self.assertTrue(tracked, "the correction is tracked")
        # the processing time follows the corrected moment
        self.assertEqual(self.ticket.endocs_processing_hours, 0.5)
        # a pause, too
        pause = self.ticket.endocs_pause_ids
        wizard = Form(
            self.env["endocs.ticket.correction.wizard"]
            .with_user(self.manager)
            .with_context(default_ticket_id=self.ticket.id)
        )
        wizard.moment = "pause_from"
        wizard.pause_id = pause
        wizard.value = datetime(2025, 10, 13, 7, 45)
        wizard.reason = "Вопрос отправлен позже"
        wizard.save().action_apply()
        self.assertEqual(pause.date_from, datetime(2025, 10, 13, 7, 45))

    def test_specialist_cannot_correct_r_wf_1(self):
        with self.assertRaises(AccessError):
            self.env["endocs.ticket.correction.wizard"].with_user(
                self.specialist
            ).create(
                {
                    "ticket_id": self.ticket.id,
                    "moment": "endocs_accepted_at",
                    "reason": "x",
                }
            )


class TestTrailRecordRules(EndocsCase):
    """R-SEC-1: the records of a request follow the request's own rules."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.own_only = new_test_user(
            cls.env,
            login="endocs_own_only",
            groups="base.group_user,helpdesk_mgmt.group_helpdesk_user_own",
        )
        cls.mine, cls.other = cls.Ticket.create(
            [cls.intake_vals(user_id=cls.own_only.id), cls.intake_vals()]
        )
        cls.other.user_id = cls.specialist
        for ticket in cls.mine | cls.other:
            cls.env["endocs.info.request"].create(
                {"ticket_id": ticket.id, "question": f"Вопрос {ticket.number}"}
            )
            cls.env["endocs.sla.pause"].create(
                {"ticket_id": ticket.id, "reason": "customer"}
            )

    def test_own_requests_only_r_sec_1(self):
        for model in ("endocs.info.request", "endocs.sla.pause"):
            with self.subTest(model=model):
                visible = self.env[model].with_user(self.own_only).search([])
                self.assertEqual(visible.ticket_id, self.mine)
                other = self.env[model].search([("ticket_id", "=", self.other.id)])
                with self.assertRaises(AccessError):
                    other.with_user(self.own_only).read(["ticket_id"])

    def test_contracts_of_another_company_r_sec_1(self):
        company = self.env["res.company"].create({"name": "ЭнДокс Запад"})
        contract = self.env["endocs.support.contract"].create(
            {
                "name": "WEST-1",
                "partner_id": self.org.id,
                "date_start": date(2025, 1, 1),
                "company_id": company.id,
            }
        )
        Contract = self.env["endocs.support.contract"].with_user(self.specialist)
        self.assertNotIn(contract, Contract.search([]))
        self.assertIn(self.subscription, Contract.search([]))


class TestCorrectionJudgesBreachesAgain(EndocsCase):
    def test_corrected_acceptance_judges_its_breach_again_r_wf_7(self):
        """An outage recorded the acceptance late: the breach it caused goes
        when a manager corrects the moment, and comes back if it really was
        late."""
        manager = new_test_user(
            self.env,
            login="endocs_breach_manager",
            groups="base.group_user,helpdesk_mgmt.group_helpdesk_manager",
        )
        with freeze_time("2025-10-13 07:00:00"):  # Monday 10:00 Moscow
            ticket = self.Ticket.create(self.intake_vals(priority="3"))  # 1 h
        with freeze_time("2025-10-13 09:00:00"):
            ticket.action_endocs_accept()
        self.assertTrue(ticket.endocs_accept_breached)

        def correct(value):
            wizard = (
                self.env["endocs.ticket.correction.wizard"]
                .with_user(manager)
                .create(
                    {
                        "ticket_id": ticket.id,
                        "moment": "endocs_accepted_at",
                        "value": value,
                        "reason": "Сбой записи",
                    }
                )
            )
            wizard.action_apply()

        with freeze_time("2025-10-13 09:30:00"):
            correct(datetime(2025, 10, 13, 7, 40))
            self.assertFalse(ticket.endocs_accept_breached)
            correct(datetime(2025, 10, 13, 8, 30))
        self.assertTrue(ticket.endocs_accept_breached)
        accept = ticket.endocs_sla_breach_ids.filtered(lambda b: b.target == "accept")
        self.assertEqual(accept.event_at, datetime(2025, 10, 13, 8, 30))
