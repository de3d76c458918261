"""Django's minimum-length rule with its messages in Dutch: Django 5.2's Dutch translation lacks them."""

from django.contrib.auth import password_validation


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def get_error_message(self):
        return f"Dit wachtwoord is te kort: het moet ten minste {self.min_length} tekens bevatten."

    def get_help_text(self):
        return f"Uw wachtwoord moet ten minste {self.min_length} tekens bevatten."
