"""A worker killed in the middle of a large document: the next worker finishes it, exactly once."""

import os
import signal
import time

import pytest
from django.core.files.base import ContentFile

from tests.ingest.fixtures.kamerstuk_pdf import PrintedPage, write_kamerstuk
from tests.tracker.factories import wait_until
from tracker.intake import receive
from tracker.models import Commitment, Document
from tracker.tasks import requeue_stale_documents

pytestmark = pytest.mark.worker

PROMISE = "In december informeer ik uw Kamer over de voortgang van de evaluatie."
FILLER = "De inzet wordt voortgezet en de resultaten worden nauwgezet gevolgd door het ministerie."


def large_letter(path, pages=400):
    first = PrintedPage(["Den Haag, 21 november 2023", PROMISE] + [FILLER] * 40)
    write_kamerstuk(path, [first] + [PrintedPage([FILLER] * 50) for _ in range(pages - 1)],
                    header=["Tweede Kamer der Staten-Generaal", "27 925 Bestrijding internationaal terrorisme",
                            "Nr. 999 BRIEF VAN DE MINISTER VAN DEFENSIE"])
    return path.read_bytes()


def test_a_document_survives_its_worker_being_killed(start_worker, tmp_path, settings):
    document = receive(ContentFile(large_letter(tmp_path / "groot.pdf")), "groot.pdf").document
    first = start_worker()
    wait_until(lambda: Document.objects.get(pk=document.pk).claimed_at is not None, interval=0.05,
               what="the first worker to claim the document")
    os.killpg(first.pid, signal.SIGKILL)
    first.wait()
    killed = time.monotonic()
    assert Document.objects.get(pk=document.pk).state == "bezig"

    # With the default settings the periodic job finds the claim of the dead worker as soon as it goes
    # unrenewed for STALE_CLAIM_SECONDS, and queues the document again.
    start_worker()
    wait_until(lambda: requeue_stale_documents() == 1, timeout=settings.STALE_CLAIM_SECONDS + 10, interval=1,
               what="the claim of the killed worker to go stale")
    assert time.monotonic() - killed >= settings.STALE_CLAIM_SECONDS - 1  # not taken over while it might live

    wait_until(lambda: Document.objects.get(pk=document.pk).state != "bezig", timeout=120, what="the second worker")
    recovered = time.monotonic() - killed
    document.refresh_from_db()
    assert document.state == "klaar", document.error
    assert document.attempts == 2
    assert Commitment.objects.filter(document=document, text__contains="In december informeer").count() == 1
    # Beat runs the job every REQUEUE_EVERY_SECONDS; even at its least lucky moment the document is done
    # within a minute of the kill.
    assert recovered + settings.CELERY_BEAT_SCHEDULE["requeue-stale-documents"]["schedule"] < 60, recovered


def test_a_live_worker_keeps_its_claim_however_long_it_reads(start_worker, tmp_path, settings):
    settings.STALE_CLAIM_SECONDS = 2
    # As many pages as a file may have (INGEST_MAX_PAGES): the engine reads a few hundred a second.
    document = receive(ContentFile(large_letter(tmp_path / "groot.pdf", pages=1000)), "groot.pdf").document
    start_worker(STALE_CLAIM_SECONDS="2", CLAIM_HEARTBEAT_SECONDS="1")
    wait_until(lambda: Document.objects.get(pk=document.pk).claimed_at is not None, interval=0.05,
               what="the worker to claim the document")
    time.sleep(3)  # one and a half times the stale time, while it reads
    assert Document.objects.get(pk=document.pk).state == "bezig", "the document must take longer than this"
    assert requeue_stale_documents() == 0
    wait_until(lambda: Document.objects.get(pk=document.pk).state != "bezig", timeout=120, what="the worker")
    document.refresh_from_db()
    assert (document.state, document.attempts) == ("klaar", 1)


def test_a_document_that_keeps_killing_its_worker_is_left_for_a_clerk(db, settings):
    from tracker.analysis import MAX_ATTEMPTS, process

    document = receive(ContentFile(b"Voor de zomer informeer ik uw Kamer."), "nota.txt").document
    Document.objects.filter(pk=document.pk).update(attempts=MAX_ATTEMPTS)
    process(document.pk, "same-task-redelivered")
    document.refresh_from_db()
    assert (document.state, document.error_code) == ("mislukt", "vastgelopen")
    assert "handmatige controle" in document.error
