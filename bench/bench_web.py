"""How fast the busiest pages answer on an archive of realistic size.

    .venv/bin/python bench/bench_web.py [--documents 100000] [--repeat 50] [--fresh]

Builds a synthetic archive (`manage.py seed_demo`) in a database of its own on the same PostgreSQL
server, kept between runs and rebuilt only when its size differs (or with --fresh), then requests each
page repeatedly as a logged-in staff member through Django's test client and prints the server time
(p50, p95) and the number of queries per request beside the target.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BENCH_DATABASE = "kamerbrieven_web_bench"
RARE_WORD = "Haringvlietsluizen"  # one of the rare names seed_demo puts in a few letters


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=50, help="requests per page after two warm-up requests")
    parser.add_argument("--fresh", action="store_true", help="rebuild the archive even when one of this size exists")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as media:
        os.environ.update(DATABASE_URL=bench_database_url(args.fresh), MEDIA_ROOT=media,
                          DJANGO_SETTINGS_MODULE="config.settings")
        import config.wsgi  # noqa: F401  the server's own entry point: Django set up as gunicorn's workers are
        build_archive(args.documents)
        print_table(measure(args.repeat), args.documents)
        print_machine_noise(args.repeat)
    return 0


def print_machine_noise(repeat: int) -> tuple[float, float]:
    """The same fixed piece of pure Python, timed as often as each page: how far p95 lies above p50 on this
    machine when the code does not change at all, to read the pages' p95 against. Returns its p50 and p95."""
    def fixed_work():
        return sum(i * i % 7 for i in range(200_000))

    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fixed_work()
        times.append((time.perf_counter() - started) * 1000)
    p50, p95 = statistics.median(times), statistics.quantiles(times, n=20)[-1]
    print(f"\nVaste rekenlast ter vergelijking: p50 {p50:.1f} ms, p95 {p95:.1f} ms "
          f"(p95/p50 = {p95 / p50:.2f}: de ruis van deze machine)")
    return p50, p95


def bench_database_url(fresh: bool) -> str:
    """The benchmark's own database on the configured server; made when missing, emptied with --fresh."""
    import dj_database_url
    import psycopg

    from config.connections import database_url
    from config.embedded_db import database_url as embedded_url

    base = os.environ.get("DATABASE_URL") or embedded_url(ROOT / ".data")
    with psycopg.connect(base, autocommit=True) as connection:
        if fresh:
            connection.execute(f"DROP DATABASE IF EXISTS {BENCH_DATABASE} WITH (FORCE)")
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [BENCH_DATABASE]).fetchone():
            connection.execute(f"CREATE DATABASE {BENCH_DATABASE}")
    return database_url({**dj_database_url.parse(base), "NAME": BENCH_DATABASE})


def build_archive(documents: int) -> None:
    """The schema as the migrations make it, then the archive unless one of this size is there already."""
    from django.core.management import call_command
    from django.db import connection

    from tracker.models import Document

    call_command("migrate", verbosity=0)
    if Document.objects.filter(origin=Document.Origin.DEMO).count() == documents:
        print(f"Bestaand demo-archief van {documents} documenten wordt hergebruikt.")
        return
    if Document.objects.exists():  # another size: start from an empty schema
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
        call_command("migrate", verbosity=0)
    started = time.monotonic()
    call_command("seed_demo", documents=documents)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    print(f"Demo-archief van {documents} documenten gebouwd in {time.monotonic() - started:.0f} s.")


def pages() -> list[tuple[str, str, float | None]]:
    """(what, url, target p95 in ms, or None where no target is set)."""
    from django.contrib.auth.models import User
    from django.db.models import Count
    from django.urls import reverse

    from tracker.models import Commitment, Dossier, FeedToken

    def url(name, *args, query=""):
        return reverse(name, args=args) + query

    largest = Dossier.objects.annotate(n=Count("documents")).order_by("-n").first()
    ministry = (Commitment.objects.values_list("ministry", flat=True).annotate(n=Count("pk")).order_by("-n")
                .first())
    staff = User.objects.get(username="bench")
    feed = url("dossier_ics", FeedToken.for_user(staff).token, largest.key)
    promise_in_largest = Commitment.objects.filter(dossier=largest).order_by("made_on", "pk").values_list(
        "pk", flat=True).first()
    return [
        ("overzicht /", url("home"), 150),
        (f"tijdlijn grootste dossier ({largest.n} documenten)", url("dossier", largest.key), 150),
        ("toezeggingen, gefilterd: te laat + ministerie",
         url("commitments", query=f"?status=te_laat&ministerie={ministry}"), 100),
        ("toezeggingen, ongefilterd", url("commitments"), 100),
        ("toezeggingen, gefilterd: grootste dossier", url("commitments", query=f"?dossier={largest.key}"), 100),
        ("documenten, ongefilterd", url("documents"), 100),
        ("documenten, gefilterd: grootste dossier + jaar",
         url("documents", query=f"?dossier={largest.key}&periode=2020"), 100),
        ("zoeken: veel voorkomend woord ‘Kamer’", url("search", query="?q=Kamer"), 100),
        ("zoeken: ‘Kamer’ in toezeggingen", url("search", query="?q=Kamer&waarin=toezeggingen"), 100),
        ("zoeken: ‘kabinet’ + dossier + periode",
         url("search", query=f"?q=kabinet&dossier={largest.key}&van=2020-01-01"), 100),
        (f"zoeken: zeldzaam woord ‘{RARE_WORD}’", url("search", query=f"?q={RARE_WORD}"), 100),
        ("iCalendar-feed grootste dossier", feed, 100),
        ("bewijskiezer: woord uit de titel, grootste dossier",
         url("evidence_choices", promise_in_largest, query=f"?brief={largest.titel.split()[0]}"), 100),
    ]


def measure(repeat: int):
    from django.contrib.auth.models import Group, User
    from django.db import connection
    from django.test import Client

    from tracker.roles import CLERKS_GROUP
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    setup_test_environment()
    staff, _ = User.objects.get_or_create(username="bench")
    # A clerk sees every page as staff does, and the clerk's own parts (the evidence picker) too.
    Group.objects.get_or_create(name=CLERKS_GROUP)[0].user_set.add(staff)
    client = Client()
    client.force_login(staff)
    # As config/wsgi.py does in each server process: what loading made is out of the collector's sight, so that a
    # full collection does not walk the benchmark's own archive-building objects in the middle of a request.
    gc.freeze()
    rows = []
    for what, url, target in pages():
        for _ in range(2):  # warm-up: caches of PostgreSQL and of the templates
            response = client.get(url)
        if response.status_code != 200:
            rows.append((what, None, None, None, target, f"HTTP {response.status_code}"))
            continue
        times = []
        for _ in range(repeat):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                client.get(url)
                times.append((time.perf_counter() - started) * 1000)
        p50 = statistics.median(times)
        p95 = statistics.quantiles(times, n=20)[-1]
        verdict = "" if target is None else "ok" if p95 <= target else "TE TRAAG"
        rows.append((what, p50, p95, len(queries.captured_queries), target, verdict))
    return rows


def print_table(rows, documents: int) -> None:
    print(f"\nServertijd per verzoek bij {documents} documenten (ms):")
    print(f"{'pagina':<52} {'p50':>7} {'p95':>7} {'queries':>8} {'doel p95':>9}  ")
    for what, p50, p95, queries, target, verdict in rows:
        goal = "—" if target is None else target
        if p50 is None:
            print(f"{what:<52} {'—':>7} {'—':>7} {'—':>8} {goal:>9}  {verdict}")
        else:
            print(f"{what:<52} {p50:7.1f} {p95:7.1f} {queries:>8} {goal:>9}  {verdict}")


if __name__ == "__main__":
    sys.exit(main())
