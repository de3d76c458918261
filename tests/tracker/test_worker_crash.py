"""A worker killed in the middle of a large document: the next worker finishes it, exactly once."""

import os
import signal
import time

import pytest
from django.core.files.base import ContentFile

from tests.ingest.fixtures.kamerstuk_pdf import PrintedPage, write_kamerstuk
from tests.tracker.factories import wait_until
from tracker.models import Commitment, Document
from tracker.tasks import requeue_stale_documents
from tracker.uploads import receive

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
    assert Document.objects.get(pk=document.pk).state == "bezig"

    # The periodic job finds the claim of the dead worker and queues the document again.
    settings.STALE_CLAIM_SECONDS = 1
    start_worker(STALE_CLAIM_SECONDS="1")
    time.sleep(1.5)
    assert requeue_stale_documents() == 1

    wait_until(lambda: Document.objects.get(pk=document.pk).state != "bezig", timeout=120, what="the second worker")
    document.refresh_from_db()
    assert document.state == "klaar", document.error
    assert document.attempts == 2
    assert Commitment.objects.filter(document=document, text__contains="In december informeer").count() == 1


def test_a_document_that_keeps_killing_its_worker_is_left_for_a_clerk(db, settings):
    from tracker.processing import MAX_ATTEMPTS, process

    document = receive(ContentFile(b"Voor de zomer informeer ik uw Kamer."), "nota.txt").document
    Document.objects.filter(pk=document.pk).update(attempts=MAX_ATTEMPTS)
    process(document.pk, "same-task-redelivered")
    document.refresh_from_db()
    assert (document.state, document.error_code) == ("mislukt", "vastgelopen")
    assert "handmatige controle" in document.error
