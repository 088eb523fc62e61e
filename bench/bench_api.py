# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""R-IN-1, I3.4: the EnDocs product's API intake against the portal's, on the
same data in the same run.

Both take the same request: the regulation's intake data and one 50 KB
screenshot, for the same contact of ООО «Ромашка». Measured is what each
channel does on the server once the HTTP request is parsed and authenticated:

- the API: ``_endocs_create_from_api`` — validation with per-field codes, the
  contact by login e-mail and client ID, the request in the intake team, its
  files (what ``POST /api/endocs/v1/requests`` calls);
- the portal: what ``/submitted/ticket`` does — ``_endocs_check_intake``, the
  request's values, the request in the intake team, the follower, its files.

Rounds alternate, medians compared; every request ends with the pre-commit
hooks, as a transaction would. HTTP handling (routing, the session or the key's
hash, the rendering of the redirect) is not in either figure. Target: the API
at most 1.0x the portal's time per request."""

import base64
import statistics
import time

ROUNDS = 7
PER_ROUND = 20
TARGET = 1.0
SCREENSHOT = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 200  # 51 KB


def _payload(n):
    return {
        "subject": f"Не открывается карточка документа {n}",
        "org_name": "ООО «Ромашка»",
        "client_ref": "ED-9901",
        "contact_name": "Мария Иванова",
        "contact_phone": "+7 495 000-00-02",
        "login_email": "m.ivanova@bench-romashka.example",
        "description": "При открытии карточки документа появляется ошибка 500.",
        "scope": "several",
        "category": "endocs_support.category_incident",
    }


def _api(env, n):
    Ticket = env["helpdesk.ticket"]
    ticket, errors = Ticket._endocs_create_from_api(
        _payload(n), files=[(0, "screenshot.png", SCREENSHOT)]
    )
    assert ticket and not errors, errors
    env.flush_all()


def _portal(env, n, user):
    from odoo.addons.endocs_support.models.helpdesk_ticket_intake import (
        INTAKE_FIELDS,
    )

    Ticket = env["helpdesk.ticket"].with_user(user)
    payload = _payload(n)
    data = {key: payload.get(key, "") for key in INTAKE_FIELDS}
    _clean, errors = Ticket._endocs_check_intake(data, user.partner_id)
    assert not errors, errors
    team = Ticket._endocs_portal_team(None)
    vals = Ticket._endocs_vals_from_intake(data)
    vals.update(
        {
            "name": payload["subject"],
            "team_id": team.id,
            "stage_id": team._get_applicable_stages()[:1].id,
            "category_id": env.ref("endocs_support.category_incident").id,
            "partner_id": user.partner_id.id,
            "partner_name": user.partner_id.name,
            "partner_email": user.partner_id.email,
            "channel_id": env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web").id,
        }
    )
    ticket = Ticket.sudo().create(vals)
    ticket.message_subscribe(partner_ids=user.partner_id.ids)
    env["ir.attachment"].sudo().create(
        {
            "name": "screenshot.png",
            "datas": base64.b64encode(SCREENSHOT),
            "res_model": "helpdesk.ticket",
            "res_id": ticket.id,
        }
    )
    env.flush_all()


def _timed(function, *args):
    began = time.perf_counter()
    for n in range(PER_ROUND):
        function(*args, n)
    return (time.perf_counter() - began) / PER_ROUND


def _customer(env):
    """ООО «Ромашка» (ED-9901) with a subscription and its portal user."""
    org = env["res.partner"].create(
        {"name": "ООО «Ромашка»", "is_company": True, "endocs_client_ref": "ED-9901"}
    )
    env["endocs.support.contract"].create(
        {
            "name": "BENCH-SUB",
            "partner_id": org.id,
            "contract_type": "subscription",
            "date_start": "2020-01-01",
        }
    )
    return (
        env["res.users"]
        .with_context(no_reset_password=True)
        .create(
            {
                "name": "Мария Иванова",
                "login": "bench-api-customer",
                "email": "m.ivanova@bench-romashka.example",
                "phone": "+7 495 000-00-02",
                "parent_id": org.id,
                "groups_id": [(6, 0, env.ref("base.group_portal").ids)],
            }
        )
    )


def run(env):
    user = _customer(env)
    api_times, portal_times = [], []
    _api(env, -1)  # warm both paths
    _portal(env, -1, user)
    for _round in range(ROUNDS):
        api_times.append(_timed(lambda n: _api(env, n)))
        portal_times.append(_timed(lambda n: _portal(env, n, user)))
    api = statistics.median(api_times) * 1000
    portal = statistics.median(portal_times) * 1000
    ratio = api / portal
    yield {
        "name": "api.vs_portal",
        "figure": f"{api:.1f} ms/request (portal {portal:.1f} ms)",
        "ratio": f"{ratio:.2f}x",
        "target": f"<= {TARGET}x",
        "ok": ratio <= TARGET,
    }
