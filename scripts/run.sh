#!/usr/bin/env bash
# make run: Odoo on http://localhost:8069 with both addons and demo data. Its mail
# goes to the project's SMTP sink on localhost:2525, started here in the background
# unless something listens there already (`make mails` lists what arrived).
source "$(dirname "$0")/common.sh"
require_odoo
# the sink first: the demo's installation already sends mail
smtp_sink_start
prepare_demo_db
demo_mail_setup
say "Odoo on http://localhost:$(conf_get http_port) — database $DEMO_DB (logins: see README). Ctrl-C stops it."
exec "$VENV_PY" "$ODOO_BIN" -c "$ODOO_CONF" --addons-path="$(addons_path)" -d "$DEMO_DB" --db-filter="^${DEMO_DB}\$" "$@"
