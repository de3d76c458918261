"""`make run`'s supervisor (tools/run.py): one worker, one beat and the web server; a killed worker is started
again beside the one beat; Ctrl-C stops all three cleanly and leaves nothing running."""

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from config.connections import database_url
from tests.tracker.factories import wait_until

pytestmark = pytest.mark.worker


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def sessions():
    """Every process's session id, by pid."""
    found = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        found[int(stat.parent.name)] = int(fields[3])
    return found


def cmdlines(*words):
    found = []
    for path in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            line = path.read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if all(word in line for word in words):
            found.append(int(path.parent.name))
    return found


def serves(url):
    try:
        return urllib.request.urlopen(url, timeout=2).status == 200
    except OSError:
        return False


def test_make_run_keeps_one_beat_and_stops_cleanly(transactional_db, test_broker, tmp_path):
    broker, queue = test_broker
    port, log = free_port(), tmp_path / "run.log"
    env = {**os.environ, "DATABASE_URL": database_url(connection.settings_dict), "CELERY_BROKER_URL": broker,
           "CELERY_QUEUE": queue, "MEDIA_ROOT": str(settings.MEDIA_ROOT), "DATA_DIR": str(tmp_path)}
    with log.open("w") as out:
        run = subprocess.Popen([sys.executable, "tools/run.py", "--port", str(port)], cwd=settings.BASE_DIR, env=env,
                               stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    text = log.read_text
    try:
        wait_until(lambda: serves(f"http://127.0.0.1:{port}/inloggen/") and "ready." in text(), timeout=120,
                   what="web server and worker")
        started = {name: int(pid) for name, pid in re.findall(r"run: (\w+) gestart \(pid (\d+)\)", text())}
        beats = cmdlines("celery", "beat", str(tmp_path))
        assert beats == [started["beat"]]

        os.kill(started["worker"], signal.SIGKILL)  # the worker's main process only
        wait_until(lambda: "worker is gestopt (code -9); opnieuw gestart" in text(), what="a new worker")
        wait_until(lambda: text().count("ready.") == 2, timeout=120, what="the new worker to be ready")
        assert cmdlines("celery", "beat", str(tmp_path)) == beats  # still the one beat, no orphan beside it
        restarted = int(re.findall(r"run: worker gestart \(pid (\d+)\)", text())[-1])
        groups = {started["beat"], started["web"], restarted}

        os.kill(run.pid, signal.SIGINT)  # Ctrl-C
        assert run.wait(timeout=90) == 0
    finally:
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
    output = text()
    for line in ("run: worker: warme afsluiting", "run: beat: gestopt", "run: web: gestopt", "run: alles is gestopt"):
        assert line in output
    assert "Warm shutdown" in output and "Segmentation fault" not in output
    time.sleep(1)
    assert not [pid for pid, session in sessions().items() if session in groups]  # nothing left running
    assert not serves(f"http://127.0.0.1:{port}/inloggen/")
