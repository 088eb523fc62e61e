#!/usr/bin/env bash
# make lint: the OCA checks (ruff, pylint-odoo's mandatory set, oca-checks-odoo-module
# for manifests/XML/CSV, oca-checks-po) through pre-commit, on every file.
source "$(dirname "$0")/common.sh"
require_odoo
export PATH="$VENV_DIR/bin:$PATH"
cd "$REPO_DIR"
exec pre-commit run --all-files --show-diff-on-failure "$@"
