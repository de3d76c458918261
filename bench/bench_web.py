"""How fast the busiest pages answer on an archive of realistic size.

    .venv/bin/python bench/bench_web.py [--documents 100000] [--repeat 30] [--fresh]

Builds a synthetic archive (`manage.py seed_demo`) in a database of its own on the same PostgreSQL
server, kept between runs and rebuilt only when its size differs (or with --fresh), then requests each
page repeatedly as a logged-in staff member through Django's test client and prints the server time
(p50, p95) and the number of queries per request beside the target.
"""

from __future__ import annotations

import argparse
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
    parser.add_argument("--repeat", type=int, default=30, help="requests per page after two warm-up requests")
    parser.add_argument("--fresh", action="store_true", help="rebuild the archive even when one of this size exists")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as media:
        os.environ.update(DATABASE_URL=bench_database_url(args.fresh), MEDIA_ROOT=media,
                          DJANGO_SETTINGS_MODULE="config.settings")
        import django

        django.setup()
        build_archive(args.documents)
        print_table(measure(args.repeat), args.documents)
    return 0


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
    """The tables as the models describe them (whether or not their migrations exist yet), then the archive."""
    from django.apps import apps
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from tracker.models import Document

    settings.MIGRATION_MODULES = {app.label: None for app in apps.get_app_configs()}
    tables = connection.introspection.table_names()
    if "tracker_documentpage" in tables:
        if Document.objects.filter(origin=Document.Origin.DEMO).count() == documents:
            print(f"Bestaand demo-archief van {documents} documenten wordt hergebruikt.")
            return
        with connection.cursor() as cursor:  # another size: start from an empty schema
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    call_command("migrate", run_syncdb=True, verbosity=0)
    started = time.monotonic()
    call_command("seed_demo", documents=documents)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    print(f"Demo-archief van {documents} documenten gebouwd in {time.monotonic() - started:.0f} s.")


def pages() -> list[tuple[str, str | None, float]]:
    """(what, url or None when the page does not exist (yet), target p95 in ms)."""
    from django.contrib.auth.models import User
    from django.db.models import Count
    from django.urls import NoReverseMatch, reverse

    from tracker.models import Commitment, Dossier

    def url(name, *args, query=""):
        try:
            return reverse(name, args=args) + query
        except NoReverseMatch:
            return None

    largest = Dossier.objects.annotate(n=Count("documents")).order_by("-n").first()
    ministry = (Commitment.objects.values_list("ministry", flat=True).annotate(n=Count("pk")).order_by("-n")
                .first())
    staff = User.objects.get(username="bench")
    feed = None
    try:
        from tracker.models import FeedToken

        feed = url("dossier_ics", FeedToken.for_user(staff).token, largest.key)
    except ImportError:
        pass
    return [
        ("overzicht /", url("home"), 150),
        (f"tijdlijn grootste dossier ({largest.n} documenten)", url("dossier", largest.key), 150),
        ("toezeggingen, gefilterd: te laat + ministerie",
         url("commitments", query=f"?status=te_laat&ministerie={ministry}"), 100),
        ("toezeggingen, ongefilterd", url("commitments"), 100),
        ("zoeken: veel voorkomend woord ‘Kamer’", url("search", query="?q=Kamer"), 100),
        ("zoeken: ‘Kamer’ in toezeggingen", url("search", query="?q=Kamer&waarin=toezeggingen"), 100),
        ("zoeken: ‘kabinet’ + dossier + periode",
         url("search", query=f"?q=kabinet&dossier={largest.key}&van=2020-01-01"), 100),
        (f"zoeken: zeldzaam woord ‘{RARE_WORD}’", url("search", query=f"?q={RARE_WORD}"), 100),
        ("iCalendar-feed grootste dossier", feed, 150),
    ]


def measure(repeat: int):
    from django.contrib.auth.models import User
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    setup_test_environment()
    staff, _ = User.objects.get_or_create(username="bench")
    client = Client()
    client.force_login(staff)
    rows = []
    for what, url, target in pages():
        if url is None:
            rows.append((what, None, None, None, target, "bestaat (nog) niet: overgeslagen"))
            continue
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
        rows.append((what, p50, p95, len(queries.captured_queries), target, "ok" if p95 <= target else "TE TRAAG"))
    return rows


def print_table(rows, documents: int) -> None:
    print(f"\nServertijd per verzoek bij {documents} documenten (ms):")
    print(f"{'pagina':<52} {'p50':>7} {'p95':>7} {'queries':>8} {'doel p95':>9}  ")
    for what, p50, p95, queries, target, verdict in rows:
        if p50 is None:
            print(f"{what:<52} {'—':>7} {'—':>7} {'—':>8} {target:>9}  {verdict}")
        else:
            print(f"{what:<52} {p50:7.1f} {p95:7.1f} {queries:>8} {target:>9}  {verdict}")


if __name__ == "__main__":
    sys.exit(main())
