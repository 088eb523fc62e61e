# EnDocs Support for Odoo: `make help` lists the targets.
SHELL := /bin/bash
ARGS ?=

.PHONY: help setup run mails update shell test compat lint bench screenshots stop

help:  ## this list
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

setup:  ## venv + Odoo 18 (ODOO_SRC=... or cache or download) + PostgreSQL + config
	@scripts/setup.sh

run: setup  ## Odoo on http://localhost:8069, both addons, demo data, mail into the SMTP sink
	@scripts/run.sh $(ARGS)

mails:  ## the demo's sent mail, newest first (ARGS=last: the newest, headers and text)
	@scripts/mails.sh $(ARGS)

update: setup  ## upgrade both addons in the demo database after a code change
	@source scripts/common.sh && require_odoo && odoo -d "$$DEMO_DB" -u "$$ADDONS" --stop-after-init --no-http

shell: setup  ## Odoo shell on the demo database (reads a script from a pipe)
	@scripts/shell.sh $(ARGS)

test:  ## fresh test database, every test through pytest-odoo
	@scripts/test.sh $(ARGS)

compat:  ## the compatibility suite alone (ARGS=plain: measured without our addons)
	@scripts/compat.sh $(ARGS)

lint:  ## pre-commit with the OCA settings
	@scripts/lint.sh

bench:  ## benchmarks: one line each, figure and ratio to its reference
	@scripts/bench.sh $(ARGS)

screenshots: setup  ## README screenshots of the demo (headless Chromium) into docs/screenshots
	@scripts/screenshots.sh

stop:  ## stop the private PostgreSQL cluster and the SMTP sink
	@source scripts/common.sh && smtp_sink_stop
	@scripts/pg.sh stop
