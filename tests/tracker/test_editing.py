"""Clerks correct what the detection got wrong and enter promises it cannot find; both are kept in the history."""

import datetime as dt

import pytest
from django.urls import reverse

from ingest.model import Postponement as FoundPostponement
from tests.tracker.factories import citation, make_document, promise
from tracker.models import Commitment, Postponement

TEXT = "In december informeer ik uw Kamer wederom over de veiligheidssituatie in Irak."


@pytest.fixture
def commitment(db):
    letter = make_document(TEXT, kamerstuk="27925-960", date=dt.date(2023, 11, 21), sender="Minister van Defensie",
                           commitments=[promise(TEXT, TEXT, dt.date(2023, 12, 31), "In december")])
    return letter.commitments.get()


def test_a_detected_commitment_takes_its_letters_context(commitment):
    assert (commitment.dossier.key, commitment.ministry, commitment.made_on) == (
        "27925", "Defensie", dt.date(2023, 11, 21))


def test_a_clerk_corrects_the_due_date_and_ministry(clerk_client, clerk, commitment):
    response = clerk_client.post(reverse("commitment_edit", args=[commitment.pk]), {
        "text": TEXT, "due_date": "2024-01-31", "due_text": "eind januari", "ministry": "BZ",
        "dossier": "27 925", "version": commitment.version,
    })
    assert response.status_code == 302
    commitment.refresh_from_db()
    assert commitment.due_date == dt.date(2024, 1, 31) and commitment.ministry == "BZ"
    change = commitment.changes.last()
    assert change.changed_by == clerk and change.from_status == change.to_status == "kandidaat"
    assert "termijn: 31-12-2023 → 31-01-2024" in change.reason
    assert "ministerie: Defensie → Buitenlandse Zaken" in change.reason


def test_an_edit_that_changes_nothing_records_nothing(clerk_client, commitment):
    clerk_client.post(reverse("commitment_edit", args=[commitment.pk]), {
        "text": TEXT, "due_date": "2023-12-31", "due_text": "In december", "ministry": "Defensie",
        "dossier": "27925", "version": commitment.version,
    })
    assert commitment.changes.count() == 1


def test_an_edit_on_a_stale_version_is_a_conflict(clerk_client, commitment):
    response = clerk_client.post(reverse("commitment_edit", args=[commitment.pk]), {
        "text": "Iets anders", "dossier": "27925", "version": commitment.version + 1})
    assert response.status_code == 409
    commitment.refresh_from_db()
    assert commitment.text == TEXT


def test_a_clerk_enters_an_oral_promise_from_a_debate(clerk_client, clerk, db):
    response = clerk_client.post(reverse("commitment_new"), {
        "text": "De minister stuurt voor de zomer een brief over de evaluatie van de missie.",
        "dossier": "27 925", "ministry": "Defensie", "made_on": "2023-10-25",
        "origin": "Commissiedebat van 25 oktober 2023", "due_date": "2024-06-30", "due_text": "voor de zomer",
    })
    commitment = Commitment.objects.get(source="clerk")
    assert response.status_code == 302 and response["Location"] == commitment.get_absolute_url()
    assert commitment.document is None and commitment.status == "openstaand"
    assert commitment.dossier.key == "27925" and commitment.due_date == dt.date(2024, 6, 30)
    assert commitment.changes.get().changed_by == clerk
    page = clerk_client.get(commitment.get_absolute_url()).content.decode()
    assert "Commissiedebat van 25 oktober 2023" in page


def test_it_refuses_a_dossier_that_is_not_a_number(clerk_client, db):
    response = clerk_client.post(reverse("commitment_new"), {"text": "Iets", "dossier": "Irak"})
    assert response.status_code == 422 and "geen dossiernummer" in response.content.decode()


def test_the_engines_postponement_is_confirmed_on_the_commitment_it_concerns(clerk_client, clerk, commitment):
    later = ("Het is niet mogelijk, zoals eerder toegezegd (Kamerstuk 27 925, nr. 960), uw Kamer in december "
             "te informeren over de veiligheidssituatie in Irak. Ik informeer uw Kamer uiterlijk eind februari.")
    sentence = later.split(". ")[0] + "."
    letter = make_document(later, kamerstuk="27925-965", date=dt.date(2023, 12, 20),
                           references=[citation(later, "Kamerstuk 27 925, nr. 960", "27925-960")],
                           postponements=[FoundPostponement(text=sentence, page=1, of="27925-960",
                                                            new_due=dt.date(2024, 2, 29))])
    postponement = Postponement.objects.get()
    assert postponement.commitment == commitment

    page = clerk_client.get(commitment.get_absolute_url()).content.decode()
    assert "Uitstel aangekondigd" in page and "2024-02-29" in page
    clerk_client.post(reverse("postponement_confirm", args=[postponement.pk]),
                      {"new_due_date": "2024-02-29", "version": commitment.version})
    commitment.refresh_from_db()
    assert commitment.status == "uitgesteld" and commitment.due_date == dt.date(2024, 2, 29)
    change = commitment.changes.last()
    assert (change.old_due_date, change.new_due_date, change.evidence) == (
        dt.date(2023, 12, 31), dt.date(2024, 2, 29), letter)
    assert not commitment.fulfilments.exists()  # a postponing letter fulfils nothing
    postponement.refresh_from_db()
    assert postponement.handled
    assert "Uitstel aangekondigd" not in clerk_client.get(commitment.get_absolute_url()).content.decode()
