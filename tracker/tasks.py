"""The worker's tasks on documents. Thin: the logic lives in `tracker.analysis` and `ingest/`."""

from celery import shared_task

from tracker.analysis import process, stale_documents
from tracker.learning import retrain


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


@shared_task(name="tracker.retrain_model")
def retrain_model() -> int | None:
    """Fit the model on the griffie's decisions again when there are enough new ones; the new model's id."""
    model = retrain()
    return model.pk if model else None
