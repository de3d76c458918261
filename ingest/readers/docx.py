"""Read a Word document: its paragraphs, its tables' cells and its footnotes.

A .docx is a ZIP archive, so its declared unpacked size is checked first: a
small archive can hold gigabytes (a zip bomb).
"""

from __future__ import annotations

import zipfile

import defusedxml.ElementTree as SafeET
import docx
from docx.opc.exceptions import PackageNotFoundError

from ..limits import Limits
from ..model import ExtractionError
from .lines import Line, Page, RawDocument

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(path: str, limits: Limits) -> RawDocument:
    try:
        with zipfile.ZipFile(path) as archive:
            if sum(info.file_size for info in archive.infolist()) > limits.max_inflated_bytes:
                raise ExtractionError(
                    "te-groot",
                    "Het Word-document pakt uit tot meer dan "
                    f"{limits.max_inflated_bytes // (1024 * 1024)} MB en is daarom geweigerd.",
                )
            footnotes = _footnotes(archive)
        document = docx.Document(path)
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, SafeET.ParseError) as error:
        raise ExtractionError("corrupt", f"Het Word-document is beschadigd of onvolledig ({error}).") from None
    paragraphs = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            paragraphs.extend(cell.text for cell in row.cells)
    paragraphs = [" ".join(p.split()) for p in paragraphs if p.strip()]
    lines = [Line(text=p, top=i, bottom=i + 1, starts_paragraph=True) for i, p in enumerate(paragraphs)]
    return RawDocument(pages=[Page(lines=lines)], source_type="docx", footnotes=footnotes)


def _footnotes(archive: zipfile.ZipFile) -> list[str]:
    try:
        data = archive.read("word/footnotes.xml")
    except KeyError:
        return []
    root = SafeET.fromstring(data, forbid_dtd=True)
    notes = []
    for note in root.iter(f"{_W}footnote"):
        if int(note.get(f"{_W}id", "0")) <= 0:
            continue  # separators, not footnotes
        text = " ".join("".join(t.text or "" for t in note.iter(f"{_W}t")).split())
        if text:
            notes.append(f"{len(notes) + 1} {text}")
    return notes
