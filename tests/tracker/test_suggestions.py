"""The commitment page suggests later letters that may fulfil it; one click records the fulfilment."""

import datetime as dt

import pytest
from django.urls import reverse

from ingest.model import Reason
from ingest.reasons import describe
from tests.tracker.factories import citation, make_document, promise
from tracker.ids import kamerstuk_label
from tracker.models import Fulfilment
from tracker.suggestions import CANDIDATE_LIMIT, candidates, suggest

TEXT = "In december informeer ik uw Kamer wederom over de veiligheidssituatie in Irak."
FOLLOW_UP = ("Zoals toegezegd in mijn brief van 21 november 2023 (Kamerstuk 27 925, nr. 960) informeer ik u hierbij "
             "over de veiligheidssituatie in Irak. De veiligheidssituatie in Irak blijft zorgelijk.")


@pytest.fixture
def commitment(db):
    letter = make_document(TEXT, kamerstuk="27925-960", date=dt.date(2023, 11, 21), sender="Minister van Defensie",
                           commitments=[promise(TEXT, TEXT, dt.date(2023, 12, 31), "In december")])
    return letter.commitments.get()


@pytest.fixture
def follow_up(db):
    return make_document(FOLLOW_UP, kamerstuk="27925-962", date=dt.date(2023, 12, 15), sender="Minister van Defensie",
                         title="Veiligheidssituatie Irak",
                         references=[citation(FOLLOW_UP, "Kamerstuk 27 925, nr. 960", "27925-960")])


def test_it_ranks_a_letter_that_says_it_delivers(commitment, follow_up):
    elsewhere = make_document("Over de spoorwegen in Irak.", kamerstuk="31839-1000", date=dt.date(2023, 12, 1))
    ranked = suggest(commitment)
    assert [r.document for r in ranked] == [follow_up]
    assert elsewhere not in list(candidates(commitment))
    reasons = " · ".join(ranked[0].reasons)
    assert "haalt Kamerstuk 27\u00a0925, nr.\u00a0960 aan" in reasons and "zelfde dossier" in reasons


def test_it_only_considers_later_documents_that_are_related(commitment, follow_up):
    earlier = make_document("Eerder over Irak.", kamerstuk="27925-950", date=dt.date(2023, 6, 1))
    citing = make_document("Zie Kamerstuk 27 925, nr. 960.", kamerstuk="36200-X-85", date=dt.date(2024, 1, 5),
                           references=[citation("Zie Kamerstuk 27 925, nr. 960.", "Kamerstuk 27 925, nr. 960",
                                                "27925-960")])
    found = list(candidates(commitment))
    assert follow_up in found and citing in found and earlier not in found and commitment.document not in found


def test_it_considers_a_bounded_number_of_documents(commitment):
    for n in range(CANDIDATE_LIMIT + 5):
        make_document(f"Brief {n} over Irak.", kamerstuk=f"27925-{1000 + n}", date=dt.date(2024, 1, 1))
    assert len(candidates(commitment)) == CANDIDATE_LIMIT


def test_it_speaks_dutch_to_the_clerk():
    assert describe(Reason("timing", {"due": "2023-12-31", "sent": "2023-12-15"})) == (
        "termijn 31-12-2023, verstuurd 15-12-2023")
    assert describe(Reason("same_ministry")) == "zelfde ministerie"
    assert describe(Reason("cites", {"kamerstuk": "27925-960"}), label=kamerstuk_label) == (
        "haalt Kamerstuk 27\u00a0925, nr.\u00a0960 aan")


def test_it_shows_suggestions_with_reasons_to_clerks(clerk_client, commitment, follow_up,
                                                     django_assert_max_num_queries):
    # the page's own (test_commitment_status), its suggestions among them
    with django_assert_max_num_queries(17):
        page = clerk_client.get(reverse("commitment", args=[commitment.pk])).content.decode()
    assert "Mogelijk nagekomen in" in page and "Veiligheidssituatie Irak" in page and "zelfde dossier" in page


def test_it_hides_suggestions_from_staff(staff_client, commitment, follow_up):
    assert "Mogelijk nagekomen in" not in staff_client.get(reverse("commitment", args=[commitment.pk])).content.decode()


def test_one_click_marks_it_fulfilled_with_that_letter(clerk_client, clerk, commitment, follow_up):
    response = clerk_client.post(reverse("commitment_status", args=[commitment.pk]),
                                 {"status": "voldaan", "evidence": follow_up.pk, "version": commitment.version,
                                  "note": ""},
                                 HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    commitment.refresh_from_db()
    assert commitment.status == "voldaan"
    assert Fulfilment.objects.get(commitment=commitment).document == follow_up
    assert commitment.changes.last().evidence == follow_up
    # The letter now fulfils it, so it is no longer suggested.
    assert "Mogelijk nagekomen in" not in response.content.decode()


def test_it_can_record_a_partial_fulfilment_from_a_suggestion(clerk_client, commitment, follow_up):
    clerk_client.post(reverse("commitment_status", args=[commitment.pk]),
                      {"status": "deels_voldaan", "evidence": follow_up.pk, "version": commitment.version})
    commitment.refresh_from_db()
    assert commitment.status == "deels_voldaan"
