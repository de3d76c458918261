"""Background work. Thin: the reading and understanding happen in `ingest/`."""

import logging
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.db.models import F, Q
from django.utils import timezone

import ingest
from tracker.models import Document
from tracker.storing import store_analysis, store_failure

log = logging.getLogger(__name__)

# A document whose analysis killed its worker this many times is left for a clerk.
MAX_ATTEMPTS = 3


@shared_task(name="tracker.analyse_document", bind=True, acks_late=True, reject_on_worker_lost=True)
def analyse_document(task, document_id: int) -> None:
    if not _claim(document_id, task.request.id or ""):
        return
    document = Document.objects.get(pk=document_id)
    if document.attempts > MAX_ATTEMPTS:
        store_failure(document, "vastgelopen", "De verwerking van dit bestand is herhaaldelijk vastgelopen; "
                      "het origineel is bewaard voor handmatige controle.")
        return
    try:
        analysis = ingest.analyse_file(document.original.path)
    except ingest.ExtractionError as error:
        log.info("document %s: %s", document_id, error.reason)
        store_failure(document, error.code, error.reason)
        return
    store_analysis(document, analysis)


def _claim(document_id: int, task_id: str) -> bool:
    """Take the document with a conditional UPDATE, so two workers never analyse it at once.

    It may be taken again by the same task redelivered after its worker died, or by
    anyone once the claim is older than the task time limit.
    """
    now = timezone.now()
    stale = now - timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)
    return bool(
        Document.objects.filter(pk=document_id, state=Document.State.BEZIG)
        .filter(Q(claimed_at__isnull=True) | Q(claimed_at__lt=stale) | Q(claim_token=task_id))
        .update(claimed_at=now, claim_token=task_id, attempts=F("attempts") + 1)
    )
