"""Find citations of Kamerstukken in a text and name them by their canonical id.

A citation is a dossier and an ondernummer ("Kamerstuk 27 925, nr. 943" ->
27925-943) in one of the many forms letters use: several numbers ("nrs. 723,
727 en 746"), several dossiers sharing one number ("Kamerstukken 36 200 X en
32 761, nr. 51"), with the year of the session ("Kamerstukken II 2022/23, 31 839,
nr. 912"), without "nr." ("Kamerstuk 27 925, 963"), without "Kamerstuk"
("(36 410 XVI, nr. 41)"), the Eerste Kamer's letters ("32 637, E") and the
publication id ("kst-27925-960"). A bare number never counts: "27 925 euro" has
neither a keyword nor "nr." before a number.
"""

from __future__ import annotations

import itertools
import re

from . import prefilter
from .layout import page_of
from .model import Reference
from .patterns import DOSSIER, DOSSIER_RE, KST_ID_RE, MONTHS, SP, dossier_id

_KEYWORD = (
    r"(?:Kamerstukken|Kamerstuknr\.?|Kamerstuk|Kamerbrieven|Kamerbrief|Kamerdossier|Kst\.?)"
    r"(?:\s+(?:I|II))?"
    r"(?:,?\s+\d{4}\s*[/–-]\s*\d{2,4})?"
    r",?\s+"
)
_NUMBER_WORD = r"(?:nrs?\.?|nummers?|no\.)"
# One ondernummer; a further one in a list must not be the start of a date ("943, 9 november")
# or of the next dossier ("943 en 27 925, nr. 958").
_NUMBER = r"\d{1,5}(?!\d)(?![.,]\d)"
_MONTH_AHEAD = r"(?!\s+(?:" + "|".join(MONTHS) + r")\b)"
_MORE = (
    rf"\s*(?:,|en|&|t/m|tot\s+en\s+met)\s*(?:{_NUMBER_WORD}\s*)?(?!\d{{2}}{SP}\d{{3}}){_NUMBER}{_MONTH_AHEAD}"
)
_NUMBERS = rf"{_NUMBER}{_MONTH_AHEAD}(?:{_MORE})*"
_LETTER = r"[A-Z]{1,3}(?![\w-])"
_DOSSIERS = rf"{DOSSIER}(?:\s*(?:,|en|&)\s*{DOSSIER})*"

# The Eerste Kamer cites a paper by session, dossier and letter: "(2012–2013, CII, B)", "(2019/20, 35 300, C)".
_SESSION = r"\d{4}\s*[/–-]\s*\d{2,4},\s*"
_CITATION_RE = re.compile(
    rf"(?P<keyword>{_KEYWORD})?(?P<open>\((?:{_SESSION})?)?(?P<dossiers>{_DOSSIERS})"
    rf"(?:"
    rf"(?:,\s*|\s+){_NUMBER_WORD}\s*(?P<numbers>{_NUMBERS})"
    rf"|,\s*(?P<bare>{_NUMBERS})"
    rf"|,\s*(?P<letter>{_LETTER})"
    # "Kamerstukken I, 2017/18 30 880 AA": two or three letters after the dossier (not a budget chapter's Roman
    # number) are an Eerste Kamer paper even without the comma
    rf"|\s+(?P<letters>(?![IVXLC]+(?![\w-]))[A-Z]{{2,3}}(?![\w-]))"
    rf")"
)
# The Eerste Kamer's dossiers named by a Roman number only: "Kamerstukken I 2019/20, CII, E".
_ROMAN_DOSSIER_RE = re.compile(rf"(?:(?P<keyword>{_KEYWORD})|\({_SESSION})(?P<roman>C[CDLXVI]{{0,5}})\s*,\s*"
                               rf"(?P<letter>{_LETTER})")
_EERSTE_KAMER = re.compile(r"\sI\b")
_NUMBER_RE = re.compile(r"\d+|\b[A-Z]{1,3}\b")
# Where those two can start: "Kamerstuk…", "(" or a dossier's first digit; "Kamerstuk…" or "(".
_CITATION_START = re.compile(r"[K(\d]")
_ROMAN_DOSSIER_START = re.compile("[K(]")
_KST_IDS = prefilter.Prefiltered(KST_ID_RE)
# The same id without "kst-" after "nr.", as a committee writes its letter's number: "nr. 31700-XIV-38/2008D21134".
_NUMBERED_ID = prefilter.Prefiltered(re.compile(
    r"(?<![\w-])nr\.\s*(\d{5})(?:-(\d{1,3}))?(?:-([IVXLC]{1,6}[AB]?|[A-Z]))?-(\d{1,5})(?![\w-])"))


def find_references(
    text: str,
    page_starts: list[int] | None = None,
    footnotes: list[str] = (),
    footnote_pages: list[int | None] = (),
    own: str | None = None,
) -> list[Reference]:
    """One Reference per cited Kamerstuk, at its first citation; the body before the footnotes."""
    found: dict[str, Reference] = {}
    for ref in _citations(text):
        ref.page = page_of(ref.start, page_starts)
        found.setdefault(ref.kamerstuk, ref)
    for index, note in enumerate(footnotes):
        for ref in _citations(note):
            ref.footnote = index
            ref.page = footnote_pages[index] if index < len(footnote_pages) else None
            found.setdefault(ref.kamerstuk, ref)
    found.pop(own or "", None)
    return list(found.values())


def _citations(text: str) -> list[Reference]:
    """Every citation in `text` in order of position; spans never overlap."""
    refs = [*_written_citations(text), *_roman_citations(text), *_kst_ids(text)]
    refs.sort(key=lambda r: r.start)
    kept, end = [], -1
    for ref in refs:
        if ref.start >= end or ref.start < 0:
            kept.append(ref)
            end = max(end, ref.end)
    return kept


def _matches(pattern: re.Pattern, starts: re.Pattern, text: str):
    """What pattern.finditer(text) finds, tried only where `starts` says a match can begin.

    finditer tries the pattern at every character; these patterns open with optional parts and a
    look-behind, which keeps re from skipping ahead by itself, and most characters of a letter can start none.
    """
    position = 0
    while (start := starts.search(text, position)) is not None:
        match = pattern.match(text, start.start())
        if match:
            yield match
            position = match.end()  # never empty: a dossier or a keyword is in every match
        else:
            position = start.start() + 1


def _written_citations(text: str):
    for m in _matches(_CITATION_RE, _CITATION_START, text):
        numbers_group = next(group for group in ("numbers", "bare", "letter", "letters") if m.group(group))
        if numbers_group == "bare" and not m.group("keyword"):
            continue  # "27 925, 963" needs "Kamerstuk" before it to be a citation
        if numbers_group == "letters" and not _EERSTE_KAMER.search(m.group("keyword") or ""):
            continue  # "30 880 AA" only where the keyword names the Eerste Kamer: "Kamerstuk 36 200 XIII NL" is none
        if numbers_group == "letter" and not (m.group("keyword") or m.group("open")):
            continue  # "32 637, E" likewise, or at least a bracket: "(32 637, E)"
        dossiers = [
            (dossier_id(d.group(1), d.group(2), d.group(3)), m.start("dossiers") + d.start(),
             m.start("dossiers") + d.end())
            for d in DOSSIER_RE.finditer(m.group("dossiers"))
        ]
        numbers = [
            (n.group(), m.start(numbers_group) + n.start(), m.start(numbers_group) + n.end())
            for n in _NUMBER_RE.finditer(m.group(numbers_group))
        ]
        yield from _pair(text, m.start(), m.end(), dossiers, numbers)


def _pair(text, start, end, dossiers, numbers):
    """Each dossier with each number, spans cut so that they do not overlap.

    "Kamerstuk 27 925, nrs. 723, 727 en 746": the first span runs from "Kamerstuk"
    to "723", the others cover their number. "Kamerstukken 36 200 X en 32 761, nr. 51":
    the first dossier's span ends after "X", the last runs to the number.
    """
    last = len(dossiers) - 1
    for i, (dossier, d_start, d_end) in enumerate(dossiers):
        for j, (number, n_start, n_end) in enumerate(numbers):
            if i < last:
                span = (start if i == 0 else d_start, d_end) if j == 0 else (-1, -1)
            elif j == 0:
                span = (start if i == 0 else d_start, n_end)
            else:
                span = (n_start, n_end)
            yield _reference(dossier, number, text, *span)


def _roman_citations(text: str):
    for m in _matches(_ROMAN_DOSSIER_RE, _ROMAN_DOSSIER_START, text):
        yield _reference(m.group("roman"), m.group("letter"), text, m.start(), m.end())


def _kst_ids(text: str):
    for m in itertools.chain(_KST_IDS.finditer(text), _NUMBERED_ID.finditer(text)):
        number = m.group(4).upper() if m.group(4).isalpha() else m.group(4)
        yield _reference(dossier_id(m.group(1), m.group(2), m.group(3)), number, text, m.start(), m.end())


def _reference(dossier: str, number: str, text: str, start: int, end: int) -> Reference:
    return Reference(
        kamerstuk=f"{dossier}-{number}",
        dossier=dossier,
        number=number,
        text=text[start:end] if start >= 0 else "",
        start=start,
        end=end,
    )
