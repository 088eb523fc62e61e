# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models, tools


class MailRenderMixin(models.AbstractModel):
    """Before rendering a QWeb body, Odoo generates its code once more only to
    learn whether it holds expressions beyond plain fields (13 ms a notice):
    for the desk's notices (``endocs_notice_render``, see ``ir_qweb.py``) the
    answer is cached per source text, as the compiled body is."""

    _inherit = "mail.render.mixin"

    @api.model
    def _has_unsafe_expression_template_qweb(self, template_src, model):
        if template_src and self.env.context.get("endocs_notice_render"):
            return self._endocs_has_unsafe_expression(str(template_src), model)
        return super()._has_unsafe_expression_template_qweb(template_src, model)

    @tools.ormcache("template_src", "model", cache="templates")
    def _endocs_has_unsafe_expression(self, template_src, model):
        return self.with_context(
            endocs_notice_render=False
        )._has_unsafe_expression_template_qweb(template_src, model)
