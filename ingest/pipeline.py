"""Read one file into an Analysis, in this process.

This is what the sandboxed child runs; call it directly only for files that
come from a trusted place (tests, the benchmark), since a hostile file can
exhaust this process's memory or time.
"""

from __future__ import annotations

from .commitments import find_commitments
from .layout import lay_out
from .limits import Limits
from .metadata import read_metadata
from .model import Analysis, ExtractionError
from .readers import read
from .references import find_references
from .tables import outside_tables, read_promise_tables


# A PDF without a text layer is refused by its reader, which knows why; for the others the reason is here.
NO_TEXT = {
    "pdf": "Er staat geen leesbare tekst in deze PDF, alleen opmaak of kop- en voetregels.",
    "html": "Deze webpagina bevat geen leesbare tekst: alleen opmaak, scripts, navigatie of afbeeldingen.",
    "docx": "Dit Word-document bevat geen tekst: het is leeg of bevat alleen afbeeldingen.",
    "xml": "Dit XML-bestand bevat geen tekst: de alinea's van de publicatie zijn leeg.",
    "txt": "Dit tekstbestand bevat alleen witruimte.",
}


def analyse_path(path: str, limits: Limits | None = None) -> Analysis:
    raw = read(str(path), limits or Limits.from_env())
    layout = lay_out(raw)
    if not layout.text.strip():
        raise ExtractionError("geen-tekst", NO_TEXT.get(raw.source_type, NO_TEXT["txt"]))
    meta = read_metadata(layout, raw.known)
    references = find_references(
        layout.text,
        layout.page_starts,
        layout.footnotes,
        layout.footnote_pages,
        own=meta.kamerstuk,
    )
    commitments, postponements = find_commitments(layout.text, layout.page_starts, meta.date, references,
                                                  news=meta.kind == "nieuws")
    table_rows = read_promise_tables(str(path), raw, meta.date)
    commitments = outside_tables(commitments, table_rows)  # a row's text read again as a sentence is that row
    return Analysis(
        kind=meta.kind,
        date=meta.date,
        kamerstuk=meta.kamerstuk,
        dossiers=meta.dossiers,
        title=meta.title,
        sender=meta.sender,
        ministries=meta.ministries,
        signatories=meta.signatories,
        dossier_titles=meta.dossier_titles,
        pages=len(raw.pages),
        text=layout.text,
        page_starts=layout.page_starts,
        footnotes=layout.footnotes,
        references=references,
        commitments=commitments,
        postponements=postponements,
        table_rows=table_rows,
    )
