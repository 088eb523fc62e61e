#!/usr/bin/env bash
# scripts/compat.sh [ours|plain] [pytest args]: the compatibility suite — the
# test suites of the OCA helpdesk family and of the Odoo modules our addons
# extend, run by pytest-odoo in one database where every module is installed and
# loaded (as in production): with our addons (ours, the default; part of make
# test) or without them (plain: measures the platform's own failures, the list
# tests/compat/platform_failures.txt). Expected failures are listed in
# tests/compat/*.txt (see endocs_compat_plugin.py).
source "$(dirname "$0")/common.sh"
require_odoo
mode="${1:-ours}"; shift || true
PEERS="helpdesk_mgmt,helpdesk_mgmt_project,helpdesk_mgmt_timesheet,helpdesk_mgmt_sla,helpdesk_type,helpdesk_motive,helpdesk_mgmt_portal_follower,helpdesk_mgmt_rating,helpdesk_mgmt_timesheet_sale,helpdesk_ticket_partner_response,test_mail,sale_timesheet,hr_timesheet,resource,portal"
case "$mode" in
    ours) db="${ENDOCS_COMPAT_DB:-endocs_compat}"; modules="$PEERS,$ADDONS" ;;
    plain) db="${ENDOCS_COMPAT_DB:-endocs_compat_plain}"; modules="$PEERS"; export ENDOCS_COMPAT_PLAIN=1 ;;
    *) die "usage: scripts/compat.sh [ours|plain] [pytest args]" ;;
esac
# each addon's tests where Odoo imports them from (its addons path)
mapfile -t tests < <("$VENV_PY" - "$PEERS" "$(addons_path)" <<'PY'
import os, sys
for addon in sys.argv[1].split(","):
    for root in sys.argv[2].split(","):
        path = os.path.join(root, addon, "tests")
        if os.path.isdir(path):
            # test_mail: its mail-gateway tests only
            print(os.path.join(path, "test_mail_gateway.py") if addon == "test_mail" else path)
            break
PY
)
if [ -z "${ENDOCS_KEEP_TEST_DB:-}" ] && db_exists "$db"; then
    db_psql postgres -c "DROP DATABASE \"$db\" WITH (FORCE)"
fi
if ! db_exists "$db"; then
    # English, as Odoo's own runner has it (our demo activates Russian itself)
    say "Creating $db: $modules"
    odoo -d "$db" -i "$modules" --stop-after-init --no-http --log-level=warn \
        || die "installing the compatibility database $db failed"
fi
say "Compatibility suite ($mode) on $db"
cd "$REPO_DIR"
PYTHONPATH="$REPO_DIR/tests/compat${PYTHONPATH:+:$PYTHONPATH}" exec "$VENV_PY" -m pytest \
    -p no:cacheprovider -p endocs_compat_plugin --rootdir="$REPO_DIR" \
    --odoo-config="$ODOO_CONF" --odoo-addons-path="$(addons_path)" \
    --odoo-database="$db" --odoo-http --odoo-log-level="${ENDOCS_LOG_LEVEL:-error}" \
    --odoo-extra=smtp= -q -rfEX "${tests[@]}" "$@"
