"""Filters for what pages show many times over: a list shows a hundred dates and shortened texts, and
Django's `date` and `truncatechars` are general (formats, translations, combining characters) and slow."""

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from tracker.filters import day_label
from tracker.models import Status

register = template.Library()


@register.filter
def shorten(text, length: int) -> str:
    """At most `length` characters, the last an ellipsis when something was cut off."""
    text = str(text)
    return text if len(text) <= length else text[: length - 1] + "…"


@register.filter
def day(date) -> str:
    """A date as "5 mrt 2024"; empty for none, so `|default:` can follow."""
    return day_label(date) if date else ""


def state_badges_html(status: str, late: bool) -> SafeString:
    """The status as a badge, and te laat as a second one beside it: a late Deels voldaan is both."""
    html = f'<span class="badge state-{status}">{escape(Status(status).label)}</span>'
    if late:
        html += '<span class="visually-hidden"> · </span><span class="badge state-te_laat">te laat</span>'
    return mark_safe(html)  # noqa: S308 — a status from the model's choices and fixed text


@register.filter
def state_badges(commitment) -> SafeString:
    return state_badges_html(commitment.status, commitment.is_late())


def state_class(status: str, late: bool) -> str:
    """The classes that colour a commitment's box, list item or highlight: its status, and `late`."""
    return f"state-{status} late" if late else f"state-{status}"


@register.filter
def state_classes(commitment) -> str:
    return state_class(commitment.status, commitment.is_late())
