"""Analysing one stored document: claim it, run the engine, store what it found.

Run by the Celery task, and in-process by `manage.py ingest --wait`. Safe to run
twice for one document: the claim and the state check in `store_analysis` make
sure a document is analysed once. While the engine reads, the claim is renewed
every CLAIM_HEARTBEAT_SECONDS, so a claim older than STALE_CLAIM_SECONDS means
its process is gone, however long the document takes, and it is taken over soon.
"""

import logging
import threading
from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.db import connection
from django.db.models import F, Q
from django.utils import timezone

import ingest
from tracker.models import Document
from tracker.storing import store_analysis, store_failure

log = logging.getLogger(__name__)

# A document whose analysis killed its worker this many times is left for a clerk.
MAX_ATTEMPTS = 3
ORIGINAL_MISSING_CODE = "origineel-ontbreekt"
ORIGINAL_MISSING = ("Het originele bestand van dit document ontbreekt op de server, dus het kan niet (opnieuw) "
                    "worden gelezen. Zet het bestand terug in de map met originelen of upload het opnieuw.")


def process(document_id: int, token: str) -> None:
    if not claim(document_id, token):
        return
    document = Document.objects.get(pk=document_id)
    if document.attempts > MAX_ATTEMPTS:
        store_failure(document, "vastgelopen", "De verwerking van dit bestand is herhaaldelijk vastgelopen; "
                      "het origineel is bewaard voor handmatige controle.")
        return
    if document.original_missing:
        store_failure(document, ORIGINAL_MISSING_CODE, ORIGINAL_MISSING)
        return
    try:
        with heartbeat(document_id, token):
            analysis = ingest.analyse_file(document.original.path)
    except ingest.ExtractionError as error:
        log.info("document %s: %s", document_id, error.reason)
        store_failure(document, error.code, error.reason)
        return
    store_analysis(document, analysis)


@contextmanager
def heartbeat(document_id: int, token: str):
    """Renew the claim from a thread while the caller waits for the engine's child process."""
    stop = threading.Event()

    def renew():
        try:
            while not stop.wait(settings.CLAIM_HEARTBEAT_SECONDS):
                Document.objects.filter(pk=document_id, state=Document.State.BEZIG, claim_token=token).update(
                    claimed_at=timezone.now())
        finally:
            connection.close()  # this thread's own connection

    thread = threading.Thread(target=renew, name=f"claim-{document_id}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def claim(document_id: int, token: str) -> bool:
    """Take the document with a conditional UPDATE, so two workers never analyse it at once.

    It may be taken again by the same task redelivered after its worker died, or by
    anyone once the claim is older than STALE_CLAIM_SECONDS.
    """
    now = timezone.now()
    stale = now - timedelta(seconds=settings.STALE_CLAIM_SECONDS)
    return bool(
        Document.objects.filter(pk=document_id, state=Document.State.BEZIG)
        .filter(Q(claimed_at__isnull=True) | Q(claimed_at__lt=stale) | Q(claim_token=token))
        .update(claimed_at=now, claim_token=token, attempts=F("attempts") + 1)
    )


def stale_documents():
    """Documents still "bezig" whose worker died: claimed and no longer renewed, or queued and never claimed.

    A queued document may wait its turn behind many others, so only one that waited longer than a whole
    task may take counts as lost by the broker."""
    now = timezone.now()
    stale = now - timedelta(seconds=settings.STALE_CLAIM_SECONDS)
    lost = now - timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)
    return Document.objects.filter(state=Document.State.BEZIG).filter(
        Q(claimed_at__lt=stale) | Q(claimed_at__isnull=True, created_at__lt=lost)
    )
