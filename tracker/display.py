"""How the pages show things, in one vocabulary: dates, state labels and colours, shortened texts, and the
commitment marker that the document page and every timeline list share.

Written as plain functions rather than templates because a page shows hundreds of them and the template
language spends a tenth of a millisecond on each. Everything that came from a document or a user passes
through `escape`.
"""

from __future__ import annotations

import datetime as dt

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from tracker.excerpt import shorten
from tracker.models import LATE, OPEN, Source, Status

MONTHS = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
MONTH_NAMES = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
               "november", "december"]

# What lists filter and count by: each status, all open ones together, and te laat (a flag beside the status).
STATE_CHOICES = [
    (Status.KANDIDAAT.value, "Kandidaat"),
    (OPEN, "Alle open"),  # openstaand, uitgesteld and deels voldaan
    (LATE, "Te laat"),
    (Status.OPENSTAAND.value, "Openstaand"),
    (Status.UITGESTELD.value, "Uitgesteld"),
    (Status.DEELS_VOLDAAN.value, "Deels voldaan"),
    (Status.VOLDAAN.value, "Voldaan"),
    (Status.VERVALLEN.value, "Vervallen"),
]
STATES = [value for value, _ in STATE_CHOICES]

# Who made a change that no user made, as the history words it: "Openstaand door de automatische herkenning".
SOURCE_ACTORS = {
    Source.ENGINE: "de automatische herkenning",
    Source.CLERK: "de griffie",
    Source.TK_REGISTER: "het TK-register",
    Source.TK_OPENDATA: "de open data van de Tweede Kamer",
    Source.MINISTRY: "het overzicht van het ministerie",
}

# The colours of app.css, as fills for the drawn charts: SVG fills print even when a browser leaves out
# backgrounds. Keep them equal to the --open, --late … variables there.
STATE_COLOURS = {
    "kandidaat": "#6b6b6b",
    "openstaand": "#1f6fb2",
    "te_laat": "#b3261e",
    "uitgesteld": "#b85c00",
    "deels_voldaan": "#8a6d00",
    "voldaan": "#2e7d32",
    "vervallen": "#7a5a8c",
}


def day_label(date: dt.date, long: bool = False) -> str:
    """A date as the pages write it: 5 mrt 2024, or in full (5 maart 2024) where there is room."""
    return f"{date.day} {(MONTH_NAMES if long else MONTHS)[date.month - 1]} {date.year}"


def state_class(status: str, late: bool) -> str:
    """The classes that colour a commitment's box, list item or highlight: its status, and `late`."""
    return f"state-{status} late" if late else f"state-{status}"


def state_badges(status: str, late: bool) -> SafeString:
    """The status as a badge, and te laat as a second one beside it: a late Deels voldaan is both."""
    html = f'<span class="badge state-{status}">{escape(Status(status).label)}</span>'
    if late:
        html += '<span class="visually-hidden"> · </span><span class="badge state-te_laat">te laat</span>'
    return mark_safe(html)  # noqa: S308 — a status from the model's choices and fixed text


def commitment_marker(commitment, *, late: bool, url: str, fulfilled_by, length: int = 140,
                      details: bool = False) -> SafeString:
    """A commitment as a list item: status, its text linked, the due date and the letters that fulfilled it.

    `fulfilled_by` holds those letters, each with `.url`; `details` adds how the letter put the due date and
    its page, for the letter's own page."""
    html = (f'<li class="{state_class(commitment.status, late)}">{state_badges(commitment.status, late)} '
            f'<a href="{escape(url)}">{escape(shorten(commitment.text, length))}</a>')
    due = (f"termijn {day_label(commitment.due_date, long=details)}" if commitment.due_date
           else ("geen termijn" if details else ""))
    if details:
        due += f" (“{escape(commitment.due_text)}”)" if commitment.due_text else ""
        due += f" · pagina {commitment.page}" if commitment.page else ""
    if due:
        html += f'<span class="due">{due}</span>'
    for letter in fulfilled_by:
        html += (f'<span class="fulfilled-by">→ nagekomen in <a href="{escape(letter.url)}">'
                 f'{escape(shorten(str(letter), 60))}</a>'
                 f'{f" ({day_label(letter.date)})" if letter.date else ""}</span>')
    return mark_safe(html + "</li>")  # noqa: S308 — every text above is escaped


def changed_by(change) -> str:
    """Who made a change of the history: the user by name, or the source that made it."""
    if change.changed_by:
        return change.changed_by.get_full_name() or change.changed_by.username
    return SOURCE_ACTORS.get(change.source, change.get_source_display())


def document_name(document, length: int = 80) -> str:
    """A document as lists name it: its number before its title, which alone may be a dossier's name that many
    letters share ("27 925, nr. 965 · Bestrijding internationaal terrorisme")."""
    title = shorten(str(document), length)
    return f"{document.kamerstuk_label} · {title}" if document.kamerstuk else title
