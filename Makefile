# Two commands on a fresh Debian 12 machine (as root): `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
MANAGE := $(PY) manage.py
PORT ?= 8000
APT_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-cjk poppler-utils chromium gettext default-jre-headless

.PHONY: run test deps setup messages lint lock bench worker clean

run: setup ## Install what is missing, migrate, seed the demo and serve http://127.0.0.1:$(PORT)
	$(MANAGE) migrate --noinput
	$(MANAGE) seed_demo
	$(MANAGE) runserver 127.0.0.1:$(PORT)

# Two processes (the machines have two cores), each with its own Redis database for the Celery
# queue (tests/conftest.py), so that the tests running a real worker run beside the rest.
PYTEST_ARGS ?= -n 2

test: setup ## The whole suite: lint, format, import contracts, migrations, unit, worker and browser tests
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/pytest $(PYTEST_ARGS)

# The Python and the npm packages install side by side (two cores).
setup: deps
	@$(MAKE) --no-print-directory -j2 $(VENV)/.installed node_modules/.installed
	@$(MAKE) --no-print-directory messages

deps: ## Debian packages for PDFs (pango, harfbuzz, CJK fonts), poppler, Chromium, gettext, Java (HTML checker), npm
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	command -v npm >/dev/null 2>&1 || missing="$$missing nodejs npm"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian packages: $$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else echo "Missing Debian packages (install them as root): $$missing"; exit 1; fi; \
	fi

# Exactly the versions the tests passed with (requirements.lock, from `make lock`), installed by
# uv (itself pinned in the lock): the lock pins every package, so nothing is resolved
# (--no-deps). Modules are compiled at install: with PYTHONDONTWRITEBYTECODE set (as on our
# machines) a module compiled on import is never kept, and every process compiled Django,
# WeasyPrint and the rest again: 2.5 s of each test worker's, report worker's and server's start.
# 23 s with pip, 3 s with uv (8 s compiling) on a fresh machine.
$(VENV)/.installed: pyproject.toml requirements.lock
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --no-deps --no-compile $$(grep '^uv==' requirements.lock)
	$(UV) pip install -q --python $(PY) --no-deps --compile-bytecode -r requirements.lock
	$(UV) pip install -q --python $(PY) --no-deps --compile-bytecode -e .
	touch $@

lock: $(VENV)/.installed ## Re-pin requirements.lock after a change to pyproject.toml's dependencies
	$(UV) pip compile -q --python $(PY) --extra dev --no-emit-index-url --no-emit-find-links \
	  -o requirements.lock pyproject.toml

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

messages: $(VENV)/.installed
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v0

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

worker: setup ## A Celery worker with the periodic jobs (beat) built in (needs REDIS_URL)
	$(VENV)/bin/celery -A alliance worker -B -l info

# One PostgreSQL database per scale (a larger scale only adds to a smaller one's data), created
# when missing; each seeds once (idempotent): province (2,000,000 students) for about ten minutes.
# The import goes into the largest scale's data: 100,000 students at province scale. The last
# table holds every scale's figures side by side, each marked where it misses issue 17's budget.
BENCH_DB ?= postgres://postgres@127.0.0.1:5432/alliance_bench
BENCH_SCALES ?= county city province
BENCH_OUT ?= .bench
# The import's figure refresh goes to a queue no worker reads (without a broker it would run
# inline after the import's commit: a minute at province scale, timed as the import's).
BENCH_REDIS ?= redis://127.0.0.1:6379/8
BENCH_IMPORT_ROWS ?= $(if $(filter province,$(BENCH_SCALES)),100000,10000)

bench: setup ## Speed figures named in the issues, printed: lists against the admin, figure pages, report, import
	mkdir -p $(BENCH_OUT) && rm -f $(BENCH_OUT)/*.json
	for scale in $(BENCH_SCALES); do \
	  psql "$(BENCH_DB)_$$scale" -c "" >/dev/null 2>&1 || \
	    psql "$(dir $(BENCH_DB))postgres" -c "CREATE DATABASE $(notdir $(BENCH_DB))_$$scale"; \
	  DATABASE_URL=$(BENCH_DB)_$$scale $(PY) -m tests.alliance.bench_scale --scale $$scale \
	    --json $(BENCH_OUT)/$$scale.json || exit 1; \
	done
	-BENCH_ROWS=$(BENCH_IMPORT_ROWS) BENCH_JSON=$(BENCH_OUT)/import.json \
	  DATABASE_URL=$(BENCH_DB)_$(lastword $(BENCH_SCALES)) REDIS_URL=$(BENCH_REDIS) \
	  $(PY) -m tests.alliance.bench_import
	-redis-cli -u $(BENCH_REDIS) flushdb >/dev/null
	$(PY) -m tests.alliance.bench_reader
	$(PY) -m tests.alliance.bench_table $(BENCH_SCALES:%=$(BENCH_OUT)/%.json) \
	  $$(test -f $(BENCH_OUT)/import.json && echo --import $(BENCH_OUT)/import.json)

clean:
	rm -rf $(VENV) node_modules staticfiles db.sqlite3
