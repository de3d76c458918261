"""How long a first run of the Tweede Kamer's SyncFeed takes, and a second run that finds nothing new.

    .venv/bin/python bench/bench_sync.py [--entries 50000] [--pace 0]

A local server on 127.0.0.1 plays a SyncFeed of `--entries` changes, 250 to a page as the real one pages:
documents of a hundred dossiers (two of them followed; half the papers letters with a file, the others motions)
and, one in a hundred entries, toezeggingen.
The sync runs against it in a database of its own on the same PostgreSQL server (made afresh each time), with
the analysis queue in memory, and prints the time, the requests and what came in for each run. `--pace` is the
requests per second per host (0: as fast as the server answers, the sync's own cost; the product's default is
2, and the time that pace needs at least is printed beside it).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BENCH_DATABASE = "kamerbrieven_sync_bench"
PAGE = 250
DOSSIERS = 100
FOLLOWED = (30000, 30001)
TOEZEGGINGEN_SHARE = 0.01  # of the entries
DEFAULT_PACE = 2
TK = "http://www.tweedekamer.nl/xsd/tkData/v1-0"


def guid(kind: int, number: int) -> str:
    return f"{kind:08x}-0000-4000-8000-{number:012x}"


class Feed:
    """The feed's pages, its entities and files, made up on request and counted."""

    def __init__(self, entries: int):
        self.toezeggingen = int(entries * TOEZEGGINGEN_SHARE)
        self.documents = entries - self.toezeggingen
        self.requests = 0
        self.lock = threading.Lock()

    def page(self, category: str, skiptoken: int) -> bytes:
        total = self.documents if category == "Document" else self.toezeggingen
        numbers = range(skiptoken + 1, min(total, skiptoken + PAGE) + 1)
        entries = "".join(self.entry(category, number) for number in numbers)
        following = (f'<link rel="next" href="https://x/SyncFeed/2.0/Feed?skiptoken={numbers[-1]}'
                     f'&amp;category={category}"/>') if numbers else ""
        return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Feed</title>'
                f"{entries}{following}</feed>").encode()

    def entry(self, category: str, number: int) -> str:
        entity = self.document(number) if category == "Document" else self.toezegging(number)
        kind = 1 if category == "Document" else 2
        return (f"<entry><title>{guid(kind, number)}</title>"
                f"<id>https://x/SyncFeed/2.0/Entiteiten/{guid(kind, number)}</id>"
                f'<updated>2024-01-01T00:00:00Z</updated><category term="{category}"/>'
                f'<link rel="next" href="https://x/SyncFeed/2.0/Feed?skiptoken={number}&amp;category={category}"/>'
                f'<content type="application/xml">{entity}</content></entry>')

    @staticmethod
    def document(number: int) -> str:
        dossier = 30000 + (number // 2) % DOSSIERS
        soort = "Brief regering" if number % 2 else "Motie"
        return (f'<document xmlns="{TK}" xmlns:tk="{TK}" id="{guid(1, number)}" tk:bijgewerkt="2024-01-01T00:00:00Z" '
                f'tk:verwijderd="false" tk:contentType="application/pdf"><kamerstukdossier ref="{guid(3, dossier)}"/>'
                f"<soort>{soort}</soort><documentNummer>2024D{number:05d}</documentNummer>"
                f"<onderwerp>Brief nummer {number}</onderwerp><datum>2024-01-01T00:00:00</datum>"
                f"<volgnummer>{number}</volgnummer></document>")

    @staticmethod
    def toezegging(number: int) -> str:
        return (f'<ns1:toezegging xmlns:ns1="{TK}" id="{guid(2, number)}" ns1:bijgewerkt="2024-01-01T00:00:00Z" '
                f'ns1:verwijderd="false"><ns1:nummer>TZ2024-{number:05d}</ns1:nummer>'
                f"<ns1:status>Openstaand</ns1:status><ns1:ministerie>Defensie</ns1:ministerie>"
                f"<ns1:tekst>De minister zegt toe de Kamer te informeren over onderwerp {number}.</ns1:tekst>"
                f"</ns1:toezegging>")

    @staticmethod
    def dossier(number: int) -> bytes:
        return (f'<kamerstukdossier xmlns="{TK}" id="{guid(3, number)}">'
                f"<nummer>{number}</nummer><titel>Dossier {number}</titel></kamerstukdossier>").encode()

    def answer(self, path: str, query: dict) -> tuple[bytes, str] | None:
        with self.lock:
            self.requests += 1
        if path.endswith("/Feed"):
            return self.page(query["category"], int(query.get("skiptoken", 0))), "application/xml"
        kind, _, number = path.rsplit("/", 1)[-1].partition("-0000-4000-8000-")
        if "/Entiteiten/" in path and int(kind, 16) == 3:
            return self.dossier(int(number, 16)), "application/xml"
        if "/Resources/" in path:
            return b"%PDF-1.4\n% letter " + number.encode() + b"\n%%EOF\n", "application/pdf"
        return None


def serve(feed: Feed) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body are written apart; with Nagle's algorithm each answer would wait for a delayed ACK.
        disable_nagle_algorithm = True

        def do_GET(self):
            url = urlsplit(self.path)
            answer = feed.answer(url.path, dict(parse_qsl(url.query)))
            if answer is None:
                self.send_error(404)
                return
            body, content_type = answer
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=50_000)
    parser.add_argument("--pace", type=float, default=0, help="requests per second per host; 0: no pace")
    args = parser.parse_args()
    feed = Feed(args.entries)
    server = serve(feed)
    with tempfile.TemporaryDirectory() as media:
        os.environ.update(DATABASE_URL=bench_database_url(), MEDIA_ROOT=media, CELERY_BROKER_URL="memory://",
                          DJANGO_SETTINGS_MODULE="config.settings",
                          TK_SYNCFEED_URL=f"http://127.0.0.1:{server.server_address[1]}/SyncFeed/2.0/",
                          SYNC_REQUESTS_PER_SECOND=str(args.pace))
        import django

        django.setup()
        logging.getLogger("httpx").setLevel(logging.WARNING)  # a line per request would drown the figures
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        follow()
        print(f"SyncFeed van {args.entries} wijzigingen ({feed.documents} documenten, {feed.toezeggingen} "
              f"toezeggingen), {PAGE} per pagina; tempo: {args.pace or 'onbeperkt'} verzoeken per seconde")
        for label in ("eerste run", "tweede run (niets nieuws)"):
            report(label, feed)
    server.shutdown()
    return 0


def follow() -> None:
    from django.utils import timezone

    from tracker.models import Dossier

    for number in FOLLOWED:
        Dossier.objects.update_or_create(key=str(number), defaults={"nummer": str(number),
                                                                    "followed_since": timezone.now()})


def report(label: str, feed: Feed) -> None:
    from tracker.models import Commitment, Document
    from tracker.sync import run_source

    before, started = feed.requests, time.monotonic()
    run = run_source("tk")
    seconds, requests = time.monotonic() - started, feed.requests - before
    print(f"{label}: {seconds:.1f} s, {requests} verzoeken, nieuw: {run.new}, bijgewerkt: {run.updated}, "
          f"mislukt: {run.failed}, tot het eind: {'ja' if run.complete else 'nee'}; "
          f"{Document.objects.count()} documenten, {Commitment.objects.count()} toezeggingen; "
          f"bij {DEFAULT_PACE} verzoeken per seconde minstens {requests / DEFAULT_PACE:.0f} s")


def bench_database_url() -> str:
    """The benchmark's own database on the configured server, made afresh."""
    import dj_database_url
    import psycopg

    from config.connections import database_url
    from config.embedded_db import database_url as embedded_url

    base = os.environ.get("DATABASE_URL") or embedded_url(ROOT / ".data")
    with psycopg.connect(base, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {BENCH_DATABASE} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {BENCH_DATABASE}")
    return database_url({**dj_database_url.parse(base), "NAME": BENCH_DATABASE})


if __name__ == "__main__":
    sys.exit(main())
