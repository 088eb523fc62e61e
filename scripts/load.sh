#!/usr/bin/env bash
# make bench ARGS=load (also part of a plain `make bench`): R-REL-1 load test on
# two Odoo nodes over one PostgreSQL and one filestore (docs/deployment.md).
#
# The databases are the benchmark's own, never the demo's: a template built once
# (both addons with demo data, or plain helpdesk_mgmt) and cached until the code
# changes; each run copies it, which PostgreSQL allows because no server is
# connected to a template. So it runs while `make run` serves endocs_demo.
#
# Three phases, each on two nodes (separate processes and ports, each with
# ENDOCS_LOAD_WORKERS workers and a cron thread), the traffic spread over both:
#   1. ours:  50 portal users submitting requests and 20 e-mails a second through
#             the mail gateway (XML-RPC message_process, as odoo-mailgate does);
#   2. plain: the same load against plain helpdesk_mgmt's portal form and alias,
#             the reference (target: ours >= 0.8x its requests/s), on the same
#             platform (the addons ours depend on) and with demo data as ours;
#   3. crons: the same load on ours again while ENDOCS_LOAD_DUE (10,000) requests
#             are due for a reminder or a no-reply closure and ENDOCS_LOAD_SLA
#             (2,000) open requests see their deadlines pass, the crons of both
#             nodes running; then every registration notice, reminder, closure
#             and breach is counted in the database: exactly once, none lost.
# ENDOCS_LOAD_SECONDS (120) per phase, ENDOCS_LOAD_USERS, ENDOCS_LOAD_MAILS,
# ENDOCS_LOAD_PHASES (ours,plain,crons). Exit 1 on any error or miss.
source "$(dirname "$0")/common.sh"
require_odoo
BENCH_DB="${ENDOCS_BENCH_DB:-endocs_bench}"
TEMPLATE="${BENCH_DB}_load_tpl"
PLAIN_TEMPLATE="${BENCH_DB}_load_plain_tpl"
LOAD_DB="${BENCH_DB}_load"
PLAIN_DB="${BENCH_DB}_load_plain"
port="${ENDOCS_LOAD_PORT:-8089}"   # node 1: port, port+1 (gevent); node 2: port+2, +3
PHASES=",${ENDOCS_LOAD_PHASES:-ours,plain,crons},"
RESULTS="$CACHE_DIR/load-results-$BENCH_DB.json"
DATA_DIR="$(conf_get data_dir)"
rm -f "$RESULTS"

code_stamp() {
    (cd "$REPO_DIR" && find endocs_support endocs_support_billing scripts/load_setup.py -type f ! -name '*.pyc' -print0 \
        | sort -z | xargs -0 sha1sum | sha1sum | cut -c1-40)
}
plain_stamp() {  # the reference holds none of our code: its set-up and modules only
    { sha1sum "$REPO_DIR/scripts/load_setup.py"; echo "$REFERENCE_MODULES"; } | sha1sum | cut -c1-40
}

# build_template DB STAMP INIT_ARGS... : the template, rebuilt when its stamp differs
build_template() {
    local db="$1" stamp="$2" flavour="$3"; shift 3
    local stamp_file="$CACHE_DIR/$db.stamp"
    if db_exists "$db" && [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$stamp" ]; then
        return
    fi
    say "Building the load test's template $db (once, cached until the code changes)"
    if db_exists "$db"; then db_psql postgres -qc "DROP DATABASE \"$db\" WITH (FORCE)"; fi
    rm -rf "${DATA_DIR:?}/filestore/$db"
    nice -n "${ENDOCS_NICE:-0}" "$REPO_DIR/scripts/init_db.sh" "$db" "$@"
    ENDOCS_LOAD_FLAVOUR="$flavour" "$VENV_PY" "$ODOO_BIN" shell -c "$ODOO_CONF" --addons-path="$(addons_path)" \
        -d "$db" --no-http --log-level=warn < "$REPO_DIR/scripts/load_setup.py"
    echo "$stamp" > "$stamp_file"
}

copy_db() {  # copy_db TEMPLATE DB: a fresh copy of the template, its filestore too
    if db_exists "$2"; then db_psql postgres -qc "DROP DATABASE \"$2\" WITH (FORCE)"; fi
    db_psql postgres -qc "CREATE DATABASE \"$2\" TEMPLATE \"$1\""
    rm -rf "${DATA_DIR:?}/filestore/$2"
    if [ -d "$DATA_DIR/filestore/$1" ]; then cp -a "$DATA_DIR/filestore/$1" "$DATA_DIR/filestore/$2"; fi
    # the alias has received mail before, as in production: two nodes taking
    # their first mail at once would both mark it valid (a serialization retry)
    db_psql "$2" -qc "UPDATE mail_alias SET alias_status = 'valid'"
}

servers=()
stop_nodes() {
    local pid
    for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${servers[@]}"; do wait "$pid" 2>/dev/null || true; done
    servers=()
}
trap stop_nodes EXIT

start_nodes() {  # start_nodes DB: two nodes on one database and one filestore
    local db="$1" node
    for node in 0 1; do
        "$VENV_PY" "$ODOO_BIN" -c "$ODOO_CONF" --addons-path="$(addons_path)" -d "$db" \
            --db-filter="^${db}\$" --http-interface=127.0.0.1 --http-port=$((port + 2 * node)) \
            --gevent-port=$((port + 2 * node + 1)) --workers="${ENDOCS_LOAD_WORKERS:-4}" \
            --max-cron-threads="${ENDOCS_LOAD_CRON_THREADS:-1}" --limit-time-real=300 \
            --limit-time-real-cron=600 --log-level=warn >"$CACHE_DIR/load-node$node-$db.log" 2>&1 &
        servers+=($!)
    done
}

run_client() {  # run_client DB FLAVOUR LABEL
    ENDOCS_LOAD_URLS="http://127.0.0.1:$port,http://127.0.0.1:$((port + 2))" ENDOCS_LOAD_DB="$1" \
        ENDOCS_LOAD_FLAVOUR="$2" ENDOCS_LOAD_LABEL="$3" ENDOCS_LOAD_RESULTS="$RESULTS" \
        "$VENV_PY" "$REPO_DIR/scripts/load.py"
}

status=0
stamp="$(code_stamp)"
# 50 portal users (8 workers per node at most: each prefork worker listens with
# a backlog of 8, and 66 clients may connect at once; a proxy queues them)
build_template "$TEMPLATE" "$stamp" ours demo
if [[ $PHASES == *,plain,* ]]; then
    # the reference runs on the platform ours needs (helpdesk_mgmt_timesheet,
    # sale_timesheet), with demo data as ours: only our addons differ
    build_template "$PLAIN_TEMPLATE" "$(plain_stamp)" plain demo "$REFERENCE_MODULES"
fi

if [[ $PHASES == *,ours,* ]]; then
    copy_db "$TEMPLATE" "$LOAD_DB"
    start_nodes "$LOAD_DB"
    run_client "$LOAD_DB" ours ours || { status=1; tail -30 "$CACHE_DIR/load-node0-$LOAD_DB.log" >&2; }
    stop_nodes
fi
if [[ $PHASES == *,plain,* ]]; then
    copy_db "$PLAIN_TEMPLATE" "$PLAIN_DB"
    start_nodes "$PLAIN_DB"
    run_client "$PLAIN_DB" plain plain || { status=1; tail -30 "$CACHE_DIR/load-node0-$PLAIN_DB.log" >&2; }
    stop_nodes
fi
if [[ $PHASES == *,ours,* && $PHASES == *,plain,* ]]; then
    "$VENV_PY" - "$RESULTS" <<'PY' || status=1
import json, sys
rows = {r["label"]: r for r in map(json.loads, open(sys.argv[1]))}
empty = {"rate": 0.0, "p95": 0.0}
ours = rows.get("ours", {}).get("portal", empty)
plain = rows.get("plain", {}).get("portal", empty)
ratio = ours["rate"] / plain["rate"] if plain["rate"] else 0.0
ok = ratio >= 0.8
print(f"{'load.portal_vs_helpdesk':<28} {ours['rate']:.1f} req/s p95 {ours['p95']:.0f} ms "
      f"(helpdesk_mgmt {plain['rate']:.1f} req/s p95 {plain['p95']:.0f} ms) "
      f"ratio {ratio:.3f}x target >= 0.8x {'OK' if ok else 'MISSED'}")
sys.exit(0 if ok else 1)
PY
fi
if [[ $PHASES == *,crons,* ]]; then
    copy_db "$TEMPLATE" "$LOAD_DB"
    # the due work, made before the nodes start; the crons run from the start
    ENDOCS_LOAD_STEP=seed "$VENV_PY" "$ODOO_BIN" shell -c "$ODOO_CONF" --addons-path="$(addons_path)" \
        -d "$LOAD_DB" --no-http --log-level=warn < "$REPO_DIR/scripts/load_crons.py" || status=1
    start_nodes "$LOAD_DB"
    run_client "$LOAD_DB" ours crons || { status=1; tail -30 "$CACHE_DIR/load-node0-$LOAD_DB.log" >&2; }
    # the nodes' crons finish the due work, then everything is counted
    ENDOCS_LOAD_STEP=check "$VENV_PY" "$ODOO_BIN" shell -c "$ODOO_CONF" --addons-path="$(addons_path)" \
        -d "$LOAD_DB" --no-http --log-level=warn < "$REPO_DIR/scripts/load_crons.py" || status=1
    stop_nodes
    # an ERROR in a node's log fails the run, save a serialization failure,
    # which Odoo retries (the RPC call, the cron job): counted, not lost
    for node in 0 1; do
        "$VENV_PY" - "$CACHE_DIR/load-node$node-$LOAD_DB.log" "$node" <<'PY' || status=1
import re, sys
lines = open(sys.argv[1], errors="replace").read().splitlines()
errors = [i for i, line in enumerate(lines) if re.search(r" (ERROR|CRITICAL) ", line)]
retried = [i for i in errors if any("could not serialize" in x for x in lines[i : i + 3])]
bad = [lines[i][:300] for i in errors if i not in retried]
print(f"load.crons.node{sys.argv[2]}_log        {len(bad)} errors, "
      f"{len(retried)} serialization failures retried {'OK' if not bad else 'FAILED'}")
print("\n".join(bad[:5]), file=sys.stderr)
sys.exit(1 if bad else 0)
PY
    done
fi
exit $status
