"""How the product holds up with many people at once: gunicorn as in production, many logged-in sessions.

    .venv/bin/python bench/bench_load.py [--documents 100000] [--sessions 20] [--requests 1200] [--workers 3]

Uses the archive of `bench_web.py` (the same database, built there when missing), starts gunicorn on
127.0.0.1 with DEBUG off and the given number of workers, logs each session in through the login form (with
its CSRF token) as a staff member of its own, then lets the sessions share a fixed list of requests, each
session sending its next request as soon as the last one is answered. The list mixes the dashboard, dossier
timelines, ministry pages, searches and the iCalendar feed, drawn the same way every run. Prints requests per
second, p50 and p95 per page and overall (the time until the whole answer is in, as a browser waits), and
the fixed pure-Python load of `bench_web.py`, run while gunicorn is idle: how busy the machine was.
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from bench_web import ROOT, bench_database_url, build_archive, print_machine_noise

HOST = "127.0.0.1"
PASSWORD = "belasting-" + "proef-wachtwoord"  # the sessions' own accounts, on the benchmark's own database
TARGET_RPS = 50
TARGET_P95_MS = 500
QUIET_FIXED_LOAD_MS = 14.0  # the fixed load's p50 on the reference machine (2 cores) when nothing else runs
# How often each kind of page comes up, roughly as a clerk's day goes: the dashboard and timelines most.
MIX = {"overzicht": 4, "tijdlijn dossier": 4, "ministerie": 2, "zoeken": 3, "iCalendar-feed": 2}
SEARCH_WORDS = ["Kamer", "kabinet", "minister", "Haringvlietsluizen", "stikstof", "wachttijden"]
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class Sample:
    what: str
    ms: float
    status: int


@dataclass
class Run:
    seconds: float
    samples: list[Sample] = field(default_factory=list)
    server_cpu: float = 0.0  # seconds of CPU gunicorn's processes spent during the run
    database_cpu: float = 0.0  # PostgreSQL's processes serving this database (when on this machine)
    client_cpu: float = 0.0  # and this process, the sessions' side


def cpu_seconds(pids) -> float:
    """User and system time of these processes so far (Linux), 0 for one that is gone."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime in clock ticks
    return total / os.sysconf("SC_CLK_TCK")


class DatabaseCpu(threading.Thread):
    """The processor time of the PostgreSQL processes serving the benchmark's database, sampled twice a second:
    gunicorn's workers open new connections when theirs grow old (CONN_MAX_AGE), and a process that is gone
    can no longer be read, so each counts up to its last sample (when the server runs on this machine)."""

    def __init__(self):
        super().__init__(daemon=True)
        self.first: dict[int, float] = {}
        self.last: dict[int, float] = {}
        self.done = threading.Event()

    def sample(self, cursor, at_start: bool = False) -> None:
        cursor.execute("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> "
                       "pg_backend_pid()")
        for (pid,) in cursor.fetchall():
            seconds = cpu_seconds([pid])
            self.first.setdefault(pid, seconds if at_start else 0.0)  # new since the start: all of it counts
            self.last[pid] = seconds

    def run(self) -> None:
        from django.db import connection

        try:
            with connection.cursor() as cursor:
                while not self.done.wait(0.5):
                    self.sample(cursor)
                self.sample(cursor)
        finally:
            connection.close()

    def start_counting(self) -> None:
        from django.db import connection

        with connection.cursor() as cursor:
            self.sample(cursor, at_start=True)
        self.start()

    def stop(self) -> float:
        self.done.set()
        self.join()
        return sum(self.last[pid] - self.first[pid] for pid in self.last)


def children(pid: int) -> list[int]:
    try:
        return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--requests", type=int, default=1200)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn's worker processes")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as media:
        server_env = {**os.environ, "DATABASE_URL": bench_database_url(fresh=False), "MEDIA_ROOT": media,
                      "DJANGO_SETTINGS_MODULE": "config.settings"}
        os.environ.update(server_env)
        import django

        django.setup()
        logging.getLogger("httpx").setLevel(logging.WARNING)  # Django's logging shows each request otherwise
        build_archive(args.documents)
        users = make_users(args.sessions)
        plan = request_plan(page_urls(users[0]), args.requests, random.Random(1))  # noqa: S311  not secrets
        quiet = machine_noise()
        with gunicorn(server_env, args.workers) as server:
            run = load(server, users, plan)
        after = machine_noise()
    print_report(run, args, quiet, after)
    return 0


def make_users(count: int) -> list[str]:
    """Accounts bench-load-1 … -count, in the clerks' group as bench_web's user is, with one password."""
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group, User

    from tracker.roles import CLERKS_GROUP

    clerks = Group.objects.get_or_create(name=CLERKS_GROUP)[0]
    hashed = make_password(PASSWORD)  # hashed once: the same for each, so setting them up takes no time
    names = [f"bench-load-{n}" for n in range(1, count + 1)]
    for name in names:
        user, _ = User.objects.update_or_create(username=name, defaults={"password": hashed})
        clerks.user_set.add(user)
    return names


def page_urls(username: str) -> dict[str, list[str]]:
    """The addresses of each kind of page: the ten largest dossiers, every ministry, a few words to find."""
    from urllib.parse import quote

    from django.contrib.auth.models import User
    from django.db.models import Count
    from django.urls import reverse

    from tracker.ministries import ministry_codes, ministry_slug
    from tracker.models import Dossier, FeedToken

    dossiers = list(Dossier.objects.annotate(n=Count("documents")).order_by("-n").values_list("key", flat=True)[:10])
    token = FeedToken.for_user(User.objects.get(username=username)).token
    return {
        "overzicht": [reverse("home")],
        "tijdlijn dossier": [reverse("dossier", args=[key]) for key in dossiers],
        "ministerie": [reverse("ministry", args=[ministry_slug(code)]) for code in ministry_codes()],
        "zoeken": [reverse("search") + f"?q={quote(word)}" for word in SEARCH_WORDS],
        "iCalendar-feed": [reverse("dossier_ics", args=[token, dossiers[0]])],  # the largest dossier's
    }


def request_plan(urls: dict[str, list[str]], count: int, rng: random.Random) -> list[tuple[str, str]]:
    """`count` (kind, address) pairs: the kinds in MIX's proportions, shuffled, each address drawn at random."""
    weights = {what: MIX[what] for what in urls if urls[what]}
    total = sum(weights.values())
    kinds = [what for what, weight in weights.items() for _ in range(round(count * weight / total))]
    kinds = (kinds + list(weights) * count)[:count]  # rounding may leave a few short
    rng.shuffle(kinds)
    return [(what, rng.choice(urls[what])) for what in kinds]


def machine_noise() -> tuple[float, float]:
    return print_machine_noise(50)


class gunicorn:  # noqa: N801  used as a context manager, like open()
    """gunicorn serving config.wsgi on a free port of 127.0.0.1, as in production; stopped on leaving."""

    def __init__(self, env: dict[str, str], workers: int):
        with socket.socket() as probe:
            probe.bind((HOST, 0))
            self.port = probe.getsockname()[1]
        self.env = {**env, "DEBUG": "0", "SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": HOST,
                    "SECURE_SSL_REDIRECT": "0", "SESSION_COOKIE_SECURE": "0", "CSRF_COOKIE_SECURE": "0",
                    "COLLECTED_STATIC": "0", "SITE_URL": f"http://{HOST}:{self.port}"}
        self.workers = workers

    def __enter__(self) -> gunicorn:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "config.wsgi", f"--workers={self.workers}",
             f"--bind={HOST}:{self.port}", "--log-level=warning"], cwd=ROOT, env=self.env)
        self.base = base = f"http://{HOST}:{self.port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn stopped with code {self.process.returncode}")
            try:
                httpx.get(base + "/inloggen/", timeout=5)
                return self
            except httpx.TransportError:
                time.sleep(0.2)
        self.__exit__()
        raise RuntimeError("gunicorn did not answer within 60 s")

    @property
    def pids(self) -> list[int]:
        return [self.process.pid, *children(self.process.pid)]

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def log_in(base: str, username: str) -> httpx.Client:
    """A session logged in through the login form, as a browser does: the form's CSRF token and cookie."""
    client = httpx.Client(base_url=base, timeout=60)
    form = client.get("/inloggen/")
    token = CSRF_FIELD.search(form.text)
    if token is None:
        raise RuntimeError("the login page has no CSRF token")
    answer = client.post("/inloggen/", data={"username": username, "password": PASSWORD,
                                             "csrfmiddlewaretoken": token.group(1), "next": "/"},
                         headers={"Referer": base + "/inloggen/"})
    if answer.status_code != 302 or "sessionid" not in client.cookies:
        raise RuntimeError(f"logging in as {username} failed: HTTP {answer.status_code}")
    return client


def load(server: gunicorn, users: list[str], plan: list[tuple[str, str]]) -> Run:
    """Every session logs in, then all start together and take the plan's next request until none is left."""
    clients = [log_in(server.base, user) for user in users]
    for client in clients:  # each worker's connection to PostgreSQL and its templates, as a running server has
        client.get("/")
    queue = iter(plan)
    lock = threading.Lock()
    samples: list[Sample] = []
    start = threading.Barrier(len(clients) + 1)

    def session(client: httpx.Client) -> None:
        start.wait()
        while True:
            with lock:
                item = next(queue, None)
            if item is None:
                return
            what, url = item
            started = time.perf_counter()
            try:
                status = client.get(url).status_code
            except httpx.HTTPError:  # counted as a failure (status 0), and the session goes on
                status = 0
            ms = (time.perf_counter() - started) * 1000
            with lock:
                samples.append(Sample(what, ms, status))

    threads = [threading.Thread(target=session, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    pids, database = server.pids, DatabaseCpu()
    start.wait()
    began, client_cpu, server_cpu = time.perf_counter(), time.process_time(), cpu_seconds(pids)
    database.start_counting()
    for thread in threads:
        thread.join()
    run = Run(time.perf_counter() - began, samples, server_cpu=cpu_seconds(pids) - server_cpu,
              database_cpu=database.stop(), client_cpu=time.process_time() - client_cpu)
    for client in clients:
        client.close()
    return run


def percentiles(times: list[float]) -> tuple[float, float]:
    """p50 and p95; one time is its own of each."""
    if len(times) == 1:
        return times[0], times[0]
    return statistics.median(times), statistics.quantiles(times, n=20, method="inclusive")[-1]


def slowdown(fixed_load_ms: float) -> float:
    """How much slower than on the quiet reference machine the fixed load ran; below 1 on a faster machine, whose
    targets are stricter by as much."""
    return fixed_load_ms / QUIET_FIXED_LOAD_MS


def summary(run: Run) -> list[tuple[str, int, float, float, str]]:
    """(what, requests, p50, p95, errors) per kind of page in MIX's order, then all of them together."""
    by_kind: dict[str, list[Sample]] = defaultdict(list)
    for sample in run.samples:
        by_kind[sample.what].append(sample)
    rows = []
    for what, samples in [*((what, by_kind[what]) for what in MIX if by_kind[what]), ("alles", run.samples)]:
        p50, p95 = percentiles([sample.ms for sample in samples])
        failed = sum(sample.status != 200 for sample in samples)
        rows.append((what, len(samples), p50, p95, f"{failed} fout" if failed else ""))
    return rows


def print_report(run: Run, args, quiet: tuple[float, float], after: tuple[float, float]) -> None:
    factor = slowdown((quiet[0] + after[0]) / 2)  # the machine's state during the run: between the two
    rps = len(run.samples) / run.seconds
    target_rps, target_p95 = TARGET_RPS / factor, TARGET_P95_MS * factor
    pace = "trager" if factor > 1 else "sneller"
    scaled = f" (doelen geschaald met {factor:.2f}: de vaste rekenlast liep zo veel {pace} dan op de rustige " \
        f"referentiemachine)"
    print(f"\n{len(run.samples)} verzoeken van {args.sessions} ingelogde sessies op gunicorn met {args.workers} "
          f"workers, {args.documents} documenten, in {run.seconds:.1f} s{scaled}:")
    print(f"{'pagina':<20} {'verzoeken':>9} {'p50 ms':>8} {'p95 ms':>8}  {'doel p95':>8}")
    rows = summary(run)
    for what, n, p50, p95, errors in rows:
        verdict = "ok" if p95 <= target_p95 else "TE TRAAG"
        goal = f"{target_p95:.0f}"
        print(f"{what:<20} {n:>9} {p50:8.1f} {p95:8.1f}  {goal:>8}  {' '.join(filter(None, [verdict, errors]))}")
    print(f"Doorvoer: {rps:.1f} verzoeken/s (doel ≥ {target_rps:.0f}: {'ok' if rps >= target_rps else 'TE LAAG'})")
    per_request = 1000 / len(run.samples)
    busy = (run.server_cpu + run.database_cpu + run.client_cpu) / run.seconds / os.cpu_count()
    print(f"Processortijd per verzoek: gunicorn {run.server_cpu * per_request:.1f} ms, PostgreSQL "
          f"{run.database_cpu * per_request:.1f} ms, de sessies zelf {run.client_cpu * per_request:.1f} ms "
          f"(samen {busy:.0%} van {os.cpu_count()} kernen; de rest ging naar ander werk)")
    print(f"Vaste rekenlast voor en na de belasting: p50 {quiet[0]:.1f} en {after[0]:.1f} ms, p95 {quiet[1]:.1f} en "
          f"{after[1]:.1f} ms "
          f"(op een rustige machine {QUIET_FIXED_LOAD_MS:.0f} ms)")


if __name__ == "__main__":
    sys.exit(main())
