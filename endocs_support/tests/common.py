# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date
from unittest.mock import patch

from odoo.tests import new_test_user

from odoo.addons.mail.tests.common import MailCommon

from ..models.endocs_notice import EndocsNotice


def create_organisations(env):
    """ООО «Ромашка» (ED-1001) with a subscription since 2024, АО «Вектор»
    (ED-2002) without one."""
    Partner = env["res.partner"]
    org = Partner.create(
        {"name": "ООО Ромашка", "is_company": True, "endocs_client_ref": "ED-1001"}
    )
    org2 = Partner.create(
        {"name": "АО Вектор", "is_company": True, "endocs_client_ref": "ED-2002"}
    )
    subscription = env["endocs.support.contract"].create(
        {
            "name": "SUB-1",
            "partner_id": org.id,
            "contract_type": "subscription",
            "date_start": date(2024, 1, 1),
        }
    )
    return org, org2, subscription


def posting_queued_notices_at_once():
    """A patcher: the queued notices are posted as they are queued, as
    «EnDocs: post queued notices» does right after the commit in production
    (a test transaction never commits)."""
    queue = EndocsNotice._endocs_queue

    def queue_and_post(self, tickets, template):
        notices = queue(self, tickets, template)
        notices._endocs_post()
        return notices

    return patch.object(EndocsNotice, "_endocs_queue", queue_and_post)


class EndocsCase(MailCommon):
    """Organisations, contacts, contracts and a support team shared by the
    intake, workflow and billing tests. ООО «Ромашка» (ED-1001) has a
    subscription and a paid-support contract; АО «Вектор» (ED-2002) has none.

    Queued notices are posted at once (``post_notices_at_once``); the tests of
    the queue itself turn that off."""

    post_notices_at_once = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if cls.post_notices_at_once:
            cls.startClassPatcher(posting_queued_notices_at_once())
        env = cls.env
        Partner = env["res.partner"]
        cls.org, cls.org2, cls.subscription = create_organisations(env)
        cls.contact = Partner.create(
            {
                "name": "Мария Иванова",
                "email": "m.ivanova@romashka.ru",
                "phone": "+7 495 123-45-67",
                "parent_id": cls.org.id,
                "lang": "ru_RU",
            }
        )
        cls.contact2 = Partner.create(
            {
                "name": "Пётр Сидоров",
                "email": "p.sidorov@vector.ru",
                "parent_id": cls.org2.id,
                "lang": "ru_RU",
            }
        )
        cls.paid_contract = env["endocs.support.contract"].create(
            {
                "name": "PAID-1",
                "partner_id": cls.org.id,
                "contract_type": "paid",
                "date_start": date(2025, 1, 1),
                "date_end": date(2027, 12, 31),
                "hourly_rate": 3000,
            }
        )
        cls.team = env.ref("endocs_support.helpdesk_team_support")
        cls.category_free = env.ref("endocs_support.category_incident")
        cls.category_paid = env.ref("endocs_support.category_configuration")
        cls.specialist = new_test_user(
            env,
            login="endocs_specialist",
            groups="base.group_user,helpdesk_mgmt.group_helpdesk_user",
            name="Специалист",
        )
        cls.Ticket = env["helpdesk.ticket"]

    @classmethod
    def intake_vals(cls, **overrides):
        vals = {
            "name": "Не открывается карточка",
            "team_id": cls.team.id,
            "category_id": cls.category_free.id,
            "partner_id": cls.contact.id,
            "endocs_org_name": "ООО Ромашка",
            "endocs_client_ref": "ED-1001",
            "endocs_contact_name": "Мария Иванова",
            "endocs_contact_phone": "+74951234567",
            "endocs_login_email": "m.ivanova@romashka.ru",
            "description": "<p>Не открывается карточка документа после обновления.</p>",
        }
        vals.update(overrides)
        return vals

    @classmethod
    def post_notices(cls):
        """What «EnDocs: post queued notices» does right after a commit: the
        queued notices (registration, reminders, closures) posted."""
        while cls.env["endocs.notice"]._cron_post_notices():
            pass
