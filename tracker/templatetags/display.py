"""The display vocabulary of `tracker.display` as template filters."""

from django import template
from django.utils.safestring import SafeString

from tracker import display
from tracker.ministries import ministry_label

register = template.Library()
register.filter("shorten", display.shorten)
register.filter("ministry_label", ministry_label)
register.filter("changed_by", display.changed_by)
register.filter("document_name", display.document_name)


@register.filter
def day(date) -> str:
    """A date as "5 mrt 2024"; empty for none, so `|default:` can follow."""
    return display.day_label(date) if date else ""


@register.filter
def state_badges(commitment) -> SafeString:
    return display.state_badges(commitment.status, commitment.is_late())


@register.filter
def state_classes(commitment) -> str:
    return display.state_class(commitment.status, commitment.is_late())
