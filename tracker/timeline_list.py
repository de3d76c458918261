"""The list under a drawn timeline: each document with its commitments, each promise made orally.

Built here rather than in the template because a window holds hundreds of commitments (see
`tracker.display`). Every text that came from a document or a user passes through `escape`; the markup
matches what app.css and the print style expect.
"""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from tracker.display import commitment_marker, day_label, shorten
from tracker.ministries import ministry_label
from tracker.models import Commitment, Document, Dossier
from tracker.timeline import Timeline

LIST_ID = "tijdlijn-lijst"  # the drawing's figure (templates/timeline.html) points here, as its text equivalent


def event_list(timeline: Timeline, dossier: Dossier | None, filtered: bool) -> SafeString:
    """`dossier` is the dossier whose timeline this is, if any; `filtered` says whether filters narrowed it."""
    items = []
    for event in timeline.events:
        if event.document:
            items.append(_document(event.document, dossier))
        else:
            items.append(_oral(event.oral))
    if not items:
        items.append(f'<li class="muted">Geen documenten{" met deze filters" if filtered else ""}.</li>')
    return mark_safe(  # noqa: S308 — items escape their texts
        f'<ol class="timeline" id="{LIST_ID}" aria-label="Tijdlijn als lijst">' + "\n".join(items) + "</ol>")


def _date(date) -> str:
    return f"<time>{day_label(date) if date else 'datum onbekend'}</time>"


def _document(document: Document, dossier: Dossier | None) -> str:
    if dossier and document.dossier_id != dossier.pk and document.pk not in dossier.shared_document_ids:
        where = "verwijst naar dit dossier"
    else:
        where = document.kamerstuk_label
    about = " · ".join(part for part in (where, document.sender) if part)
    markers = "".join(_marker(c) for c in document.markers)
    more = ""
    if document.commitments_selected > len(document.markers):
        more = (f'<a class="more" href="{document.url}#toezeggingen">toon alle {document.commitments_selected} '
                f'toezeggingen</a>')
    return (
        f'<li class="event" id="document-{document.pk}">{_date(document.date)}<div class="card">'
        f'<a href="{document.url}">{escape(shorten(str(document), 120))}</a>'
        f'<span class="muted">{escape(about)}</span>'
        + (f'<ul class="markers">{markers}</ul>' if markers else "")
        + more + "</div></li>"
    )


def _oral(commitment: Commitment) -> str:
    about = "".join(f" · {part}" for part in (commitment.origin, ministry_label(commitment.ministry)) if part)
    return (
        f'<li class="event oral" id="commitment-{commitment.pk}">{_date(commitment.made_on)}<div class="card">'
        f'<span class="muted">Mondelinge toezegging{escape(about)}</span>'
        f'<ul class="markers">{_marker(commitment)}</ul></div></li>'
    )


def _marker(commitment: Commitment) -> str:
    return commitment_marker(commitment, late=commitment.late, url=commitment.url,
                             fulfilled_by=commitment.fulfilled_by)
