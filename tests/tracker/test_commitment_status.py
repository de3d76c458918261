"""A clerk marks a commitment Voldaan with the fulfilling letter; every change is kept."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.tracker.factories import make_document, promise
from tracker.models import Commitment, Document, Fulfilment, StatusChange

TEXT = "In december informeer ik uw Kamer wederom over de veiligheidssituatie in Irak."


@pytest.fixture
def commitment(db):
    letter = make_document(TEXT, kamerstuk="27925-960", date=dt.date(2023, 11, 21),
                           commitments=[promise(TEXT, TEXT, dt.date(2023, 12, 31), "In december")])
    return letter.commitments.get()


@pytest.fixture
def follow_up(db):
    return make_document("Hierbij informeer ik uw Kamer.", kamerstuk="27925-962", date=dt.date(2023, 12, 15),
                         title="Stand van zaken Irak")


def post(client, commitment, **data):
    """As the form sends it: with the version of the commitment on the page."""
    data.setdefault("version", Commitment.objects.get(pk=commitment.pk).version)
    return client.post(reverse("commitment_status", args=[commitment.pk]), data, HTTP_HX_REQUEST="true")


def test_it_marks_a_commitment_fulfilled_with_its_evidence(clerk_client, clerk, commitment, follow_up):
    response = post(clerk_client, commitment, status="voldaan", evidence=follow_up.pk, note="Brief van 15 december")
    assert response.status_code == 200
    commitment.refresh_from_db()
    assert commitment.status == "voldaan"
    fulfilment = Fulfilment.objects.get(commitment=commitment)
    assert fulfilment.document == follow_up and fulfilment.created_by == clerk
    change = commitment.changes.last()
    assert (change.from_status, change.to_status, change.changed_by, change.evidence, change.reason) == (
        "kandidaat", "voldaan", clerk, follow_up, "Brief van 15 december")
    page = response.content.decode()
    assert "Kandidaat → <strong>Voldaan</strong>" in page and "Gea Griffier" in page
    assert "Stand van zaken Irak" in page
    # the quote above the panel is sent along, coloured as fulfilled now, no longer as late
    assert '<blockquote id="promise-quote" class="promise state-voldaan" hx-swap-oob="true">' in page


def test_it_finds_the_fulfilling_letter_by_its_typed_number(clerk_client, commitment, follow_up):
    post(clerk_client, commitment, status="voldaan", kamerstuk="27 925, nr. 962")
    assert Fulfilment.objects.get(commitment=commitment).document == follow_up


def test_it_asks_for_the_fulfilling_letter(clerk_client, commitment):
    response = post(clerk_client, commitment, status="voldaan")
    assert response.status_code == 422
    assert "Kies de brief die de toezegging (deels) nakomt." in response.content.decode()
    commitment.refresh_from_db()
    assert commitment.status == "kandidaat"


def test_it_says_when_a_typed_number_is_not_here(clerk_client, commitment):
    response = post(clerk_client, commitment, status="voldaan", kamerstuk="27925-999")
    assert response.status_code == 422
    assert "Kamerstuk 27925-999 is nog niet in het systeem." in response.content.decode()


def test_it_asks_a_reason_to_let_a_commitment_lapse(clerk_client, commitment):
    assert post(clerk_client, commitment, status="vervallen").status_code == 422
    assert post(clerk_client, commitment, status="vervallen", note="Missie beëindigd").status_code == 200
    commitment.refresh_from_db()
    assert commitment.status == "vervallen"


def test_it_accepts_several_fulfilling_letters(clerk_client, commitment, follow_up):
    second = make_document("Nog een brief.", kamerstuk="27925-970", date=dt.date(2024, 2, 1))
    post(clerk_client, commitment, status="deels_voldaan", evidence=follow_up.pk)
    post(clerk_client, commitment, status="voldaan", evidence=second.pk)
    assert set(commitment.fulfilments.values_list("document__kamerstuk", flat=True)) == {"27925-962", "27925-970"}
    assert list(commitment.changes.values_list("to_status", flat=True)) == ["kandidaat", "deels_voldaan", "voldaan"]


def test_it_never_edits_or_deletes_history(commitment):
    change = commitment.changes.get()
    change.reason = "anders"
    with pytest.raises(ValueError):
        change.save()
    with pytest.raises(ValueError):
        change.delete()
    assert StatusChange.objects.get(pk=change.pk).reason == "Herkend in het document"


def test_it_computes_overdue_and_never_stores_it(commitment):
    commitment.status = "openstaand"
    commitment.save()
    assert not commitment.is_late(today=dt.date(2023, 12, 31))
    assert commitment.is_late(today=dt.date(2024, 1, 1)) and commitment.status == "openstaand"
    assert commitment.state_label(today=dt.date(2024, 1, 1)) == "Openstaand · te laat"
    assert type(commitment).objects.overdue(dt.date(2024, 1, 1)).get() == commitment
    assert not type(commitment).objects.overdue(dt.date(2023, 12, 1)).exists()


def test_its_page_needs_a_bounded_number_of_queries(clerk_client, commitment, follow_up, django_assert_max_num_queries):
    post(clerk_client, commitment, status="voldaan", evidence=follow_up.pk)
    # one of them: the ministries' accounts of it; one the Kamerstukken its letter cites, for the suggestions; five
    # the evidence list, read part by part (its dossier's letters first) and then as the list
    with django_assert_max_num_queries(17):
        assert clerk_client.get(reverse("commitment", args=[commitment.pk])).status_code == 200


def test_it_finds_the_fulfilling_letter_by_its_tweede_kamer_document_number(clerk_client, commitment, follow_up):
    type(follow_up).objects.filter(pk=follow_up.pk).update(tk_document_number="2023D51234")
    post(clerk_client, commitment, status="voldaan", kamerstuk="2023d51234")
    assert Fulfilment.objects.get(commitment=commitment).document == follow_up


def test_a_fulfilled_commitment_that_lapses_keeps_its_letter_in_the_history_only(clerk_client, commitment, follow_up):
    post(clerk_client, commitment, status="voldaan", evidence=follow_up.pk, note="Brief van 15 december")
    response = post(clerk_client, commitment, status="vervallen", note="Missie beëindigd")
    assert response.status_code == 200
    assert not Fulfilment.objects.filter(commitment=commitment).exists()
    page = clerk_client.get(reverse("commitment", args=[commitment.pk])).content.decode()
    assert "<dt>Nagekomen in</dt><dd>—</dd>" in page
    history = page.split('<ol class="history">')[1]
    label = "27\u00a0925, nr.\u00a0962 · Stand van zaken Irak"
    assert f'bewijs: <a href="{follow_up.get_absolute_url()}">{label}</a>' in history
    assert "Voldaan → <strong>Vervallen</strong>" in history and "Missie beëindigd" in history
    assert "nagekomen in" not in clerk_client.get(reverse("dossier", args=["27925"])).content.decode()
    api = clerk_client.get(reverse("api_commitments")).json()["results"]
    assert [(c["status"], c["voldaan_met"]) for c in api] == [("vervallen", [])]


def test_a_letter_from_before_the_promise_cannot_fulfil_it(clerk_client, commitment):
    make_document("Een eerdere brief.", kamerstuk="27925-950", date=dt.date(2023, 6, 6))
    response = post(clerk_client, commitment, status="voldaan", kamerstuk="27 925, nr. 950")
    assert response.status_code == 422
    assert "van vóór de toezegging" in response.content.decode()
    commitment.refresh_from_db()
    assert commitment.status == "kandidaat" and not Fulfilment.objects.exists()


def test_the_letters_to_choose_from_are_told_apart_by_number_date_and_sender(clerk_client, commitment, follow_up):
    Document.objects.filter(pk=follow_up.pk).update(sender="Minister van Defensie")
    page = clerk_client.get(reverse("commitment", args=[commitment.pk])).content.decode()
    assert "27\u00a0925, nr.\u00a0962 · 15-12-2023 · Stand van zaken Irak · Minister van Defensie" in page


def test_the_history_names_who_made_each_change(clerk_client, clerk, commitment, follow_up):
    clerk.first_name, clerk.last_name = "Griet", "Griffier"
    clerk.save()
    post(clerk_client, commitment, status="voldaan", evidence=follow_up.pk)
    history = clerk_client.get(commitment.get_absolute_url()).content.decode().split('id="geschiedenis"')[1]
    assert "door de automatische herkenning" in history  # the first row, made when the letter was read
    assert "door Griet Griffier" in history


def test_letters_that_share_a_title_are_named_by_their_number(clerk_client, commitment):
    twin = make_document("Hierbij.", kamerstuk="27925-965", date=dt.date(2024, 1, 10), title="Irak")
    post(clerk_client, commitment, status="voldaan", evidence=twin.pk)
    page = clerk_client.get(commitment.get_absolute_url()).content.decode()
    assert f'<a href="{twin.get_absolute_url()}">27\u00a0925, nr.\u00a0965 · Irak</a>' in page  # Nagekomen in
    assert f'bewijs: <a href="{twin.get_absolute_url()}">27\u00a0925, nr.\u00a0965 · Irak</a>' in page


def test_a_refused_change_offers_the_letters_the_list_offers_not_every_letter(clerk_client, commitment, follow_up):
    # a post may name any analysed letter, but the list shown again holds only the candidates: none from before
    earlier = make_document("Eerdere brief.", kamerstuk="27925-950", date=dt.date(2023, 6, 1), title="Eerder")
    response = post(clerk_client, commitment, status="voldaan")
    assert response.status_code == 422
    page = response.content.decode()
    assert f'value="{follow_up.pk}"' in page and f'value="{earlier.pk}"' not in page
