# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The support manager's journey in the back office, in a browser and in
Russian: the SLA report (R-SLA-4), a policy edited and the request's deadline
moved on the screen (R-SLA-1), the production calendar reloaded (R-TIME-3)."""

import json

from odoo.tests import HttpCase, new_test_user, tagged

from .common import create_organisations


class _Rollback(Exception):
    pass


@tagged("post_install", "-at_install")
class TestManagerTour(HttpCase):
    def test_manager_sla_report_policy_and_calendar_r_sla_1_r_sla_4_r_time_3(self):
        env = self.env
        env["res.lang"]._activate_lang("ru_RU")
        org, _org2, _subscription = create_organisations(env)
        new_test_user(
            env,
            login="endocs_tour_manager",
            password="endocs_tour_manager",
            groups="base.group_user,base.group_system,"
            "helpdesk_mgmt.group_helpdesk_manager",
            name="Руководитель поддержки",
            tz="Europe/Moscow",
            lang="ru_RU",
        )
        team = env.ref("endocs_support.helpdesk_team_support")
        contact = env["res.partner"].create(
            {
                "name": "Мария Иванова",
                "email": "m.ivanova@romashka.ru",
                "parent_id": org.id,
            }
        )
        ticket = env["helpdesk.ticket"].create(
            {
                "name": "Не проходит маршрут",
                "team_id": team.id,
                "partner_id": contact.id,
                "description": "<p>Не проходит маршрут согласования.</p>",
            }
        )
        env["endocs.notice"]._cron_post_notices()
        policy = ticket.endocs_sla_policy_id
        self.assertTrue(policy and ticket.endocs_resolve_deadline)
        before = ticket.endocs_resolve_deadline
        hours = policy.resolve_hours - 8
        # The deadline the engine gives with fewer hours: what the screen must
        # show after the manager's edit.
        try:
            with env.cr.savepoint():
                policy.resolve_hours = hours
                env.flush_all()
                after = ticket.endocs_resolve_deadline
                raise _Rollback
        except _Rollback:
            env.invalidate_all()
        self.assertLess(after, before)
        calendar = team.resource_calendar_id
        day = env["endocs.calendar.day"].search(
            [("calendar_id", "=", calendar.id), ("origin", "=", "holidays")], limit=1
        )
        self.assertTrue(day, "the support calendar follows the production calendar")
        removed = (day.date, day.day_type)
        day.unlink()
        data = {
            "ticket": ticket.id,
            "policy": policy.with_context(lang="ru_RU").name,
            "hours": f"{int(hours)}:00",
            "calendar": calendar.id,
            "before": before.isoformat(),
            "after": after.isoformat(),
        }
        url = f"/odoo/action-helpdesk_mgmt.helpdesk_ticket_action/{ticket.id}"
        self.start_tour(
            url,
            "endocs_manager_journey",
            login="endocs_tour_manager",
            code=(
                f"sessionStorage.setItem('endocs_tour_manager', "
                f"{json.dumps(json.dumps(data))});"
                f"odoo.startTour('endocs_manager_journey', "
                f"{json.dumps({'stepDelay': 0, 'startUrl': url})})"
            ),
            timeout=120,
        )
        self.assertEqual(policy.resolve_hours, hours)
        self.assertEqual(ticket.endocs_resolve_deadline, after)
        back = env["endocs.calendar.day"].search(
            [("calendar_id", "=", calendar.id), ("date", "=", removed[0])]
        )
        self.assertEqual((back.date, back.day_type), removed)
        self.assertEqual(back.origin, "holidays")
