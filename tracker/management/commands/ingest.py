"""Bring files in from folders: `manage.py ingest PATH...` (files, folders, globs)."""

import glob
import sys
import uuid
from collections import Counter
from pathlib import Path

from django.core.files import File
from django.core.management.base import BaseCommand, CommandError

from tracker.models import Document
from tracker.processing import process
from tracker.uploads import TooLarge, receive

EXTENSIONS = {".pdf", ".docx", ".txt", ".html", ".htm", ".xml"}


class Command(BaseCommand):
    help = "Import documents from files, folders or globs; --wait analyses them in this process."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="files, folders (searched recursively) or globs")
        parser.add_argument("--wait", action="store_true", help="analyse here and return when all are done")

    def handle(self, *args, paths, wait, **options):
        files = collect(paths)
        if not files:
            raise CommandError("Geen PDF-, DOCX-, tekst-, HTML- of XML-bestanden gevonden in: " + " ".join(paths))
        counts, failures, new = Counter(), [], []
        for done, path in enumerate(files, 1):
            self.progress(done, len(files), path.name)
            try:
                with path.open("rb") as handle:
                    received = receive(File(handle, name=path.name), path.name)
            except FileNotFoundError:
                counts["mislukt"] += 1
                failures.append((path, "bestand niet gevonden"))
                continue
            except (TooLarge, OSError) as error:
                counts["mislukt"] += 1
                failures.append((path, str(error)))
                continue
            counts["nieuw" if received.created else "al bekend"] += 1
            if received.created:
                new.append(received.document.pk)
        self.stderr.write("")
        if wait:
            token = f"ingest-{uuid.uuid4().hex}"
            for done, document_id in enumerate(new, 1):
                self.progress(done, len(new), "analyseren")
                process(document_id, token)
            self.stderr.write("")
            for document in Document.objects.filter(pk__in=new).exclude(state=Document.State.KLAAR):
                counts["mislukt"] += 1
                failures.append((Path(document.original_name), document.error))
        self.summary(counts, failures, queued=not wait and bool(new))
        if failures:
            sys.exit(1)

    def progress(self, done, total, label):
        width = 30
        filled = width * done // total
        self.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {label[:40]:<40}", ending="")
        self.stderr.flush()

    def summary(self, counts, failures, queued):
        self.stdout.write(f"nieuw: {counts['nieuw']}, al bekend: {counts['al bekend']}, mislukt: {counts['mislukt']}")
        if queued:
            self.stdout.write("De nieuwe documenten staan in de wachtrij van de worker.")
        for path, reason in failures:
            self.stdout.write(f"  mislukt: {path}: {reason}")


def collect(paths):
    """Every supported file under the given folders and globs, and every file named, each once, in order."""
    found = {}
    for pattern in paths:
        matches = [Path(p) for p in glob.glob(pattern, recursive=True)] or [Path(pattern)]
        for match in matches:
            if not match.exists():
                found.setdefault(match, match)  # reported as not found, not silently skipped
                continue
            candidates = sorted(match.rglob("*")) if match.is_dir() else [match]
            for candidate in candidates:
                if candidate.is_file() and (candidate.suffix.lower() in EXTENSIONS or candidate == match):
                    found.setdefault(candidate.resolve(), candidate)
    return list(found.values())
