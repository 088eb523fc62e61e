# shellcheck shell=bash
# Common settings for the project's scripts: sourced, never run.
# Everything installed lives in a per-user cache outside the repository, so a fresh
# clone (and CI) reuses the Odoo install that `make setup` made before.
set -euo pipefail

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE_DIR="${ENDOCS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/endocs-support}"
VENV_DIR="$CACHE_DIR/venv"
ODOO_DIR="$CACHE_DIR/odoo"            # the Odoo 18.0 Community source the venv runs
VENV_PY="$VENV_DIR/bin/python"
ODOO_BIN="$ODOO_DIR/odoo-bin"
ODOO_ARCHIVE_URL="${ODOO_ARCHIVE_URL:-https://nightly.odoo.com/18.0/nightly/src/odoo_18.0.latest.tar.gz}"

# Private PostgreSQL cluster (the embedded default). PostgreSQL refuses to run as
# root, so root gets a data directory owned by an unprivileged system user.
PG_PORT="${ENDOCS_PG_PORT:-54329}"
PG_OS_USER="${ENDOCS_PG_OS_USER:-endocs-pg}"
if [ "$(id -u)" = 0 ]; then
    PG_DIR="${ENDOCS_PG_DIR:-/var/lib/endocs-support/pg}"
else
    PG_DIR="${ENDOCS_PG_DIR:-$CACHE_DIR/pg}"
fi

# The Odoo configuration the scripts use: ODOO_RC when given, else the generated one.
GENERATED_CONF="$CACHE_DIR/odoo.conf"
ODOO_CONF="${ODOO_RC:-$GENERATED_CONF}"

DEMO_DB="${ENDOCS_DB:-endocs_demo}"
# The project's SMTP sink (scripts/smtp_sink.py): every outgoing message of `make run`
# ends up as a file in $MAIL_DIR/<database>/ (`make mails` reads them).
SMTP_PORT="${ENDOCS_SMTP_PORT:-2525}"
MAIL_DIR="$CACHE_DIR/mails"
TEST_DB="${ENDOCS_TEST_DB:-endocs_test}"
ADDONS="endocs_support,endocs_support_billing"
# the benchmarks' reference: plain OCA helpdesk_mgmt on the platform our addons
# need, without them
REFERENCE_MODULES="helpdesk_mgmt,helpdesk_mgmt_timesheet,sale_timesheet"

say() { printf '\033[1m[endocs]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[endocs] ERROR:\033[0m %s\n' "$*" >&2; exit 1; }

require_odoo() {
    if [ ! -x "$VENV_PY" ] || [ ! -f "$ODOO_BIN" ] || ! "$VENV_PY" -c "import odoo" 2>/dev/null; then
        die "Odoo 18 is not installed in $CACHE_DIR. Run 'make setup' (with ODOO_SRC=/path/to/odoo-18.0-source, or with internet access to download the official archive)."
    fi
    [ -f "$ODOO_CONF" ] || die "No Odoo configuration at $ODOO_CONF: run 'make setup'."
}

# The addons path: the configuration's (Odoo, the OCA addons) plus this checkout,
# so that several clones can share one cache.
addons_path() {
    local configured
    configured="$(conf_get addons_path | tr -d ' \n')"
    case ",$configured," in
        *",$REPO_DIR,"*) echo "$configured" ;;
        *) echo "${configured:+$configured,}$REPO_DIR" ;;
    esac
}

odoo() { "$VENV_PY" "$ODOO_BIN" -c "$ODOO_CONF" --addons-path="$(addons_path)" "$@"; }

# psql against the configured server, reading the settings from the Odoo config.
conf_get() {  # conf_get KEY -> value from the [options] section, empty when unset
    "$VENV_PY" - "$ODOO_CONF" "$1" <<'PY'
import configparser, sys
cp = configparser.ConfigParser(interpolation=None)
cp.read(sys.argv[1])
value = cp.get("options", sys.argv[2], fallback="")
print("" if value in ("False", "None") else value)
PY
}

db_psql() {  # db_psql DBNAME args...
    local db="$1"; shift
    PGHOST="$(conf_get db_host)" PGPORT="$(conf_get db_port)" PGUSER="$(conf_get db_user)" \
        PGPASSWORD="$(conf_get db_password)" psql -X -q -v ON_ERROR_STOP=1 -d "$db" "$@"
}

db_exists() { [ "$(db_psql postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$1'")" = 1 ]; }

addons_installed() {  # true when both addons are installed in database $1
    db_exists "$1" || return 1
    local n
    n="$(db_psql "$1" -tAc "SELECT count(*) FROM ir_module_module WHERE state='installed' AND name IN ('endocs_support','endocs_support_billing')" 2>/dev/null || echo 0)"
    [ "$n" = 2 ]
}

pg_private() { [ -z "${ODOO_RC:-}" ] && [ -z "${PGHOST:-}" ]; }

# The demo database, created when missing and upgraded after a code change (the
# stamp is the hash of the addons' files): make run, make screenshots.
prepare_demo_db() {
    "$REPO_DIR/scripts/init_db.sh" "$DEMO_DB" demo || exit 1
    local stamp_file="$CACHE_DIR/$DEMO_DB.code-stamp" stamp
    stamp="$(cd "$REPO_DIR" && find endocs_support endocs_support_billing -type f ! -name '*.pyc' -print0 | sort -z | xargs -0 sha1sum | sha1sum | cut -c1-40)"
    if [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" != "$stamp" ]; then
        say "The addons changed since the last start: upgrading them in $DEMO_DB"
        odoo -d "$DEMO_DB" -u "$ADDONS" --stop-after-init --no-http --log-level=warn || exit 1
    fi
    echo "$stamp" > "$stamp_file"
}

# --- The SMTP sink and the demo's outgoing mail (make run, make stop) ---------------
smtp_listening() {  # is something accepting connections on localhost:$SMTP_PORT?
    "$VENV_PY" -c 'import socket, sys
s = socket.socket(); s.settimeout(1)
sys.exit(s.connect_ex(("127.0.0.1", int(sys.argv[1]))))' "$SMTP_PORT"
}

smtp_sink_start() {  # in the background, detached, unless one already listens
    if smtp_listening; then
        say "SMTP: a server already listens on localhost:$SMTP_PORT (mail: make mails)"
        return
    fi
    mkdir -p "$MAIL_DIR"
    setsid "$VENV_PY" "$REPO_DIR/scripts/smtp_sink.py" serve --port "$SMTP_PORT" --dir "$MAIL_DIR" \
        --pid-file "$MAIL_DIR/smtp_sink.pid" >>"$MAIL_DIR/smtp_sink.log" 2>&1 </dev/null &
    local pid=$! i
    for i in $(seq 50); do
        smtp_listening && { say "SMTP: the project's sink listens on localhost:$SMTP_PORT (pid $pid, mail in $MAIL_DIR)"; return; }
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    tail -5 "$MAIL_DIR/smtp_sink.log" >&2
    die "the SMTP sink did not start (log: $MAIL_DIR/smtp_sink.log)"
}

smtp_sink_stop() {
    local pid_file="$MAIL_DIR/smtp_sink.pid" pid i
    [ -f "$pid_file" ] || return 0
    pid="$(cat "$pid_file")"
    # only the sink itself, should the pid have gone to another process since
    if grep -qs smtp_sink.py "/proc/$pid/cmdline" && kill -TERM "$pid" 2>/dev/null; then
        for i in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        say "SMTP sink stopped (pid $pid)"
    fi
    rm -f "$pid_file"
}

# The demo database sends through the sink: its own ir.mail_server, the alias domain
# endocs.ru, the mail queue every minute (scripts/demo_mail.py). Skipped when the
# database says it is done for this port and this version of the script.
demo_mail_setup() {
    local mark
    mark="$SMTP_PORT:$(sha1sum "$REPO_DIR/scripts/demo_mail.py" | cut -c1-12)"
    [ "$(db_psql "$DEMO_DB" -tAc "SELECT value FROM ir_config_parameter WHERE key = 'endocs_support.demo_mail'" 2>/dev/null)" = "$mark" ] \
        && return
    say "Mail: $DEMO_DB sends through localhost:$SMTP_PORT, alias domain endocs.ru"
    "$VENV_PY" "$REPO_DIR/scripts/demo_mail.py" -c "$ODOO_CONF" --addons-path="$(addons_path)" \
        -d "$DEMO_DB" --smtp-sink-port="$SMTP_PORT" --mark="$mark" \
        || die "configuring the outgoing mail of $DEMO_DB failed"
}
