"""Bookkeeping of one sync: counts, failures with reasons a clerk understands, the cursor."""

from __future__ import annotations

import logging
from contextlib import contextmanager

import httpx
from django.db import transaction
from django.utils import timezone

from ingest.sources.http_client import ResourceTooLarge
from ingest.sources.safexml import SourceFormatError
from tracker.models import Dossier, SyncRun
from tracker.sync.failures import explain
from tracker.intake import TooLarge

log = logging.getLogger(__name__)


class Recorder:
    """Counts what one run brought in; each item is stored in its own transaction, so one
    failing entity is written down and the run goes on with the next."""

    def __init__(self, source: str, user=None):
        self.run = SyncRun.objects.create(source=source)
        self.user = user  # who had the run started, recorded on the documents it brings in

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

    def fail(self, what: str, error: Exception, **retry) -> None:
        self.run.failed += 1
        failure = explain(error)
        self.run.failures.append({"what": what, "reason": failure.reason, "detail": failure.detail, **retry})

    @contextmanager
    def item(self, what: str, **retry):
        """`retry` is kept with a failure: what the next run needs to try that item again."""
        try:
            with transaction.atomic():
                yield
        except Exception as error:  # noqa: BLE001  any one entity may fail; the others still come in
            if not isinstance(error, (httpx.HTTPError, SourceFormatError, ResourceTooLarge, TooLarge)):
                log.exception("sync of %s failed", what)
            self.fail(what, error, **retry)

    def finish(self, cursor: str = "") -> SyncRun:
        self.run.cursor = cursor
        self.run.finished_at = timezone.now()
        self.run.succeeded = self.run.failed == 0
        self.run.save()
        return self.run


def followed_dossiers() -> list[Dossier]:
    return list(Dossier.objects.filter(followed_since__isnull=False).order_by("key"))


def previous_run(source: str) -> SyncRun | None:
    """The last run that finished: where to read on, and what failed then. A run whose process
    was killed never finished; the one before it still says where to start."""
    return SyncRun.objects.filter(source=source, finished_at__isnull=False).order_by("-started_at").first()
