"""The list under a drawn timeline: each document with its commitments, each promise made orally.

Built here rather than in the template because a window holds hundreds of commitments and the template
language spends a tenth of a millisecond on each, most of the page's time. Every text that came from a
document or a user passes through `escape`; the markup matches what app.css and the print style expect.
"""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from tracker.filters import day_label
from tracker.templatetags.display import shorten, state_badges_html, state_class
from tracker.models import Commitment, Document, Dossier
from tracker.timeline import Timeline


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
    return mark_safe('<ol class="timeline">' + "\n".join(items) + "</ol>")


def _date(date) -> str:
    return f"<time>{day_label(date) if date else 'datum onbekend'}</time>"


def _document(document: Document, dossier: Dossier | None) -> str:
    if dossier and document.dossier_id != dossier.pk:
        about = "verwijst naar dit dossier"
    else:
        about = document.kamerstuk_label
    if document.sender:
        about += f" · {document.sender}"
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
    about = "".join(f" · {part}" for part in (commitment.origin, commitment.ministry) if part)
    return (
        f'<li class="event oral" id="commitment-{commitment.pk}">{_date(commitment.made_on)}<div class="card">'
        f'<span class="muted">Mondelinge toezegging{escape(about)}</span>'
        f'<ul class="markers">{_marker(commitment)}</ul></div></li>'
    )


def _marker(commitment: Commitment) -> str:
    html = (f'<li class="{state_class(commitment.status, commitment.late)}">'
            f'{state_badges_html(commitment.status, commitment.late)} '
            f'<a href="{commitment.url}">{escape(shorten(commitment.text, 140))}</a>')
    if commitment.due_date:
        html += f'<span class="due">termijn {day_label(commitment.due_date)}</span>'
    for letter in commitment.fulfilled_by:
        html += (f'<span class="fulfilled-by">→ nagekomen in <a href="{letter.url}">'
                 f'{escape(shorten(str(letter), 60))}</a>'
                 f'{f" ({day_label(letter.date)})" if letter.date else ""}</span>')
    return html + "</li>"
