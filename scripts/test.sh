#!/usr/bin/env bash
# make test: a fresh test database with both addons, then every test (pure-Python
# and Odoo TransactionCase/HttpCase tests) through pytest-odoo. Extra arguments go
# to pytest (e.g. `make test ARGS="-k worktime"`). Odoo 18 is not in its test mode
# under pytest-odoo (odoo.modules.module.current_test stays unset) and would really
# connect to the configured SMTP server: --smtp= leaves it none, so a test's e-mail
# fails as "no server" instead of reaching the demo's sink; tests that need real
# SMTP start their own (endocs_support/tests/smtp_capture.py).
source "$(dirname "$0")/common.sh"
require_odoo
if [ -z "${ENDOCS_KEEP_TEST_DB:-}" ] && db_exists "$TEST_DB"; then
    say "Dropping the old test database $TEST_DB"
    db_psql postgres -c "DROP DATABASE \"$TEST_DB\" WITH (FORCE)"
fi
"$REPO_DIR/scripts/init_db.sh" "$TEST_DB" demo
command -v chromium >/dev/null || command -v chromium-browser >/dev/null || command -v google-chrome >/dev/null \
    || die "Chromium is required for the browser tours (make setup installs it)"
"$VENV_PY" -c "import websocket" 2>/dev/null || die "websocket-client is required for the browser tours (make setup installs it)"
cd "$REPO_DIR"
rc=0
"$VENV_PY" -m pytest -p no:cacheprovider \
    --odoo-config="$ODOO_CONF" --odoo-addons-path="$(addons_path)" \
    --odoo-database="$TEST_DB" --odoo-http \
    --odoo-log-level="${ENDOCS_LOG_LEVEL:-warn}" \
    --odoo-extra=smtp= \
    tests endocs_support endocs_support_billing "$@" || rc=$?
if [ -n "${ENDOCS_SKIP_COMPAT:-}" ] && [ -z "${CI:-}" ]; then
    say "Compatibility suite skipped (ENDOCS_SKIP_COMPAT)"
    exit "$rc"
fi
"$REPO_DIR/scripts/compat.sh" ours || rc=$((rc ? rc : $?))
exit "$rc"
