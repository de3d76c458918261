"""Shared personas and helpers for the tracker's tests: a clerk, a staff member, an outsider."""

import os
import subprocess
import sys
import uuid

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.db import connection

from config import celery_app
from config.connections import broker_url, database_url
from tracker.roles import CLERKS_GROUP

PASSWORD = "een-lang-wachtwoord-voor-tests"


@pytest.fixture
def clerk(db):
    user = User.objects.create_user("griffier", password=PASSWORD, first_name="Gea", last_name="Griffier")
    user.groups.add(Group.objects.get_or_create(name=CLERKS_GROUP)[0])
    return user


@pytest.fixture
def staff(db):
    return User.objects.create_user("medewerker", password=PASSWORD, first_name="Mees", last_name="Medewerker")


@pytest.fixture
def clerk_client(client, clerk):
    client.force_login(clerk)
    return client


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


@pytest.fixture(scope="session")
def test_broker(django_db_setup, django_db_blocker):
    """Tasks sent by the tests go to a queue of their own, never to a local installation's worker.

    The broker is CELERY_BROKER_URL when set (Redis in CI), otherwise the test database itself.
    """

    broker = os.environ.get("CELERY_BROKER_URL") or broker_url(connection.settings_dict)
    celery_app.conf.broker_url = broker
    celery_app.conf.task_default_queue = f"test-{uuid.uuid4().hex[:10]}"
    yield broker, celery_app.conf.task_default_queue
    celery_app.pool.force_close_all()
    from kombu.transport.sqlalchemy import Channel

    for engine, _ in Channel._engines.values():
        engine.dispose()
    # Connections the workers' pool processes and the live server's threads may leave behind
    # would keep the test database from being dropped.
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                       "WHERE datname = current_database() AND pid <> pg_backend_pid()")


@pytest.fixture
def start_worker(transactional_db, test_broker, tmp_path):
    """Start real Celery worker processes on the tests' queue, reading the test database."""

    broker, queue = test_broker
    started = []
    # The worker starts on an empty queue: tasks that earlier tests queued without a worker (an upload in a browser
    # test) are not this test's.
    celery_app.control.purge()

    def start(**extra_env):
        log = tmp_path / f"worker-{len(started)}.log"
        env = {**os.environ, "DATABASE_URL": database_url(connection.settings_dict), "CELERY_BROKER_URL": broker,
               "CELERY_QUEUE": queue, "MEDIA_ROOT": str(settings.MEDIA_ROOT), **extra_env}
        with log.open("w") as out:
            process = subprocess.Popen(
                [sys.executable, "-m", "celery", "-A", "config", "worker", "-Q", queue, "--concurrency=1",
                 "--loglevel=INFO", "--without-gossip", "--without-mingle", "--without-heartbeat"],
                cwd=settings.BASE_DIR, env=env, stdout=out, stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, so a test can kill it with all its children
            )
        started.append((process, log))
        return process

    yield start
    for process, log in started:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, 9)
                process.wait()
        print(log.read_text()[-3000:])


@pytest.fixture
def celery_worker(start_worker):
    return start_worker()


@pytest.fixture(scope="session", autouse=True)
def media_in_tmp(tmp_path_factory):
    """Originals stored by the tests go to a temporary folder, not the local installation's."""
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")
