# verkosto — `make demo` to try it, `make test` to test it. See README.md.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.12 2>/dev/null || echo python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1
export UV_PYTHON_DOWNLOADS := never

.PHONY: install demo serve test test-sqlite test-postgres lint format bench bench-postgres messages clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml uv.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -c 'import sys; sys.exit(sys.version_info[:2] != (3, 12))' \
	  || { echo "verkosto needs Python 3.12 (see .python-version)"; exit 1; }
	@test -x $(BIN)/uv || $(BIN)/pip install -q uv
	$(BIN)/uv sync --frozen --python $(BIN)/python
	@touch $@

demo: install
	$(BIN)/verkosto migrate --no-input -v 1
	$(BIN)/verkosto loaddemo
	$(BIN)/verkosto runserver $(HOST):$(PORT)

test: install
	$(BIN)/pytest -n 2 -q

# The browser tests alone (tests/browser: Playwright driving Debian's Chromium at
# /usr/bin/chromium against a live server); `make test` runs them too when Chromium is there.
.PHONY: test-browser vendor
test-browser: install
	$(BIN)/pytest -m browser -q

# Copy the front-end files pinned in package-lock.json from the npm registry into
# src/verkosto/static/vendor/. The copies are committed, so running verkosto needs no npm;
# run this only after `npm install --save-exact <package>@<version>`.
vendor:
	bash scripts/vendor_frontend.sh

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/verkosto makemigrations --check --dry-run -v 1

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: install
	$(BIN)/python -m bench

# The API benchmark needs PostgreSQL (100 000 organisations, 500 000 memberships, built
# once in BENCH_DATABASE_URL and reused); the database is created when missing.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/verkosto_bench
bench-postgres: install
	$(BIN)/python -m bench.pgdb $(BENCH_DATABASE_URL)
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python -m bench bench_api

messages: install
	cd src/verkosto && ../../$(BIN)/verkosto makemessages -l fi -l sv -l en --no-obsolete
	$(BIN)/python scripts/po_fill_english.py src/verkosto/locale/en/LC_MESSAGES/django.po
	cd src/verkosto && ../../$(BIN)/verkosto compilemessages

clean:
	rm -rf $(VENV) var .pytest_cache
