"""How fast the engine reads PDFs, against plain pdfplumber and raw pypdfium2.

Writes a 300-page Kamerstuk-like PDF (running footer, footnotes in small type,
words hyphenated at line ends) from the seed letters, then prints pages per
second for: this engine end to end (PDF -> Analysis, in its sandboxed child and
in process), pdfplumber's Page.extract_text() and pypdfium2's raw text; the
ratios; the engine child's peak memory; and how many of the source words each
recovers in order (text quality).

    .venv/bin/python bench/bench_extract.py [--pages 300]
"""

from __future__ import annotations

import argparse
import difflib
import glob
import os
import re
import resource
import sys
import tempfile
import time

import pdfplumber
import pypdfium2 as pdfium
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from ingest import analyse_file  # noqa: E402
from ingest.pipeline import analyse_path  # noqa: E402

SEEDS = os.path.join(ROOT, "tests", "corpus", "seeds")
FOOTER = "Tweede Kamer, vergaderjaar 2023–2024, 27 925, nr. 960"
QUALITY_PAGES = 20


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "bench.pdf")
        source_words = write_pdf(path, args.pages)
        print(f"PDF: {args.pages} pages, {os.path.getsize(path) / 1024:.0f} kB")

        engine_child, analysis = timed(lambda: analyse_file(path))
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        engine, _ = timed(lambda: analyse_path(path))
        plumber, plumber_text = timed(lambda: pdfplumber_text(path))
        raw, raw_text = timed(lambda: pdfium_text(path))

    pages = args.pages
    rows = [
        ("engine, sandboxed child (PDF -> Analysis)", engine_child),
        ("engine, in process (PDF -> Analysis)", engine),
        ("pdfplumber Page.extract_text()", plumber),
        ("pypdfium2 raw get_text_range()", raw),
    ]
    for name, seconds in rows:
        print(f"{name:45s} {pages / seconds:8.0f} pages/s  ({seconds:.2f} s)")
    print(f"engine (child) / pdfplumber: {plumber / engine_child:.1f}x   "
          f"engine (in process) / pdfplumber: {plumber / engine:.1f}x   "
          f"pypdfium2 raw / pdfplumber: {plumber / raw:.1f}x")
    print(f"peak memory of the engine's child on {pages} pages: {peak_mb:.0f} MB")
    quality_pages = analysis.page_starts[QUALITY_PAGES] if len(analysis.page_starts) > QUALITY_PAGES else None
    expected = source_words[:QUALITY_PAGES]
    print(f"text quality on the first {QUALITY_PAGES} pages (source words recovered in order, "
          "furniture and hyphens counted against):")
    print(f"  engine     {recall(expected, analysis.text[:quality_pages]):.3f}")
    print(f"  pdfplumber {recall(expected, ' '.join(plumber_text[:QUALITY_PAGES])):.3f}")
    print(f"  pypdfium2  {recall(expected, ' '.join(raw_text[:QUALITY_PAGES])):.3f}")
    return 0


def timed(run):
    start = time.perf_counter()
    result = run()
    return time.perf_counter() - start, result


def pdfplumber_text(path: str) -> list[str]:
    texts = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            texts.append(page.extract_text() or "")
            page.close()
    return texts


def pdfium_text(path: str) -> list[str]:
    pdf = pdfium.PdfDocument(path)
    texts = []
    for index in range(len(pdf)):
        page = pdf[index]
        textpage = page.get_textpage()
        texts.append(textpage.get_text_range())
        textpage.close()
        page.close()
    pdf.close()
    return texts


def recall(expected_pages: list[list[str]], text: str) -> float:
    expected = [w for page in expected_pages for w in page]
    got = words(text)
    matcher = difflib.SequenceMatcher(None, expected, got, autojunk=False)
    found = sum(block.size for block in matcher.get_matching_blocks())
    extra = max(0, len(got) - found)
    return found / (len(expected) + extra) if expected else 0.0


def words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+(?:[-'’][^\W_]+)*", text.replace("\u00ad", ""))


def write_pdf(path: str, pages: int) -> list[list[str]]:
    """The bench PDF, and the words each page's body and footnotes hold."""
    paragraphs = seed_paragraphs()
    pdf = canvas.Canvas(path, pagesize=A4)
    source: list[list[str]] = []
    font, size, leading, left, width = "Times-Roman", 10, 13, 70, 440
    index = 0
    for number in range(1, pages + 1):
        y, page_words = 780, []
        while y > 140:
            paragraph = paragraphs[index % len(paragraphs)]
            index += 1
            for line in hyphenate(simpleSplit(paragraph, font, size, width), font, size, width):
                if y <= 140:
                    break
                pdf.setFont(font, size)
                pdf.drawString(left, y, line)
                y -= leading
            page_words.extend(words(paragraph))
            y -= leading
        note = f"{number} Kamerstuk 27 925, nr. {number + 100}."
        pdf.setFont(font, 7.5)
        pdf.drawString(left, 80, note)
        pdf.setFont("Helvetica", 7)
        pdf.drawString(left, 40, FOOTER)
        pdf.drawRightString(left + width, 40, str(number))
        pdf.showPage()
        source.append(page_words + words(note))
    pdf.save()
    return source


def hyphenate(lines: list[str], font: str, size: float, width: float) -> list[str]:
    """Break a long last word of a line at a hyphen, as typeset letters do."""
    out = []
    carry = ""
    for line in lines:
        line = (carry + " " + line).strip() if carry else line
        carry = ""
        head, _, last = line.rpartition(" ")
        if head and len(last) >= 10 and last.isalpha() and last.islower():
            cut = len(last) // 2
            line, carry = f"{head} {last[:cut]}-", last[cut:]
        out.append(line)
    if carry:
        out.append(carry)
    return out


def seed_paragraphs() -> list[str]:
    paragraphs = []
    for name in sorted(glob.glob(os.path.join(SEEDS, "*.txt"))):
        with open(name, encoding="utf-8") as handle:
            text = handle.read()
        for block in re.split(r"\n\s*\n", text):
            block = re.sub(r"-\n(?=[a-z])", "", block)
            block = " ".join(block.split())
            if len(block) > 80:
                paragraphs.append(block)
    return paragraphs


if __name__ == "__main__":
    sys.exit(main())
