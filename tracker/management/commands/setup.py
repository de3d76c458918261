"""First-run setup: the clerks' group, a first clerk account, and the sample documents."""

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files import File
from django.core.management.base import BaseCommand

from tracker.models import Document
from tracker.passwords import give_generated_password
from tracker.roles import CLERKS_GROUP
from tracker.intake import receive

SAMPLES = Path(settings.BASE_DIR) / "samples"


class Command(BaseCommand):
    help = "Create the griffie group and a first clerk account, and load the sample documents once."

    def add_arguments(self, parser):
        parser.add_argument("--no-samples", action="store_true", help="do not load the sample documents")

    def handle(self, *args, **options):
        clerks, _ = Group.objects.get_or_create(name=CLERKS_GROUP)
        User = get_user_model()
        if not User.objects.exists():
            user = User.objects.create_user("griffie", first_name="Griffie")
            password = give_generated_password(user)
            user.groups.add(clerks)
            self.stdout.write(self.style.SUCCESS(
                "\nEen griffie-account is aangemaakt. Dit wachtwoord wordt maar één keer getoond:\n"
                f"  gebruikersnaam: griffie\n  wachtwoord:     {password}\n"
            ))
        if not options["no_samples"]:
            for path in sorted(SAMPLES.glob("*.pdf")):
                with path.open("rb") as handle:
                    received = receive(File(handle, name=path.name), path.name, origin=Document.Origin.IMPORT)
                if received.created:
                    self.stdout.write(f"Voorbeelddocument {path.name} in de wachtrij gezet.")
