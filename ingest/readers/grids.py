"""A table as a reader finds it: rows of cells, each merged cell spread over every slot it covers.

PDF, XML and HTML describe tables differently (ruling lines, CALS `<entry namest morerows>`, `colspan` and
`rowspan`); each reader turns its own into a Grid, so that one step reads the tables of all of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# A word broken at a line end: "informa-" + "tie". A capital after the hyphen keeps it: "Noord-" + "Holland".
_BROKEN_WORD_RE = re.compile(r"(?<=[a-zà-ÿ])-\n(?=[a-zà-ÿ])")
# A cell spans at most this many columns, however many a file claims; rows no further than the table's last.
MAX_COLSPAN = 50


@dataclass
class Cell:
    text: str
    # The slot (row, column) where the cell begins: its own for a plain cell, the first slot of a merged one.
    origin: tuple[int, int]


@dataclass
class Grid:
    rows: list[list[Cell]]
    pages: list[int | None] = field(default_factory=list)  # the page each row stands on; None without pages
    # A PDF table that starts at the top of its page or ends at its foot may run on over a page break.
    at_top: bool = False
    at_foot: bool = False

    @property
    def columns(self) -> int:
        return max((len(row) for row in self.rows), default=0)


def cell_text(text: str | None) -> str:
    """A cell's lines as one text: words broken at a line end joined again, the other lines with a space."""
    if not text:
        return ""
    return " ".join(_BROKEN_WORD_RE.sub("", text).split())


def from_spans(rows: list[list[tuple[str, int | None, int, int]]], pages: list[int | None] | None = None) -> Grid:
    """A Grid from rows of (text, column or None for the next free one, columns spanned, rows spanned)."""
    taken: dict[tuple[int, int], Cell] = {}
    width = 0
    for r, row in enumerate(rows):
        column = 0
        for text, start, colspan, rowspan in row:
            if start is None:
                while (r, column) in taken:
                    column += 1
                start = column
            cell = Cell(cell_text(text), (r, start))
            colspan = min(max(colspan, 1), MAX_COLSPAN)
            for dr in range(min(max(rowspan, 1), len(rows) - r)):
                for dc in range(colspan):
                    taken.setdefault((r + dr, start + dc), cell)
            column = start + colspan
            width = max(width, column)
    height = len(rows)
    grid_rows = [[taken.get((r, c)) or Cell("", (r, c)) for c in range(width)] for r in range(height)]
    return Grid(rows=grid_rows, pages=pages or [None] * height)
