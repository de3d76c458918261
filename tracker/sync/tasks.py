"""The sync's own task: nightly from Celery beat, or started by a clerk on Bronnen."""

import logging

from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model

from tracker.sync import SOURCES, SyncBusy, run_source

log = logging.getLogger(__name__)


# Its own limit, not the analysis tasks' CELERY_TASK_TIME_LIMIT: a run stops itself after SYNC_TIME_LIMIT seconds
# (cursor saved) and queues the next part; the hard limit is only a backstop beyond that.
@shared_task(name="tracker.sync_sources", time_limit=settings.SYNC_TIME_LIMIT + 600)
def sync_sources(source: str | None = None, user_id: int | None = None) -> None:
    """Fetch followed dossiers from one source ("tk", "obk") or, when None, from both; `user_id` is the clerk
    who asked for it (none for the nightly run). A source whose run stopped at its time limit is continued by a
    new task; a source another process is syncing is left to it."""
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    for name in SOURCES:
        if source not in (None, name):
            continue
        try:
            run = run_source(name, user, time_limit=settings.SYNC_TIME_LIMIT)
        except SyncBusy:
            log.info("sync of %s is already running elsewhere", name)
            continue
        if run.succeeded and not run.complete:
            sync_sources.delay_on_commit(name, user_id)
