#!/usr/bin/env bash
# make screenshots: the README's screenshots, taken from the demo database
# (created or upgraded as for make run) served on a spare port, with headless
# Chromium driven over the DevTools protocol by scripts/screenshots.py.
# Re-runnable; writes docs/screenshots/*.png.
source "$(dirname "$0")/common.sh"
require_odoo
smtp_sink_start  # the demo's installation sends mail
prepare_demo_db
port="${ENDOCS_SHOT_PORT:-8079}"
xmlid() {  # res_id of module.name
    db_psql "$DEMO_DB" -Atc "SELECT res_id FROM ir_model_data WHERE module='${1%%.*}' AND name='${1#*.}'"
}
export ENDOCS_SHOT_URL="http://127.0.0.1:$port" ENDOCS_SHOT_DB="$DEMO_DB"
export ENDOCS_SHOT_DIR="$REPO_DIR/docs/screenshots"
export ENDOCS_TICKET_ID="$(xmlid endocs_support.ticket_waiting)"
invoice="$(db_psql "$DEMO_DB" -Atc "SELECT id FROM account_move WHERE endocs_act_id IS NOT NULL AND state='posted' ORDER BY id LIMIT 1")"
export ENDOCS_INVOICE_ID="$invoice"
[ -n "$ENDOCS_TICKET_ID" ] && [ -n "$invoice" ] || die "the demo database $DEMO_DB lacks the demo story (recreate it: drop it and run make run)"
log="$CACHE_DIR/screenshots-odoo.log"
"$VENV_PY" "$ODOO_BIN" -c "$ODOO_CONF" --addons-path="$(addons_path)" -d "$DEMO_DB" \
    --db-filter="^${DEMO_DB}\$" --http-port="$port" --http-interface=127.0.0.1 \
    --workers=0 --max-cron-threads=0 --log-level=warn >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null' EXIT
"$VENV_PY" "$REPO_DIR/scripts/screenshots.py" || { tail -20 "$log" >&2; die "screenshots failed"; }
