"""The ruled tables on chosen pages of a PDF, through pdfplumber's table finder.

pdfplumber finds a table's cells from its ruling lines (`Page.find_tables`), which the fast text reader
cannot; it is many times slower, so it reads only the pages asked for, and the page after one whose table
runs to the foot of the page, where the table may go on. A slot that pdfplumber leaves empty (None) is
covered by a merged cell: the cell whose box holds the slot's middle is found by its geometry, so a cell
merged across columns and one merged down rows are both spread over every slot they cover.
"""

from __future__ import annotations

import pdfplumber
from pdfminer.psexceptions import PSException
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from .grids import Cell, Grid, cell_text

# What pdfminer, stricter than PDFium, raises on a damaged file (its own errors also subclass these builtins).
_UNREADABLE = (PdfminerException, MalformedPDFException, PSException, ValueError, KeyError, TypeError)

# A table whose top lies above this share of the page height starts at the top (after a running header);
# one whose foot lies below the other share ends at the foot.
_TOP_SHARE, _FOOT_SHARE = 0.3, 0.7


def read_tables(path: str, pages: list[int]) -> list[Grid]:
    """The tables on `pages` (1-based) and on the pages their tables run on to, in page order.

    The fast reader has read the whole text by now; a page pdfplumber cannot parse (its own parser is stricter
    than PDFium's) costs the tables from there on, never the document."""
    grids: list[Grid] = []
    try:
        _read(path, pages, grids)
    except _UNREADABLE:
        pass  # the tables read before it are kept
    return grids


def _read(path: str, pages: list[int], grids: list[Grid]) -> None:
    with pdfplumber.open(path) as pdf:
        wanted, read = sorted(set(pages)), set()
        while wanted:
            number = wanted.pop(0)
            if number in read or not 1 <= number <= len(pdf.pages):
                continue
            read.add(number)
            page = pdf.pages[number - 1]
            found = [_grid(table, number, page.height) for table in page.find_tables()]
            page.close()
            continues = number - 1 in read and grids and found and _runs_on(grids[-1], found[0])
            if found and found[-1].at_foot and (number in pages or continues) and number + 1 not in read:
                wanted.insert(0, number + 1)
            grids.extend(found)


def _runs_on(before: Grid, after: Grid) -> bool:
    """The shape of a table going on over a page break: at the foot of one page, at the top of the next."""
    return before.at_foot and after.at_top and before.columns == after.columns


def _grid(table, page_number: int, page_height: float) -> Grid:
    texts = table.extract()
    boxes = [row.cells for row in table.rows]
    origins = {box: (r, c) for r, row in enumerate(boxes) for c, box in enumerate(row) if box is not None}
    text_of = {box: texts[r][c] for box, (r, c) in origins.items()}
    x0, top, x1, bottom = table.bbox
    # pdfplumber's columns and rows begin at the distinct left and top edges of the cells.
    lefts = sorted({box[0] for box in table.cells}) + [x1]
    tops = sorted({box[1] for box in table.cells}) + [bottom]
    rows = []
    for r, row in enumerate(boxes):
        cells = []
        for c, box in enumerate(row):
            if box is None:
                middle = ((lefts[c] + lefts[c + 1]) / 2, (tops[r] + tops[r + 1]) / 2)
                box = next((b for b in origins if _holds(b, middle)), None)
            cells.append(Cell(cell_text(text_of[box]), origins[box]) if box else Cell("", (r, c)))
        rows.append(cells)
    return Grid(rows=rows, pages=[page_number] * len(rows), at_top=top < _TOP_SHARE * page_height,
                at_foot=bottom > _FOOT_SHARE * page_height)


def _holds(box, point) -> bool:
    x0, top, x1, bottom = box
    return x0 <= point[0] <= x1 and top <= point[1] <= bottom
