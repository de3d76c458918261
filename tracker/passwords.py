"""Django's minimum-length rule with its messages in Dutch (Django 5.2's Dutch translation lacks them), and the
passwords the commands generate."""

import secrets

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def get_error_message(self):
        return f"Dit wachtwoord is te kort: het moet ten minste {self.min_length} tekens bevatten."

    def get_help_text(self):
        return f"Uw wachtwoord moet ten minste {self.min_length} tekens bevatten."


def give_generated_password(user) -> str:
    """Give `user` a random password the site's own rules accept, and return it to be shown once: a random one can,
    now and then, hold every letter of a short name ("griffie") and so read as too much like it."""
    while True:
        password = secrets.token_urlsafe(12)
        try:
            password_validation.validate_password(password, user)
        except ValidationError:
            continue
        user.set_password(password)
        user.save(update_fields=["password"])
        return password
