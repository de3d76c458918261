"""The sync's own task: nightly from Celery beat, or started by a clerk on Bronnen."""

from celery import shared_task
from django.contrib.auth import get_user_model

from tracker.sync import SOURCES


@shared_task(name="tracker.sync_sources")
def sync_sources(source: str | None = None, user_id: int | None = None) -> None:
    """Fetch followed dossiers from one source ("tk", "obk") or, when None, from both; `user_id` is the clerk
    who asked for it (none for the nightly run)."""
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    for name, sync in SOURCES.items():
        if source in (None, name):
            sync(user)
