#!/usr/bin/env bash
# make mails: the messages the demo database sent (to the project's SMTP sink, see
# make run), newest first. `make mails ARGS=last` prints the newest one (headers and
# text); ARGS=N the N-th newest, ARGS=/path/to/file.eml that file.
source "$(dirname "$0")/common.sh"
[ -x "$VENV_PY" ] || die "No virtual environment in $VENV_DIR: run 'make setup'."
if [ $# -eq 0 ]; then set -- list; else set -- show "$1"; fi
status=0
"$VENV_PY" "$REPO_DIR/scripts/smtp_sink.py" "$@" --dir "$MAIL_DIR" --db "$DEMO_DB" || status=$?
[ "$status" = 141 ] || exit "$status"  # 141: the reader stopped early (| head)
