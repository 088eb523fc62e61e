#!/usr/bin/env bash
# make shell: an Odoo shell on the demo database. Piped input runs as a script
# (e.g. `echo 'print(env.user.name)' | make shell`); call env.cr.commit() to keep changes.
source "$(dirname "$0")/common.sh"
require_odoo
"$REPO_DIR/scripts/init_db.sh" "$DEMO_DB" demo
exec "$VENV_PY" "$ODOO_BIN" shell -c "$ODOO_CONF" --addons-path="$(addons_path)" -d "$DEMO_DB" --no-http --log-level=warn "$@"
