# InfoLavoro — `make run` to try it, `make test` to check it.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# Links in e-mails follow the address `make run` serves at, unless SITE_URL is set (environment or command line).
SITE_URL ?= http://$(HOST):$(PORT)
PYTEST_ARGS ?=

.PHONY: install run test test-browser test-all lint messages bench clean

install: $(STAMP)

# Reinstall only when the pinned requirements change.
$(STAMP): requirements.txt requirements-dev.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $(STAMP)

# The demo logins are printed last, after the migrations' and the demo's logs, just before the server's own output.
run: export SITE_URL := $(SITE_URL)
run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py createcachetable
	$(BIN)/python manage.py seed_demo
	@echo "InfoLavoro: http://$(HOST):$(PORT)/  (links in e-mails: $(SITE_URL); background jobs: db_worker + scheduler)"
	@$(BIN)/python manage.py demo_logins
	@$(BIN)/python manage.py db_worker & worker=$$!; $(BIN)/python manage.py scheduler >/dev/null & clock=$$!; \
	  trap "kill $$worker $$clock 2>/dev/null" EXIT INT TERM; \
	  $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install
	$(BIN)/ruff check .
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest -m "not browser" $(PYTEST_ARGS)

# Browser tests: Playwright driving Debian's Chromium (/usr/bin/chromium) with axe-core.
test-browser: install
	$(BIN)/pytest -m browser $(PYTEST_ARGS)

test-all: test test-browser

lint: install
	$(BIN)/ruff check .

# English catalogues: one per app that has a locale/ folder, one for the shared templates (infolavoro/locale).
messages: install
	@for app in infolavoro/*/locale; do \
	  (cd $${app%/locale} && ../../$(BIN)/django-admin makemessages -l en --no-location --no-obsolete) || exit 1; \
	done
	cd infolavoro && ../$(BIN)/django-admin makemessages -l en --no-location --no-obsolete \
	  $$(for d in */locale; do echo "--ignore=$${d%/locale}/*"; done)
	cd infolavoro && ../$(BIN)/django-admin compilemessages -l en

bench: install
	@for script in bench/[!_]*.py; do echo "== $$script"; $(BIN)/python $$script; done

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache .test-db.sqlite3*
