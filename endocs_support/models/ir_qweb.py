# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from lxml import etree

from odoo import models, tools


class IrQweb(models.AbstractModel):
    """The bodies of the desk's notices compiled once per worker (R-REL-1).

    Odoo renders a mail template's QWeb body from its source for each record:
    it parses the source and compiles it to Python every time (22 ms of the
    76 ms a registration notice cost under load). A view, by contrast, is
    compiled once and cached. The notices (``helpdesk.ticket._endocs_post``)
    render with ``endocs_notice_render`` in the context: their bodies are
    compiled once per source text and language and cached as views are, in the
    ``templates`` cache. An edited template is another source, compiled anew.
    Other rendering is untouched."""

    _inherit = "ir.qweb"

    def _compile(self, template):
        if isinstance(template, etree._Element) and self.env.context.get(
            "endocs_notice_render"
        ):
            return self._endocs_compile_source(etree.tostring(template), template)
        return super()._compile(template)

    @tools.ormcache(
        "source",
        "tuple(self.env.context.get(k) for k in self._get_template_cache_keys())",
        "self.env.context.get('raise_on_forbidden_code_for_model')",
        cache="templates",
    )
    def _endocs_compile_source(self, source, template):
        """``template`` compiled, cached by its text ``source``."""
        return self.with_context(endocs_notice_render=False)._compile(template)
