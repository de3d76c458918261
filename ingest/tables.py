"""The ministries' own lists of promises: tables of toezeggingen in budget annexes and progress letters.

A table is one when its header names a promise column ("Toezegging", "Motie/toezegging", "Omschrijving
toezegging") and a column saying where it was made or how far it is ("Vindplaats", "Kamerstuk", "Stand van
zaken", "Status", "Planning", "Afgedaan"). Each of its rows becomes a TableRow: the promise in the ministry's
words, where it was made (resolved by `ingest.vindplaats`), the ministry's status (`ingest.stated_status`) and
its planning with a due date (`ingest.deadlines`), and the row itself as evidence.

A PDF's tables are read by pdfplumber only on the pages whose text, already read by the fast reader, holds
such a header; XML and HTML hand over their tables with the text. Rows are joined where the table joins
them: a row broken over a page (its rest at the top of the next page, without a number of its own or
going on in lower case), cells merged down rows, lines within a cell.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .deadlines import find_due
from .model import Commitment, TableRow
from .patterns import MONTHS
from .readers.grids import Cell, Grid
from .readers.lines import RawDocument
from .references import find_references
from .stated_status import OPEN, stated_status
from .vindplaats import resolve_vindplaats, tk_number

NUMBER, PROMISE, SOURCE, DATE, STATUS, PLANNING, MINISTRY, OTHER = (
    "nummer", "toezegging", "vindplaats", "datum", "status", "planning", "ministerie", "anders")
# What a column heading says the column holds; the first that fits wins ("Datum toezegging" is a date,
# "Status toezegging" a status, "Vindplaats toezegging" a vindplaats).
_HEADINGS = [
    (STATUS, r"stand\s+van\s+zaken|status|afgedaan|voortgang|^stand\b|uitvoering"),
    (PLANNING, r"planning|termijn|deadline|afronding|afdoening|verwacht"),
    (SOURCE, r"vindplaats|kamerstuk|\bbron\b|gedaan\s+(?:in|tijdens|bij)|debat|overleg"),
    (DATE, r"\bdatum\b"),
    (NUMBER, r"^(?:nr|nummer|no|volgnummer|kenmerk|tz)\b|^#$"),
    (MINISTRY, r"ministerie|bewindspersoon|verantwoordelijk|departement"),
    (PROMISE, r"toezegging|motie"),
]
_HEADINGS_RE = [(role, re.compile(pattern, re.IGNORECASE)) for role, pattern in _HEADINGS]
# Besides the promise, a table of toezeggingen has one of these.
_TELLING_ROLES = {SOURCE, STATUS, PLANNING}
# In the text the fast reader gives, a header looks like this: a short line naming the promise column and,
# beside it or just below it, one naming where it was made or how far it is.
_PROMISE_HEADING_RE = re.compile(r"\btoezegging|\bmotie", re.IGNORECASE)
_OTHER_HEADING_RE = re.compile(r"vindplaats|kamerstuk|stand\s+van|\bstatus|planning|afgedaan", re.IGNORECASE)
_HEADER_LINE_CHARS = 60
# A column heading is a few words ("Omschrijving van de toezegging", "Stand van zaken en planning").
_HEADING_WORDS = 6
# How many rows of a table may stand above its header (a title, the name of a part).
_HEADER_SEARCH_ROWS = 3
# A heading of a part of a table, set in the promise column: "Openstaande toezeggingen".
_SECTION_IN_PROMISE_COLUMN_RE = re.compile(r"\b(?:toezeggingen|moties)\b", re.IGNORECASE)
_MOTION_RE = re.compile(r"^\W*(?:gewijzigde\s+|aangehouden\s+)?motie\b", re.IGNORECASE)
# "de voortgangsbrief van mei 2024": in a planning the month named after "van" is when it comes.
_OF_A_PERIOD_RE = re.compile(rf"\bvan(?=\s+(?:{'|'.join(MONTHS)}|het\s+(?:voorjaar|najaar)|de\s+zomer)\b)",
                             re.IGNORECASE)
# A sentence of the text engine that stands in a table row is that row: the row says more about it.
_SAME_TEXT_SHARE = 0.8
# On a PDF page, the sentence is compared with all of the page's rows, so it has to be nearly all theirs.
_PAGE_TEXT_SHARE = 0.9


def candidate_pages(raw: RawDocument) -> list[int]:
    """The pages (1-based) whose text has the header of a table of toezeggingen."""
    found = []
    for number, page in enumerate(raw.pages, start=1):
        for line in page.lines:
            if len(line.text) > _HEADER_LINE_CHARS or not _PROMISE_HEADING_RE.search(line.text):
                continue
            reach = 2.5 * max(line.size, line.bottom - line.top, 1)
            band = " ".join(other.text for other in page.lines if abs(other.top - line.top) <= reach)
            if _OTHER_HEADING_RE.search(band):
                found.append(number)
                break
    return found


def read_promise_tables(path: str, raw: RawDocument, date: dt.date | None) -> list[TableRow]:
    """Every row of every table of toezeggingen in the document, in order."""
    if raw.source_type == "pdf":
        pages = candidate_pages(raw)
        if not pages:
            return []
        from .readers.pdf_tables import read_tables  # only a document with such a table pays for loading pdfplumber

        grids = read_tables(path, pages)
    else:
        grids = raw.tables
    return promise_rows(grids, date)


def promise_rows(grids: list[Grid], date: dt.date | None) -> list[TableRow]:
    """The rows of the tables of toezeggingen among `grids`, a table running on over pages read as one."""
    return [row for table in _tables(grids) for row in _table_rows(table, date)]


def outside_tables(commitments: list[Commitment], rows: list[TableRow]) -> list[Commitment]:
    """The commitments that are not the text of table rows read again as sentences.

    XML and HTML give each cell as a paragraph of its own, so such a sentence stands in one row. A PDF's text
    runs the cells of a row together and on into the rows below, so there a sentence made almost only of the
    words of the rows on its page (or of the rows running on from it) is the table's."""
    if not rows:
        return commitments
    row_words = [_words(" ".join(text for _, text in row.cells)) for row in rows]
    kept = []
    for commitment in commitments:
        words = _words(commitment.text)
        if commitment.page is not None and any(row.page is not None for row in rows):
            on_page = set().union(*(w for w, row in zip(row_words, rows, strict=True) if row.page in (commitment.page,
                                                                                          commitment.page + 1)))
            inside = len(words & on_page) >= _PAGE_TEXT_SHARE * len(words)
        else:
            inside = any(len(words & row) >= _SAME_TEXT_SHARE * len(words) for row in row_words)
        if not (words and inside):
            kept.append(commitment)
    return kept


@dataclass
class _Table:
    roles: list[str]
    headings: list[str]
    last: Grid
    # Each row's cells (their origins made unique over the table's grids), its page, and whether it is the
    # first row after a page break.
    rows: list[tuple[list[Cell], int | None, bool]] = field(default_factory=list)
    grids: int = 0

    def add(self, grid: Grid, start: int, after_break: bool) -> None:
        index = self.grids
        self.grids += 1
        self.last = grid
        for r in range(start, len(grid.rows)):
            cells = [Cell(cell.text, (index, *cell.origin)) for cell in grid.rows[r]]
            self.rows.append((cells, grid.pages[r] if r < len(grid.pages) else None, after_break and r == start))


def _tables(grids: list[Grid]) -> list[_Table]:
    tables: list[_Table] = []
    current: _Table | None = None
    for grid in grids:
        header = _header_row(grid)
        if current and _runs_on(current.last, grid) and (
                header is None or _texts(grid.rows[header]) == current.headings):
            current.add(grid, header + 1 if header is not None else 0, after_break=True)
            continue
        if header is None:
            current = None
            continue
        headings = _texts(grid.rows[header])
        current = _Table(roles=[_role(h) for h in headings], headings=headings, last=grid)
        current.add(grid, header + 1, after_break=False)
        tables.append(current)
    return tables


def _header_row(grid: Grid) -> int | None:
    for r, row in enumerate(grid.rows[:_HEADER_SEARCH_ROWS]):
        if any(len(cell.text.split()) > _HEADING_WORDS for cell in row):
            continue
        roles = {_role(cell.text) for cell in row}
        if len(row) >= 2 and PROMISE in roles and roles & _TELLING_ROLES:
            return r
    return None


def _role(heading: str) -> str:
    heading = heading.strip()
    return next((role for role, pattern in _HEADINGS_RE if pattern.search(heading)), OTHER) if heading else OTHER


def _runs_on(before: Grid, after: Grid) -> bool:
    """A table at the foot of one page going on at the top of the next, in as many columns."""
    return (before.at_foot and after.at_top and before.columns == after.columns and bool(before.pages)
            and bool(after.pages) and before.pages[-1] is not None and after.pages[0] == before.pages[-1] + 1)


@dataclass
class _Row:
    """One promise's row, perhaps made of several rows of the grid; each column's parts with their origins."""

    page: int | None
    section: str
    parts: list[list[tuple[tuple, str]]]

    def join(self, cells: list[Cell]) -> None:
        for column, cell in enumerate(cells):
            kept = self.parts[column]
            if cell.text and all(origin != cell.origin for origin, _ in kept):
                kept.append((cell.origin, cell.text))

    def text(self, column: int) -> str:
        return " ".join(text for _, text in self.parts[column])

    def origin(self, column: int):
        return self.parts[column][0][0] if self.parts[column] else None


def _rows(table: _Table) -> list[_Row]:
    rows: list[_Row] = []
    section = ""
    promise = table.roles.index(PROMISE)
    numbers = [c for c, role in enumerate(table.roles) if role == NUMBER]
    for cells, page, after_break in table.rows:
        texts = _texts(cells)
        if not any(texts) or texts == table.headings:
            continue  # an empty row, or the header repeated on a page it runs on to
        if rows and _goes_on(cells, rows[-1], promise, numbers, after_break):
            rows[-1].join(cells)
            continue
        if _is_section(cells, promise):
            section = next(text for text in texts if text)
            continue
        row = _Row(page=page, section=section, parts=[[] for _ in cells])
        row.join(cells)
        rows.append(row)
    return rows


def _goes_on(cells: list[Cell], before: _Row, promise: int, numbers: list[int], after_break: bool) -> bool:
    """The row is the rest of the row before: its promise cell merged with that one, or a row's rest at the top of
    the next page, or a row without promise and number, which is no promise of its own."""
    cell = cells[promise]
    if cell.text and cell.origin == before.origin(promise):
        return True
    unnumbered = bool(numbers) and not any(cells[c].text for c in numbers)
    if after_break and (unnumbered and any(before.text(c) for c in numbers) or cell.text[:1].islower()):
        return True
    return not cell.text and (unnumbered or not numbers) and not _is_section(cells, promise)


def _is_section(cells: list[Cell], promise: int) -> bool:
    """A heading over part of the table: one cell across the whole row, one text alone in the first column (left
    of the promise), or a heading naming toezeggingen in the promise column ("Afgedane toezeggingen"). A text alone
    further right is the rest of the row above."""
    if len({cell.origin for cell in cells}) == 1:
        return True
    filled = [c for c, cell in enumerate(cells) if cell.text]
    if len(filled) != 1:
        return False
    text = cells[filled[0]].text
    if filled[0] == promise:
        return len(text.split()) <= 5 and bool(_SECTION_IN_PROMISE_COLUMN_RE.search(text))
    return filled[0] == 0


def _table_rows(table: _Table, date: dt.date | None) -> list[TableRow]:
    found = []
    for row in _rows(table):
        values: dict[str, str] = {}
        for column, role in enumerate(table.roles):
            text = row.text(column)
            if text:
                values[role] = f"{values[role]} {text}" if role in values else text
        text = values.get(PROMISE, "")
        if not text:
            continue
        vindplaats = " ".join(part for part in (values.get(DATE, ""), values.get(SOURCE, "")) if part)
        where = resolve_vindplaats(vindplaats)
        # A motion in a table without a vindplaats cites its own number.
        cited = where if vindplaats else resolve_vindplaats(text)
        status_text, planning = values.get(STATUS, ""), values.get(PLANNING, "")
        status = stated_status(status_text, row.section)
        due = _due(planning, date) or (_due(status_text, date) if status == OPEN else None)
        cells = [[heading, row.text(column)] for column, heading in enumerate(table.headings) if row.text(column)]
        found.append(TableRow(
            text=text,
            page=row.page,
            vindplaats=vindplaats,
            kamerstuk=cited.kamerstuk,
            handelingen=cited.handelingen,
            promised_on=where.promised_on,
            tk_number=tk_number(values.get(NUMBER, "")) or where.tk_number or tk_number(text),
            kind="motie" if _MOTION_RE.match(text) else "toezegging",
            status=status,
            status_text=status_text,
            planning=planning,
            due=due.date if due else None,
            due_text=due.text if due else None,
            precision=due.precision if due else "geen",
            fulfilled_by=[r.kamerstuk for r in find_references(status_text)] if status != OPEN else [],
            section=row.section,
            ministry=values.get(MINISTRY, ""),
            cells=cells,
        ))
    return found


def _due(text: str, date: dt.date | None):
    if not text:
        return None
    return find_due(text, date) or find_due(_OF_A_PERIOD_RE.sub("   ", text), date)


def _texts(cells: list[Cell]) -> list[str]:
    return [cell.text for cell in cells]


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))
