#!/usr/bin/env bash
# The project's private PostgreSQL cluster: scripts/pg.sh start|stop|status
# Used only when neither ODOO_RC nor PGHOST point at a server of your own.
source "$(dirname "$0")/common.sh"

find_pg_bin() {
    local d
    for d in "${ENDOCS_PG_BIN:-}" /usr/lib/postgresql/*/bin; do
        [ -n "$d" ] && [ -x "$d/initdb" ] && { echo "$d"; return; }
    done
    command -v initdb >/dev/null && { dirname "$(readlink -f "$(command -v initdb)")"; return; }
    return 1
}

as_pg() {  # run a command as the cluster's owner
    if [ "$(id -u)" = 0 ]; then runuser -u "$PG_OS_USER" -- "$@"; else "$@"; fi
}

ensure_binaries() {
    if ! find_pg_bin >/dev/null; then
        [ "$(id -u)" = 0 ] || die "PostgreSQL server binaries not found: install Debian's 'postgresql' package, or set PGHOST/ODOO_RC to a server of your own."
        say "PostgreSQL binaries missing: installing Debian's postgresql package"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    PG_BIN="$(find_pg_bin)" || die "PostgreSQL binaries still not found"
}

start() {
    ensure_binaries
    if [ "$(id -u)" = 0 ]; then
        id -u "$PG_OS_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_OS_USER"
        mkdir -p "$PG_DIR"
        chown "$PG_OS_USER" "$PG_DIR"
    else
        mkdir -p "$PG_DIR"
    fi
    if [ ! -f "$PG_DIR/data/PG_VERSION" ]; then
        say "Creating the private PostgreSQL cluster in $PG_DIR/data (port $PG_PORT)"
        as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U odoo --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
            || { cat "$PG_DIR/initdb.log" >&2; die "initdb failed"; }
    fi
    as_pg mkdir -p "$PG_DIR/run"
    if as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" status >/dev/null 2>&1; then
        say "PostgreSQL already running on 127.0.0.1:$PG_PORT"
        return
    fi
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -w -t 60 start \
        -o "-p $PG_PORT -k $PG_DIR/run -c listen_addresses=127.0.0.1 -c synchronous_commit=off -c max_connections=200" >/dev/null \
        || { tail -20 "$PG_DIR/postgres.log" >&2; die "PostgreSQL did not start"; }
    say "PostgreSQL started on 127.0.0.1:$PG_PORT (data: $PG_DIR/data)"
}

stop() {
    ensure_binaries
    if [ -f "$PG_DIR/data/PG_VERSION" ]; then as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop || true; fi
}

status() {
    ensure_binaries
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" status
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    *) die "usage: scripts/pg.sh start|stop|status" ;;
esac
