"""A clerk corrects a document's number, dossiers, date, kind, sender and title; a paper can be in several
dossiers; the document's history keeps every correction."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.tracker.factories import citation, make_document, promise
from tracker.corrections import correct
from tracker.models import Document, DocumentChange, Reference

PROMISE = "Voor de zomer informeer ik uw Kamer over de voortgang."


def form_data(document, **changes):
    data = {"kamerstuk": document.kamerstuk, "dossiers": "; ".join(document.dossier_keys()),
            "date": document.date.isoformat() if document.date else "", "kind": document.kind,
            "sender": document.sender, "ministries": "; ".join(document.ministries), "title": document.title}
    return {**data, **changes}


def test_a_corrected_number_moves_the_letter_to_its_dossier_with_its_commitments(clerk_client, clerk):
    letter = make_document(PROMISE, date=dt.date(2024, 3, 1), commitments=[promise(PROMISE, PROMISE)])
    assert letter.dossier is None
    response = clerk_client.post(reverse("document_correct", args=[letter.pk]),
                                 form_data(letter, kamerstuk="27 925, nr. 991"))
    assert response.status_code == 302
    letter.refresh_from_db()
    assert (letter.kamerstuk, letter.volgnummer, letter.dossier.key) == ("27925-991", "991", "27925")
    commitment = letter.commitments.get()
    assert commitment.dossier.key == "27925"
    assert commitment.changes.filter(reason__contains="met de brief mee").exists()
    change = DocumentChange.objects.get(document=letter)
    assert change.changed_by == clerk
    assert "Kamerstuknummer: — → 27925-991" in change.reason and "dossiers: — → 27925" in change.reason
    page = clerk_client.get(reverse("document", args=[letter.pk])).content.decode()
    assert "Correcties" in page and "27925-991" in page


def test_citations_follow_the_corrected_number(clerk):
    wrong = make_document("Brief", kamerstuk="27925-990", date=dt.date(2024, 3, 1))
    text = "Zie Kamerstuk 27 925, nr. 990 en Kamerstuk 27 925, nr. 991."
    citing = make_document(text, date=dt.date(2024, 4, 1), references=[
        citation(text, "27 925, nr. 990", "27925-990"), citation(text, "27 925, nr. 991", "27925-991")])
    assert citing.references.get(kamerstuk="27925-990").target == wrong
    correct(wrong, clerk, {"kamerstuk": "27925-991"})
    assert citing.references.get(kamerstuk="27925-990").target is None
    assert citing.references.get(kamerstuk="27925-991").target == wrong


def test_a_paper_in_two_dossiers_is_on_both_timelines_and_lists(staff_client):
    paper = make_document("Brief", kamerstuk="27925-946", dossiers=["27925", "29521"], date=dt.date(2024, 5, 1),
                          title="Gedeelde brief")
    assert paper.dossier_keys() == ["27925", "29521"]
    for key in ("27925", "29521"):
        page = staff_client.get(reverse("dossier", args=[key])).content.decode()
        assert "Gedeelde brief" in page
    assert "verwijst naar dit dossier" not in staff_client.get(reverse("dossier", args=["29521"])).content.decode()
    listed = staff_client.get(reverse("documents") + "?dossier=29521").content.decode()
    assert "Gedeelde brief" in listed
    api = staff_client.get(reverse("api_documents") + "?dossier=29521").json()
    assert [d["dossiers"] for d in api["results"]] == [["27925", "29521"]]
    page = staff_client.get(reverse("document", args=[paper.pk])).content.decode()
    assert "ook in" in page and reverse("dossier", args=["29521"]) in page


def test_a_citation_from_a_second_dossier_is_not_from_elsewhere(db):
    text = "Zoals in Kamerstuk 29 521, nr. 400 gemeld."
    paper = make_document(text, kamerstuk="27925-946", dossiers=["27925", "29521"],
                          references=[citation(text, "29 521, nr. 400", "29521-400")])
    assert paper.references.get().from_elsewhere is False


def test_dossiers_typed_by_a_clerk_keep_the_own_number_first(clerk):
    paper = make_document("Brief", kamerstuk="27925-946", date=dt.date(2024, 5, 1))
    correct(paper, clerk, {"dossiers": ["29521", "27925"]})
    paper.refresh_from_db()
    assert paper.dossier_keys() == ["27925", "29521"]
    assert "dossiers: 27925 → 27925, 29521" in paper.changes.get().reason


def test_an_unchanged_form_changes_nothing_and_writes_no_history(clerk_client):
    letter = make_document("Brief", kamerstuk="27925-946", date=dt.date(2024, 5, 1), sender="Minister van Defensie")
    form = clerk_client.get(reverse("document_correct", args=[letter.pk]))
    assert 'value="2024-05-01"' in form.content.decode()
    clerk_client.post(reverse("document_correct", args=[letter.pk]), form_data(letter, kamerstuk="27 925, nr. 946"))
    assert not DocumentChange.objects.exists()


@pytest.mark.parametrize("field, typed, message", [
    ("kamerstuk", "nummer 12", "geen Kamerstuknummer"),
    ("dossiers", "27 925; hallo", "geen dossiernummer"),
])
def test_a_wrong_number_is_refused_in_dutch(clerk_client, field, typed, message):
    letter = make_document("Brief", kamerstuk="27925-946", date=dt.date(2024, 5, 1))
    response = clerk_client.post(reverse("document_correct", args=[letter.pk]), form_data(letter, **{field: typed}))
    assert response.status_code == 422 and message in response.content.decode()
    assert Document.objects.get(pk=letter.pk).kamerstuk == "27925-946"


def test_staff_cannot_correct_documents(staff_client):
    letter = make_document("Brief", kamerstuk="27925-946")
    assert staff_client.get(reverse("document_correct", args=[letter.pk])).status_code == 403
    response = staff_client.post(reverse("document_correct", args=[letter.pk]), form_data(letter, title="Anders"))
    assert response.status_code == 403 and Document.objects.get(pk=letter.pk).title == "Brief"


def test_the_history_of_a_document_is_never_rewritten(clerk):
    letter = make_document("Brief", kamerstuk="27925-946")
    change = correct(letter, clerk, {"title": "Stand van zaken"})
    with pytest.raises(ValueError):
        change.save()
    with pytest.raises(ValueError):
        change.delete()
    assert Reference.objects.count() == 0


def test_corrected_ministries_take_the_letters_commitments_along(clerk_client):
    letter = make_document(PROMISE, kamerstuk="27925-946", date=dt.date(2024, 5, 1), sender="Minister van Defensie",
                           commitments=[promise(PROMISE, PROMISE)])
    assert letter.ministries == ["Defensie"] and letter.commitments.get().ministry == "Defensie"
    clerk_client.post(reverse("document_correct", args=[letter.pk]),
                      form_data(letter, ministries="Buitenlandse Zaken; Defensie"))
    letter.refresh_from_db()
    assert letter.ministries == ["BZ", "Defensie"]
    commitment = letter.commitments.get()
    assert commitment.ministry == "BZ"
    assert commitment.changes.filter(reason__contains="ministerie: Defensie → Buitenlandse Zaken").exists()
    response = clerk_client.post(reverse("document_correct", args=[letter.pk]),
                                 form_data(letter, ministries="Kabouters"))
    assert response.status_code == 422 and "geen ministerie" in response.content.decode()
