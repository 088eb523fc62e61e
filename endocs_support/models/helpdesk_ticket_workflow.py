# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Processing of a request (R-WF-1 .. R-WF-6): acceptance, questions to the
customer and the answers, third parties, causes, video sessions, resolution.
The waiting clocks are in ``helpdesk_ticket_waiting.py``, the SLA in
``helpdesk_ticket_sla.py``."""

from odoo import api, fields, models
from odoo.exceptions import RedirectWarning, ValidationError
from odoo.tools import plaintext2html

CAUSE_NOTICES = {
    "third_party": "endocs_support.mail_template_cause_third_party",
    "hardware": "endocs_support.mail_template_cause_hardware",
}
#: writes that may move the stage (helpdesk_mgmt recomputes it on a team change)
STAGE_MOVERS = {"stage_id", "team_id", "user_id"}


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    endocs_stage_role = fields.Selection(
        related="stage_id.endocs_role", store=True, string="Stage role"
    )
    endocs_accepted_at = fields.Datetime(
        string="Accepted",
        readonly=True,
        copy=False,
        tracking=True,
        endocs_workflow=True,
    )
    endocs_accepted_by_id = fields.Many2one(
        "res.users",
        string="Accepted by",
        readonly=True,
        copy=False,
        tracking=True,
        endocs_workflow=True,
    )
    endocs_processing_hours = fields.Float(
        string="Processing time (working hours)",
        compute="_compute_endocs_processing_hours",
        store=True,
        help="Regulation 1.8: from receipt to acceptance by the responsible "
        "engineer, in working hours of the team's calendar.",
        endocs_workflow=True,
    )
    endocs_info_request_ids = fields.One2many(
        "endocs.info.request", "ticket_id", string="Information requests"
    )
    endocs_third_party_awaited = fields.Char(
        string="Awaited from a third party", tracking=True, copy=False
    )
    endocs_cause_class = fields.Selection(
        [
            ("product", "EnDocs product"),
            ("third_party", "Third-party software"),
            ("hardware", "Hardware or communication lines"),
        ],
        string="Cause",
        tracking=True,
        help="Regulation 2.8, 2.9: for third-party software and for hardware or "
        "communication lines the solution is not guaranteed; the customer is told.",
    )
    endocs_video_session_ids = fields.One2many(
        "endocs.video.session", "ticket_id", string="Video sessions"
    )
    endocs_resolution = fields.Text(string="Resolution", copy=False)
    endocs_delivery_method = fields.Selection(
        [
            ("email", "E-mail"),
            ("portal", "Service desk message"),
            ("video", "Video session"),
            ("remote_access", "Access to the customer's system"),
            ("phone", "Phone"),
            ("other", "Other"),
        ],
        string="Solution delivered by",
        copy=False,
        help="Regulation 3.10: how the information and the solution reached the "
        "customer.",
    )

    endocs_resolution_confirmed_at = fields.Datetime(
        string="Solution confirmed by the customer",
        readonly=True,
        copy=False,
        tracking=True,
        endocs_workflow=True,
    )
    endocs_withdraw_reason = fields.Text(
        string="Withdrawal reason",
        readonly=True,
        copy=False,
        tracking=True,
        help="Why the customer withdrew the request (from the portal).",
    )

    @api.depends(
        "endocs_processing_start",
        "endocs_accepted_at",
        "team_id.resource_calendar_id",
    )
    def _compute_endocs_processing_hours(self):
        accepted = self.filtered(
            lambda t: t.endocs_accepted_at and t.endocs_processing_start
        )
        (self - accepted).endocs_processing_hours = 0.0
        for ticket in accepted:
            wt = ticket._endocs_working_time()
            ticket.endocs_processing_hours = (
                wt.hours_between(
                    ticket.endocs_processing_start, ticket.endocs_accepted_at
                )
                if wt
                else 0.0
            )

    def _compute_stage_id(self):
        """helpdesk_mgmt's rule (keep the stage while the team may use it, else
        the team's first stage), with the applicable stages asked once per team
        instead of once per request: assigning or accepting many requests at
        once stays a constant number of queries."""
        for team, tickets in self.grouped("team_id").items():
            applicable = team._get_applicable_stages()
            for ticket in tickets:
                if ticket.stage_id not in applicable:
                    ticket.stage_id = applicable[:1]

    @api.constrains(
        "stage_id", "team_id", "endocs_resolution", "endocs_delivery_method"
    )
    def _check_endocs_resolution(self):
        for ticket in self.filtered(lambda t: t._endocs_role() == "resolved"):
            if ticket.endocs_resolution and ticket.endocs_delivery_method:
                continue
            message = self.env._(
                "Request %(number)s: a resolved request needs the resolution and "
                "how the solution was delivered (regulation 3.5, 3.10).",
                number=ticket.number,
            )
            if not self.env.su and self.env.user._is_internal():
                # the staff's close paths (statusbar, kanban, list) open the
                # resolution step instead of failing
                raise RedirectWarning(
                    message, ticket._endocs_resolve_action(), self.env._("Resolve")
                )
            raise ValidationError(message)

    @api.constrains("stage_id", "team_id", "endocs_third_party_awaited")
    def _check_endocs_third_party(self):
        for ticket in self.filtered(
            lambda t: t._endocs_role() == "waiting_third_party"
        ):
            if not ticket.endocs_third_party_awaited:
                raise ValidationError(
                    self.env._(
                        "Request %(number)s: say what is awaited from the third "
                        "party (regulation 3.9): use «Wait for a third party».",
                        number=ticket.number,
                    )
                )

    # ------------------------------------------------------------------
    # Write hooks
    # ------------------------------------------------------------------

    def _endocs_write_snapshot(self, vals):
        snapshot = super()._endocs_write_snapshot(vals)
        if STAGE_MOVERS.intersection(vals):
            snapshot["roles"] = {t.id: t._endocs_role() for t in self}
        if "endocs_cause_class" in vals:
            snapshot["causes"] = {t.id: t.endocs_cause_class for t in self}
        return snapshot

    def _endocs_after_write(self, vals, snapshot):
        res = super()._endocs_after_write(vals, snapshot)
        if "roles" in snapshot:
            # reading the role runs helpdesk_mgmt's pending stage compute
            moved = self.filtered(lambda t: t._endocs_role() != snapshot["roles"][t.id])
            moved._endocs_stage_changed(snapshot["roles"])
            moved.filtered("closed")._endocs_close_questions()
            moved._endocs_stage_notices(snapshot["roles"])
        if "causes" in snapshot:
            self.filtered("endocs_regulated")._endocs_cause_changed(snapshot["causes"])
        return res

    def _endocs_cause_changed(self, causes_before):
        """R-WF-5: third-party software or hardware causes get the regulation's
        notice of the limited guarantee, once per change."""
        for cause, xmlid in CAUSE_NOTICES.items():
            self.filtered(
                lambda t, cause=cause: t.endocs_cause_class == cause
                and causes_before.get(t.id) != cause
            )._endocs_notify(xmlid)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_endocs_accept(self):
        """Regulation 1.8, 3.5 (R-WF-1): the responsible engineer accepts the
        requests; the engineer and the moment are recorded, each request moves
        to its own team's stage «in progress»."""
        self._endocs_check_registered()
        user = self.env.user
        self.write({"user_id": user.id})  # the user's own rights apply
        self.filtered(lambda t: not t.endocs_accepted_at).sudo().write(
            {
                "endocs_accepted_at": fields.Datetime.now(),
                "endocs_accepted_by_id": user.id,
            }
        )
        self.filtered(lambda t: t.endocs_stage_role in (False, "new"))._endocs_move_to(
            "in_progress"
        )

    def action_endocs_request_info(self):
        self.ensure_one()
        return self._endocs_wizard_action(
            "endocs.ticket.wait.wizard",
            self.env._("Ask the customer"),
            default_reason="customer",
        )

    def action_endocs_wait_third_party(self):
        self.ensure_one()
        return self._endocs_wizard_action(
            "endocs.ticket.wait.wizard",
            self.env._("Wait for a third party"),
            default_reason="third_party",
        )

    def action_endocs_resolve(self):
        self.ensure_one()
        return self._endocs_resolve_action()

    def _endocs_resolve_action(self):
        return self._endocs_wizard_action(
            "endocs.ticket.resolve.wizard", self.env._("Resolve the request")
        )

    def _endocs_confirm_solution(self):
        """The customer confirms the solution the specialist gave (R-WF-6):
        the request closes as resolved. False when there is none to confirm."""
        self.ensure_one()
        stage = self._endocs_stage("resolved")
        if self.closed or not (
            stage and self.endocs_resolution and self.endocs_delivery_method
        ):
            return False
        self.sudo().write(
            {
                "stage_id": stage.id,
                "endocs_resolution_confirmed_at": fields.Datetime.now(),
            }
        )
        return True

    def _endocs_withdraw(self, reason, author):
        """The customer withdraws the request with ``reason`` (R-WF-6): it
        closes as withdrawn and the reason is posted as the customer's message,
        which notifies the specialist. False without a reason."""
        self.ensure_one()
        reason = (reason or "").strip()
        stage = self._endocs_stage("withdrawn")
        if self.closed or not (reason and stage):
            return False
        self.sudo().write({"stage_id": stage.id, "endocs_withdraw_reason": reason})
        self.sudo().message_post(
            body=plaintext2html(
                self.env._("Request withdrawn: %(reason)s", reason=reason)
            ),
            author_id=author.id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        return True

    def action_endocs_split(self):
        self.ensure_one()
        return self._endocs_wizard_action(
            "endocs.ticket.split.wizard", self.env._("Split request")
        )

    def _endocs_wizard_action(self, model, name, **defaults):
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": "form",
            "target": "new",
            "context": {"default_ticket_id": self.id, **defaults},
        }

    # ------------------------------------------------------------------
    # Stages
    # ------------------------------------------------------------------

    def _endocs_role(self):
        """The stage's role as the regulation sees it: none for a request
        outside its scope (leaving a regulated team stops its clocks)."""
        self.ensure_one()
        return self.endocs_stage_role if self.endocs_regulated else False

    def _endocs_stage(self, role):
        """The stage of ``role`` for this request's team (a stage for every
        team when called on no request)."""
        if self:
            self.ensure_one()
        return self._endocs_stages(role)[self.team_id]

    def _endocs_move_to(self, role):
        """Move each request to its own team's stage of ``role`` (one write per
        team; a team without such a stage stays where it is)."""
        if not self:
            return
        stages = self._endocs_stages(role)
        for team, tickets in self.grouped("team_id").items():
            if stages[team]:
                tickets.write({"stage_id": stages[team].id})

    def _endocs_stages(self, role):
        """``{team: stage of role}`` for the teams of these requests (a team's
        own stages first, then the shared ones), in one search."""
        Stage = self.env["helpdesk.ticket.stage"]
        stages = Stage.search([("endocs_role", "=", role)], order="sequence, id")
        shared = stages.filtered(lambda s: not s.team_ids)[:1] or stages[:1]
        result = {}
        for team in set(self.mapped("team_id")) | {self.env["helpdesk.ticket.team"]}:
            own = stages.filtered(lambda s, team=team: team and team in s.team_ids)
            result[team] = own[:1] or shared
        return result

    # ------------------------------------------------------------------
    # Messages: the customer's answers and the first response (R-WF-2, R-WF-7)
    # ------------------------------------------------------------------

    def _endocs_message_posted(self, message):
        self.ensure_one()
        if self.env.context.get("endocs_notice"):
            return  # our own notice: neither an answer nor a response
        if self._endocs_awaits_customer() and self._endocs_is_customer_message(message):
            self._endocs_customer_replied(message)
        elif not self.endocs_first_response_at and self._endocs_is_staff_answer(
            message
        ):
            self.sudo().endocs_first_response_at = message.date or fields.Datetime.now()

    def _endocs_awaits_customer(self):
        """Whether an answer of the customer changes something: the request
        waits for the customer or has an open question (a new request's first
        e-mail does not need its author looked up)."""
        self.ensure_one()
        return self.endocs_stage_role == "waiting_customer" or any(
            question.state == "open" for question in self.endocs_info_request_ids
        )

    def _endocs_customer_replied(self, message):
        """Any answer of the customer (e-mail or portal) stops the waiting clock
        and returns the request to work; open questions are answered (R-WF-2,
        R-WF-3)."""
        self.endocs_info_request_ids.filtered(lambda r: r.state == "open").sudo().write(
            {
                "state": "answered",
                "answered_at": fields.Datetime.now(),
                "answer_message_id": message.id,
            }
        )
        self.filtered(
            lambda t: t.endocs_stage_role == "waiting_customer"
        ).sudo()._endocs_move_to("in_progress")

    def _endocs_close_questions(self):
        """A closed request has no open question left."""
        self.endocs_info_request_ids.filtered(
            lambda r: r.state == "open"
        ).sudo().state = "closed"

    def _endocs_is_customer_message(self, message):
        self.ensure_one()
        if self.env.context.get("endocs_automatic"):
            return False
        if message.message_type not in ("email", "comment"):
            return False
        if message.subtype_id and message.subtype_id.internal:
            return False
        return bool(message.author_id) and not self._endocs_author_is_staff(message)

    @api.model
    def _endocs_author_is_staff(self, message):
        """Whether the message's author is of the support desk: an internal user
        (OdooBot included) or a company (the notices' author)."""
        author = message.author_id.sudo()
        users = author.with_context(active_test=False).user_ids
        return any(not user.share for user in users) or bool(author.ref_company_ids)

    def _endocs_is_staff_answer(self, message):
        """A message of a specialist to the customer (not a note, not a notice
        nor a bot's): the first one is the first response of the SLA."""
        if message.message_type != "comment" or (
            message.subtype_id and message.subtype_id.internal
        ):
            return False
        root = self.env.ref("base.partner_root", raise_if_not_found=False)
        return message.author_id != root and self._endocs_author_is_staff(message)
