# The two commands: `make run` and `make test`. Everything else supports them.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint setup worker stop bench bench-ingest bench-web bench-load bench-sync bench-tables bench-learning

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

# Migrations, the clerks' group, a first clerk account (its password is shown once) and the samples.
setup: $(VENV)/.installed
	$(PY) manage.py migrate --noinput
	$(PY) manage.py setup
	$(PY) manage.py search_index

# The product at http://$(HOST):$(PORT) with a Celery worker and beat beside it (tools/run.py supervises
# them); Ctrl-C stops all three cleanly.
# Served as in production, DEBUG off, so no visitor sees a debug page or the list of addresses; static files from
# WhiteNoise, read where they are; plain HTTP on this machine, so without the settings that need HTTPS. The key is
# this installation's own, made once under .data/. Each setting but DEBUG can be given in the environment.
run: export DEBUG := 0
run: export SECRET_KEY ?= $(shell $(PYTHON) -c 'import pathlib, secrets; key = pathlib.Path(".data/secret-key"); key.parent.mkdir(exist_ok=True); key.exists() or (key.touch(mode=0o600), key.write_text(secrets.token_urlsafe(50))); print(key.read_text())')
run: export ALLOWED_HOSTS ?= $(HOST),localhost,127.0.0.1
run: export SITE_URL ?= http://$(HOST):$(PORT)
run: export COLLECTED_STATIC ?= 0
run: export SECURE_SSL_REDIRECT ?= 0
run: export SESSION_COOKIE_SECURE ?= 0
run: export CSRF_COOKIE_SECURE ?= 0
run: export EMAIL_BACKEND ?= django.core.mail.backends.console.EmailBackend
run: setup
	@command -v antiword >/dev/null || echo "Let op: antiword ontbreekt, dus oudere Word-documenten (.doc) worden geweigerd met die reden. Installeer het met: apt-get install antiword"
	@echo "Kamerbrieventracker: http://$(HOST):$(PORT)/  (Ctrl-C stops web, worker and beat)"
	@exec $(PY) tools/run.py --host $(HOST) --port $(PORT)

worker: $(VENV)/.installed
	$(PY) -m celery -A config worker --loglevel=INFO

test: $(VENV)/.installed
	$(PY) -m pytest

# The linter's rules are in ruff.toml; CI runs this before the tests.
lint: $(VENV)/.installed
	$(PY) -m ruff check .

# Benchmarks print figures; they are not tests.
bench: $(VENV)/.installed
	$(PY) bench/bench_extract.py

bench-ingest: $(VENV)/.installed
	$(PY) bench/bench_ingest.py --documents 500

bench-tables: $(VENV)/.installed
	$(PY) bench/bench_tables.py

bench-web: $(VENV)/.installed
	$(PY) bench/bench_web.py --documents 100000

# gunicorn with 3 workers, DEBUG off, on 127.0.0.1 only, in bench-web's archive: 20 sessions, 1200 requests.
bench-load: $(VENV)/.installed
	$(PY) bench/bench_load.py --documents 100000 --sessions 20 --requests 1200 --workers 3

bench-sync: $(VENV)/.installed
	$(PY) bench/bench_sync.py --entries 50000

# What learning from the griffie's decisions adds, on a folder of letters annotated in the scorer's gold format:
# make bench-learning DIR=path/to/letters (the project's own letters by default: the mechanics only).
DIR ?= tests/corpus/letters
bench-learning: $(VENV)/.installed
	$(PY) bench/bench_learning.py $(DIR)

# Stops the embedded PostgreSQL (it keeps running between commands otherwise).
stop: $(VENV)/.installed
	$(PY) -c "from pathlib import Path; from config.embedded_db import stop; stop(Path('.data'))"
