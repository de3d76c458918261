"""Malformed addresses and parameters answer 400 or 404 with a Dutch reason, never a 500."""

import pytest
from django.urls import reverse

from tests.tracker.factories import make_document, promise
from tracker.models import Commitment, FeedToken

TEXT = "In december informeer ik uw Kamer over de voortgang."


@pytest.fixture
def commitment(db):
    return make_document(TEXT, kamerstuk="27925-960", commitments=[promise(TEXT, TEXT)]).commitments.get()


@pytest.mark.parametrize("query", ["na=²", "aantal=²", "na=١٢", "aantal=-1", "na=99999999999999999999999"])
def test_the_api_refuses_a_number_that_is_no_plain_number(staff_client, commitment, query):
    response = staff_client.get(f"{reverse('api_documents')}?{query}")
    assert response.status_code == 400
    assert "moet een geheel getal zijn" in response.json()["fout"]


@pytest.mark.parametrize("url", [
    "/api/documenten/?dossier=27925%00",
    "/api/toezeggingen/?dossier=%00",
    "/zoeken/?q=kamer%00",
    "/toezeggingen/?ministerie=%00",
    "/feeds/?dossier=%00",
    "/kamerstuk/27925-960%00/",
    "/dossiers/27925%00/",
])
def test_a_nul_character_is_refused(staff_client, commitment, url):
    response = staff_client.get(url)
    assert response.status_code == 400
    assert "ongeldig teken (NUL)" in response.content.decode()


@pytest.mark.parametrize("url", [
    "/api/documenten/?token=%00",
    "/feeds/%00/dossiers/27925.ics",
    "/feeds/abc/ministeries/%00.ics",
])
def test_a_nul_character_is_refused_without_a_login_too(client, db, url):
    assert client.get(url).status_code == 400


@pytest.mark.parametrize("url", [
    "/kamerstuk/27925/",  # no number: no Kamerstuk
    "/kamerstuk/27925-960 ; drop/",
    "/dossiers/27925 ; drop/",
    "/feeds/sleutel met spaties/dossiers/27925.ics",
    "/feeds/sleutel/dossiers/27925*.atom",
])
def test_an_address_that_names_nothing_is_not_found(staff_client, commitment, url):
    assert staff_client.get(url).status_code == 404


def test_a_feed_token_that_is_no_token_is_not_found(client, staff, commitment):
    token = FeedToken.for_user(staff).token
    assert client.get(f"/feeds/{token}/dossiers/27925.ics").status_code == 200
    assert client.get(f"/feeds/{token}%C2%B2/dossiers/27925.ics").status_code == 404


def test_a_selection_with_a_malformed_id_is_refused(clerk_client, commitment):
    response = clerk_client.post(reverse("review_bulk"), {"decision": "accept", "pk": ["²"], "version-²": "0"})
    assert response.status_code == 400 and "moet een geheel getal zijn" in response.content.decode()
    assert Commitment.objects.get().status == "kandidaat"


def test_only_the_known_decisions_exist(clerk_client, commitment):
    url = f"/beoordelen/{commitment.pk}/weggooien/"
    assert clerk_client.post(url, {"version": commitment.version}).status_code == 404
    commitment.refresh_from_db()
    assert (commitment.status, commitment.rejected) == ("kandidaat", False)


MISSING_VERSION = "mist de versie van de toezegging"


@pytest.mark.parametrize("name, data", [
    ("commitment_status", {"status": "vervallen", "note": "Missie beëindigd"}),
    ("commitment_edit", {"text": "Iets anders", "dossier": "27925"}),
    ("review_decide", {}),
])
def test_a_change_without_the_version_seen_is_refused(clerk_client, commitment, name, data):
    args = [commitment.pk, "reject"] if name == "review_decide" else [commitment.pk]
    for version in ({}, {"version": ""}, {"version": "²"}):
        response = clerk_client.post(reverse(name, args=args), {**data, **version})
        assert response.status_code == 400 and MISSING_VERSION in response.content.decode(), (name, version)
    commitment.refresh_from_db()
    assert (commitment.status, commitment.text, commitment.version) == ("kandidaat", TEXT, 0)


def test_a_selection_without_the_versions_seen_is_refused(clerk_client, commitment):
    response = clerk_client.post(reverse("review_bulk"), {"decision": "reject", "pk": [commitment.pk]})
    assert response.status_code == 400 and MISSING_VERSION in response.content.decode()
    assert Commitment.objects.get().status == "kandidaat"
