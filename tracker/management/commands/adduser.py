"""`manage.py adduser NAME [--griffie] [--email ADDRESS]`: an account with a generated password, shown once."""


from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from tracker.passwords import give_generated_password
from tracker.roles import CLERKS_GROUP


class Command(BaseCommand):
    help = "Add a user with a generated password: staff (read only) by default, --griffie for a clerk."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--griffie", action="store_true", help="may change commitments and upload")
        parser.add_argument("--name", default="", help="full name shown in the history")
        parser.add_argument("--email", default="", help="where the weekly reminder goes")

    def handle(self, *args, username, griffie, name, email, **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            raise CommandError(f"Gebruiker {username} bestaat al.")
        if email:
            try:
                validate_email(email)
            except ValidationError:
                raise CommandError(f"{email} is geen geldig e-mailadres.") from None
        first, _, last = name.partition(" ")
        user = User.objects.create_user(username, email=email, first_name=first, last_name=last)
        password = give_generated_password(user)
        if griffie:
            user.groups.add(Group.objects.get_or_create(name=CLERKS_GROUP)[0])
        role = "griffie" if griffie else "alleen lezen"
        self.stdout.write(f"{username} ({role}) aangemaakt, wachtwoord: {password}")
