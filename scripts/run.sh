#!/usr/bin/env bash
# make run: Odoo on http://localhost:8069 with both addons and demo data.
source "$(dirname "$0")/common.sh"
require_odoo
"$REPO_DIR/scripts/init_db.sh" "$DEMO_DB" demo
# After a code change, upgrade both addons first (the stamp is the code's hash).
stamp_file="$CACHE_DIR/$DEMO_DB.code-stamp"
stamp="$(cd "$REPO_DIR" && find endocs_support endocs_support_billing -type f ! -name '*.pyc' -print0 | sort -z | xargs -0 sha1sum | sha1sum | cut -c1-40)"
if [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" != "$stamp" ]; then
    say "The addons changed since the last start: upgrading them in $DEMO_DB"
    odoo -d "$DEMO_DB" -u "$ADDONS" --stop-after-init --no-http --log-level=warn
fi
echo "$stamp" > "$stamp_file"
say "Odoo on http://localhost:$(conf_get http_port) — database $DEMO_DB (logins: see README). Ctrl-C stops it."
exec "$VENV_PY" "$ODOO_BIN" -c "$ODOO_CONF" --addons-path="$(addons_path)" -d "$DEMO_DB" --db-filter="^${DEMO_DB}\$" "$@"
