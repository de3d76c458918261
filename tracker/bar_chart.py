"""The dashboard's bars: per ministry or dossier, its commitments late, open and fulfilled this quarter.

A list of links with their figures in words, each with its bar drawn beside it as a small SVG. The words are the
text equivalent, so the drawing is hidden from screen readers; the list wraps at any width, down to a phone's;
and the bars' lengths are SVG attributes, which the Content-Security-Policy allows where inline styles are not.
"""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from tracker.display import STATE_COLOURS

SEGMENTS = [("te_laat", "te laat"), ("openstaand", "open"), ("voldaan", "voldaan dit kwartaal")]


def bar_chart(rows: list[dict], label: str) -> SafeString | str:
    """One bar per row: `{"label", "href", "te_laat", "openstaand", "voldaan"}`; `label` names the list."""
    if not rows:
        return ""
    longest = max(sum(row[key] for key, _ in SEGMENTS) for row in rows) or 1
    legend = "".join(f'<li>{_swatch(key)}{escape(name)}</li>' for key, name in SEGMENTS)
    items = "".join(_row(row, longest) for row in rows)
    return mark_safe(  # noqa: S308 — every label, name and address passes through `escape`
        f'<ul class="bar-legend" aria-hidden="true">{legend}</ul>'
        f'<ol class="bars" aria-label="{escape(label)}">{items}</ol>'
    )


def _swatch(key: str) -> str:
    return f'<svg class="swatch" viewBox="0 0 1 1"><rect width="1" height="1" fill="{STATE_COLOURS[key]}"/></svg>'


def _row(row: dict, longest: int) -> str:
    figures = " · ".join(f"{row[key]} {name}" for key, name in SEGMENTS if row[key])
    rects, x = [], 0
    for key, name in SEGMENTS:
        if row[key]:
            rects.append(f'<rect x="{x}" width="{row[key]}" height="1" fill="{STATE_COLOURS[key]}">'
                         f'<title>{row[key]} {escape(name)}</title></rect>')
            x += row[key]
    # Stretched to the column's width, so the longest bar fills it at any screen size.
    bar = (f'<svg class="bar" viewBox="0 0 {longest} 1" preserveAspectRatio="none" aria-hidden="true">'
           + "".join(rects) + "</svg>")
    return (f'<li><a href="{escape(row["href"])}">{escape(row["label"])}</a>'
            f'<span class="figures">{escape(figures)}</span>{bar}</li>')
