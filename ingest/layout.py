"""From pages of lines to body text: furniture, header block and footnotes taken out.

The steps, each on the lines a reader produced:
1. furniture: running headers and footers ("Tweede Kamer, vergaderjaar 2023–2024,
   27 925, nr. 960 2"), "Pagina 2 van 3", bare page numbers, lines repeated at the
   top or foot of most pages, and the letterhead's side column;
2. the header block that opens the first page (chamber, session, dossier, "Nr. 960",
   addressee, place and date), kept apart for the metadata; a news item's stamp
   ("date 2023-11 Kabinet ...") stays in the text, as the date its deadlines count from;
3. footnotes: smaller type at the foot of a page, or, where the type is the same,
   a line "3 Kamerstuk ..." whose number follows the previous footnote's and whose
   mark ("projecten3") stands in the text before it;
4. paragraphs: a vertical gap, a blank line or a heading ends one; the lines of a
   paragraph are joined and words hyphenated at a line end rejoined;
5. pages joined with a blank line, except where a sentence runs on over the break.
"""

from __future__ import annotations

import bisect
import itertools
import re
import statistics
from dataclasses import dataclass, field, replace

from . import cleanup
from .patterns import (
    DATE,
    ADDRESSEE_RE,
    CHAMBER_RE,
    COLOPHON_RE,
    DOSSIER_LINE_RE,
    DOSSIER_TITLE_RE,
    LETTERHEAD_FIELD_RE,
    LIST_ITEM_RE,
    OWN_NUMBER_RE,
    PAGE_NUMBER_RE,
    PAGE_OF_RE,
    PAPER_KIND_RE,
    PLACE_DATE_RE,
    PUBLICATION_TABLE_RE,
    ROMAN_DOSSIER_RE,
    TABLE_FURNITURE_RE,
    RUNNING_HEADER_RE,
    SALUTATION_RE,
    SESSION_RE,
    VASTGESTELD_RE,
)
from .readers.lines import Line, RawDocument

PARAGRAPH_BREAK = "\n\n"
# Where the header block may end: a salutation further down than this is part of the body.
_HEADER_SEARCH_LINES = 40
_TITLE_WRAPS = 10  # a dossier title runs over at most this many further lines (a long bill's: eight)
# A copy that lost the header's line breaks runs it into one line: "Tweede Kamer der Staten-Generaal 2Vergaderjaar
# 2014–2015 26 488Behoeftestelling … Nr. 376 BRIEF VAN DE MINISTER … Aan de Voorzitter … Den Haag, 18 februari 2015 …".
# The header's parts start where these do; the body starts after the place and date.
_FOLDED_HEADER_RE = re.compile(r"(?:Tweede|Eerste)\s+Kamer\s+der\s+Staten-Generaal\b.{0,400}?\bNr\.\s*\d+\s+[A-Z]{4}",
                               re.IGNORECASE)
_FOLDED_PARTS_RE = re.compile(rf"Vergaderjaar\s+\d{{4}}|(?<=\d{{4}})\s*\d{{2}}\s\d{{3}}\D|\bNr\.\s*\d+\s+[A-Z]{{4}}|"
                              rf"\bAan\s+de\s+Voorzitter\b|\b(?:Den\s+Haag|'s-Gravenhage),\s+{DATE}\s*")
_FOLDED_DOSSIER_RE = re.compile(r"^(\d{2}\s\d{3})(?=[A-Z][a-z])")  # "26 488Behoeftestelling"
_FOLDED_SESSION_RE = re.compile(r"^(Vergaderjaar\s+\d{4})\s*[^\d\s]{1,2}\s*(\d{4})")
# Footnote type is at most this share of the body type.
_FOOTNOTE_SIZE = 0.88
# A vertical gap of more than this many line pitches separates paragraphs.
_PARAGRAPH_GAP = 1.5
# A line shorter than this share of the text width ends early: a heading or a last line.
_SHORT_LINE = 0.6
# The letterhead's side column starts right of this share of the page width.
_SIDE_COLUMN = 0.62
_REPEATED_SHARE = 0.5
# A paragraph of at most this many words without a full stop may be a heading.
_HEADING_WORDS = 10
_FOOTNOTE_START_RE = re.compile(r"^(\d{1,3})(?:\s+|(?=[A-Z]))(?=[A-Z\u00c0-\u00dd“\"'(h])")


# A salutation line longer than this holds the letter's text too ("Geachte Voorzitter, Hierbij stuur ik …").
_SALUTATION_CHARS = 40


# A published copy's links between its parts: "Naar boven", and "X Noot" over each footnote's number.
SITE_LINK_RE = re.compile(r"^(?:Naar\s+boven|X\s+Noot)$")


@dataclass
class Layout:
    text: str
    page_starts: list[int]
    header: list[str] = field(default_factory=list)
    # What a published copy puts before the paper's header: a page title, a publication table, menus.
    preamble: list[str] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)
    footnote_pages: list[int] = field(default_factory=list)
    furniture: list[str] = field(default_factory=list)


def page_of(offset: int, page_starts: list[int] | None) -> int | None:
    """The 1-based page on which `offset` in the text lies; None without pages or for an offset that is none (-1)."""
    if not page_starts or offset < 0:
        return None
    return max(1, bisect.bisect_right(page_starts, offset))


@dataclass
class _Block:
    """Consecutive lines of one page that belong together, and how the block begins."""

    lines: list[Line]
    # A page break, a footnote or a running header interrupted the text here: a sentence
    # that is still open runs on into this block.
    soft_start: bool = False


def lay_out(doc: RawDocument) -> Layout:
    for page in doc.pages:
        for line in page.lines:
            line.text = cleanup.normalise_characters(line.text)
    words = cleanup.lexicon(line.text for page in doc.pages for line in page.lines)
    furniture, pages = _remove_furniture(doc)
    header, preamble = list(doc.header), []
    if not header:
        header, preamble = _take_header(pages)
    footnotes, footnote_pages, body = _take_footnotes(doc, pages)
    pitch = _line_pitch(body)
    blocks = [_blocks(lines, pitch) for lines in body]
    text, page_starts = _assemble(blocks, words)
    footnotes = [_join_lines([line.text for line in lines], words) for lines in footnotes]
    return Layout(
        text=text,
        page_starts=page_starts,
        header=header,
        preamble=preamble,
        footnotes=[*doc.footnotes, *footnotes],
        footnote_pages=[None] * len(doc.footnotes) + footnote_pages,
        furniture=furniture,
    )


# 1. Furniture ---------------------------------------------------------------------------


def _remove_furniture(doc: RawDocument) -> tuple[list[str], list[list[Line]]]:
    furniture: list[str] = []
    repeated = _repeated_edge_lines(doc) if doc.source_type == "pdf" else set()
    pages = []
    for number, page in enumerate(doc.pages, start=1):
        kept = []
        last = len(page.lines) - 1
        for i, line in enumerate(page.lines):
            text = line.text.strip()
            is_edge = i in (0, last)
            if (
                (RUNNING_HEADER_RE.match(text) and not _is_footnote(doc, page.lines, i))
                or COLOPHON_RE.match(text)
                or PAGE_OF_RE.match(text)
                or (doc.source_type == "pdf" and is_edge and _is_page_number(text, number))
                or (i < 3 or i > last - 3) and _shape(text) in repeated
                or _in_side_column(line, page)
                or SITE_LINK_RE.match(text)
            ):
                furniture.append(text)
            else:
                kept.append(line)
        pages.append(kept)
    return furniture, pages


def _is_footnote(doc: RawDocument, lines: list[Line], i: int) -> bool:
    """Whether a line with the shape of a running header is a footnote citing another Kamerstuk, as a mirror's copy
    sets its notes: "X Noot" and the note's number on lines of their own, then "Tweede Kamer, vergaderjaar
    2010–2011, 31 293, nr. 106"."""
    return doc.source_type != "pdf" and i > 0 and bool(_NOTE_NUMBER_RE.match(lines[i - 1].text.strip()))


_NOTE_NUMBER_RE = re.compile(r"^(?:X\s+Noot|\d{1,3})$")


def _is_page_number(text: str, page_number: int) -> bool:
    match = PAGE_NUMBER_RE.match(text)
    return bool(match) and abs(int(match.group(1)) - page_number) <= 2


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", text.strip().lower())


def _repeated_edge_lines(doc: RawDocument) -> set[str]:
    """Lines that open or close most pages, page numbers aside: letterhead furniture."""
    if len(doc.pages) < 3:
        return set()
    counts: dict[str, int] = {}
    for page in doc.pages:
        edges = {_shape(line.text) for line in page.lines[:2] + page.lines[-2:]}
        for shape in edges:
            if len(shape.replace("#", "").strip()) >= 4:
                counts[shape] = counts.get(shape, 0) + 1
    return {shape for shape, n in counts.items() if n >= max(3, _REPEATED_SHARE * len(doc.pages))}


def _in_side_column(line: Line, page) -> bool:
    """Letterhead side column: address, kenmerk, contact, far right of the body column."""
    return bool(page.width) and line.x0 >= _SIDE_COLUMN * page.width and line.size > 0


# 2. Header block ------------------------------------------------------------------------


_LONE_LETTER_RE = re.compile(r"[A-Z]{1,3}")


def _take_header(pages: list[list[Line]]) -> tuple[list[str], list[str]]:
    """Remove and return the lines that open the first page and name the paper, and what stands before them."""
    first = next((lines for lines in pages if lines), None)
    if first is None:
        return [], []
    _unfold_header(first)
    _join_wrapped_titles(first)
    _join_lone_letters(first)
    # A published copy may keep the header's table cells: "Vergaderjaar 2024-2025 |".
    texts = [line.text.strip().strip("|").strip() for line in first]
    found = _header_start(texts)
    start = found or 0
    salutation = next((i for i, t in enumerate(texts[:_HEADER_SEARCH_LINES]) if SALUTATION_RE.match(t)), None)
    if salutation is not None and salutation >= start:
        # "Geachte voorzitter," closes the header; a copy that runs the letter on in the same line keeps it as body
        end = salutation + 1 if len(texts[salutation]) <= _SALUTATION_CHARS else salutation
    else:
        end, after_number, after_dossier = start, False, False
        while end < len(texts):
            text = texts[end]
            if ((end == found and ROMAN_DOSSIER_RE.match(text)) or (after_number and _is_upper_title(text))
                    or after_dossier):
                after_dossier = False
                end += 1
                continue
            if not _is_header_line(text):
                break
            after_number = bool(OWN_NUMBER_RE.match(text))
            after_dossier = bool(DOSSIER_LINE_RE.match(text))
            end += 1
    header, preamble = texts[start:end], texts[:start]
    del first[:end]
    return header, preamble


def _join_wrapped_titles(lines: list[Line]) -> None:
    """A long dossier title wraps in a typeset header ("35 300 VII Vaststelling van de begrotingsstaten van het
    Ministerie van" / "Binnenlandse Zaken … voor het jaar 2020" / "Nr. 113 BRIEF VAN …"): its lines become one,
    in place, so the header reads on to the paper's number."""
    index = 0
    while index < min(len(lines), _HEADER_SEARCH_LINES):
        text = lines[index].text.strip()
        # the title starts on the dossier's line, or on the next one under a dossier number alone ("35 388")
        if DOSSIER_TITLE_RE.match(text):
            title = index
        elif DOSSIER_LINE_RE.match(text) and index + 1 < len(lines) and not _is_header_line(lines[index + 1].text):
            title = index + 1
        else:
            title = None
        if title is not None:
            ahead = [line.text.strip() for line in lines[title + 1:title + 1 + _TITLE_WRAPS + 1]]
            next_part = next((k for k, text in enumerate(ahead)
                              if OWN_NUMBER_RE.match(text) or DOSSIER_TITLE_RE.match(text)
                              or DOSSIER_LINE_RE.match(text)), None)
            wrapped = ahead[:next_part] if next_part else []
            if wrapped and all(text and not _is_header_line(text) for text in wrapped):
                lines[title].text = " ".join([lines[title].text.strip(), *wrapped])
                del lines[title + 1:title + 1 + len(wrapped)]
        index += 1


def _join_lone_letters(lines: list[Line]) -> None:
    """An Eerste Kamer paper's letter on a line of its own above its kind ("C" / "MEMORIE VAN ANTWOORD") is put
    before the kind, in place, as the header's number line writes it ("C MEMORIE VAN ANTWOORD")."""
    for index in range(min(len(lines), _HEADER_SEARCH_LINES) - 1):
        letter, kind = lines[index].text.strip(), lines[index + 1].text.strip()
        if _LONE_LETTER_RE.fullmatch(letter) and PAPER_KIND_RE.match(kind):
            lines[index:index + 2] = [replace(lines[index], text=f"{letter} {kind}")]
            return


def _unfold_header(lines: list[Line]) -> None:
    """Give a header run into one line its line breaks back, in place; the body after it stays one line."""
    for index, line in enumerate(lines[:_HEADER_SEARCH_LINES]):
        folded = _FOLDED_HEADER_RE.search(line.text)
        if not folded:
            continue
        cuts = {folded.start(), len(line.text)}
        for part in _FOLDED_PARTS_RE.finditer(line.text, folded.start()):
            cuts.add(part.start() + len(part.group()) - len(part.group().lstrip()))
            if part.group().startswith(("Den", "'s-")):
                cuts.add(part.end())  # the body starts after the place and date
                break
        bounds = sorted(cuts | {0})
        parts = [line.text[a:b].strip() for a, b in itertools.pairwise(bounds)]
        parts = [_FOLDED_DOSSIER_RE.sub(r"\1 ", _FOLDED_SESSION_RE.sub(r"\1–\2", part)) for part in parts if part]
        lines[index:index + 1] = [replace(line, text=part, starts_paragraph=True) for part in parts]
        return


def _header_start(texts: list[str]) -> int | None:
    """Where the paper's own header begins, after any furniture a published copy puts before it.

    A header opens with the chamber and session, or with the dossier lines right above the paper's number, or
    with the number itself ("Nr. 60 BRIEF VAN …"); else it begins after a publication table; None when the first
    lines show none of these.
    """
    window = texts[:_HEADER_SEARCH_LINES]
    after_table = None
    for i, text in enumerate(window):
        if PUBLICATION_TABLE_RE.search(text) or TABLE_FURNITURE_RE.match(texts[i]):
            after_table = i + 1
            continue
        near = window[i + 1:i + 5]
        if CHAMBER_RE.match(text) and any(
                SESSION_RE.match(t) or DOSSIER_TITLE_RE.match(t) for t in near[:2]):
            return i
        opens_dossier = DOSSIER_TITLE_RE.match(text) or DOSSIER_LINE_RE.match(text) or ROMAN_DOSSIER_RE.match(text)
        if opens_dossier and (any(OWN_NUMBER_RE.match(t) for t in near) or _numbered_after_dossiers(window, i)):
            return i
        number = OWN_NUMBER_RE.match(text)
        if number and PAPER_KIND_RE.match(number.group("rest")):
            return i
    return after_table


def _numbered_after_dossiers(texts: list[str], start: int) -> bool:
    """Whether the dossier lines from `start` on ("35 334 Problematiek …", "33 576" / "Natuurbeleid", …, a paper in
    several dossiers) run on to the paper's number."""
    index = start
    while index < len(texts) and (DOSSIER_TITLE_RE.match(texts[index]) or DOSSIER_LINE_RE.match(texts[index])):
        index += 2 if DOSSIER_LINE_RE.match(texts[index]) else 1  # a bare dossier's title is on the next line
    return index > start and index < len(texts) and bool(OWN_NUMBER_RE.match(texts[index]))


def _is_header_line(text: str) -> bool:
    return any(
        pattern.match(text)
        for pattern in (
            CHAMBER_RE, SESSION_RE, DOSSIER_TITLE_RE, DOSSIER_LINE_RE, OWN_NUMBER_RE, ADDRESSEE_RE, PLACE_DATE_RE,
            VASTGESTELD_RE, LETTERHEAD_FIELD_RE,
        )
    )


def _is_upper_title(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


# 3. Footnotes ---------------------------------------------------------------------------


def _take_footnotes(doc: RawDocument, pages: list[list[Line]]):
    """Split each page's lines into body and footnotes (each a list of lines)."""
    body_size = _body_size(pages)
    footnotes: list[list[Line]] = []
    footnote_pages: list[int] = []
    body_pages = []
    recent_body = ""  # text of this and the previous page, where a footnote's mark stands
    for number, (lines, height) in enumerate(zip(pages, (page.height for page in doc.pages), strict=False), start=1):
        body: list[Line] = []
        page_text_before = recent_body
        current: list[Line] | None = None
        for line in lines:
            text = line.text.strip()
            start = _FOOTNOTE_START_RE.match(text)
            small = body_size and 0 < line.size <= _FOOTNOTE_SIZE * body_size
            expected = len(footnotes) + 1
            if start and int(start.group(1)) == expected and (
                small or _mark_stands_before(expected, page_text_before + " " + _text(body))
            ):
                current = [line]
                footnotes.append(current)
                footnote_pages.append(number)
                continue
            if current is not None and _continues_footnote(line, current, small):
                current.append(line)
                continue
            if current is not None:
                line.resumes = True
            elif small and footnotes and line.top > 0.5 * height:
                footnotes[-1].append(line)  # the previous page's footnote runs on
                continue
            current = None
            body.append(line)
        body_pages.append(body)
        recent_body = _text(body)
    return footnotes, footnote_pages, body_pages


def _continues_footnote(line: Line, footnote: list[Line], small: bool) -> bool:
    if small:
        return True
    if line.size and footnote[0].size and line.size > 1.05 * footnote[0].size:
        return False
    return not line.starts_paragraph and not _resumes(line) and not _gap_before(line, footnote[-1])


def _gap_before(line: Line, previous: Line) -> bool:
    pitch = max(previous.bottom - previous.top, 1.0)
    return line.top - previous.bottom > 0.9 * pitch


def _mark_stands_before(number: int, text: str) -> bool:
    return bool(re.search(rf"(?<!\d[.,])(?<=[^\W\d_]|[.,;:)\]’”\"']){number}(?=[\s.,;:)]|$)", text))


def _body_size(pages: list[list[Line]]) -> float:
    sizes = [round(line.size, 1) for lines in pages for line in lines if line.size > 0]
    return statistics.mode(sizes) if sizes else 0.0


def _text(lines: list[Line]) -> str:
    return " ".join(line.text for line in lines)


def _resumes(line: Line) -> bool:
    """The text resumes here after an interruption: a footnote, or a page break that
    text saved from a PDF marks with a line opening with one space."""
    return line.resumes or (line.text.startswith(" ") and not line.text.startswith("  "))


# 4. Paragraphs --------------------------------------------------------------------------


def _blocks(lines: list[Line], pitch: float) -> list[_Block]:
    blocks: list[_Block] = []
    width = _text_width(lines)
    for i, line in enumerate(lines):
        if i == 0 or _resumes(line):
            blocks.append(_Block([line], soft_start=True))
        elif _breaks_paragraph(lines[i - 1], line, pitch, width, opens_block=len(blocks[-1].lines) == 1,
                               before=lines[i - 2] if i > 1 else None):
            blocks.append(_Block([line]))
        else:
            blocks[-1].lines.append(line)
    return blocks


def _breaks_paragraph(previous: Line, line: Line, pitch: float, width: float, opens_block: bool,
                      before: Line | None) -> bool:
    text = line.text.strip()
    if line.starts_paragraph or LIST_ITEM_RE.match(text):
        return True
    if pitch and line.top - previous.top > _PARAGRAPH_GAP * pitch:
        return True
    return _is_heading(previous, width, opens_block, before) and text[:1].isupper()


def _is_heading(line: Line, width: float, opens_block: bool, before: Line | None) -> bool:
    """A short line that starts with a capital and stands on its own: a heading or a last line.

    A short line inside a sentence (a line wrapped early) follows a line that does not
    end a sentence, so it does not count.
    """
    text = line.text.strip()
    if not width or line.x1 - line.x0 >= _SHORT_LINE * width or not text[:1].isupper():
        return False
    if text.endswith(("-", ",", "(")):
        return False
    return opens_block or before is None or cleanup.ends_sentence(before.text)


def _line_pitch(pages: list[list[Line]]) -> float:
    """The usual distance from one line to the next, over the whole document."""
    steps = [b.top - a.top for lines in pages for a, b in itertools.pairwise(lines) if b.top > a.top]
    return statistics.median(steps) if steps else 0.0


def _text_width(lines: list[Line]) -> float:
    widths = sorted(line.x1 - line.x0 for line in lines)
    return widths[int(len(widths) * 0.8)] if widths else 0.0


def _join_lines(texts: list[str], words: set[str]) -> str:
    joined = ""
    for text in texts:
        text = text.strip()
        if not joined:
            joined = text
            continue
        left, separator = cleanup.join(joined, text, words)
        joined = left + separator + text
    return joined


# 5. Pages -------------------------------------------------------------------------------


def _assemble(pages: list[list[_Block]], words: set[str]) -> tuple[str, list[int]]:
    parts: list[str] = []  # paragraphs and separators, joined once at the end
    length = 0
    page_starts = []
    last_paragraph = ""
    for blocks in pages:
        page_start = None
        for block in blocks:
            paragraph = _join_lines([line.text for line in block.lines], words)
            if not paragraph:
                continue
            if parts:
                if block.soft_start and _runs_on(last_paragraph, paragraph):
                    # the sentence runs on: rejoin it, hyphenated word and all
                    kept, separator = cleanup.join(parts[-1], paragraph, words)
                    length -= len(parts[-1]) - len(kept)
                    parts[-1] = kept
                    last_paragraph += " " + paragraph
                else:
                    separator = PARAGRAPH_BREAK
                    last_paragraph = paragraph
                parts.append(separator)
                length += len(separator)
            else:
                last_paragraph = paragraph
            if page_start is None:
                page_start = length
            parts.append(paragraph)
            length += len(paragraph)
        page_starts.append(length if page_start is None else page_start)
    return "".join(parts), page_starts


def _runs_on(before: str, paragraph: str) -> bool:
    """Whether `paragraph` continues the sentence left open at the end of `before`.

    It does when no full stop ends `before` and `paragraph` starts in lower case, or
    `before` is running text rather than a short heading.
    """
    if cleanup.ends_sentence(before):
        return False
    return not paragraph[:1].isupper() or len(before.split(None, _HEADING_WORDS)) > _HEADING_WORDS
