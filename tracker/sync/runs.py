"""Bookkeeping of one sync: counts, failures with reasons a clerk understands, the cursor saved page by page,
what is tried again in later runs and what is set aside."""

from __future__ import annotations

import logging
import time
from contextlib import contextmanager

import httpx
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ingest.sources.http_client import ResourceTooLarge
from ingest.sources.officielebekendmakingen.missing import NotAtSource
from ingest.sources.safexml import SourceFormatError
from tracker.intake import TooLarge
from tracker.models import Dossier, SyncItem, SyncRun
from tracker.sync.failures import Failure, explain

log = logging.getLogger(__name__)

# Failures of the outside world, explained in Dutch; anything else is also logged with its traceback.
EXPECTED = (httpx.HTTPError, SourceFormatError, ResourceTooLarge, TooLarge, NotAtSource)


class Recorder:
    """Counts what one run brought in; each item is stored in its own transaction, so one failing entity is
    written down and the run goes on with the next. An item that fails is tried again in the next
    SYNC_ATTEMPTS runs, then set aside."""

    def __init__(self, source: str, user=None, *, time_limit: float | None = None, progress=None):
        self.run = SyncRun.objects.create(source=source)
        self.user = user  # who had the run started, recorded on the documents it brings in
        self.broke_off = False  # the source itself could not be read
        self.progress = progress  # progress(category, entries read, last change read) for a backfill's bar
        self._deadline = time.monotonic() + time_limit if time_limit else None
        # What earlier runs could not fetch: known here, so an item that now succeeds is let go of.
        self.pending = {item.what: item for item in SyncItem.objects.filter(source=source)}

    def new(self) -> None:
        self.run.new += 1

    def updated(self) -> None:
        self.run.updated += 1

    def update(self, instance, **values) -> bool:
        """Take over what the source now says, counted once per changed row; an empty value never
        erases what is known. Only the changed fields are written, so a clerk's concurrent change
        of other fields (a status) is not overwritten."""
        changed = [name for name, value in values.items()
                   if value not in (None, "") and getattr(instance, name) != value]
        if not changed:
            return False
        for name in changed:
            setattr(instance, name, values[name])
        auto_now = [field.name for field in instance._meta.concrete_fields if getattr(field, "auto_now", False)]
        instance.save(update_fields=changed + auto_now)
        self.updated()
        return True

    def to_retry(self, category: str) -> list[SyncItem]:
        return [item for item in self.pending.values() if item.category == category and item.set_aside_at is None]

    def set_aside(self) -> set[str]:
        return {item.what for item in self.pending.values() if item.set_aside_at is not None}

    def fail(self, what: str, error: Exception, category: str = "") -> None:
        """An item that failed: written down in this run, and tried again in the next runs until set aside."""
        failure = explain(error)
        self._note(what, failure, category)
        now = timezone.now()
        item = self.pending.get(what) or SyncItem(source=self.run.source, what=what, attempts=0, first_failed_at=now)
        item.category, item.reason, item.detail, item.last_failed_at = category, failure.reason, failure.detail, now
        item.attempts += 1
        if item.attempts > settings.SYNC_ATTEMPTS and item.set_aside_at is None:
            item.set_aside_at = now
        item.save()
        self.pending[what] = item

    def skip(self, what: str, failure: Failure) -> None:
        """Something the source sent that cannot be read and so cannot be asked for again (a feed entry
        without an id): written down, and the run goes on."""
        self._note(what, failure, "")

    def fail_source(self, what: str, error: Exception) -> None:
        """The source itself could not be read (a feed page, a search): the next run tries from the cursor."""
        self.broke_off = True
        self._note(what, explain(error), "")

    def _note(self, what: str, failure: Failure, category: str) -> None:
        self.run.failed += 1
        self.run.failures.append({"what": what, "reason": failure.reason, "detail": failure.detail,
                                  **({"category": category} if category else {})})

    @contextmanager
    def item(self, what: str, category: str = ""):
        try:
            with transaction.atomic():
                yield
        except Exception as error:  # noqa: BLE001  any one entity may fail; the others still come in
            if not isinstance(error, EXPECTED):
                log.exception("sync of %s failed", what)
            self.fail(what, error, category)
        else:
            if what in self.pending:  # it came in after all
                self.pending.pop(what).delete()

    def out_of_time(self) -> bool:
        return self._deadline is not None and time.monotonic() > self._deadline

    def checkpoint(self, cursor: str, reached: dict | None = None) -> None:
        """Where the next run goes on from, saved after every page: a run killed halfway loses one page."""
        self.run.cursor = cursor
        if reached:
            self.run.reached = reached
        self.run.save(update_fields=["cursor", "reached", "new", "updated", "failed", "failures"])

    def finish(self, cursor: str | None = None, *, complete: bool = True) -> SyncRun:
        if cursor is not None:
            self.run.cursor = cursor
        self.run.finished_at = timezone.now()
        self.run.succeeded = not self.broke_off
        self.run.complete = complete and not self.broke_off
        self.run.save()
        return self.run


def followed_dossiers() -> list[Dossier]:
    return list(Dossier.objects.followed().order_by("key"))


def previous_run(source: str) -> SyncRun | None:
    """The last run that finished: what the search asks for since."""
    return SyncRun.objects.filter(source=source, finished_at__isnull=False).order_by("-started_at").first()


def resume_point(source: str) -> SyncRun | None:
    """The run whose cursor the next goes on from: the last to save one, also when its process was killed
    halfway (it saved page by page)."""
    return SyncRun.objects.filter(source=source).exclude(cursor="").order_by("-started_at").first()
