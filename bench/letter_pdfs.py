"""PDFs for the benchmarks, typeset with reportlab from the letters in the repository.

Two kinds: one long Kamerstuk (`write_long_pdf`, 300 pages by default) and the letter-sized corpus
(`write_letter_corpus`): 120 letters of 822 pages together, sized as letters to the Kamer are, 70 % of one
to four pages, 25 % of five to twelve and 5 % of twenty to forty. Each letter has a Kamerstuk's header block,
a running footer with its number and the page, footnotes in small type and words hyphenated at line ends;
its paragraphs come from the seed letters and the annotated corpus. Everything is written into a folder
the caller chooses (a temporary one): no generated PDF is kept in the repository.
"""

from __future__ import annotations

import datetime as dt
import glob
import itertools
import json
import os
import random
import re
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "corpus" / "seeds"
LETTERS = ROOT / "tests" / "corpus" / "letters"
FOOTER = "Tweede Kamer, vergaderjaar 2023–2024, 27 925, nr. 960"

# (share of the letters, fewest pages, most pages)
LETTER_SIZES = ((0.70, 1, 4), (0.25, 5, 12), (0.05, 20, 40))
CORPUS_LETTERS, CORPUS_PAGES = 120, 822

FONT, SIZE, LEADING, LEFT, WIDTH = "Times-Roman", 10, 13, 70, 440
TOP, BOTTOM = 780, 140


def words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+(?:[-'’][^\W_]+)*", text.replace("\u00ad", ""))


def paragraphs(folders=(SEEDS,)) -> list[str]:
    """The body paragraphs of the letters in `folders`, each on one line."""
    found = []
    for folder in folders:
        for name in sorted(glob.glob(os.path.join(folder, "*.txt"))):
            with open(name, encoding="utf-8") as handle:
                text = handle.read()
            for block in re.split(r"\n\s*\n", text):
                block = re.sub(r"-\n(?=[a-z])", "", block)
                block = " ".join(block.split())
                if len(block) > 80:
                    found.append(block)
    return found


def hyphenate(lines: list[str]) -> list[str]:
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


def write_long_pdf(path: str, pages: int) -> list[list[str]]:
    """The long benchmark PDF, and the words each page's body and footnotes hold."""
    pdf = canvas.Canvas(path, pagesize=A4)
    source = _write_pages(pdf, _cycle(paragraphs()), pages, footer=FOOTER)
    pdf.save()
    return source


def page_counts(letters: int = CORPUS_LETTERS, total: int = CORPUS_PAGES, seed: int = 15) -> list[int]:
    """Pages per letter: each size class its share of the letters, together exactly `total` pages."""
    rng = random.Random(seed)
    ranges = []
    for share, low, high in LETTER_SIZES:
        ranges += [(low, high)] * round(share * letters)
    ranges = ranges[:letters] + [LETTER_SIZES[0][1:]] * (letters - len(ranges))
    counts = [rng.randint(low, high) for low, high in ranges]
    while sum(counts) != total:  # nudge random letters within their class until the total is right
        i = rng.randrange(letters)
        low, high = ranges[i]
        step = 1 if sum(counts) < total else -1
        if low <= counts[i] + step <= high:
            counts[i] += step
    rng.shuffle(counts)
    return counts


# The dossiers the letters belong to, with the office that writes them.
DOSSIERS = (
    ("27 925", "Bestrijding internationaal terrorisme", "MINISTER VAN DEFENSIE", "De Minister van Defensie,"),
    ("29 984", "Spoorverbindingen", "STAATSSECRETARIS VAN INFRASTRUCTUUR EN WATERSTAAT",
     "De Staatssecretaris van Infrastructuur en Waterstaat,"),
    ("25 424", "Geestelijke gezondheidszorg", "MINISTER VAN VOLKSGEZONDHEID, WELZIJN EN SPORT",
     "De Minister van Volksgezondheid, Welzijn en Sport,"),
    ("32 847", "Integrale visie op de woningmarkt", "MINISTER VAN BINNENLANDSE ZAKEN EN KONINKRIJKSRELATIES",
     "De Minister van Binnenlandse Zaken en Koninkrijksrelaties,"),
    ("29 023", "Voorzienings- en leveringszekerheid energie", "MINISTER VAN KLIMAAT EN GROENE GROEI",
     "De Minister van Klimaat en Groene Groei,"),
)
# One paragraph in this many carries a promise: about one every two pages, as in real letters.
PROMISE_EVERY = 16
FIRST_DAY = dt.date(2023, 1, 9)


def write_letter_corpus(folder: Path) -> list[Path]:
    """The letter-sized corpus in `folder`, one PDF per letter, in the order of their names.

    The letters are dated a few days apart over two years, in five dossiers; the paragraphs the hand
    annotation marks as promises are spread out, the others fill the pages.
    """
    folder.mkdir(parents=True, exist_ok=True)
    promises, others = _promise_paragraphs()
    streams = {"promise": _cycle(promises), "other": _cycle(others)}
    paths = []
    for number, pages in enumerate(page_counts()):
        path = folder / f"brief-{number:03d}.pdf"
        own = 1000 + number
        dossier, title, office, signature = DOSSIERS[number % len(DOSSIERS)]
        day = FIRST_DAY + dt.timedelta(days=6 * number)
        header = ("Tweede Kamer der Staten-Generaal", f"Vergaderjaar {day.year}–{day.year + 1}", f"{dossier} {title}",
                  f"Nr. {own} BRIEF VAN DE {office}", "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
                  f"Den Haag, {day.day} {MONTH_NAMES[day.month - 1]} {day.year}")
        texts = (next(streams["promise" if k % PROMISE_EVERY == 3 else "other"]) for k in itertools.count())
        pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
        footer = f"Tweede Kamer, vergaderjaar {day.year}–{day.year + 1}, {dossier}, nr. {own}"
        _write_pages(pdf, texts, pages, footer=footer, header=header, signature=(signature, "J.A. de Vries"))
        pdf.save()
        paths.append(path)
    return paths


MONTH_NAMES = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
               "november", "december")


def _promise_paragraphs() -> tuple[list[str], list[str]]:
    """The paragraphs of the seeds and the annotated letters: those holding an annotated promise, and the rest."""
    quotes = []
    for folder in (SEEDS, LETTERS):
        for gold in json.loads((folder / "gold.json").read_text(encoding="utf-8")).values():
            quotes += [_folded(c["quote"]) for c in gold.get("commitments", []) + gold.get("acceptable", [])]
    promises, others = [], []
    for paragraph in paragraphs((SEEDS, LETTERS)):
        (promises if any(q in _folded(paragraph) for q in quotes) else others).append(paragraph)
    return promises, others


def _folded(text: str) -> str:
    return " ".join(re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text).split()).lower()


def _cycle(items: list[str]):
    while True:
        yield from items


def _write_pages(pdf, texts, pages: int, footer: str, header=(), signature=()) -> list[list[str]]:
    """Fill `pages` pages with the paragraphs `texts` yields; the words of each page's body and footnote."""
    source: list[list[str]] = []
    for number in range(1, pages + 1):
        y, page_words = TOP, []
        if number == 1:
            for line in header:
                pdf.setFont("Helvetica-Bold" if line.startswith("Nr.") else "Helvetica", SIZE)
                pdf.drawString(LEFT, y, line)
                y -= 2 * LEADING
        last = number == pages
        while y > BOTTOM + (3 * LEADING if last and signature else 0):
            paragraph = next(texts)
            for line in hyphenate(simpleSplit(paragraph, FONT, SIZE, WIDTH)):
                if y <= BOTTOM:
                    break
                pdf.setFont(FONT, SIZE)
                pdf.drawString(LEFT, y, line)
                y -= LEADING
            page_words.extend(words(paragraph))
            y -= LEADING
        if last:
            for line in signature:
                pdf.setFont(FONT, SIZE)
                pdf.drawString(LEFT, y, line)
                y -= LEADING
        note = f"{number} Kamerstuk 27 925, nr. {number + 100}."
        pdf.setFont(FONT, 7.5)
        pdf.drawString(LEFT, 80, note)
        pdf.setFont("Helvetica", 7)
        pdf.drawString(LEFT, 40, footer)
        pdf.drawRightString(LEFT + WIDTH, 40, str(number))
        pdf.showPage()
        source.append(page_words + words(note))
    return source
