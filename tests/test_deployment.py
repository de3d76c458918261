"""Production settings and docker-compose: no Docker engine here, so the file is checked against the project."""

import os
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import yaml

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SETTINGS = (ROOT / "config" / "settings.py").read_text()
APP_SERVICES = ["migrate", "web", "worker", "beat"]


def production_env(**extra):
    env = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    return {**env, "DEBUG": "0", "SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": "tracker.example.nl",
            **extra}


def test_check_deploy_is_clean_with_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=production_env(), capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = production_env()
    del env["SECRET_KEY"]
    result = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_every_app_service_uses_the_one_image():
    for name in APP_SERVICES:
        assert COMPOSE["services"][name]["build"] == ".", name
    assert (ROOT / "Dockerfile").exists()


def test_postgres_and_redis_have_healthchecks_the_app_waits_for():
    assert COMPOSE["services"]["postgres"]["healthcheck"]["test"]
    assert COMPOSE["services"]["redis"]["healthcheck"]["test"]
    waits_for = COMPOSE["services"]["migrate"]["depends_on"]
    assert waits_for["postgres"]["condition"] == waits_for["redis"]["condition"] == "service_healthy"


def test_every_variable_given_to_the_app_is_read_by_the_settings():
    for name in APP_SERVICES:
        for variable in COMPOSE["services"][name]["environment"]:
            assert re.search(rf'["\']{variable}["\']', SETTINGS), (
                f"{name}: {variable} is not read by config/settings.py")


def test_every_command_exists_in_the_project():
    commands = {name: COMPOSE["services"][name]["command"] for name in APP_SERVICES}
    assert commands["web"][:2] == ["gunicorn", "config.wsgi:application"]
    assert (ROOT / "config" / "wsgi.py").exists()
    assert commands["worker"][:4] == ["celery", "-A", "config", "worker"]
    assert commands["beat"][:4] == ["celery", "-A", "config", "beat"]
    assert (ROOT / "config" / "celery.py").exists()
    for management_command in re.findall(r"manage\.py (\w+)", " ".join(commands["migrate"])):
        result = subprocess.run([sys.executable, "manage.py", management_command, "--help"], cwd=ROOT,
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, management_command
    requirements = (ROOT / "requirements.txt").read_text().lower()
    assert "gunicorn==" in requirements and "celery==" in requirements and "redis==" in requirements


def test_the_celery_app_loads_with_the_compose_broker():
    code = "from config import celery_app; print(celery_app.conf.broker_url, celery_app.conf.broker_transport_options)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                            env=production_env(CELERY_BROKER_URL="redis://redis:6379/0",
                                               DJANGO_SETTINGS_MODULE="config.settings"))
    assert result.returncode == 0, result.stderr
    # with Redis, a task is redelivered only after it could have finished
    assert "redis://redis:6379/0" in result.stdout and "visibility_timeout" in result.stdout


def run_environment(port, **extra):
    """The environment `make run` gives its processes: its recipes run by a stand-in shell that writes the
    environment down and fails, so make stops before anything is set up or started."""
    outer = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "DEBUG")}
    with tempfile.TemporaryDirectory() as folder:
        written, shell = Path(folder) / "env", Path(folder) / "shell"
        shell.write_text(f"#!/bin/sh\nenv -0 > {written}\nexit 3\n")
        shell.chmod(0o700)
        subprocess.run(["make", "--no-print-directory", "--eval", f"run: SHELL := {shell}", "run", "HOST=127.0.0.1",
                        f"PORT={port}"], cwd=ROOT, env={**outer, **extra}, capture_output=True, timeout=120)
        return dict(line.split("=", 1) for line in written.read_text().split("\0") if "=" in line)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_make_run_serves_without_debug_pages_and_with_static_files(db):
    from django.db import connection

    from config.connections import database_url

    port = free_port()
    env = run_environment(port, SECRET_KEY=secrets.token_urlsafe(50),
                          DATABASE_URL=database_url(connection.settings_dict))
    assert env["DEBUG"] == "0" and "127.0.0.1" in env["ALLOWED_HOSTS"].split(",")
    assert env["SITE_URL"] == f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"], cwd=ROOT,
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(120):
            try:
                httpx.get(base + "/inloggen/", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.5)
        missing = httpx.get(base + "/bestaat-niet/")
        assert missing.status_code == 404 and "<h1>Pagina niet gevonden</h1>" in missing.text
        assert "URLconf" not in missing.text and "Django" not in missing.text
        assert httpx.get(base + "/").headers["location"].startswith("/inloggen/")
        stylesheet = httpx.get(base + "/static/css/app.css")
        assert stylesheet.status_code == 200 and stylesheet.headers["content-type"].startswith("text/css")
        # Over plain HTTP: no redirect to HTTPS, and the login's cookies come back without TLS.
        login = httpx.get(base + "/inloggen/")
        assert login.status_code == 200 and "secure" not in login.headers["set-cookie"].lower()
    finally:
        server.terminate()
        server.wait(timeout=30)
