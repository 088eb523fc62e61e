# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging
import os
import threading

import psycopg2
from psycopg2 import sql

from odoo import models, sql_db

from odoo.addons.base.models.ir_cron import ODOO_NOTIFY_FUNCTION

_logger = logging.getLogger(__name__)

#: this process's connection to the ``postgres`` database for the wake-ups
#: (made after a fork: a prefork worker never uses its parent's, nor closes
#: it, which would end the parent's session: it is kept, unused)
_CHANNEL = {"pid": None, "cnx": None, "inherited": []}
_LOCK = threading.Lock()


class IrCron(models.Model):
    """Scheduled actions woken through one kept connection (R-REL-1).

    A trigger due now (``ir.cron._trigger``) wakes the cron workers with a
    ``NOTIFY cron_trigger`` sent on the ``postgres`` database, where they
    listen. Odoo opens a connection for each wake-up and closes it (its pool
    keeps none to that database), so PostgreSQL forks a server process for
    every new request, which queues its registration notice with a trigger
    (measured: 7 ms of PostgreSQL's CPU per request, a fifth of what the
    request's own queries cost it).
    Each Odoo process here keeps one connection for its wake-ups instead (one
    more connection per worker, see ``docs/deployment.md``), made again when
    it was lost; the notification the cron workers receive is Odoo's."""

    _inherit = "ir.cron"

    def _notifydb(self):
        query = sql.SQL("SELECT {}('cron_trigger', %s)").format(
            sql.Identifier(ODOO_NOTIFY_FUNCTION)
        )
        with _LOCK:
            for attempt in (1, 2):
                try:
                    with _endocs_channel().cursor() as cr:
                        cr.execute(query, [self.env.cr.dbname])
                    return
                except psycopg2.Error as error:
                    _endocs_close_channel()
                    _logger.info(
                        "cron wake-up connection lost (%s): %s", attempt, error
                    )
        super()._notifydb()  # the database refuses a kept connection: Odoo's way


def _endocs_channel():
    """This process's autocommit connection to the ``postgres`` database."""
    if _CHANNEL["pid"] != os.getpid():
        if _CHANNEL["cnx"] is not None:
            _CHANNEL["inherited"].append(_CHANNEL["cnx"])  # the parent's
        _CHANNEL.update(pid=os.getpid(), cnx=None)
    cnx = _CHANNEL["cnx"]
    if cnx is None or cnx.closed:
        _db, info = sql_db.connection_info_for("postgres")
        cnx = psycopg2.connect(**info)
        cnx.autocommit = True
        _CHANNEL["cnx"] = cnx
    return cnx


def _endocs_close_channel():
    """Close this process's connection (only ever its own: a parent's was set
    aside by :func:`_endocs_channel` before any use)."""
    cnx, _CHANNEL["cnx"] = _CHANNEL["cnx"], None
    if cnx is not None:
        try:
            cnx.close()
        except psycopg2.Error as error:
            _logger.info("cron wake-up connection: closing it failed: %s", error)
