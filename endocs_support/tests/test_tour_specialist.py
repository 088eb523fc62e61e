# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Back-office tour of a specialist: R-WF-1, R-WF-2, R-WF-6."""

from odoo.tests import HttpCase, new_test_user, tagged

from .common import create_organisations


@tagged("post_install", "-at_install")
class TestSpecialistTour(HttpCase):
    def test_specialist_accepts_asks_resolves_r_wf_1_r_wf_2_r_wf_6(self):
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
