"""The tables of an officielebekendmakingen publication: `<tabel>` in the CALS table model.

A `<tgroup>` names its columns in `<colspec colname=…>`; an `<entry>` stands in a column by `colname`, spans
columns from `namest` to `nameend` and `morerows` rows further down; its text is in `<al>` paragraphs.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from .grids import Grid, from_spans

# Inside a cell, footnotes are kept apart by the body reader; their text is no part of the cell.
_LEFT_OUT = {"noot", "noot.ref"}


def table_grids(root: Element) -> list[Grid]:
    return [_grid(tgroup) for tabel in root.iter("tabel") for tgroup in tabel.iter("tgroup")]


def _grid(tgroup: Element) -> Grid:
    names = [spec.get("colname") or f"col{i + 1}" for i, spec in enumerate(tgroup.findall("colspec"))]
    rows = []
    for part in ("thead", "tbody"):
        for row in tgroup.findall(f"{part}/row"):
            rows.append([_entry(entry, names) for entry in row.findall("entry")])
    return from_spans(rows)


def _entry(entry: Element, names: list[str]) -> tuple[str, int | None, int, int]:
    first = _column(entry.get("namest") or entry.get("colname"), names)
    last = _column(entry.get("nameend"), names)
    colspan = last - first + 1 if first is not None and last is not None and last >= first else 1
    try:
        rowspan = int(entry.get("morerows") or 0) + 1
    except ValueError:
        rowspan = 1
    return "\n".join(_paragraphs(entry)), first, colspan, rowspan


def _column(name: str | None, names: list[str]) -> int | None:
    return names.index(name) if name in names else None


def _paragraphs(entry: Element) -> list[str]:
    """Each `<al>` of the cell on a line of its own; a cell without them is one line."""
    paragraphs = [_text(al) for al in entry.iter("al")]
    return [p for p in paragraphs if p] or [_text(entry)]


def _text(element: Element) -> str:
    parts = [element.text or ""]
    for child in element:
        if child.tag not in _LEFT_OUT:
            parts.append(_text(child))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())
