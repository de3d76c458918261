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
from .model import Analysis
from .readers import read
from .references import find_references


def analyse_path(path: str, limits: Limits | None = None) -> Analysis:
    raw = read(str(path), limits or Limits.from_env())
    layout = lay_out(raw)
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
    )
