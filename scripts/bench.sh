#!/usr/bin/env bash
# make bench: every benchmark in bench/ on its own database (created when missing),
# one line each with the measured figure and the ratio to its reference.
# `make bench ARGS=worktime` runs only bench/bench_worktime.py; `make bench
# ARGS=load` only the load test (scripts/load.sh).
source "$(dirname "$0")/common.sh"
require_odoo
[ "${1:-}" != load ] || exec "$REPO_DIR/scripts/load.sh"
BENCH_DB="${ENDOCS_BENCH_DB:-endocs_bench}"
# a fresh database, so that it runs the code of this checkout
if db_exists "$BENCH_DB"; then db_psql postgres -qc "DROP DATABASE \"$BENCH_DB\" WITH (FORCE)"; fi
"$REPO_DIR/scripts/init_db.sh" "$BENCH_DB" nodemo
# the reference for the e-mail intake benchmark: plain OCA helpdesk_mgmt on the same
# platform (the addons ours depend on), without the EnDocs addons
"$REPO_DIR/scripts/init_db.sh" "${BENCH_DB}_plain" nodemo helpdesk_mgmt,helpdesk_mgmt_timesheet,sale_timesheet
# one process per benchmark, so that none measures another's leftovers
status=0
for path in "$REPO_DIR"/bench/bench_*.py; do
    name="$(basename "$path" .py)"; name="${name#bench_}"
    if [ -n "${1:-}" ] && [ "$name" != "$1" ]; then continue; fi
    ENDOCS_BENCH_DIR="$REPO_DIR/bench" ENDOCS_BENCH="$name" ENDOCS_BENCH_PLAIN_DB="${BENCH_DB}_plain" \
        "$VENV_PY" "$ODOO_BIN" shell -c "$ODOO_CONF" --addons-path="$(addons_path)" -d "$BENCH_DB" --no-http --log-level=warn \
        < "$REPO_DIR/bench/run.py" || status=1
done
# the load test (R-REL-1): a server with workers on a copy of the demo database
if [ -z "${1:-}" ]; then
    "$REPO_DIR/scripts/load.sh" || status=1
fi
exit $status
