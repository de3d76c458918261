"""A document's text as HTML: escaped, commitments highlighted, references linked, pages marked."""

from __future__ import annotations

import itertools

from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from tracker.display import state_class


def document_html(document, commitments, references) -> SafeString:
    """Everything from the document is escaped; only our own tags are added."""
    text = document.text
    marks = [(c.start, c.end, c) for c in commitments if 0 <= c.start < c.end <= len(text)]
    links = [(r.start, r.end, r) for r in references if r.footnote is None and 0 <= r.start < r.end <= len(text)]
    pages = [start for start in document.page_starts[1:] if 0 < start < len(text)]
    cuts = sorted({0, len(text), *pages, *(p for m in marks for p in m[:2]), *(p for m in links for p in m[:2])})

    out = []
    open_mark = None
    for begin, finish in itertools.pairwise(cuts):
        if begin in pages:
            out.append(_page_marker(pages.index(begin) + 2))
        mark = next((c for s, e, c in marks if s <= begin and finish <= e), None)
        if mark is not open_mark:
            if open_mark is not None:
                out.append("</mark>")
            if mark is not None:
                out.append(format_html('<mark class="commitment {}" id="c{}">',
                                       state_class(mark.status, mark.is_late()), mark.pk))
            open_mark = mark
        link = next((r for s, e, r in links if s <= begin and finish <= e), None)
        piece = escape(text[begin:finish])
        out.append(reference_link(link, piece) if link else piece)
    if open_mark is not None:
        out.append("</mark>")
    return mark_safe("".join(out))  # noqa: S308 — every piece from the document is escaped


def footnote_html(footnote_index: int, footnote: str, references) -> SafeString:
    links = sorted(
        ((r.start, r.end, r) for r in references
         if r.footnote == footnote_index and 0 <= r.start < r.end <= len(footnote)),
        key=lambda item: item[0],
    )
    out, position = [], 0
    for start, end, reference in links:
        if start < position:
            continue
        out.append(escape(footnote[position:start]))
        out.append(reference_link(reference, escape(footnote[start:end])))
        position = end
    out.append(escape(footnote[position:]))
    return mark_safe("".join(out))  # noqa: S308 — every piece from the document is escaped


def reference_link(reference, escaped_text) -> str:
    """To the cited document when it is here, otherwise to its dossier."""
    if reference.target_id:
        href, title = reverse("document", args=[reference.target_id]), "Kamerstuk {}"
    else:
        href, title = reverse("dossier", args=[reference.dossier_key]), "Kamerstuk {} (nog niet in het systeem)"
    return format_html(
        '<a class="reference{}" href="{}" title="{}">{}</a>',
        "" if reference.target_id else " unresolved",
        href,
        title.format(reference.kamerstuk),
        escaped_text,
    )


def _page_marker(number: int) -> str:
    return format_html('<span class="page-marker" id="pagina-{}">pagina {}</span>', number, number)
