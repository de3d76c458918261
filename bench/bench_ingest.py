"""How long importing documents takes, with one and with two worker processes.

    .venv/bin/python bench/bench_ingest.py [--documents 500]

Generates a mixed set of letters (PDF, text, officielebekendmakingen XML) in a
temporary folder, imports them into a database of its own on the same
PostgreSQL server (`manage.py ingest`, queued), lets real Celery workers analyse
them, and prints the time per run beside the time the extraction alone takes in
the same run, so the share spent outside text extraction (database, queueing,
task overhead) can be read off.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BENCH_DATABASE = "kamerbrieven_bench"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "brieven"
        write_documents(folder, args.documents)
        os.environ.update(DATABASE_URL=bench_database_url(), MEDIA_ROOT=str(Path(tmp) / "media"),
                          CELERY_QUEUE=f"bench-{uuid.uuid4().hex[:8]}", DJANGO_SETTINGS_MODULE="config.settings")
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        files = sorted(p for p in folder.iterdir())
        extraction = time_extraction(files)
        print(f"{len(files)} documents: {count_kinds(files)}")
        print(f"extraction alone, sandboxed, one process: {extraction:6.1f} s  ({len(files) / extraction:5.1f} docs/s)")
        for workers in (1, 2):
            total, queueing = time_ingest(folder, workers)
            outside = 1 - extraction / (total * workers)
            print(f"ingest with {workers} worker process{'es' if workers > 1 else ''}: {total:6.1f} s "
                  f"({len(files) / total:5.1f} docs/s; queueing {queueing:.1f} s) "
                  f"share outside text extraction: {outside:5.1%}")
    return 0


def bench_database_url() -> str:
    """A database of its own on the configured server, made empty for this run."""
    import psycopg

    from config.connections import database_url
    from config.embedded_db import database_url as embedded_url

    base = os.environ.get("DATABASE_URL") or embedded_url(ROOT / ".data")
    import dj_database_url

    settings = dj_database_url.parse(base)
    with psycopg.connect(base, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {BENCH_DATABASE} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {BENCH_DATABASE}")
    return database_url({**settings, "NAME": BENCH_DATABASE})


def time_extraction(files) -> float:
    import ingest

    started = time.perf_counter()
    for path in files:
        ingest.analyse_file(path)
    return time.perf_counter() - started


def time_ingest(folder: Path, workers: int) -> tuple[float, float]:
    """Seconds from the import command until the last document is analysed, and of that the import itself."""
    from django.core.management import call_command

    from tracker.models import Commitment, Document

    Commitment.objects.all().delete()
    Document.objects.all().delete()
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config", "worker", "-Q", os.environ["CELERY_QUEUE"],
         f"--concurrency={workers}", "--loglevel=INFO", "--without-gossip", "--without-mingle"],
        cwd=ROOT, env=os.environ.copy(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        for line in worker.stdout:  # the worker's start-up is not part of the import
            if " ready." in line:
                break
        # Keep reading what it logs, or it blocks once the pipe is full.
        threading.Thread(target=worker.stdout.read, daemon=True).start()
        started = time.perf_counter()
        call_command("ingest", str(folder), stdout=open(os.devnull, "w"), stderr=open(os.devnull, "w"))
        queueing = time.perf_counter() - started
        while Document.objects.filter(state=Document.State.BEZIG).exists():
            time.sleep(0.05)
        return time.perf_counter() - started, queueing
    finally:
        worker.terminate()
        worker.wait()


def write_documents(folder: Path, count: int) -> None:
    folder.mkdir(parents=True)
    for number in range(count):
        kind = ("pdf", "txt", "xml")[number % 3]
        lines = letter_lines(number)
        path = folder / f"brief-{number:04d}.{kind}"
        if kind == "txt":
            path.write_text("\n".join(lines), encoding="utf-8")
        elif kind == "xml":
            path.write_text(kst_xml(number, lines), encoding="utf-8")
        else:
            write_pdf(path, lines)


def letter_lines(number: int) -> list[str]:
    return [
        "Tweede Kamer der Staten-Generaal",
        "Vergaderjaar 2023–2024",
        "27 925 Bestrijding internationaal terrorisme",
        f"Nr. {1000 + number} BRIEF VAN DE MINISTER VAN DEFENSIE",
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
        "Den Haag, 21 november 2023",
        f"In mijn brief van 2 oktober jl. (Kamerstuk 27 925, nr. {900 + number % 50}) heb ik u geïnformeerd.",
        *["De inzet wordt voortgezet en de resultaten worden nauwgezet gevolgd door het ministerie."] * 30,
        "In december informeer ik uw Kamer wederom over de voortgang van de missie.",
        "De Minister van Defensie,",
    ]


def kst_xml(number: int, lines: list[str]) -> str:
    from xml.sax.saxutils import escape

    body = "".join(f"<al>{escape(line)}</al>" for line in lines[6:])
    return (
        '<?xml version="1.0" encoding="utf-8"?><officiele-publicatie><kamerstuk><kamerstukkop>'
        "<vergaderjaar>Vergaderjaar 2023–2024</vergaderjaar></kamerstukkop><dossier><dossiernummer>"
        "<dossiernr>27 925</dossiernr></dossiernummer><titel>Bestrijding internationaal terrorisme</titel></dossier>"
        f"<stuk><stuknr><ondernummer>{1000 + number}</ondernummer></stuknr><titel>BRIEF VAN DE MINISTER VAN DEFENSIE"
        f"</titel><algemeen><dagtekening>Den Haag, 21 november 2023</dagtekening>{body}</algemeen></stuk>"
        "</kamerstuk></officiele-publicatie>"
    )


def write_pdf(path: Path, lines: list[str]) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    y = 780
    for line in lines:
        if y < 60:
            pdf.showPage()
            y = 780
        pdf.setFont("Times-Roman", 10)
        pdf.drawString(70, y, line)
        y -= 14
    pdf.showPage()
    pdf.save()


def count_kinds(files) -> str:
    kinds = {}
    for path in files:
        kinds[path.suffix] = kinds.get(path.suffix, 0) + 1
    return ", ".join(f"{n} {kind[1:].upper()}" for kind, n in sorted(kinds.items()))


if __name__ == "__main__":
    sys.exit(main())
