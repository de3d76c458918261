"""`manage.py seed_demo`: a synthetic archive made directly in the database, removable with --clear."""

import io

from django.core.management import call_command
from django.db.models import Count

from tests.tracker.factories import make_document
from tracker.models import (
    Commitment,
    Document,
    DocumentPage,
    Dossier,
    Fulfilment,
    Reference,
    Status,
    StatusChange,
)


def seed(*args):
    out = io.StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def test_it_makes_an_archive_of_the_size_asked(db):
    seed("--documents", "300")
    assert Document.objects.filter(origin=Document.Origin.DEMO, state=Document.State.KLAAR).count() == 300
    assert DocumentPage.objects.count() >= 300
    sizes = sorted(Dossier.objects.annotate(n=Count("documents")).values_list("n", flat=True))
    assert sizes[-1] >= 5 * sizes[0]  # a few large dossiers, many small ones
    letters = Document.objects.filter(kind=Document.Kind.BRIEF).count()
    assert 2 * letters <= Commitment.objects.count() <= 4 * letters


def test_some_letters_cite_another_dossier_and_join_its_timeline(staff_client):
    seed("--documents", "300")
    elsewhere = Reference.objects.filter(from_elsewhere=True).select_related("document__dossier").first()
    assert elsewhere is not None and elsewhere.document.dossier.key != elsewhere.dossier_key
    assert Reference.objects.filter(from_elsewhere=False).exists()
    page = staff_client.get(f"/dossiers/{elsewhere.dossier_key}/?periode={elsewhere.document.date:%Y-%m}")
    assert f'id="document-{elsewhere.document_id}"' in page.content.decode()


def test_it_has_every_status_with_history_and_evidence(db):
    seed("--documents", "300")
    assert set(Commitment.objects.values_list("status", flat=True)) == set(Status.values)
    assert Commitment.objects.overdue().exists()
    fulfilled = Commitment.objects.filter(status=Status.VOLDAAN)
    assert Fulfilment.objects.filter(commitment__in=fulfilled).count() == fulfilled.count()
    assert StatusChange.objects.filter(commitment__in=fulfilled, to_status=Status.VOLDAAN,
                                       evidence__isnull=False).count() == fulfilled.count()
    assert not Commitment.objects.filter(changes__isnull=True).exists()


def test_its_documents_can_be_searched(staff_client):
    seed("--documents", "100")
    page = staff_client.get("/zoeken/", {"q": "kabinet"}).content.decode()
    assert "<mark>kabinet</mark>" in page.lower()


def test_clear_removes_only_the_demo_data_and_can_be_repeated(db):
    own = make_document("Een echte brief.", kamerstuk="27925-960")
    seed("--documents", "200")
    seed("--documents", "100")  # a second run replaces the first
    assert Document.objects.filter(origin=Document.Origin.DEMO).count() == 100
    for _ in range(2):
        seed("--clear")
        assert list(Document.objects.all()) == [own]
        assert list(Dossier.objects.values_list("key", flat=True)) == ["27925"]
        assert Commitment.objects.count() == StatusChange.objects.count() == Fulfilment.objects.count() == 0
