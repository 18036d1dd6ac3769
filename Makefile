# Mijn DUO Beheer — the two commands of the README:
#   make run    install, create the SQLite database, load demo data, serve on http://127.0.0.1:8000
#   make test   install the test dependencies and run the whole test suite
# Everything goes into a local virtual environment (.venv); nothing is installed globally.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: run test lint install install-test assets check-python messages clean

check-python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=python3.12, for example).")'

$(BIN)/python: | check-python
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test,dev]"
	touch $@ $(VENV)/.installed-run

install: $(VENV)/.installed-run
install-test: $(VENV)/.installed-test

# The NL Design System CSS (Rijkshuisstijl theme) from npm, pinned by package-lock.json
# and served by Django staticfiles from node_modules/. npm writes
# node_modules/.package-lock.json on every install, so it is reinstalled only when
# package.json or package-lock.json is newer.
node_modules/.package-lock.json: package.json package-lock.json
	@command -v npm >/dev/null 2>&1 && node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 18 ? 0 : 1)' 2>/dev/null \
		|| { echo "Node.js 18 or newer (with npm) is needed for the page styling: see https://nodejs.org/ or 'apt-get install nodejs npm'." >&2; exit 1; }
	npm ci --no-audit --no-fund
	touch $@

assets: node_modules/.package-lock.json

# The demo: development settings, the eHerkenning simulator, e-mail to the console.
DEMO_ENV := MIJNDUO_DEBUG=1 MIJNDUO_EHERKENNING_SIMULATOR=1 MIJNDUO_BASE_URL=http://$(HOST):$(PORT)

run: install assets
	$(DEMO_ENV) $(BIN)/mijnduo migrate --noinput
	$(DEMO_ENV) $(BIN)/mijnduo createcachetable
	$(DEMO_ENV) $(BIN)/mijnduo loaddemo
	$(DEMO_ENV) $(BIN)/mijnduo runserver $(HOST):$(PORT)

test: install-test assets
	$(BIN)/pytest -n 2 $(PYTEST_ARGS)

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports
	MIJNDUO_DEBUG=1 $(BIN)/mijnduo makemigrations --check --dry-run

# Recompile the translation catalogues after editing a .po file (needs GNU gettext).
messages: install
	cd src/mijnduo && MIJNDUO_DEBUG=1 ../../$(BIN)/mijnduo makemessages -l nl -l en --no-obsolete
	cd src/mijnduo && MIJNDUO_DEBUG=1 ../../$(BIN)/mijnduo compilemessages

clean:
	rm -rf $(VENV) var node_modules .pytest_cache .mypy_cache .ruff_cache
