"""Fetch followed dossiers from the official sources: `manage.py sync [--source tk|obk] [--backfill]`."""

import datetime as dt
import sys

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from tracker.management.users import user_named
from tracker.sync import SOURCES, SyncBusy, run_source

# Where a first run of the Tweede Kamer's feed starts: its document history begins in 2008.
FEED_BEGINS = dt.datetime(2008, 1, 1, tzinfo=dt.UTC)
BAR_WIDTH = 30


class Command(BaseCommand):
    help = ("Haal de gevolgde dossiers op bij de Tweede Kamer (tk) en officielebekendmakingen (obk). "
            "Eindigt met 0 als elke bron te lezen was (ook als losse stukken zijn overgeslagen), met 1 als een "
            "bron niet te lezen was.")

    def add_arguments(self, parser):
        parser.add_argument("--source", choices=sorted(SOURCES), help="alleen deze bron (standaard: beide)")
        parser.add_argument("--user", help="de gebruikersnaam die als ophaler bij de nieuwe documenten komt")
        parser.add_argument("--backfill", action="store_true",
                            help="zonder tijdslimiet tot het eind, met voortgangsbalk; Ctrl-C stopt, een volgende "
                                 "run gaat verder waar deze stopte")

    def handle(self, *args, source, user, backfill, **options):
        importer = user_named(user)
        failed = False
        for name in SOURCES:
            if source not in (None, name):
                continue
            try:
                run = run_source(name, importer, time_limit=None if backfill else settings.SYNC_TIME_LIMIT,
                                 progress=self.progress if backfill else None)
            except SyncBusy:
                self.stdout.write(f"{name}: een andere synchronisatie van deze bron loopt al; overgeslagen.")
                continue
            except KeyboardInterrupt:
                self.stderr.write("")
                self.stdout.write(f"{name}: gestopt. De volgende run gaat verder waar deze stopte.")
                sys.exit(130)
            if backfill:
                self.stderr.write("")
            self.summary(run)
            failed = failed or not run.succeeded
        if failed:
            sys.exit(1)

    def summary(self, run):
        self.stdout.write(f"{run.get_source_display()}: nieuw: {run.new}, bijgewerkt: {run.updated}, "
                          f"mislukt: {run.failed}")
        for failure in run.failures:
            self.stdout.write(f"  mislukt: {failure['what']}: {failure['reason']}")
            if failure.get("detail"):
                self.stdout.write(f"    {failure['detail']}")
        if run.succeeded and not run.complete:
            self.stdout.write("  Nog niet bij het eind: de tijdslimiet (SYNC_TIME_LIMIT) is bereikt; de volgende run "
                              "gaat verder.")

    def progress(self, category: str, read: int, reached: dt.datetime | None) -> None:
        """A bar by how far the feed's dates have come, from 2008 to now: the feed's length is not known."""
        if reached is None:
            return
        span = (timezone.now() - FEED_BEGINS).total_seconds()
        done = min(1.0, max(0.0, (reached - FEED_BEGINS).total_seconds() / span))
        filled = int(BAR_WIDTH * done)
        self.stderr.write(f"\r{category:<11} [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {read} gelezen, tot "
                          f"{timezone.localtime(reached):%d-%m-%Y}", ending="")
        self.stderr.flush()
