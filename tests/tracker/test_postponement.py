"""A clerk records a postponement with its new deadline, and reopens what was closed too early."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.tracker.factories import make_document, promise
from tracker.models import Commitment, Fulfilment

TEXT = "In december informeer ik uw Kamer wederom over de veiligheidssituatie in Irak."


@pytest.fixture
def commitment(db):
    letter = make_document(TEXT, kamerstuk="27925-960", date=dt.date(2023, 11, 21),
                           commitments=[promise(TEXT, TEXT, dt.date(2023, 12, 31), "In december")])
    return letter.commitments.get()


def post(client, commitment, **data):
    """As the form sends it: with the version of the commitment on the page."""
    data.setdefault("version", Commitment.objects.get(pk=commitment.pk).version)
    return client.post(reverse("commitment_status", args=[commitment.pk]), data, HTTP_HX_REQUEST="true")


def test_it_postpones_with_a_new_deadline_keeping_the_old_one(clerk_client, clerk, commitment):
    response = post(clerk_client, commitment, status="uitgesteld", new_due_date="2024-03-31",
                    note="Brief van 20 december: eerste kwartaal")
    assert response.status_code == 200
    commitment.refresh_from_db()
    assert (commitment.status, commitment.due_date) == ("uitgesteld", dt.date(2024, 3, 31))
    change = commitment.changes.last()
    assert (change.from_status, change.to_status, change.changed_by) == ("kandidaat", "uitgesteld", clerk)
    assert (change.old_due_date, change.new_due_date) == (dt.date(2023, 12, 31), dt.date(2024, 3, 31))
    page = response.content.decode()
    assert "termijn 31 december 2023 → 31 maart 2024" in page.lower()
    assert "uitgesteld; oorspronkelijk “In december”" in page


def test_it_asks_for_the_new_deadline(clerk_client, commitment):
    response = post(clerk_client, commitment, status="uitgesteld")
    assert response.status_code == 422
    assert "Geef de nieuwe termijn van de uitgestelde toezegging." in response.content.decode()
    commitment.refresh_from_db()
    assert (commitment.status, commitment.due_date) == ("kandidaat", dt.date(2023, 12, 31))


def test_it_wants_the_new_deadline_after_the_old_one(clerk_client, commitment):
    response = post(clerk_client, commitment, status="uitgesteld", new_due_date="2023-12-01")
    assert response.status_code == 422
    assert "De nieuwe termijn moet na de huidige termijn liggen." in response.content.decode()


def test_it_keeps_every_postponement(clerk_client, commitment):
    post(clerk_client, commitment, status="uitgesteld", new_due_date="2024-03-31")
    post(clerk_client, commitment, status="uitgesteld", new_due_date="2024-06-30")
    deadlines = list(commitment.changes.filter(to_status="uitgesteld").values_list("old_due_date", "new_due_date"))
    assert deadlines == [(dt.date(2023, 12, 31), dt.date(2024, 3, 31)), (dt.date(2024, 3, 31), dt.date(2024, 6, 30))]


def test_a_postponed_commitment_is_late_after_its_new_deadline(clerk_client, commitment):
    post(clerk_client, commitment, status="uitgesteld", new_due_date="2024-03-31")
    commitment.refresh_from_db()
    assert commitment.status == "uitgesteld"
    assert not commitment.is_late(today=dt.date(2024, 2, 1)) and commitment.is_late(today=dt.date(2024, 4, 1))
    assert commitment.state_label(today=dt.date(2024, 4, 1)) == "Uitgesteld · te laat"


def test_it_reopens_a_fulfilled_commitment_with_a_reason(clerk_client, clerk, commitment):
    follow_up = make_document("Hierbij informeer ik uw Kamer.", kamerstuk="27925-962", date=dt.date(2023, 12, 15))
    post(clerk_client, commitment, status="voldaan", evidence=follow_up.pk)
    page = clerk_client.get(reverse("commitment", args=[commitment.pk])).content.decode()
    assert "Heropenen" in page
    assert post(clerk_client, commitment, status="openstaand").status_code == 422
    response = post(clerk_client, commitment, status="openstaand", note="De brief ging over iets anders")
    assert response.status_code == 200
    commitment.refresh_from_db()
    assert commitment.status == "openstaand"
    assert not Fulfilment.objects.filter(commitment=commitment).exists()
    change = commitment.changes.last()
    assert (change.from_status, change.to_status, change.reason, change.changed_by) == (
        "voldaan", "openstaand", "De brief ging over iets anders", clerk)
    # The letter given as evidence then stays in the history.
    assert commitment.changes.filter(to_status="voldaan", evidence=follow_up).exists()


@pytest.mark.parametrize("closed", ["vervallen", "deels_voldaan"])
def test_it_reopens_lapsed_and_partly_fulfilled_commitments(clerk_client, commitment, closed):
    follow_up = make_document("Hierbij informeer ik uw Kamer.", kamerstuk="27925-962", date=dt.date(2023, 12, 15))
    post(clerk_client, commitment, status=closed, evidence=follow_up.pk, note="Zo is het")
    post(clerk_client, commitment, status="openstaand", note="Toch nog open")
    commitment.refresh_from_db()
    assert commitment.status == "openstaand"
    assert list(commitment.changes.values_list("to_status", flat=True))[-2:] == [closed, "openstaand"]


def test_reopening_a_rejected_candidate_brings_it_back_in_the_lists(clerk_client, commitment):
    clerk_client.post(reverse("review_decide", args=[commitment.pk, "reject"]),
                      {"reason": "Geen belofte", "version": commitment.version})
    post(clerk_client, commitment, status="openstaand", note="Toch een toezegging")
    commitment.refresh_from_db()
    assert commitment.status == "openstaand" and not commitment.rejected
    assert "In december informeer ik" in clerk_client.get(reverse("dossier", args=["27925"])).content.decode()


def test_it_offers_no_reopening_for_open_commitments(clerk_client, commitment):
    assert "Heropenen" not in clerk_client.get(reverse("commitment", args=[commitment.pk])).content.decode()
