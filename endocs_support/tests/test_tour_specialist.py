# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Back-office tours of a specialist: R-WF-1, R-WF-2, R-WF-4, R-WF-6, R-IN-5."""

import json
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged

from .common import create_organisations


@tagged("post_install", "-at_install")
class TestSpecialistTour(HttpCase):
    def _specialist_and_contact(self):
        env = self.env
        env["res.lang"]._activate_lang("ru_RU")
        org, _org2, _subscription = create_organisations(env)
        contact = env["res.partner"].create(
            {
                "name": "Мария Иванова",
                "email": "m.ivanova@romashka.ru",
                "parent_id": org.id,
            }
        )
        specialist = new_test_user(
            env,
            login="endocs_tour_specialist",
            password="endocs_tour_specialist",
            groups="base.group_user,helpdesk_mgmt.group_helpdesk_manager",
            name="Специалист",
            tz="Europe/Moscow",
            lang="ru_RU",  # the back office in Russian, as the product runs
        )
        return specialist, contact

    def test_specialist_accepts_asks_resolves_r_wf_1_r_wf_2_r_wf_6(self):
        env = self.env
        specialist, contact = self._specialist_and_contact()
        ticket = env["helpdesk.ticket"].create(
            {
                "name": "Ошибка маршрута",
                "team_id": env.ref("endocs_support.helpdesk_team_support").id,
                "partner_id": contact.id,
                "description": "<p>Не проходит маршрут согласования.</p>",
            }
        )
        self.assertFalse(ticket.endocs_registered_at, "queued, not yet registered")
        # the scheduled action posts the queued notice right after the commit
        env["endocs.notice"]._cron_post_notices()
        self.assertTrue(ticket.endocs_registered_at)
        self.start_tour(
            f"/odoo/action-helpdesk_mgmt.helpdesk_ticket_action/{ticket.id}",
            "endocs_specialist_flow",
            login="endocs_tour_specialist",
        )
        self.assertEqual(ticket.endocs_accepted_by_id, specialist)
        self.assertEqual(
            ticket.endocs_info_request_ids.question,
            "Пришлите, пожалуйста, журнал ошибок.",
        )
        self.assertEqual(ticket.endocs_stage_role, "resolved")
        self.assertEqual(ticket.endocs_delivery_method, "email")
        self.assertTrue(ticket.closed)

    def _session_start(self, ticket):
        """A moment, in UTC, where a one-hour session fits the support hours."""
        wt = ticket._endocs_working_time()
        moment = wt.next_working_moment(
            fields.Datetime.now().replace(minute=0, second=0, microsecond=0)
            + timedelta(days=1)
        )
        while not (
            wt.is_working_time(moment)
            and wt.hours_between(moment, moment + timedelta(hours=1)) >= 1
        ):
            moment = wt.next_working_moment(moment + timedelta(hours=1))
        return moment

    def test_specialist_journey_r_wf_1_2_4_6_r_in_5(self):
        """Accept, split, ask the customer, wait for a third party, schedule a
        video session, resolve with the wizard: each step seen on the screen."""
        env = self.env
        specialist, contact = self._specialist_and_contact()
        ticket = env["helpdesk.ticket"].create(
            {
                "name": "Ошибка маршрута",
                "team_id": env.ref("endocs_support.helpdesk_team_support").id,
                "partner_id": contact.id,
                "description": "<p>Не проходит маршрут согласования, и не "
                "приходят уведомления.</p>",
            }
        )
        env["endocs.notice"]._cron_post_notices()
        start = self._session_start(ticket)
        url = f"/odoo/action-helpdesk_mgmt.helpdesk_ticket_action/{ticket.id}"
        value = json.dumps(start.isoformat())
        self.start_tour(
            url,
            "endocs_specialist_journey",
            login="endocs_tour_specialist",
            code=(
                f"sessionStorage.setItem('endocs_tour_session_start', {value});"
                f"odoo.startTour('endocs_specialist_journey', "
                f"{json.dumps({'stepDelay': 0, 'startUrl': url})})"
            ),
        )
        self.assertEqual(ticket.endocs_accepted_by_id, specialist)
        child = env["helpdesk.ticket"].search([("endocs_parent_id", "=", ticket.id)])
        self.assertEqual(child.name, "Не приходят уведомления")
        self.assertEqual(
            ticket.endocs_info_request_ids.question,
            "Пришлите, пожалуйста, журнал ошибок.",
        )
        self.assertEqual(
            ticket.endocs_third_party_awaited,
            "Ответ удостоверяющего центра по сертификату.",
        )
        session = ticket.endocs_video_session_ids
        self.assertEqual(session.start, start)
        self.assertEqual(session.url, "https://meet.endocs.ru/ed-1001")
        self.assertEqual(session.user_id, specialist)
        self.assertEqual(ticket.endocs_stage_role, "resolved")
        self.assertEqual(
            ticket.endocs_resolution,
            "Сертификат перевыпущен, маршрут согласования настроен заново.",
        )
        self.assertEqual(ticket.endocs_delivery_method, "video")
        self.assertTrue(ticket.closed)
