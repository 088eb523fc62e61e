#!/usr/bin/env bash
# make setup: idempotent, quick when nothing changed.
#  1. Odoo 18.0 Community source into the cache: from ODOO_SRC when given, else the
#     copy already in the cache, else the official 18.0 archive.
#  2. A virtual environment in the cache with Odoo's and the project's requirements.
#  3. Chromium for browser tours (Debian's package), PostgreSQL (private cluster
#     unless PGHOST/ODOO_RC say otherwise) and a generated Odoo configuration.
source "$(dirname "$0")/common.sh"
mkdir -p "$CACHE_DIR"
PYTHON="${PYTHON:-python3}"

odoo_version_ok() {  # odoo_version_ok DIR: is DIR an Odoo 18.0 source tree?
    [ -f "$1/odoo-bin" ] && [ -f "$1/odoo/release.py" ] && [ -d "$1/addons" ] \
        && grep -q "^version_info = (18, 0," "$1/odoo/release.py"
}

# --- 1. Odoo source -----------------------------------------------------------------
if [ -n "${ODOO_SRC:-}" ]; then
    src="$(cd "$ODOO_SRC" 2>/dev/null && pwd)" || die "ODOO_SRC=$ODOO_SRC is not a directory"
    odoo_version_ok "$src" || die "ODOO_SRC=$src is not an Odoo 18.0 source directory (odoo-bin, odoo/release.py with 18.0, addons/)"
    stamp="$src $(sha1sum "$src/odoo/release.py" | cut -c1-40)"
    if [ -f "$ODOO_DIR/.endocs-source" ] && [ "$(cat "$ODOO_DIR/.endocs-source")" = "$stamp" ] \
        && [ -z "$(find "$src/odoo" "$src/addons" -newer "$ODOO_DIR/.endocs-source" -print -quit)" ]; then
        say "Odoo: using the cached copy of ODOO_SRC=$src (unchanged)"
    else
        say "Odoo: copying ODOO_SRC=$src into $ODOO_DIR"
        rm -rf "$ODOO_DIR.new" && mkdir -p "$ODOO_DIR.new"
        (cd "$src" && tar -c --exclude=.git odoo addons odoo-bin setup.py setup.cfg requirements.txt $(ls -d MANIFEST.in PKG-INFO setup 2>/dev/null)) | tar -x -C "$ODOO_DIR.new"
        rm -rf "$ODOO_DIR" && mv "$ODOO_DIR.new" "$ODOO_DIR"
        echo "$stamp" > "$ODOO_DIR/.endocs-source"
        rm -f "$CACHE_DIR/.pip-stamp"
    fi
elif odoo_version_ok "$ODOO_DIR"; then
    say "Odoo: using the copy already in the cache ($ODOO_DIR, from $(cat "$ODOO_DIR/.endocs-source" 2>/dev/null || echo unknown))"
else
    say "Odoo: downloading the official 18.0 archive $ODOO_ARCHIVE_URL"
    tmp="$(mktemp -d)"
    curl -fL --retry 3 -o "$tmp/odoo.tar.gz" "$ODOO_ARCHIVE_URL" \
        || die "Could not download Odoo 18.0. Give an Odoo 18.0 source directory: make setup ODOO_SRC=/path/to/odoo"
    mkdir -p "$tmp/x" && tar -xzf "$tmp/odoo.tar.gz" -C "$tmp/x"
    top="$(find "$tmp/x" -mindepth 1 -maxdepth 1 -type d | head -1)"
    odoo_version_ok "$top" || die "The downloaded archive is not Odoo 18.0"
    rm -rf "$ODOO_DIR" && mv "$top" "$ODOO_DIR" && rm -rf "$tmp"
    echo "$ODOO_ARCHIVE_URL $(date -u +%F)" > "$ODOO_DIR/.endocs-source"
    rm -f "$CACHE_DIR/.pip-stamp"
fi

# --- 2. virtual environment ----------------------------------------------------------
if [ ! -x "$VENV_PY" ]; then
    say "Creating the virtual environment $VENV_DIR"
    "$PYTHON" -m venv "$VENV_DIR"
fi
pip_stamp="$(cat "$REPO_DIR/requirements.txt" "$REPO_DIR/requirements-compat.txt" "$REPO_DIR/scripts/constraints.txt" "$ODOO_DIR/requirements.txt" "$ODOO_DIR/.endocs-source" "$0" | sha1sum | cut -c1-40)"
if [ -f "$CACHE_DIR/.pip-stamp" ] && [ "$(cat "$CACHE_DIR/.pip-stamp")" = "$pip_stamp" ]; then
    say "Python packages: up to date"
else
    say "Python packages: installing Odoo's and the project's requirements (a few minutes the first time)"
    pip_install() { "$VENV_PY" -m pip install -q "$@" 2> >(grep -v '^WARNING: Location' >&2); }
    export PIP_CONSTRAINT="$REPO_DIR/scripts/constraints.txt" PIP_DISABLE_PIP_VERSION_CHECK=1
    pip_install "pip<25" "setuptools<70" wheel
    if ! command -v pg_config >/dev/null; then  # psycopg2 builds against libpq
        [ "$(id -u)" = 0 ] || die "pg_config not found: install libpq-dev (Debian) first"
        say "Installing Debian's libpq-dev (psycopg2 builds against it)"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpq-dev >/dev/null
    fi
    # Odoo's own pins, less python-ldap (needs LDAP headers; only auth_ldap uses it).
    grep -viE '^\s*python-ldap\b' "$ODOO_DIR/requirements.txt" > "$CACHE_DIR/odoo-requirements.txt"
    pip_install -r "$CACHE_DIR/odoo-requirements.txt" "zope.interface"
    pip_install --no-deps --no-build-isolation -e "$ODOO_DIR"
    pip_install -r "$REPO_DIR/requirements.txt"
    # the OCA addons of the compatibility suite (scripts/compat.sh)
    pip_install -r "$REPO_DIR/requirements-compat.txt"
    "$VENV_PY" -m pip check >/dev/null || { "$VENV_PY" -m pip check >&2; die "broken Python environment"; }
    # Odoo with workers starts gevent, which resolves its plugins with pkg_resources
    "$VENV_PY" -c "import pkg_resources; pkg_resources.require('gevent')" 2>/dev/null \
        || die "gevent's requirements are not resolvable (see scripts/constraints.txt)"
    echo "$pip_stamp" > "$CACHE_DIR/.pip-stamp"
fi
"$VENV_PY" -c "import odoo.release as r; assert r.version_info[:2] == (18, 0), r.version" \
    || die "the virtual environment does not import Odoo 18.0"

# --- 3. Chromium, PostgreSQL, configuration ----------------------------------------
if ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null && ! command -v google-chrome >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        say "Chromium (browser tours): installing Debian's chromium package"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
        die "Chromium is required for the browser tours: install it (Debian: apt-get install chromium)"
    fi
fi

if [ -z "${ODOO_RC:-}" ]; then
    if pg_private; then
        "$REPO_DIR/scripts/pg.sh" start
        db_host=127.0.0.1 db_port=$PG_PORT db_user=odoo db_password=False
    else
        db_host="$PGHOST" db_port="${PGPORT:-5432}" db_user="${PGUSER:-odoo}" db_password="${PGPASSWORD:-False}"
        say "PostgreSQL: using PGHOST=$db_host:$db_port as $db_user"
    fi
    site="$("$VENV_PY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
    cat > "$GENERATED_CONF" <<CONF
; Generated by 'make setup' — see .odoo.conf.example for the meaning of each line.
; The scripts add the checkout they run from to addons_path.
[options]
addons_path = $ODOO_DIR/odoo/addons,$ODOO_DIR/addons,$site/odoo/addons
data_dir = $CACHE_DIR/filestore
db_host = $db_host
db_port = $db_port
db_user = $db_user
db_password = $db_password
http_interface = ${ENDOCS_HTTP_INTERFACE:-127.0.0.1}
http_port = ${ENDOCS_HTTP_PORT:-8069}
workers = 0
max_cron_threads = 1
list_db = True
; outgoing mail: the project's SMTP sink (make run starts it; the demo database has
; an outgoing mail server of its own pointing there too)
smtp_server = localhost
smtp_port = $SMTP_PORT
smtp_ssl = False
log_level = info
without_demo = False
CONF
    say "Odoo configuration: $GENERATED_CONF"
else
    say "Odoo configuration: ODOO_RC=$ODOO_RC (your own)"
fi
say "Setup done: Odoo $("$VENV_PY" -c 'import odoo.release as r; print(r.version)') in $VENV_DIR"
