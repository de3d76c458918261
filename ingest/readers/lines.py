"""What every reader hands to the layout step: pages of positioned lines.

A PDF gives real positions; plain text, HTML, XML and DOCX give one line per
line or paragraph, positioned by count, so one layout step serves all of them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .grids import Grid


@dataclass
class Line:
    text: str
    top: float  # distance from the top of the page, growing downwards
    bottom: float
    x0: float = 0.0
    x1: float = 0.0
    size: float = 0.0  # font size; 0 when the source has none
    # The reader knows this line opens a paragraph (a blank line, a <p>, a DOCX paragraph).
    starts_paragraph: bool = False
    # The text resumes here after something that interrupted it (a footnote block).
    resumes: bool = False


@dataclass
class Page:
    lines: list[Line]
    width: float = 0.0
    height: float = 0.0


@dataclass
class Known:
    """Metadata a structured source states outright, so nothing has to be inferred."""

    dossiers: list[str] = field(default_factory=list)
    number: str | None = None
    date: dt.date | None = None
    title: str | None = None
    kind: str | None = None
    dossier_titles: dict[str, str] = field(default_factory=dict)


@dataclass
class RawDocument:
    pages: list[Page]
    source_type: str  # pdf, txt, html, xml, docx
    # Sources that mark footnotes (XML, DOCX) give them here; for PDF and text the
    # layout step finds them.
    footnotes: list[str] = field(default_factory=list)
    # Leading lines a structured source marks as the header block (title, dossier, date).
    header: list[str] = field(default_factory=list)
    known: Known = field(default_factory=Known)
    # The tables of a structured source (XML, HTML); a PDF's are read apart, only on the pages that need it.
    tables: list[Grid] = field(default_factory=list)
