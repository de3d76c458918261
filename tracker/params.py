"""Numbers read from a request: ASCII digits only.

`str.isdigit()` accepts "²" and other Unicode digits that `int()` then refuses. A cursor kept in a
bookmark that is no plain whole number is ignored; a number a request names explicitly is refused with a
Dutch message (400, `tracker.views.errors`).
"""

import re

from django.core.exceptions import BadRequest

_WHOLE_NUMBER = re.compile(r"[0-9]{1,18}")  # fits PostgreSQL's bigint


class Invalid(BadRequest):
    """A request none of our pages sends; answered with 400 and this Dutch message."""


def whole_number(value) -> int | None:
    """`value` as an int when it is a plain whole number ("17"), otherwise None."""
    if isinstance(value, str) and _WHOLE_NUMBER.fullmatch(value):
        return int(value)
    return None


def number(value: str, name: str) -> int:
    """`value` of the parameter `name` as an int; refused when it is no plain whole number."""
    parsed = whole_number(value)
    if parsed is None:
        raise Invalid(f"De parameter {name} moet een geheel getal zijn (cijfers 0–9), niet “{value[:40]}”.")
    return parsed


def optional_number(data, name: str) -> int | None:
    """The parameter `name` of `data` (request.GET, request.POST) as an int, None when it is absent or empty."""
    value = data.get(name)
    return number(value, name) if value else None


def seen_version(data, name: str = "version") -> int:
    """The version of the commitment the clerk's form showed. Required: without it a change would
    silently overwrite whatever another clerk did meanwhile."""
    if whole_number(data.get(name)) is None:
        raise Invalid("Dit formulier mist de versie van de toezegging die u zag, zodat een wijziging van een ander "
                      "ongemerkt overschreven zou worden. Laad de pagina opnieuw en probeer het nog eens.")
    return int(data[name])
