"""How fast the engine reads PDFs as users run it, against plain pdfplumber and raw pypdfium2, in one run.

Writes, into a temporary folder, the letter-sized corpus (120 letters, 822 pages: 70 % of one to four
pages, 25 % of five to twelve, 5 % of twenty to forty; `bench/letter_pdfs.py`) and a 300-page Kamerstuk.
Then, at one process and at two, each a whole process as a user starts it, best of `--runs`:

  - the command line, `python -m ingest extract --json --processes N` over the corpus;
  - the worker path: `manage.py ingest FOLDER` queueing the corpus for a real Celery worker with N pool
    processes (already started and idle, as it is in production), until the last letter is analysed, on a
    database of its own on the configured PostgreSQL server;
  - plain pdfplumber `Page.extract_text()` and raw pypdfium2 `get_text_range()`, in N processes that each
    take half of the pages;

in pages per second and as ratios; then the peak memory of the sandboxed worker that reads the 300-page
PDF, the sandbox's cost per file (the same files read through it and in this process, interleaved), and
the text quality on the first pages of the 300-page PDF.

    .venv/bin/python bench/bench_extract.py [--runs 2] [--skip-worker]
"""

from __future__ import annotations

import argparse
import difflib
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.letter_pdfs import words, write_letter_corpus, write_long_pdf  # noqa: E402
from bench.plain_readers import pdfplumber_pages, pypdfium2_pages  # noqa: E402
from ingest import sandbox  # noqa: E402
from ingest.limits import Limits  # noqa: E402
from ingest.pipeline import analyse_path  # noqa: E402

PYTHON = sys.executable
LONG_PAGES = 300
QUALITY_PAGES = 20
BARS = {"pdfplumber": 20.0, "pypdfium2": 0.25, "worker": 0.8, "peak_mb": 300, "overhead_ms": 10}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=2, help="each measurement this often, the best kept")
    parser.add_argument("--skip-worker", action="store_true", help="leave out the worker path (no database)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_letter_corpus(Path(tmp) / "brieven")
        pages = corpus_pages(corpus)
        long_pdf = os.path.join(tmp, "lang.pdf")
        source_words = write_long_pdf(long_pdf, LONG_PAGES)
        print(f"corpus: {len(corpus)} letters, {pages} pages; long PDF: {LONG_PAGES} pages")

        worker = WorkerPath(Path(tmp)) if not args.skip_worker else None
        readers = {
            "cli": lambda processes: cli(corpus, processes),
            "worker": (lambda processes: worker.run(corpus[0].parent, processes)) if worker else None,
            "pdfplumber": lambda processes: plain("pdfplumber", corpus, processes),
            "pypdfium2": lambda processes: plain("pypdfium2", corpus, processes),
        }
        speeds = {name: {processes: pages / best(args.runs, read, processes) for processes in (1, 2)}
                  for name, read in readers.items() if read}
        table(speeds)

        outcome = sandbox.run(long_pdf, Limits.from_env())
        analysis = sandbox.result_of(outcome, Limits.from_env())
        long_seconds = best(args.runs, sandbox.run, long_pdf, Limits.from_env())
        overhead = sandbox_overhead(corpus)
        print(f"\n{LONG_PAGES}-page PDF through the sandbox: {LONG_PAGES / long_seconds:.0f} pages/s; "
              f"peak memory of its worker while reading it: {outcome.peak_kb / 1024:.0f} MB")
        print(f"sandbox cost per file (corpus letters, sandboxed minus in process): "
              f"median {overhead[0]:.1f} ms, mean {overhead[1]:.1f} ms")
        bars(speeds, outcome.peak_kb / 1024, overhead[0])
        quality(long_pdf, analysis, source_words)
    return 0


def corpus_pages(corpus: list[Path]) -> int:
    import pypdfium2 as pdfium

    return sum(len(pdfium.PdfDocument(str(path))) for path in corpus)


def best(runs: int, measure, *args) -> float:
    return min(timed(measure, *args) for _ in range(runs))


def timed(run, *args) -> float:
    """Seconds `run` took, or the seconds it measured itself: the worker path leaves out starting the worker and
    emptying its database, as a running service has done that already."""
    started = time.perf_counter()
    measured = run(*args)
    return measured if isinstance(measured, float) else time.perf_counter() - started


def cli(corpus: list[Path], processes: int) -> None:
    subprocess.run([PYTHON, "-m", "ingest", "extract", "--json", "--processes", str(processes), *map(str, corpus)],
                   cwd=ROOT, check=False, stdout=subprocess.DEVNULL)


def plain(reader: str, corpus: list[Path], processes: int) -> None:
    """`processes` whole processes side by side, each with about the same number of pages."""
    shares = [[] for _ in range(processes)]
    for index, path in enumerate(corpus):
        shares[index % processes].append(str(path))
    running = [subprocess.Popen([PYTHON, str(ROOT / "bench" / "plain_readers.py"), reader, *share],
                                stdout=subprocess.DEVNULL) for share in shares]
    for process in running:
        process.wait()


class WorkerPath:
    """`manage.py ingest` and a real Celery worker on a database of its own."""

    def __init__(self, tmp: Path):
        from bench.bench_ingest import bench_database_url

        self.env = {**os.environ, "DATABASE_URL": bench_database_url(), "MEDIA_ROOT": str(tmp / "media"),
                    "CELERY_QUEUE": f"bench-{uuid.uuid4().hex[:8]}", "DJANGO_SETTINGS_MODULE": "config.settings"}
        os.environ.update(self.env)
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)

    def run(self, folder: Path, processes: int) -> float:
        from tracker.models import Commitment, Document

        Commitment.objects.all().delete()
        Document.objects.all().delete()
        worker = subprocess.Popen(
            [PYTHON, "-m", "celery", "-A", "config", "worker", "-Q", self.env["CELERY_QUEUE"],
             f"--concurrency={processes}", "--loglevel=INFO", "--without-gossip", "--without-mingle"],
            cwd=ROOT, env=self.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        try:
            for line in worker.stdout:
                if " ready." in line:
                    break
            threading.Thread(target=worker.stdout.read, daemon=True).start()  # or it blocks on a full pipe
            time.sleep(3)  # its pool processes' extraction servers start beside it, as in production
            started = time.perf_counter()
            subprocess.run([PYTHON, "manage.py", "ingest", str(folder)], cwd=ROOT, env=self.env, check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            while Document.objects.filter(state=Document.State.BEZIG).exists():
                time.sleep(0.02)
            seconds = time.perf_counter() - started
            failed = Document.objects.exclude(state=Document.State.KLAAR).count()
            assert failed == 0, f"{failed} letters not analysed"
            return seconds
        finally:
            worker.terminate()
            worker.wait()


def sandbox_overhead(corpus: list[Path]) -> tuple[float, float]:
    """Milliseconds a file costs through the sandbox beyond reading it in this process: (median, mean)."""
    limits = Limits.from_env()
    sandbox.analyse_file(corpus[0])
    differences = []
    for path in corpus:
        through = timed(sandbox.analyse_file, path)
        here = timed(analyse_path, str(path), limits)
        differences.append(1000 * (through - here))
    return statistics.median(differences), statistics.mean(differences)


def table(speeds: dict[str, dict[int, float]]) -> None:
    names = {
        "cli": "`python -m ingest extract --json` (sandboxed workers)",
        "worker": "worker path: `manage.py ingest` + Celery worker",
        "pdfplumber": "plain pdfplumber `extract_text()`",
        "pypdfium2": "raw pypdfium2 `get_text_range()`",
    }
    print("\n| reader | 1 process: pages/s | vs pdfplumber | vs pypdfium2 | 2 processes: pages/s | vs pdfplumber "
          "| vs pypdfium2 |")
    print("|---|---|---|---|---|---|---|")
    for key, name in names.items():
        if key not in speeds:
            continue
        cells = []
        for processes in (1, 2):
            speed = speeds[key][processes]
            cells += [f"{speed:.0f}", f"{speed / speeds['pdfplumber'][processes]:.1f}×",
                      f"{100 * speed / speeds['pypdfium2'][processes]:.0f} %"]
        print(f"| {name} | " + " | ".join(cells) + " |")


def bars(speeds: dict[str, dict[int, float]], peak_mb: float, overhead_ms: float) -> None:
    print("\nbars:")
    for processes in (1, 2):
        cli_speed = speeds["cli"][processes]
        plumber, pdfium = speeds["pdfplumber"][processes], speeds["pypdfium2"][processes]
        checks = [
            (f"CLI ≥ {BARS['pdfplumber']:.0f}× pdfplumber", cli_speed / plumber >= BARS["pdfplumber"]),
            (f"CLI ≥ {BARS['pypdfium2']:.0%} of pypdfium2", cli_speed / pdfium >= BARS["pypdfium2"]),
        ]
        if "worker" in speeds:
            checks.append(("worker within 20 % of the CLI", speeds["worker"][processes] >= BARS["worker"] * cli_speed))
        for what, met in checks:
            print(f"  {processes} process{'es' if processes > 1 else ''}: {what}: {'yes' if met else 'NO'}")
    print(f"  peak memory on {LONG_PAGES} pages < {BARS['peak_mb']} MB: {'yes' if peak_mb < BARS['peak_mb'] else 'NO'}")
    print(f"  sandbox cost per file < {BARS['overhead_ms']} ms: {'yes' if overhead_ms < BARS['overhead_ms'] else 'NO'}")


def quality(path: str, analysis, source_words: list[list[str]]) -> None:
    expected = source_words[:QUALITY_PAGES]
    end = analysis.page_starts[QUALITY_PAGES] if len(analysis.page_starts) > QUALITY_PAGES else None
    print(f"\ntext quality on the first {QUALITY_PAGES} pages of the long PDF (source words recovered in order, "
          "furniture and hyphens counted against):")
    print(f"  engine     {recall(expected, analysis.text[:end]):.3f}")
    print(f"  pdfplumber {recall(expected, ' '.join(pdfplumber_pages(path, QUALITY_PAGES))):.3f}")
    print(f"  pypdfium2  {recall(expected, ' '.join(pypdfium2_pages(path, QUALITY_PAGES))):.3f}")


def recall(expected_pages: list[list[str]], text: str) -> float:
    expected = [w for page in expected_pages for w in page]
    got = words(text)
    matcher = difflib.SequenceMatcher(None, expected, got, autojunk=False)
    found = sum(block.size for block in matcher.get_matching_blocks())
    extra = max(0, len(got) - found)
    return found / (len(expected) + extra) if expected else 0.0


if __name__ == "__main__":
    sys.exit(main())
