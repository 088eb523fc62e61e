#!/usr/bin/env bash
# scripts/init_db.sh DB [demo|nodemo] [MODULES]: create DB with both addons (or
# MODULES) installed, unless they already are (then nothing to do: a second start
# reuses everything).
source "$(dirname "$0")/common.sh"
require_odoo
db="$1"; demo="${2:-demo}"; modules="${3:-$ADDONS}"
if [ "$modules" = "$ADDONS" ] && addons_installed "$db"; then
    exit 0
fi
if [ "$modules" != "$ADDONS" ] && db_exists "$db"; then
    exit 0
fi
if db_exists "$db"; then
    say "Database $db exists without both addons: installing them"
else
    what="both addons"; [ "$modules" = "$ADDONS" ] || what="$modules"
    say "Creating database $db with $what ($demo; a few minutes the first time)"
fi
args=(-d "$db" -i "$modules" --stop-after-init --no-http --log-level="${ENDOCS_LOG_LEVEL:-warn}")
if [ "$demo" = demo ]; then args+=(--load-language=ru_RU); else args+=(--without-demo=all); fi
odoo "${args[@]}"
[ "$modules" != "$ADDONS" ] || addons_installed "$db" \
    || die "installing the addons into $db failed (see the log above)"
