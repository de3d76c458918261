"""`make run`: the web server, a Celery worker and Celery beat, supervised, stopped cleanly with Ctrl-C.

Each runs in a process group of its own, so Ctrl-C reaches this script only and it stops them in order:
the worker with a warm shutdown (SIGTERM: it finishes what it is reading), beat, then the web server.
Beat is a process of its own rather than `--beat` inside the worker: a worker that is killed cannot leave
it behind as an orphan, and this script keeps exactly one of each, starting again whatever dies.

    python tools/run.py --host 127.0.0.1 --port 8000
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("DATA_DIR", ROOT / ".data"))
# A warm shutdown waits for the document being read; extraction stops itself after INGEST_TIMEOUT.
STOP_SECONDS = int(os.environ.get("INGEST_TIMEOUT", "120")) + 10


def commands(host: str, port: int) -> dict[str, list[str]]:
    python = sys.executable
    return {
        "worker": [python, "-m", "celery", "-A", "config", "worker", "--loglevel=INFO", "--concurrency=2"],
        "beat": [python, "-m", "celery", "-A", "config", "beat", "--loglevel=INFO",
                 f"--schedule={DATA / 'celerybeat-schedule'}", f"--pidfile={DATA / 'celerybeat.pid'}"],
        # gunicorn, as the Dockerfile serves it: no autoreloader, several requests at once.
        "web": [python, "-m", "gunicorn", "config.wsgi:application", "--bind", f"{host}:{port}", "--workers", "2",
                "--access-logfile", "-"],
    }


class Supervisor:
    def __init__(self, commands: dict[str, list[str]]):
        self.commands = commands
        self.running: dict[str, subprocess.Popen] = {}
        self.stopping = False

    def start(self, name: str) -> None:
        if name == "beat":
            (DATA / "celerybeat.pid").unlink(missing_ok=True)  # left by a beat that was killed
        self.running[name] = subprocess.Popen(self.commands[name], cwd=ROOT, start_new_session=True)
        print(f"run: {name} gestart (pid {self.running[name].pid})", flush=True)

    def watch(self) -> None:
        """Start again whatever stopped by itself, with what it left behind in its group ended first."""
        while not self.stopping:
            for name, process in list(self.running.items()):
                if process.poll() is not None and not self.stopping:
                    print(f"run: {name} is gestopt (code {process.returncode}); opnieuw gestart.", flush=True)
                    self._kill_group(process)
                    self.start(name)
            time.sleep(1)

    def stop(self, *_signal) -> None:
        self.stopping = True

    def shut_down(self) -> list[str]:
        """Stop each in order and report how."""
        report = []
        # The worker's and beat's own process only: they stop their pool processes themselves. The web
        # server's whole group, as a terminal would: gunicorn's arbiter and its workers.
        for name, sig, how in (("worker", signal.SIGTERM, "warme afsluiting"), ("beat", signal.SIGTERM, "gestopt"),
                               ("web", signal.SIGINT, "gestopt")):
            process = self.running.get(name)
            if process is None:
                continue
            if name == "web":
                self._signal_group(process, sig)
            else:
                process.send_signal(sig)
            try:
                process.wait(timeout=STOP_SECONDS)
                report.append(f"{name}: {how}")
            except subprocess.TimeoutExpired:
                report.append(f"{name}: reageerde niet binnen {STOP_SECONDS} s en is beëindigd")
            self._kill_group(process)  # whatever it left (pool processes, web workers)
        return report

    @staticmethod
    def _signal_group(process: subprocess.Popen, sig: int) -> None:
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            pass

    @classmethod
    def _kill_group(cls, process: subprocess.Popen) -> None:
        cls._signal_group(process, signal.SIGKILL)
        process.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    options = parser.parse_args()
    supervisor = Supervisor(commands(options.host, options.port))
    signal.signal(signal.SIGINT, supervisor.stop)
    signal.signal(signal.SIGTERM, supervisor.stop)
    for name in supervisor.commands:
        supervisor.start(name)
    supervisor.watch()
    print("\nrun: stoppen…", flush=True)
    for line in supervisor.shut_down():
        print(f"run: {line}", flush=True)
    print("run: alles is gestopt; de ingebouwde database draait nog (`make stop` stopt hem).", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
