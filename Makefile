# Thuis in Maastricht. `make run` starts the site, `make test` runs every test.
VENV ?= .venv
PYTHON ?= python3.11
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run-debs test-debs run test lint format messages compilemessages migrations-check clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

# Debian packages, installed when missing (as root; `.ci/run` only calls `make test`).
# The site: gettext (translations), Pango and a font (the buurtbulletin PDF, WeasyPrint).
# The tests also: Chromium (browser tests), poppler (reading PDFs back), docker-compose (it checks
# docker-compose.yml without a Docker engine).
RUN_DEBS := gettext libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core
TEST_DEBS := $(RUN_DEBS) chromium poppler-utils docker-compose
define debian
	@missing=$$(for package in $(1); do dpkg -s $$package >/dev/null 2>&1 || echo $$package; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing from Debian:" $$missing; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
			apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi
endef

run-debs:
	$(call debian,$(RUN_DEBS))

test-debs:
	$(call debian,$(TEST_DEBS))

compilemessages: $(STAMP)
	@cd $(CURDIR) && $(BIN)/python -m django compilemessages --ignore=.venv -v 0 --settings=tim.settings.messages

run: run-debs install compilemessages
	$(BIN)/python -m tim.launcher

test: test-debs install compilemessages
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

messages: install
	$(BIN)/python -m django makemessages -l nl --ignore=.venv --ignore=var --no-obsolete --settings=tim.settings.messages

migrations-check: install
	DJANGO_SETTINGS_MODULE=tim.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

clean:
	rm -rf var staticfiles
