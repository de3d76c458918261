"""Bring files in from folders: `manage.py ingest PATH...` (files, folders, globs)."""

import sys
import uuid
from collections import Counter

from django.core.files import File
from django.core.management.base import BaseCommand, CommandError

from tracker.filenames import printable
from tracker.folders import collect
from tracker.management.users import user_named
from tracker.models import Document
from tracker.analysis import process
from tracker.intake import TooLarge, receive


class Command(BaseCommand):
    help = "Import documents from files, folders or globs; --wait analyses them in this process."
    # The checks import every view (the URLs' check) to bring files in: they are run by `manage.py check`, by
    # `migrate` and when the site starts.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="files, folders (searched recursively) or globs")
        parser.add_argument("--wait", action="store_true",
                            help="analyse here instead of queueing for the worker, and return when all are done")
        parser.add_argument("--user", help="the user name recorded as having brought the documents in")

    def handle(self, *args, paths, wait, user, **options):
        importer = user_named(user)
        collected = collect(paths)
        files = collected.files
        if not files and not collected.skipped:
            raise CommandError("Geen PDF-, DOCX-, tekst-, HTML- of XML-bestanden gevonden in: "
                               + " ".join(printable(path) for path in paths))
        counts, failures, new = Counter(), [], {}
        for done, path in enumerate(files, 1):
            self.progress(done, len(files), printable(path.name))
            try:
                with path.open("rb") as handle:
                    # With --wait this process analyses: a queued task would race it for the document.
                    received = receive(File(handle, name=path.name), path.name, importer, queue=not wait,
                                       origin=Document.Origin.IMPORT)
            except FileNotFoundError:
                failures.append((path, "bestand niet gevonden"))
                continue
            except (TooLarge, OSError) as error:
                failures.append((path, printable(str(error))))
                continue
            counts["nieuw" if received.created else "al bekend"] += 1
            if received.created:
                new[received.document.pk] = path
        if files:
            self.stderr.write("")
        if wait and new:
            self.analyse(new, failures)
        counts["mislukt"] = len(failures)
        self.summary(counts, failures, collected.skipped, queued=not wait and bool(new))
        if failures:
            sys.exit(1)

    def analyse(self, new, failures):
        token = f"ingest-{uuid.uuid4().hex}"
        for done, document_id in enumerate(new, 1):
            self.progress(done, len(new), "analyseren")
            process(document_id, token)
        self.stderr.write("")
        for document in Document.objects.filter(pk__in=new).exclude(state=Document.State.KLAAR):
            if document.state == Document.State.BEZIG:
                reason = "wordt nog door een ander proces verwerkt"
            else:
                reason = document.error or document.get_state_display()
            failures.append((new[document.pk], reason))

    def progress(self, done, total, label):
        width = 30
        filled = width * done // total
        self.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {label[:40]:<40}", ending="")
        self.stderr.flush()

    def summary(self, counts, failures, skipped, queued):
        self.stdout.write(f"nieuw: {counts['nieuw']}, al bekend: {counts['al bekend']}, mislukt: {counts['mislukt']}"
                          + (f", overgeslagen: {len(skipped)}" if skipped else ""))
        if queued:
            self.stdout.write("De nieuwe documenten staan in de wachtrij van de worker.")
        for path, reason in failures:
            self.stdout.write(f"  mislukt: {printable(str(path))}: {reason}")
        for path, reason in skipped:
            self.stdout.write(f"  overgeslagen: {printable(str(path))}: {reason}")
