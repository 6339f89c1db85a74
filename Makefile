# Thuis in Maastricht. `make run` starts the site, `make test` runs every test.
VENV ?= .venv
PYTHON ?= python3.11
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test lint format messages compilemessages migrations-check clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

compilemessages: $(STAMP)
	@cd $(CURDIR) && $(BIN)/python -m django compilemessages --ignore=.venv -v 0 --settings=tim.settings.messages

run: install compilemessages
	$(BIN)/python -m tim.launcher

test: install compilemessages
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
