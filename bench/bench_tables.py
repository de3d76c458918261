"""What reading the ministries' tables of toezeggingen costs: finding the pages, and pdfplumber on them.

Writes the benchmark's 300-page Kamerstuk (no such table) and the test suite's progress letter with its annex
(three pages, the table on pages 2 and 3), then prints the best of five runs of: PDFium reading each, finding
the pages with a header of toezeggingen in the text already read, and pdfplumber's table finder on those pages.

    .venv/bin/python bench/bench_tables.py [--pages 300]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from bench.letter_pdfs import write_long_pdf  # noqa: E402
from ingest.limits import Limits  # noqa: E402
from ingest.readers import read  # noqa: E402
from ingest.tables import candidate_pages, read_promise_tables  # noqa: E402
from tests.ingest.fixtures.annexes import write_progress_letter  # noqa: E402

RUNS = 5


def best(run) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=300)
    args = parser.parse_args()
    limits = Limits.from_env()
    with tempfile.TemporaryDirectory() as tmp:
        letter, annex = os.path.join(tmp, "brief.pdf"), os.path.join(tmp, "bijlage.pdf")
        write_long_pdf(letter, args.pages)
        write_progress_letter(annex)
        for name, path in ((f"{args.pages}-page Kamerstuk", letter), ("progress letter with annex", annex)):
            raw = read(path, limits)
            pages = candidate_pages(raw)
            reading = best(lambda path=path: read(path, limits))
            finding = best(lambda raw=raw: candidate_pages(raw))
            tables = best(lambda path=path, raw=raw: read_promise_tables(path, raw, None)) if pages else 0.0
            rows = len(read_promise_tables(path, raw, None)) if pages else 0
            print(f"{name}: PDFium reads {len(raw.pages)} pages in {reading * 1000:.1f} ms; finding the pages with "
                  f"a header of toezeggingen {finding * 1000:.2f} ms ({pages or 'none'}); "
                  f"pdfplumber on them {tables * 1000:.1f} ms ({rows} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
