"""Filters for what pages show many times over: a list shows a hundred dates and shortened texts, and
Django's `date` and `truncatechars` are general (formats, translations, combining characters) and slow."""

from django import template

from tracker.filters import day_label

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
