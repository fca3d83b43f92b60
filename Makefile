# Tally: `make run` serves the app with the bundled corpus on SQLite; `make test` runs the whole suite.
# Both set up a virtual environment first (re-installing only when a requirements file changed).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# Voeten's dataset for `make load` (tests/test_readme.py loads the test extract, tests/fixtures/voeten, to be quick).
VOETEN_DIR ?= corpus/voeten
# Development defaults for `make run`; production sets its own (see .env.example).
RUN_ENV := DEBUG=$${DEBUG:-1}

.PHONY: setup run load superuser test bench soak lint clean

$(STAMP): requirements.txt requirements-dev.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $(STAMP)

setup: $(STAMP)

load: setup
	@$(RUN_ENV) $(PY) manage.py migrate --noinput -v0
	@$(RUN_ENV) $(PY) manage.py load_countries
	@$(RUN_ENV) $(PY) manage.py ingest_report corpus/reports/*.txt
	@$(RUN_ENV) $(PY) manage.py ingest_plenary corpus/plenary/*.txt
	@$(RUN_ENV) $(PY) manage.py import_voeten $(VOETEN_DIR)
	@$(RUN_ENV) $(PY) manage.py idealpoints --if-stale
	@$(RUN_ENV) $(PY) manage.py export_record

run: load
	@echo "Tally is serving at http://$(HOST):$(PORT)/ (Ctrl-C to stop)"
	@$(RUN_ENV) $(PY) manage.py runserver --noreload $(HOST):$(PORT)

# The first staff account, with make run's development settings (manage.py alone needs SECRET_KEY when DEBUG is
# off). Non-interactive with DJANGO_SUPERUSER_USERNAME, DJANGO_SUPERUSER_EMAIL and DJANGO_SUPERUSER_PASSWORD set.
superuser: setup
	@$(RUN_ENV) $(PY) manage.py migrate --noinput -v0
	@$(RUN_ENV) $(PY) manage.py createsuperuser $$(test -n "$$DJANGO_SUPERUSER_PASSWORD" && echo --noinput)

# The suite in TEST_WORKERS processes (pytest-xdist; "auto": one per core), each on a test database of its own:
# one process left a core idle while it waited on PostgreSQL. TEST_WORKERS=0 runs it in this process.
TEST_WORKERS ?= auto
test: setup
	@$(PY) -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

# The synthetic 5M-position corpus on DATABASE_URL, then the real record (reports + Voeten) on a database of its
# own (REAL_DATABASE_URL, default DATABASE_URL + "_real"), with the Voeten import timed on empty databases.
bench: setup
	@SECRET_KEY=$${SECRET_KEY:-bench-only-secret-key} $(PY) manage.py bench $(BENCH_ARGS)
	@SECRET_KEY=$${SECRET_KEY:-bench-only-secret-key} DATABASE_URL=$${REAL_DATABASE_URL:-$${DATABASE_URL:-sqlite:///tally-bench}_real} \
		$(PY) manage.py bench --record real $(BENCH_ARGS)

# N clients × T seconds under gunicorn with compose's environment, then with a PostgreSQL restart mid-run
# (benchmarks/soak.py). PostgreSQL in DATABASE_URL; e.g. SOAK_ARGS="--clients 20 --seconds 30 --no-restart".
soak: setup
	@SECRET_KEY=$${SECRET_KEY:-soak-only-secret-key} $(PY) manage.py soak $(SOAK_ARGS)

clean:
	rm -rf $(VENV) tally.sqlite3 staticfiles .pytest_cache
