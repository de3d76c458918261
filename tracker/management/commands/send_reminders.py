"""`manage.py send_reminders [--dry-run] [--user NAME]`: the weekly reminder now, or what it would send."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tracker.reminders import NotSent, deliver, reminders


class Command(BaseCommand):
    help = "Send the weekly reminder now, to every follower or to one user; --dry-run shows what would go."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="show the messages, send nothing")
        parser.add_argument("--user", help="only this user's reminder")

    def handle(self, *args, dry_run, user, **options):
        users = None
        if user:
            users = list(get_user_model().objects.filter(username=user))
            if not users:
                raise CommandError(f"Gebruiker {user} bestaat niet.")
        due = reminders(timezone.localdate(), users)
        if not due:
            self.stdout.write("Niets verstuurd: niemand volgt een dossier.")
            return
        for reminder in due:
            name = reminder.user.username
            if reminder.why_not:
                self.stdout.write(f"{name}: niets verstuurd, want {reminder.why_not}.")
            elif dry_run:
                message = reminder.message(settings.SITE_URL)
                self.stdout.write(f"{name} <{reminder.user.email}> zou krijgen: {message.subject}\n\n{message.body}")
            else:
                self.stdout.write(f"{name} <{reminder.user.email}>: {reminder.subject}")
        sendable = sum(1 for reminder in due if not reminder.why_not)
        if dry_run:
            self.stdout.write(f"Proef: niets verstuurd; zonder --dry-run gaan er {sendable} bericht(en).")
        else:
            try:
                sent = deliver(due, settings.SITE_URL)
            except NotSent as error:
                raise CommandError(f"Niets verstuurd: {error}.") from error
            self.stdout.write(f"{sent} bericht(en) verstuurd." if sent else "Niets verstuurd.")
