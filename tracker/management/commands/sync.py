"""Fetch followed dossiers from the official sources: `manage.py sync [--source tk|obk]`."""

import sys

from django.core.management.base import BaseCommand

from tracker.management.users import user_named
from tracker.sync import SOURCES


class Command(BaseCommand):
    help = "Haal de gevolgde dossiers op bij de Tweede Kamer (tk) en officielebekendmakingen (obk)."

    def add_arguments(self, parser):
        parser.add_argument("--source", choices=sorted(SOURCES), help="alleen deze bron (standaard: beide)")
        parser.add_argument("--user", help="de gebruikersnaam die als ophaler bij de nieuwe documenten komt")

    def handle(self, *args, source, user, **options):
        importer = user_named(user)
        failed = False
        for name, sync in SOURCES.items():
            if source not in (None, name):
                continue
            run = sync(importer)
            self.stdout.write(f"{run.get_source_display()}: nieuw: {run.new}, bijgewerkt: {run.updated}, "
                              f"mislukt: {run.failed}")
            for failure in run.failures:
                self.stdout.write(f"  mislukt: {failure['what']}: {failure['reason']}")
                if failure.get("detail"):
                    self.stdout.write(f"    {failure['detail']}")
            failed = failed or bool(run.failed)
        if failed:
            sys.exit(1)
