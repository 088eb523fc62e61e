# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The waiting clocks (R-WF-3, R-WF-4): pauses while the request waits for the
customer or a third party, the weekly reminders and the no-reply closure."""

from odoo import api, fields, models

#: regulation 2.7, the resolution of a request closed for want of an answer
NO_REPLY_RESOLUTION = "Ответ от клиента не получен"
WAITING_ROLES = ("waiting_customer", "waiting_third_party")
DUE_COLUMNS = ("endocs_timeout_at", "endocs_next_reminder_at")


class HelpdeskTicket(models.Model):
    _name = "helpdesk.ticket"
    _inherit = ["helpdesk.ticket", "endocs.batch.mixin"]

    endocs_pause_ids = fields.One2many(
        "endocs.sla.pause", "ticket_id", string="Pauses", readonly=True
    )
    endocs_wait_since = fields.Datetime(
        string="Waiting for the customer since",
        readonly=True,
        copy=False,
        endocs_workflow=True,
    )
    endocs_next_reminder_at = fields.Datetime(
        string="Next reminder",
        readonly=True,
        copy=False,
        index=True,
        endocs_workflow=True,
    )
    endocs_reminder_count = fields.Integer(
        string="Reminders sent", readonly=True, copy=False, endocs_workflow=True
    )
    endocs_timeout_at = fields.Datetime(
        string="No reply after",
        readonly=True,
        copy=False,
        index=True,
        endocs_workflow=True,
    )
    endocs_timeout_listed = fields.Boolean(
        string="No reply: to close",
        readonly=True,
        copy=False,
        endocs_workflow=True,
        help="The customer did not answer in time and the team closes such "
        "requests by hand.",
    )

    def _endocs_stage_changed(self, roles_before):
        """Start and stop the waiting clocks when a request enters or leaves a
        waiting stage, however the stage moved (R-WF-3, R-WF-4)."""
        now = fields.Datetime.now()
        moved = self.filtered(lambda t: roles_before.get(t.id) != t._endocs_role())
        left = moved.filtered(lambda t: roles_before.get(t.id) in WAITING_ROLES)
        left.endocs_pause_ids.filtered(lambda p: not p.date_to).sudo().date_to = now
        left.filtered(
            lambda t: roles_before.get(t.id) == "waiting_customer"
        ).sudo().write(
            {
                "endocs_wait_since": False,
                "endocs_next_reminder_at": False,
                "endocs_timeout_at": False,
                "endocs_timeout_listed": False,
            }
        )
        entered = moved.filtered(lambda t: t._endocs_role() in WAITING_ROLES)
        self.env["endocs.sla.pause"].sudo().create(
            [
                {
                    "ticket_id": ticket.id,
                    "reason": "customer"
                    if ticket.endocs_stage_role == "waiting_customer"
                    else "third_party",
                    "note": ticket.endocs_third_party_awaited
                    if ticket.endocs_stage_role == "waiting_third_party"
                    else False,
                    "date_from": now,
                }
                for ticket in entered
            ]
        )
        waiting = entered.filtered(lambda t: t.endocs_stage_role == "waiting_customer")
        for team, tickets in waiting.grouped("team_id").items():
            wt = tickets[0]._endocs_working_time()
            tickets.sudo().write(
                {
                    "endocs_wait_since": now,
                    "endocs_next_reminder_at": now + team._endocs_reminder_interval(),
                    "endocs_timeout_at": wt
                    and wt.add_days(now, team._endocs_timeout_working_days()),
                    "endocs_timeout_listed": False,
                }
            )

    # ------------------------------------------------------------------
    # Scheduled action: reminders and the no-reply timeout
    # ------------------------------------------------------------------

    @api.model
    def _cron_endocs_waiting(self, batch_size=200):
        """R-WF-3, R-REL-1: one batch of the waiting-for-customer clock — close
        (or list) the requests without an answer in time, then remind the
        others weekly. The stored moments are the guard: a request is taken
        once, under a row lock that a concurrent run skips; a request that fails
        is skipped and marked, the others go on."""
        now = fields.Datetime.now()
        due = self._endocs_lock_due("endocs_timeout_at", now, batch_size)
        closed = due._endocs_run_isolated("_endocs_timeout", now)
        reminders = self._endocs_lock_due(
            "endocs_next_reminder_at", now, batch_size - len(due)
        )
        reminded = reminders._endocs_run_isolated("_endocs_send_reminders", now)
        remaining = self.search_count(
            [
                ("endocs_stage_role", "=", "waiting_customer"),
                ("endocs_cron_error", "=", False),
                "|",
                ("endocs_next_reminder_at", "<=", now),
                "&",
                ("endocs_timeout_at", "<=", now),
                ("endocs_timeout_listed", "=", False),
            ]
        )
        self.env["ir.cron"]._notify_progress(
            done=len(closed) + len(reminded), remaining=remaining
        )
        return len(closed) + len(reminded)

    @api.model
    def _endocs_lock_due(self, column, now, limit):
        """Up to ``limit`` waiting requests whose ``column`` moment has come,
        locked for this transaction (rows another run holds are skipped)."""
        if limit <= 0:
            return self.browse()
        assert column in DUE_COLUMNS
        self.env.flush_all()
        extra = (
            "AND t.endocs_timeout_listed IS NOT TRUE"
            if column == "endocs_timeout_at"
            else ""
        )
        query = f"""
            SELECT t.id FROM helpdesk_ticket t
              JOIN helpdesk_ticket_stage s ON s.id = t.stage_id
             WHERE s.endocs_role = 'waiting_customer'
               AND t.endocs_cron_error IS NULL
               AND t.{column} <= %s {extra}
          ORDER BY t.{column}, t.id
             LIMIT %s
               FOR UPDATE OF t SKIP LOCKED
        """  # noqa: S608 - the column is one of two constants
        self.env.cr.execute(query, (now, limit))
        return self.browse([row[0] for row in self.env.cr.fetchall()])

    def _endocs_send_reminders(self, now):
        self._endocs_notify("endocs_support.mail_template_reminder", queue=True)
        for ticket in self.sudo():
            interval = ticket.team_id._endocs_reminder_interval()
            next_at = ticket.endocs_next_reminder_at + interval
            while next_at <= now:  # a missed run sends one reminder, not many
                next_at += interval
            ticket.write(
                {
                    "endocs_next_reminder_at": next_at,
                    "endocs_reminder_count": ticket.endocs_reminder_count + 1,
                }
            )

    def _endocs_timeout(self, now):
        listed = self.filtered(lambda t: t.team_id.endocs_timeout_action == "list")
        listed.sudo().endocs_timeout_listed = True
        to_close = self - listed
        for ticket in to_close:
            summary = "\n".join(ticket._endocs_actions_summary())
            ticket.endocs_resolution = NO_REPLY_RESOLUTION + (
                ("\n" + summary) if summary else ""
            )
        to_close.endocs_delivery_method = "email"
        # the stage's notice goes out, queued
        to_close.with_context(endocs_queue_notices=True)._endocs_move_to(
            "closed_no_reply"
        )

    def _endocs_actions_summary(self):
        """What was done on the request, for the closing message: the questions
        asked and answered (the billing addon adds the logged work)."""
        self.ensure_one()
        lines = []
        for info in self.endocs_info_request_ids.sorted("asked_at"):
            lines.append(
                self.env._(
                    "%(date)s: asked the customer: %(question)s",
                    date=self._endocs_format_moment(info.asked_at),
                    question=info.question,
                )
            )
        return lines
