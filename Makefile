# The two commands: `make run` and `make test`. Everything else supports them.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test setup worker stop bench bench-ingest bench-web

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
run: setup
	@echo "Kamerbrieventracker: http://$(HOST):$(PORT)/  (Ctrl-C stops web, worker and beat)"
	@exec $(PY) tools/run.py --host $(HOST) --port $(PORT)

worker: $(VENV)/.installed
	$(PY) -m celery -A config worker --loglevel=INFO

test: $(VENV)/.installed
	$(PY) -m pytest

# Benchmarks print figures; they are not tests.
bench: $(VENV)/.installed
	$(PY) bench/bench_extract.py

bench-ingest: $(VENV)/.installed
	$(PY) bench/bench_ingest.py --documents 500

bench-web: $(VENV)/.installed
	$(PY) bench/bench_web.py --documents 100000

# Stops the embedded PostgreSQL (it keeps running between commands otherwise).
stop: $(VENV)/.installed
	$(PY) -c "from pathlib import Path; from config.embedded_db import stop; stop(Path('.data'))"
