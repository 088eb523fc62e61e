# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The demo (R-UX-1): a Russian vendor's desk, «ЭнДокс», whose requests of the
last two weeks are played by the real workflow under a moving clock — created,
registered, accepted, asked, answered, withdrawn, resolved and timed out by the
same actions, wizards and scheduled actions the users and the server run, each
at its moment. So every date of a request holds together with the others."""

import base64
from contextlib import contextmanager
from datetime import timedelta

import pytz

from odoo import api, fields, models
from odoo.tools import file_open

MOSCOW = "Europe/Moscow"


class EndocsDemo(models.AbstractModel):
    _name = "endocs.demo"
    _description = "EnDocs Support demo story"

    # ------------------------------------------------------------------
    # The vendor
    # ------------------------------------------------------------------

    @api.model
    def _endocs_demo_company(self):
        """The demo company is «ЭнДокс», Moscow, in roubles (the currency is
        changed only while the company has no accounting entries, as Odoo
        allows), its staff in Moscow time."""
        company = self.env.ref("base.main_company")
        with file_open("endocs_support/static/img/endocs_logo.png", "rb") as logo:
            vals = {
                "name": "ЭнДокс",
                "street": "ул. Тверская, д. 7, офис 301",
                "city": "Москва",
                "zip": "125009",
                "country_id": self.env.ref("base.ru").id,
                "state_id": False,
                "phone": "+7 495 120-00-00",
                "email": "support@endocs.ru",
                "website": "https://endocs.ru",
                "logo": base64.b64encode(logo.read()),
            }
        rub = self.env.ref("base.RUB")
        rub.active = True
        has_entries = "account.move.line" in self.env and self.env[
            "account.move.line"
        ].sudo().search_count([("company_id", "=", company.id)], limit=1)
        if not has_entries:
            vals["currency_id"] = rub.id
        company.write(vals)
        company.partner_id.write({"lang": "ru_RU", "tz": MOSCOW})
        self.env.ref("base.user_admin").tz = MOSCOW

    # ------------------------------------------------------------------
    # The story
    # ------------------------------------------------------------------

    @contextmanager
    def _at(self, moment):
        """Everything inside happens at ``moment`` (naive UTC), as on a server
        whose clock shows it."""
        from freezegun import freeze_time  # Odoo's own requirement

        with freeze_time(moment):
            yield

    def _xmlid(self, record, name):
        xml_id = name if "." in name else f"endocs_support.{name}"
        self.env["ir.model.data"]._update_xmlids(
            [{"xml_id": xml_id, "record": record, "noupdate": True}]
        )

    @api.model
    def _endocs_demo_story(self):
        """Play the requests of the last two working weeks (once: an update of
        the addon does not play them again)."""
        if self.env.ref("endocs_support.ticket_waiting", raise_if_not_found=False):
            return
        team = self.env.ref("endocs_support.helpdesk_team_support")
        wt = team._working_time()
        now = fields.Datetime.now()
        # the start of today's working day (or of the next one)
        first = wt.next_working_moment(now.replace(hour=0, minute=0, second=0))

        def day(days_ago, hours=0.0):
            """``hours`` working hours into the working day ``days_ago``."""
            start = wt.add_days(first, -days_ago)
            return wt.add_hours(start, hours) if hours else start

        ref = self.env.ref
        vector = ref("endocs_support.partner_customer_sidorov")
        ivanova = ref("endocs_support.partner_customer_ivanova")
        sokolov = ref("endocs_support.partner_customer_sokolov")
        specialist = ref("endocs_support.user_specialist")
        specialist2 = ref("endocs_support.user_specialist2")
        story = DemoStory(self, team)

        # Resolved: accepted, answered, resolved with the solution (R-WF-6)
        story.new(
            day(9, 0.5),
            "ticket_resolved",
            vector,
            "Как добавить нового сотрудника в маршрут согласования?",
            "В маршрут согласования договоров нужно добавить юриста, "
            "который пришёл в компанию на прошлой неделе.",
            category="category_consultation",
        )
        story.act(day(9, 1), "accept", "ticket_resolved", specialist)
        story.act(
            day(9, 1.5),
            "reply",
            "ticket_resolved",
            specialist,
            "Добрый день! Проверим права юриста и подготовим инструкцию.",
        )
        story.act(
            day(8, 2),
            "resolve",
            "ticket_resolved",
            specialist,
            "Дана инструкция: Настройки → Маршруты → «Договоры» → «Добавить "
            "участника». Юрист добавлен на этап «Правовая экспертиза».",
            "email",
        )
        # No answer in time: closed «Ответ от клиента не получен» (2.7) by
        # the waiting clock's scheduled action
        story.new(
            day(9, 2),
            "ticket_no_reply",
            vector,
            "Как выгрузить реестр документов в Excel?",
            "Нужно выгрузить реестр входящих документов за квартал.",
            category="category_consultation",
        )
        story.act(day(9, 2.5), "accept", "ticket_no_reply", specialist)
        story.act(
            day(9, 3),
            "ask",
            "ticket_no_reply",
            specialist,
            "Уточните, пожалуйста, какой реестр нужен: входящих или исходящих "
            "документов, и за какие даты.",
        )
        # Answered: the customer's answer returns the request to work (R-WF-2)
        story.new(
            day(6, 1),
            "ticket_answered",
            ivanova,
            "Не открывается вложение в карточке входящего письма",
            "При открытии PDF-вложения в карточке письма появляется пустое "
            "окно. В других карточках вложения открываются.",
        )
        story.act(day(6, 1.5), "accept", "ticket_answered", specialist2)
        story.act(
            day(6, 2),
            "ask",
            "ticket_answered",
            specialist2,
            "Пришлите, пожалуйста, номер письма и снимок экрана с ошибкой.",
        )
        story.act(
            day(5, 1),
            "customer_reply",
            "ticket_answered",
            ivanova,
            "Письмо № 1532 от прошлого понедельника, снимок экрана прилагаю.",
        )
        # Withdrawn by the customer, with the reason (R-WF-6)
        story.new(
            day(5, 3),
            "ticket_withdrawn",
            vector,
            "Не строится отчёт по исполнительской дисциплине",
            "Отчёт за прошлый месяц формируется пустым.",
        )
        story.act(day(5, 3.5), "accept", "ticket_withdrawn", specialist)
        story.act(
            day(5, 5),
            "withdraw",
            "ticket_withdrawn",
            vector,
            "Отчёт построился после смены периода.",
        )
        # Waiting for the customer, the timeout computed by the engine (R-WF-3)
        story.new(
            day(3, 1),
            "ticket_waiting",
            ivanova,
            "Не приходят уведомления о новых задачах",
            "Сотрудники не получают e-mail о назначенных задачах с прошлой "
            "недели. Настройки уведомлений не менялись.",
        )
        story.act(day(3, 1.5), "accept", "ticket_waiting", specialist2)
        story.act(
            day(3, 2),
            "ask",
            "ticket_waiting",
            specialist2,
            "Пришлите, пожалуйста, адреса двух сотрудников, не получивших "
            "уведомления, и время, когда задачи были назначены.",
        )
        # Waiting for a third party, with the 2.8 notice (R-WF-4, R-WF-5)
        story.new(
            day(2, 1),
            "ticket_third_party",
            ivanova,
            "Не подписывается документ КЭП через КриптоПро",
            "При подписании появляется ошибка 0x8010006E, сертификат "
            "действителен, токен вставлен.",
        )
        story.act(day(2, 1.5), "accept", "ticket_third_party", specialist2)
        story.act(day(2, 2), "cause", "ticket_third_party", specialist2, "third_party")
        story.act(
            day(2, 2.5),
            "wait_third_party",
            "ticket_third_party",
            specialist2,
            "Ответ техподдержки КриптоПро по ошибке 0x8010006E",
        )
        # Accepted, in progress (R-WF-1), high priority
        story.new(
            day(1, 4),
            "ticket_accepted",
            vector,
            "Ошибка при согласовании служебной записки",
            "При согласовании служебной записки появляется сообщение "
            "«Недостаточно прав», хотя сотрудник — участник маршрута.",
            priority="2",
        )
        story.act(day(1, 4.25), "accept", "ticket_accepted", specialist)
        story.act(
            day(1, 4.5),
            "reply",
            "ticket_accepted",
            specialist,
            "Воспроизвели ошибку на тестовом стенде, готовим исправление прав.",
        )
        # No active subscription (R-CON-1): flagged for the specialist
        story.new(
            day(1, 6),
            "ticket_no_subscription",
            sokolov,
            "Не могу войти в систему",
            "При входе пишет «Учётная запись заблокирована».",
        )
        # Received on the last day off: processed from the next working day
        story.new(
            self._last_day_off(now, wt),
            "ticket_off_hours",
            ivanova,
            "Не формируется печатная форма договора",
            "При нажатии «Печать» в карточке договора ничего не происходит. "
            "Браузер Chrome, версия 130.",
        )
        # an out-of-office reply to a notice: kept in the mail quarantine,
        # never a request nor answered (R-IN-4)
        story.steps.append(
            (
                day(2, 3),
                "_mail",
                (
                    "From: Пётр Сидоров <p.sidorov@vector.example>\r\n"
                    f"To: support@{team.alias_domain_id.name or 'endocs.ru'}\r\n"
                    "Subject: Автоответ: Не строится отчёт\r\n"
                    "Auto-Submitted: auto-replied\r\n"
                    "Message-ID: <demo-autoreply-1@vector.example>\r\n"
                    "Content-Type: text/plain; charset=utf-8\r\n\r\n"
                    "Я в отпуске до понедельника, отвечу по возвращении.\r\n",
                ),
            )
        )
        # the server's scheduled actions run every working hour
        story.play(cron_moments=[day(k, h) for k in range(9, 0, -1) for h in range(9)])

    @api.model
    def _last_day_off(self, now, wt):
        """11:30 Moscow time of the last day off before ``now`` (a Saturday or
        a holiday of the production calendar)."""
        zone = pytz.timezone(MOSCOW)
        local = pytz.utc.localize(now).astimezone(zone)
        for back in range(1, 15):
            moment = (
                zone.localize(
                    (local - timedelta(days=back)).replace(
                        hour=11, minute=30, second=0, microsecond=0, tzinfo=None
                    )
                )
                .astimezone(pytz.utc)
                .replace(tzinfo=None)
            )
            if wt.next_working_moment(moment) > moment + timedelta(hours=12):
                return moment
        return now - timedelta(days=7)


class DemoStory:
    """The acts of the story, played in the order of their moments, each by
    its actor, with the server's scheduled actions between them."""

    def __init__(self, demo, team):
        self.demo = demo
        self.env = demo.env
        self.team = team
        self.steps = []

    def new(self, moment, xmlid, contact, subject, description, **extra):
        self.steps.append(
            (moment, "_new", (xmlid, contact, subject, description, extra))
        )

    def act(self, moment, name, xmlid, *args):
        self.steps.append((moment, f"_{name}", (xmlid, *args)))

    def play(self, cron_moments):
        now = fields.Datetime.now()
        steps = [step for step in self.steps if step[0] <= now]
        steps += [(moment, "_crons", ()) for moment in cron_moments if moment <= now]
        for moment, method, args in sorted(steps, key=lambda step: step[0]):
            with self.demo._at(moment):
                getattr(self, method)(*args)
        self._crons()  # and now

    def call(self, moment, function, *args):
        """Any other act: ``function(*args)`` at ``moment``."""
        self.steps.append((moment, "_call", (function, *args)))

    def _call(self, function, *args):
        function(*args)

    def _ticket(self, xmlid):
        return self.env.ref(xmlid if "." in xmlid else f"endocs_support.{xmlid}")

    def _post_notices(self):
        while self.env["endocs.notice"]._cron_post_notices():
            pass

    def _crons(self):
        Ticket = self.env["helpdesk.ticket"]
        while Ticket._cron_endocs_waiting():
            pass
        Ticket._cron_endocs_sla()
        self._post_notices()

    def _new(self, xmlid, contact, subject, description, extra):
        """A request from the portal, registered by the queued notice as the
        server does right after the commit."""
        ref = self.env.ref
        category = ref(f"endocs_support.{extra.pop('category', 'category_incident')}")
        org = contact.commercial_partner_id
        ticket = (
            self.env["helpdesk.ticket"]
            .sudo()
            .create(
                {
                    "name": subject,
                    "team_id": self.team.id,
                    "category_id": category.id,
                    "partner_id": contact.id,
                    "channel_id": ref("helpdesk_mgmt.helpdesk_ticket_channel_web").id,
                    "endocs_org_name": org.name,
                    "endocs_client_ref": org.endocs_client_ref,
                    "endocs_contact_name": contact.name,
                    "endocs_contact_phone": contact.phone,
                    "endocs_login_email": contact.email,
                    "description": f"<p>{description}</p>",
                    **extra,
                }
            )
        )
        ticket.message_subscribe(partner_ids=contact.ids)
        # the database's own clock stamps the creation: the story's moment
        self.env.cr.execute(
            "UPDATE helpdesk_ticket SET create_date = %s WHERE id = %s",
            (ticket.endocs_received_at, ticket.id),
        )
        ticket.invalidate_recordset(["create_date"])
        self.demo._xmlid(ticket, xmlid)
        self._post_notices()

    def _mail(self, raw):
        """An e-mail reaches the support alias (the mail gateway)."""
        self.env["mail.thread"].sudo().message_process(False, raw)

    def _accept(self, xmlid, user):
        self._ticket(xmlid).with_user(user).action_endocs_accept()

    def _reply(self, xmlid, user, text):
        self._ticket(xmlid).with_user(user).message_post(
            body=text, message_type="comment", subtype_xmlid="mail.mt_comment"
        )

    def _customer_reply(self, xmlid, partner, text):
        self._ticket(xmlid).sudo().message_post(
            body=text,
            author_id=partner.id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )

    def _wizard(self, user, xmlid, model, **vals):
        ticket = self._ticket(xmlid)
        return (
            self.env[model]
            .with_user(user)
            .with_context(default_ticket_id=ticket.id)
            .create({"ticket_id": ticket.id, **vals})
            .action_confirm()
        )

    def _ask(self, xmlid, user, question):
        self._wizard(
            user,
            xmlid,
            "endocs.ticket.wait.wizard",
            reason="customer",
            message=question,
        )

    def _wait_third_party(self, xmlid, user, awaited):
        self._wizard(
            user,
            xmlid,
            "endocs.ticket.wait.wizard",
            reason="third_party",
            message=awaited,
        )

    def _cause(self, xmlid, user, cause):
        self._ticket(xmlid).with_user(user).endocs_cause_class = cause

    def _resolve(self, xmlid, user, resolution, method):
        self._wizard(
            user,
            xmlid,
            "endocs.ticket.resolve.wizard",
            resolution=resolution,
            delivery_method=method,
            close_now=True,
        )

    def _withdraw(self, xmlid, partner, reason):
        self._ticket(xmlid)._endocs_withdraw(reason, partner)
