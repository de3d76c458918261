"""Read plain text: one line per line, a blank line between paragraphs.

Text saved from a PDF often keeps its page breaks, as a form feed or as a line
that opens with a single space where the next page began; both become pages, so
that page numbers and sentences broken over a page come out right.
"""

from __future__ import annotations

import itertools
import re

from .lines import Line, Page, RawDocument

# A line indented by exactly one space, where most lines are not: a page began there.
_PAGE_START_RE = re.compile(r"^ (?=\S)")
# Page-start lines are a minority; in text indented throughout they mean nothing.
_MAX_PAGE_START_SHARE = 0.2


def read_text(text: str) -> RawDocument:
    return RawDocument(pages=[_page(chunk) for chunk in _page_chunks(text)], source_type="txt")


def _page_chunks(text: str) -> list[list[str]]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    pages = []
    for sheet in text.split("\f"):
        lines = sheet.split("\n")
        filled = [line for line in lines if line.strip()]
        starts = [i for i, line in enumerate(lines) if i and _PAGE_START_RE.match(line)]
        if filled and len(starts) > _MAX_PAGE_START_SHARE * len(filled):
            starts = []
        bounds = [0, *starts, len(lines)]
        pages.extend(lines[a:b] for a, b in itertools.pairwise(bounds))
    return [page for page in pages if any(line.strip() for line in page)] or [[]]


def _page(raw_lines: list[str]) -> Page:
    lines, blank_before = [], False
    for number, raw in enumerate(raw_lines):
        if not raw.strip():
            blank_before = True
            continue
        text = raw.rstrip()
        indent = len(text) - len(text.lstrip())
        lines.append(
            Line(text=text, top=number, bottom=number + 1, x0=indent, x1=len(text), starts_paragraph=blank_before)
        )
        blank_before = False
    return Page(lines=lines, width=max((line.x1 for line in lines), default=0), height=len(raw_lines))
