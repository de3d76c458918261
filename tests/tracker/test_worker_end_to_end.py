"""The whole pipeline on a real Celery worker process: upload, queue, extract, store."""

import pytest
from django.core.files.base import ContentFile

from tests.seeds import IRAK_LETTER_PDF as IRAK_LETTER
from tests.tracker.badfiles import bad_files
from tests.tracker.factories import wait_until
from tracker.intake import receive
from tracker.models import Document

pytestmark = pytest.mark.worker


def test_a_real_worker_analyses_a_seed_letter(celery_worker):
    received = receive(ContentFile(IRAK_LETTER.read_bytes()), IRAK_LETTER.name)
    document = received.document
    assert document.state == "bezig"

    wait_until(lambda: Document.objects.get(pk=document.pk).state != "bezig", what="the worker")

    document.refresh_from_db()
    assert document.state == "klaar", document.error
    assert (document.kamerstuk, str(document.date), document.sender) == (
        "27925-960", "2023-11-21", "Minister van Defensie")
    assert document.dossier.key == "27925"
    assert set(document.references.values_list("kamerstuk", flat=True)) == {"27925-943", "27925-958"}
    december = document.commitments.get(text__contains="In december informeer ik uw Kamer")
    assert str(december.due_date) == "2023-12-31" and december.status == "kandidaat"
    assert december.changes.get().source == "engine"


def test_bad_files_fail_with_a_reason_and_the_worker_goes_on(celery_worker):
    documents = {}
    for name, content, state, code, word in bad_files():
        documents[name] = (receive(ContentFile(content), name).document, content, state, code, word)
    good = receive(ContentFile(IRAK_LETTER.read_bytes()), IRAK_LETTER.name).document

    wait_until(lambda: not Document.objects.filter(state="bezig").exists(), timeout=180, what="all documents")

    for name, (document, content, state, code, word) in documents.items():
        document.refresh_from_db()
        assert (document.state, document.error_code) == (state, code), (name, document.error)
        assert word in document.error, (name, document.error)
        with document.original.open("rb") as handle:
            assert handle.read() == content, f"{name}: the original must be kept"
    good.refresh_from_db()
    assert good.state == "klaar"


def test_a_worker_whose_database_connections_were_cut_goes_on_with_the_next_document(celery_worker):
    from django.db import connection

    first = receive(ContentFile(b"Voor de zomer informeer ik uw Kamer over de evaluatie."), "eerste.txt").document
    wait_until(lambda: Document.objects.get(pk=first.pk).state != "bezig", what="the worker")
    # A pool process keeps its connections from one document to the next (the task's and the one its rows are
    # stored with); a restarted server ends them. The broker's, on the same server by default, are left alone.
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
                       "AND pid <> pg_backend_pid() AND backend_type = 'client backend' AND query NOT LIKE %s",
                       ["%kombu%"])
        assert cursor.rowcount >= 2, "the worker's connections must have been found"

    second = receive(ContentFile(b"In het najaar stuur ik uw Kamer de visie."), "tweede.txt").document
    # Well within the time after which a lost document is queued again (STALE_CLAIM_SECONDS): done at once.
    wait_until(lambda: Document.objects.get(pk=second.pk).state != "bezig", timeout=20, what="the worker")
    second.refresh_from_db()
    assert second.state == "klaar", second.error
    assert second.commitments.filter(text__contains="In het najaar stuur ik").count() == 1
