"""Ministries are ministries: a letter's senders map to the ministries of the engine's table, as they were called
on the letter's date, and the pages, filters, charts and feeds group by them."""

import datetime as dt

from django.urls import reverse

from tests.tracker.factories import make_document, promise
from tracker.models import Commitment

PROMISE = "Voor de zomer informeer ik uw Kamer over de voortgang."


def joint_letter():
    return make_document(PROMISE, kamerstuk="27925-990", date=dt.date(2024, 3, 1),
                         sender="De Minister van Buitenlandse Zaken, mede namens de Minister van Defensie",
                         commitments=[promise(PROMISE, PROMISE)])


def test_a_joint_letter_belongs_to_each_ministry_and_its_promise_to_the_first(db):
    letter = joint_letter()
    assert letter.ministries == ["BZ", "Defensie"]
    assert letter.commitments.get().ministry == "BZ"


def test_each_ministry_of_a_joint_letter_has_it_on_its_timeline(staff_client):
    letter = joint_letter()
    Commitment.objects.update(status="openstaand")
    for slug in ("bz", "defensie"):
        page = staff_client.get(reverse("ministry", args=[slug])).content.decode()
        assert f"document-{letter.pk}" in page, slug
    assert "<h1>Buitenlandse Zaken</h1>" in staff_client.get(reverse("ministry", args=["bz"])).content.decode()


def test_a_renamed_ministry_keeps_the_name_of_the_letters_date(staff_client):
    make_document(PROMISE, kamerstuk="29984-500", date=dt.date(2015, 6, 1),
                  sender="De Minister van Infrastructuur en Milieu", commitments=[promise(PROMISE, PROMISE)])
    assert Commitment.objects.get().ministry == "IenM"
    page = staff_client.get(reverse("commitments")).content.decode()
    assert "Infrastructuur en Milieu" in page


def test_an_old_ministry_address_leads_to_the_ministry(staff_client):
    joint_letter()
    response = staff_client.get("/ministeries/minister-van-buitenlandse-zaken/")
    assert response.status_code == 301 and response["Location"] == reverse("ministry", args=["bz"])
    assert staff_client.get("/ministeries/minister-van-kabouterzaken/").status_code == 404


def test_the_register_filters_by_ministry_with_its_name(staff_client):
    joint_letter()
    page = staff_client.get(reverse("commitments")).content.decode()
    assert '<option value="BZ">Buitenlandse Zaken</option>' in page
    assert len(staff_client.get(reverse("commitments") + "?ministerie=BZ").context["commitments"]) == 1
