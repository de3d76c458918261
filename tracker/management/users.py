"""The user a command's `--user` names: recorded as who brought documents in."""

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

from tracker.filenames import printable


def user_named(username: str | None):
    if username is None:
        return None
    try:
        return get_user_model().objects.get(username=username)
    except get_user_model().DoesNotExist:
        raise CommandError(f"Gebruiker {printable(username)} bestaat niet.") from None
