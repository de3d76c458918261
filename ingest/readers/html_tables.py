"""The tables of a web page: `<table>` with its rows and cells, `colspan` and `rowspan` kept.

A table inside a cell is a table of its own; its text stays in the outer cell too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

from .grids import Grid, from_spans

_SKIPPED = {"script", "style", "noscript", "template", "svg"}
# Inside a cell these start a new line of it.
_LINE_BREAKS = {"br", "p", "div", "li"}


def table_grids(html: str) -> list[Grid]:
    if "<table" not in html.lower():
        return []
    parser = _Tables()
    parser.feed(html)
    parser.close()
    return parser.grids


@dataclass
class _Table:
    rows: list[list[tuple[str, int | None, int, int]]] = field(default_factory=list)
    cell: list[str] | None = None  # the text of the open cell
    spans: tuple[int, int] = (1, 1)


class _Tables(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.grids: list[Grid] = []
        self._open: list[_Table] = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIPPED:
            self._skipping += 1
            return
        if tag == "table":
            self._open.append(_Table())
            return
        if not self._open:
            return
        table = self._open[-1]
        if tag == "tr":
            self._close_cell(table)
            table.rows.append([])
        elif tag in ("td", "th"):
            self._close_cell(table)
            if not table.rows:
                table.rows.append([])
            values = dict(attrs)
            table.cell, table.spans = [], (_span(values.get("colspan")), _span(values.get("rowspan")))
        elif tag in _LINE_BREAKS and table.cell is not None:
            table.cell.append("\n")

    def handle_endtag(self, tag):
        if tag in _SKIPPED:
            self._skipping = max(0, self._skipping - 1)
            return
        if not self._open:
            return
        table = self._open[-1]
        if tag in ("td", "th", "tr"):
            self._close_cell(table)
        elif tag == "table":
            self._close_cell(table)
            self._open.pop()
            if table.rows:
                self.grids.append(from_spans([row for row in table.rows if row]))

    def handle_data(self, data):
        if self._skipping:
            return
        for table in self._open:  # an inner table's text belongs to the outer cell as well
            if table.cell is not None:
                table.cell.append(data)

    def close(self):
        super().close()
        while self._open:
            self.handle_endtag("table")

    @staticmethod
    def _close_cell(table: _Table) -> None:
        if table.cell is None:
            return
        lines = "".join(table.cell).split("\n")
        text = "\n".join(" ".join(line.split()) for line in lines if line.strip())
        colspan, rowspan = table.spans
        table.rows[-1].append((text, None, colspan, rowspan))
        table.cell = None


def _span(value: str | None) -> int:
    try:
        return max(int(value or 1), 1)
    except ValueError:
        return 1
