# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The paid-support story of the demo (R-UX-1, R-BILL-*), played like the
support story (endocs_support/models/endocs_demo.py): a configuration request
of last month, timesheeted, resolved and invoiced with its act at the start of
this month by the batch wizard; a training request of these days with time not
invoiced yet."""

from datetime import datetime, time, timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from odoo.addons.endocs_support.models.endocs_demo import DemoStory

MODULE = "endocs_support_billing"


class EndocsDemo(models.AbstractModel):
    _inherit = "endocs.demo"

    @api.model
    def _endocs_demo_billing_story(self):
        if self.env.ref(f"{MODULE}.ticket_paid_invoiced", raise_if_not_found=False):
            return
        ref = self.env.ref
        team = ref("endocs_support.helpdesk_team_support")
        wt = team._working_time()
        now = fields.Datetime.now()
        today = now.date()
        this_month = today.replace(day=1)
        last_month = this_month - relativedelta(months=1)

        def working_day(on_date, hours=0.0):
            """``hours`` into the first working day from ``on_date``."""
            start = wt.next_working_moment(datetime.combine(on_date, time(0)))
            return wt.add_hours(start, hours) if hours else start

        ivanova = ref("endocs_support.partner_customer_ivanova")
        specialist = ref("endocs_support.user_specialist")
        specialist2 = ref("endocs_support.user_specialist2")
        story = DemoStory(self, team)

        def log(xmlid, employee, name, minutes):
            """Time logged now, on the story's clock."""
            self.env["account.analytic.line"].create(
                {
                    "name": name,
                    "ticket_id": ref(xmlid).id,
                    "project_id": ref(f"{MODULE}.project_support").id,
                    "employee_id": ref(employee).id,
                    "unit_amount": minutes / 60,
                    "date": fields.Datetime.now().date(),
                }
            )

        def invoice(date_start, date_end):
            self.env["endocs.support.invoice.wizard"].create(
                {
                    "date_start": date_start,
                    "date_end": date_end,
                    "post_invoices": True,
                    "partner_ids": [
                        (6, 0, ref("endocs_support.partner_org_romashka").ids)
                    ],
                }
            ).action_create_invoices()

        # Last month: configuration of an approval route, invoiced with an act
        paid = f"{MODULE}.ticket_paid_invoiced"
        start = working_day(last_month + timedelta(days=2))
        story.new(
            wt.add_hours(start, 1),
            paid,
            ivanova,
            "Настроить маршрут согласования договоров",
            "Нужен маршрут: юрист → финансовый директор → генеральный директор, "
            "для договоров свыше 1 млн руб.",
            category="category_configuration",
        )
        story.act(wt.add_hours(start, 1.5), "accept", paid, specialist)
        employee = f"{MODULE}.employee_specialist"
        story.call(
            wt.add_hours(start, 2.5),
            log,
            paid,
            employee,
            "Анализ требований к маршруту",
            20,
        )
        story.call(
            wt.add_hours(start, 5),
            log,
            paid,
            employee,
            "Настройка этапов и условий маршрута",
            95,
        )
        check = wt.add_days(start, 3)
        story.call(
            wt.add_hours(check, 1),
            log,
            paid,
            employee,
            "Проверка маршрута с заказчиком по видеосвязи",
            25,
        )
        story.act(
            wt.add_hours(check, 1.5),
            "resolve",
            paid,
            specialist,
            "Маршрут «Договоры свыше 1 млн руб.» настроен и проверен вместе с "
            "заказчиком по видеосвязи.",
            "video",
        )
        # the accountant's batch invoicing on the first working day of the month
        story.call(
            working_day(this_month, 0.5),
            invoice,
            last_month,
            this_month - timedelta(days=1),
        )
        # These days: end-user training, time not invoiced yet
        open_ = f"{MODULE}.ticket_paid_open"
        recent = wt.add_days(wt.next_working_moment(now - timedelta(days=1)), -1)
        if recent.date() < this_month and working_day(this_month, 1) <= now:
            recent = working_day(this_month, 1)  # after the month's invoicing
        story.new(
            recent,
            open_,
            ivanova,
            "Обучение новых сотрудников работе с архивом",
            "Провести обучение трёх новых сотрудников: поиск и выдача документов "
            "из архива.",
            category="category_training",
        )
        story.act(wt.add_hours(recent, 0.5), "accept", open_, specialist2)
        story.call(
            wt.add_hours(recent, 2),
            log,
            open_,
            f"{MODULE}.employee_specialist2",
            "Обучение: поиск документов",
            50,
        )
        story.play(cron_moments=[])
