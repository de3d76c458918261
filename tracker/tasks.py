"""Background work. Thin: the logic lives in `tracker.processing` and `ingest/`."""

from celery import shared_task
from django.contrib.auth import get_user_model

from tracker.processing import process, stale_documents
from tracker.reminders import send_weekly
from tracker.sync import SOURCES


@shared_task(name="tracker.analyse_document", bind=True, acks_late=True, reject_on_worker_lost=True)
def analyse_document(task, document_id: int) -> None:
    process(document_id, task.request.id or "")


@shared_task(name="tracker.requeue_stale_documents")
def requeue_stale_documents() -> int:
    """Queue again what a dead worker left "bezig"; brokers do not always redeliver it."""
    document_ids = list(stale_documents().values_list("pk", flat=True))
    for document_id in document_ids:
        analyse_document.delay(document_id)
    return len(document_ids)


@shared_task(name="tracker.sync_sources")
def sync_sources(source: str | None = None, user_id: int | None = None) -> None:
    """Fetch followed dossiers from one source ("tk", "obk") or, when None, from both; `user_id` is the clerk
    who asked for it (none for the nightly run)."""
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    for name, sync in SOURCES.items():
        if source in (None, name):
            sync(user)


@shared_task(name="tracker.send_reminders")
def send_reminders() -> int:
    """The weekly e-mail to each clerk about the dossiers they follow (logic in `tracker.reminders`)."""
    return send_weekly()
