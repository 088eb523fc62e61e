# Copyright 2026 EnDocs
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from psycopg2 import OperationalError

from odoo import fields, models

_logger = logging.getLogger(__name__)


class EndocsBatchMixin(models.AbstractModel):
    """Scheduled work in batches that one bad record cannot block (R-REL-1).

    The batch runs in one savepoint; when it fails, it runs again record by
    record, each in a savepoint of its own: the failing record is logged, its
    error kept in ``endocs_cron_error`` (the crons skip it until someone looks)
    and the others go on. The happy path costs two queries per batch.

    A conflict of the transaction itself (a serialization failure, a lock
    timeout) is no fault of a record: it is raised, so that Odoo's cron runner
    rolls back and runs the batch again."""

    _name = "endocs.batch.mixin"
    _description = "Isolated Batch Work"

    endocs_cron_error = fields.Text(
        string="Scheduled action failed",
        readonly=True,
        copy=False,
        help="The scheduled action skips this record until the error is "
        "cleared («Retry»).",
    )

    def _endocs_run_isolated(self, method, *args):
        """``getattr(self, method)(*args)``, isolated as described above.

        :return: the records it succeeded for
        """
        if not self:
            return self
        try:
            with self.env.cr.savepoint():
                getattr(self, method)(*args)
            return self
        except OperationalError:
            raise
        except Exception:  # noqa: BLE001 - isolated below, record by record
            _logger.warning(
                "%s on %s failed, retrying record by record",
                method,
                self,
                exc_info=True,
            )
        done = self.browse()
        for record in self:
            try:
                with self.env.cr.savepoint():
                    getattr(record, method)(*args)
                done |= record
            except OperationalError:
                raise
            except Exception as error:  # noqa: BLE001 - logged and kept
                _logger.exception("%s on %s failed: skipped", method, record)
                record.sudo().endocs_cron_error = (
                    f"{fields.Datetime.now()} {method}: {error}"
                )
        return done

    def action_endocs_retry(self):
        """Let the scheduled actions take the record again."""
        self.check_access("write")
        self.sudo().endocs_cron_error = False
