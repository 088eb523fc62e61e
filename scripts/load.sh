#!/usr/bin/env bash
# make bench ARGS=load (also part of a plain `make bench`): R-REL-1 load test.
# A copy of the demo database served by Odoo with workers on loopback (the
# configuration of `make run`, plus --workers), 50 portal users submitting
# requests and 20 e-mails a second through the mail gateway (XML-RPC
# message_process, as odoo-mailgate does) for ENDOCS_LOAD_SECONDS (120). Prints
# p50/p95 latencies; exit 1 on any error or any request not registered exactly
# once.
source "$(dirname "$0")/common.sh"
require_odoo
prepare_demo_db
LOAD_DB="${ENDOCS_LOAD_DB:-endocs_load}"
port="${ENDOCS_LOAD_PORT:-8089}"
if db_exists "$LOAD_DB"; then db_psql postgres -qc "DROP DATABASE \"$LOAD_DB\" WITH (FORCE)"; fi
db_psql postgres -qc "CREATE DATABASE \"$LOAD_DB\" TEMPLATE \"$DEMO_DB\""
cp -a "$(conf_get data_dir)/filestore/$DEMO_DB" "$(conf_get data_dir)/filestore/$LOAD_DB" 2>/dev/null || true
# 50 portal users over the demo's three organisations; the alias domain
"$VENV_PY" "$ODOO_BIN" shell -c "$ODOO_CONF" --addons-path="$(addons_path)" -d "$LOAD_DB" \
    --no-http --log-level=warn <<'PY'
orgs = env["res.partner"].search([("endocs_client_ref", "in", ["ED-5001", "ED-5002"])])
for n in range(50):
    org = orgs[n % len(orgs)]
    partner = env["res.partner"].create(
        {"name": f"Load user {n}", "parent_id": org.id, "email": f"load{n}@load.example",
         "phone": "+7 495 000-00-00"}
    )
    env["res.users"].with_context(no_reset_password=True).create(
        {"login": f"load{n}", "password": f"load{n}", "partner_id": partner.id,
         "groups_id": [(6, 0, [env.ref("base.group_portal").id])]}
    )
domain = env["mail.alias.domain"].search([("name", "=", "endocs.ru")], limit=1) \
    or env["mail.alias.domain"].create({"name": "endocs.ru"})
env.company.alias_domain_id = domain
env.ref("endocs_support.helpdesk_team_support").alias_id.alias_domain_id = domain
env["ir.config_parameter"].set_param("mail.gateway.loop.threshold", 100000)
env.cr.commit()
PY
# 8 workers: Odoo's prefork server listens with a backlog of 8 per worker, and
# 66 clients (50 users, up to 16 mails in flight) may connect at once; behind a
# reverse proxy the proxy queues them instead.
log="$CACHE_DIR/load-odoo.log"
"$VENV_PY" "$ODOO_BIN" -c "$ODOO_CONF" --addons-path="$(addons_path)" -d "$LOAD_DB" \
    --db-filter="^${LOAD_DB}\$" --http-interface=127.0.0.1 --http-port="$port" \
    --gevent-port=$((port + 1)) --workers="${ENDOCS_LOAD_WORKERS:-8}" --max-cron-threads=1 \
    --limit-time-real=300 --log-level=warn >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null' EXIT
ENDOCS_LOAD_URL="http://127.0.0.1:$port" ENDOCS_LOAD_DB="$LOAD_DB" \
    "$VENV_PY" "$REPO_DIR/scripts/load.py" || { tail -30 "$log" >&2; exit 1; }
