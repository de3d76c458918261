"""The worker's tasks on documents. Thin: the logic lives in `tracker.analysis` and `ingest/`."""

from celery import shared_task
from celery.signals import task_prerun, worker_process_init, worker_process_shutdown
from django.db import close_old_connections

from tracker.analysis import process, stale_documents, store_analysis
from tracker.learning import retrain
from tracker.store_behind import StoreBehind

# In a worker's pool process, a document's rows are stored while the engine reads the next one.
_store_behind: StoreBehind | None = None


@worker_process_init.connect
def _start_storing_behind(**_):
    global _store_behind
    _store_behind = StoreBehind(store_analysis)


@worker_process_shutdown.connect
def _finish_storing(**_):
    if _store_behind is not None:
        _store_behind.close()


@task_prerun.connect
def _replace_unusable_connections(task, **_):
    # What Django does before each request, now that connections outlive a task (CELERY_DB_REUSE_MAX). Not
    # for a task run eagerly, inside its caller's transaction.
    if not task.request.is_eager:
        close_old_connections()


@shared_task(name="tracker.analyse_document", bind=True, acks_late=True, reject_on_worker_lost=True)
def analyse_document(task, document_id: int) -> None:
    process(document_id, task.request.id or "", store=_store_behind.submit if _store_behind else None)


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
