#!/usr/bin/env bash
# make bench: every benchmark in bench/ on its own database (created when missing),
# one line each with the measured figure and the ratio to its reference.
# `make bench ARGS=worktime` runs only bench/bench_worktime.py; `make bench
# ARGS=load` only the load test (scripts/load.sh); `make bench ARGS=scale` only
# the scale benchmark (bench/bench_scale.py, never part of a plain run) on its
# generated dataset, cached in its own databases until the code or the sizes
# (ENDOCS_SCALE_*) change. Every database is the benchmarks' own (ENDOCS_BENCH_DB,
# endocs_bench, and names made from it): they run beside `make run`.
source "$(dirname "$0")/common.sh"
require_odoo
[ "${1:-}" != load ] || exec "$REPO_DIR/scripts/load.sh"
BENCH_DB="${ENDOCS_BENCH_DB:-endocs_bench}"
if [ "${1:-}" = scale ]; then
    SCALE_DB="${BENCH_DB}_scale"
    stamp="$( (cd "$REPO_DIR" && find endocs_support endocs_support_billing scripts/scale_data.py bench/bench_billing.py \
        -type f ! -name '*.pyc' -print0 | sort -z | xargs -0 sha1sum; { env | grep '^ENDOCS_SCALE_' || true; } | sort) | sha1sum | cut -c1-40)"
    for flavour in ours plain; do
        db="$SCALE_DB"; [ $flavour = ours ] || db="${SCALE_DB}_plain"
        stamp_file="$CACHE_DIR/$db.stamp"
        if db_exists "$db" && [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$stamp" ]; then continue; fi
        say "Generating the scale dataset in $db (once, cached until the code or the sizes change)"
        if db_exists "$db"; then db_psql postgres -qc "DROP DATABASE \"$db\" WITH (FORCE)"; fi
        if [ $flavour = ours ]; then
            "$REPO_DIR/scripts/init_db.sh" "$db" nodemo
        else
            "$REPO_DIR/scripts/init_db.sh" "$db" nodemo "$REFERENCE_MODULES"
        fi
        ENDOCS_BENCH_DIR="$REPO_DIR/bench" ENDOCS_SCALE_FLAVOUR=$flavour "$VENV_PY" "$ODOO_BIN" shell -c "$ODOO_CONF" \
            --addons-path="$(addons_path)" -d "$db" --no-http --log-level=warn < "$REPO_DIR/scripts/scale_data.py" || exit 1
        echo "$stamp" > "$stamp_file"
    done
    ENDOCS_BENCH_DIR="$REPO_DIR/bench" ENDOCS_BENCH=scale ENDOCS_BENCH_SCALE_PLAIN_DB="${SCALE_DB}_plain" \
        exec "$VENV_PY" "$ODOO_BIN" shell -c "$ODOO_CONF" --addons-path="$(addons_path)" -d "$SCALE_DB" \
        --no-http --log-level=warn < "$REPO_DIR/bench/run.py"
fi
# a fresh database, so that it runs the code of this checkout
if db_exists "$BENCH_DB"; then db_psql postgres -qc "DROP DATABASE \"$BENCH_DB\" WITH (FORCE)"; fi
"$REPO_DIR/scripts/init_db.sh" "$BENCH_DB" nodemo
# the reference for the e-mail intake benchmark: plain OCA helpdesk_mgmt on the same
# platform (the addons ours depend on), without the EnDocs addons
"$REPO_DIR/scripts/init_db.sh" "${BENCH_DB}_plain" nodemo "$REFERENCE_MODULES"
# one process per benchmark, so that none measures another's leftovers
status=0
for path in "$REPO_DIR"/bench/bench_*.py; do
    name="$(basename "$path" .py)"; name="${name#bench_}"
    if [ -n "${1:-}" ] && [ "$name" != "$1" ]; then continue; fi
    if [ "$name" = scale ]; then continue; fi  # make bench ARGS=scale, above
    ENDOCS_BENCH_DIR="$REPO_DIR/bench" ENDOCS_BENCH="$name" ENDOCS_BENCH_PLAIN_DB="${BENCH_DB}_plain" \
        "$VENV_PY" "$ODOO_BIN" shell -c "$ODOO_CONF" --addons-path="$(addons_path)" -d "$BENCH_DB" --no-http --log-level=warn \
        < "$REPO_DIR/bench/run.py" || status=1
done
# the load test (R-REL-1): two nodes on a copy of the benchmark's own template
if [ -z "${1:-}" ]; then
    "$REPO_DIR/scripts/load.sh" || status=1
fi
exit $status
