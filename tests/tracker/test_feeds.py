"""Calendar and Atom feeds behind a per-user token, the page that shows the token, and the JSON API."""

import datetime as dt
import xml.etree.ElementTree as ET

import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.tracker.factories import follow, make_document, promise
from tracker.models import ApiToken, Commitment, Dossier, FeedToken
from tracker.views import feeds

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def dossier(db, time_machine):
    time_machine.move_to(dt.datetime(2024, 5, 15, 12, 0))
    for number, due in [(960, dt.date(2024, 3, 31)), (961, dt.date(2024, 6, 30)), (962, None)]:
        text = f"Ik informeer uw Kamer over <punt> {number} & meer."
        make_document(text, kamerstuk=f"27925-{number}", date=dt.date(2024, 1, number - 950), title=f"Brief {number}",
                      sender="Minister van Defensie", commitments=[promise(text, text, due)])
    Commitment.objects.update(status="openstaand")
    return Dossier.objects.get(key="27925")


@pytest.fixture
def token(staff):
    return FeedToken.for_user(staff).token


def test_it_serves_due_dates_as_icalendar(client, dossier, token):
    response = client.get(reverse("dossier_ics", args=[token, "27925"]))
    assert response.status_code == 200 and response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    assert str(calendar["X-WR-CALNAME"]) == f"Termijnen dossier {dossier.label}"
    events = sorted(calendar.walk("VEVENT"), key=lambda e: e.decoded("dtstart"))
    assert [e.decoded("dtstart") for e in events] == [dt.date(2024, 3, 31), dt.date(2024, 6, 30)]
    assert str(events[0]["summary"]) == "[Openstaand · te laat] Ik informeer uw Kamer over <punt> 960 & meer."
    assert str(events[1]["url"]).startswith("http://testserver/toezeggingen/")


def test_a_busy_calendar_keeps_the_deadlines_nearest_to_today(client, dossier, token, monkeypatch):
    monkeypatch.setattr(feeds, "MAX_UPCOMING", 1)
    monkeypatch.setattr(feeds, "MAX_PAST", 1)
    for number, due in [(963, dt.date(2023, 1, 31)), (964, dt.date(2025, 12, 31))]:  # farther from today
        text = f"Ik informeer uw Kamer over punt {number}."
        make_document(text, kamerstuk=f"27925-{number}", date=dt.date(2022, 1, 1),
                      commitments=[promise(text, text, due)])
    calendar = icalendar.Calendar.from_ical(client.get(reverse("dossier_ics", args=[token, "27925"])).content)
    dates = sorted(e.decoded("dtstart") for e in calendar.walk("VEVENT"))
    assert dates == [dt.date(2024, 3, 31), dt.date(2024, 6, 30)]


def test_it_serves_a_ministry_calendar(client, dossier, token):
    response = client.get(reverse("ministry_ics", args=[token, "defensie"]))
    calendar = icalendar.Calendar.from_ical(response.content)
    assert len(calendar.walk("VEVENT")) == 2
    assert client.get(reverse("ministry_ics", args=[token, "onbekend"])).status_code == 404


def test_a_ministry_calendar_subscribed_under_the_senders_words_keeps_working(client, dossier, token):
    old = reverse("ministry_ics", args=[token, "minister-van-defensie"])
    response = client.get(old, follow=True)
    assert response.redirect_chain == [(reverse("ministry_ics", args=[token, "defensie"]), 301)]
    assert len(icalendar.Calendar.from_ical(response.content).walk("VEVENT")) == 2


def test_it_serves_new_documents_as_atom(client, dossier, token):
    response = client.get(reverse("dossier_atom", args=[token, "27925"]))
    assert response.status_code == 200 and response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)  # noqa: S314 — the product's own feed
    assert feed.find(f"{ATOM}title").text == f"Nieuwe documenten in dossier {dossier.label}"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == ["Brief 962", "Brief 961", "Brief 960"]
    assert entries[0].find(f"{ATOM}link").get("href").startswith("http://testserver/documenten/")


@pytest.mark.parametrize("name, args", [("dossier_ics", ["27925"]), ("dossier_atom", ["27925"]),
                                        ("ministry_ics", ["defensie"])])
def test_it_refuses_a_wrong_or_renewed_token(client, staff_client, dossier, token, name, args):
    assert client.get(reverse(name, args=["niet-de-sleutel", *args])).status_code == 403
    assert client.get(f"/feeds/{args[0]}.ics").status_code == 404  # no token at all: no such address
    staff_client.post(reverse("feeds_renew"))
    client.logout()
    assert client.get(reverse(name, args=[token, *args])).status_code == 403
    assert client.get(reverse(name, args=[FeedToken.objects.get().token, *args])).status_code == 200


def test_it_refuses_the_token_of_a_deactivated_user(client, staff, dossier, token):
    staff.is_active = False
    staff.save()
    assert client.get(reverse("dossier_ics", args=[token, "27925"])).status_code == 403


def test_it_shows_the_user_their_token_and_feed_addresses(staff_client, staff, dossier):
    assert "U heeft geen feedsleutel" in staff_client.get(reverse("feeds")).content.decode()
    staff_client.post(reverse("feeds_renew"))
    follow(staff, dossier.key)
    page = staff_client.get(reverse("feeds")).content.decode()
    token = FeedToken.objects.get(user=staff).token
    assert token in page and f"http://testserver/feeds/{token}/dossiers/27925.ics" in page
    assert f"http://testserver/feeds/{token}/dossiers/27925.atom" in page
    assert f"http://testserver/feeds/{token}/ministeries/defensie.ics" in page
    staff_client.post(reverse("feeds_renew"))
    assert FeedToken.objects.get(user=staff).token != token


def test_the_navigation_leads_to_the_feeds(staff_client):
    page = staff_client.get(reverse("home")).content.decode()
    assert 'href="/feeds/">Feeds</a>' in page.split("<nav aria-label=\"Hoofdmenu\">")[1].split("</nav>")[0]


def test_it_requires_a_login_for_the_token_page(client, db):
    assert client.get(reverse("feeds")).status_code == 302


# The JSON API


def test_it_pages_commitments_through_the_api(staff_client, dossier):
    first = staff_client.get(reverse("api_commitments") + "?aantal=2").json()
    assert [c["termijn"] for c in first["results"]] == ["2024-03-31", "2024-06-30"]
    assert first["results"][0]["status"] == "openstaand" and first["results"][0]["te_laat"] is True
    assert first["results"][1]["te_laat"] is False and first["results"][0]["dossier"] == "27925"
    second = staff_client.get(first["next"]).json()
    assert len(second["results"]) == 1 and second["next"] is None
    late = staff_client.get(reverse("api_commitments") + "?status=te_laat").json()
    assert [c["id"] for c in late["results"]] == [first["results"][0]["id"]]


def test_it_caps_the_page_size(staff_client, dossier, monkeypatch):
    from tracker.views import api

    monkeypatch.setattr(api, "MAX_PAGE_SIZE", 2)
    assert len(staff_client.get(reverse("api_documents") + "?aantal=1000").json()["results"]) == 2


def test_it_serves_documents_and_dossiers(staff_client, dossier):
    documents = staff_client.get(reverse("api_documents") + "?dossier=27925").json()["results"]
    assert [d["kamerstuk"] for d in documents] == ["27925-960", "27925-961", "27925-962"]
    dossiers = staff_client.get(reverse("api_dossiers")).json()["results"]
    assert dossiers[0]["key"] == "27925" and dossiers[0]["url"] == "http://testserver/dossiers/27925/"


def test_it_accepts_an_api_token_in_the_header_instead_of_a_login(client, staff, dossier, token):
    key = ApiToken.create(staff, "script")[1]
    assert client.get(reverse("api_dossiers")).status_code == 403
    assert client.get(reverse("api_dossiers"), headers={"Authorization": "Token fout"}).status_code == 403
    # Never in the address, where access logs keep it; and the feed token opens the feeds only.
    assert client.get(reverse("api_dossiers") + f"?token={key}").status_code == 403
    assert client.get(reverse("api_dossiers"), headers={"Authorization": f"Token {token}"}).status_code == 403
    assert client.get(reverse("api_dossiers"), headers={"Authorization": f"Bearer {key}"}).status_code == 403
    response = client.get(reverse("api_commitments") + "?aantal=1", headers={"Authorization": f"Token {key}"})
    assert response.status_code == 200 and response.json()["next"]


def test_it_needs_the_same_queries_for_every_api_page_size(staff_client, dossier):
    counts = []
    for size in (1, 3):
        with CaptureQueriesContext(connection) as queries:
            staff_client.get(reverse("api_commitments") + f"?aantal={size}")
        counts.append(len(queries.captured_queries))
    assert counts[0] == counts[1] <= 4
