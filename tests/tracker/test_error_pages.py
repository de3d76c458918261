"""Error pages in Dutch, never Django's own: not for a missing page, a refusal, a bad request or a crash."""

import pytest
from django.contrib.auth.decorators import login_not_required
from django.test import Client
from django.urls import path, reverse

from config.urls import urlpatterns as product_urls
from tests.tracker.factories import make_document

DJANGO_PAGES = ("URLconf", "Django tried", "Traceback", "Not Found", "Forbidden", "Server Error", "Bad Request")


@login_not_required
def broken(request):
    raise RuntimeError("a bug")


# For the crash test only: the failing view beside the product's own addresses.
urlpatterns = [path("kapot/", broken), *product_urls]


def assert_dutch(response, status, heading):
    page = response.content.decode()
    assert response.status_code == status
    assert f"<h1>{heading}</h1>" in page and '<html lang="nl">' in page
    assert not [text for text in DJANGO_PAGES if text in page]
    return page


def test_a_missing_page_is_explained_in_dutch_without_the_list_of_addresses(client, staff_client, db):
    anonymous = Client()
    page = assert_dutch(anonymous.get("/bestaat-niet/"), 404, "Pagina niet gevonden")
    assert 'href="/inloggen/"' in page and "Uitloggen" not in page
    page = assert_dutch(staff_client.get(reverse("dossier", args=["99999"])), 404, "Pagina niet gevonden")
    assert 'href="/zoeken/"' in page and "Uitloggen" in page  # the navigation, for a way on


def test_a_refusal_says_why_in_dutch(staff_client):
    document = make_document("Hierbij.")
    page = assert_dutch(staff_client.post(reverse("document_retry", args=[document.pk])), 403, "Geen toegang")
    assert "Alleen de griffie kan dit wijzigen." in page


def test_opening_the_address_of_a_form_says_it_takes_the_form(clerk_client):
    document = make_document("Hierbij.")
    response = clerk_client.get(reverse("document_retry", args=[document.pk]))
    page = assert_dutch(response, 405, "Alleen via een formulier")
    assert response["Allow"] == "POST" and "Uitloggen" in page


def test_a_refusal_is_logged_in_one_line_without_a_traceback(staff_client, caplog):
    document = make_document("Hierbij.")
    with caplog.at_level("WARNING", logger="django.request"):
        staff_client.post(reverse("document_retry", args=[document.pk]))
    [record] = [r for r in caplog.records if r.name == "django.request"]
    assert "Forbidden" in record.getMessage() and record.exc_info is None


def test_a_form_without_its_csrf_token_is_explained_in_dutch(clerk):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(clerk)
    assert_dutch(strict.post(reverse("dossier_follow"), {"dossier": "27925"}), 403, "Formulier verlopen")


def test_a_request_for_another_host_gets_a_dutch_bad_request(client, db):
    assert_dutch(client.get("/inloggen/", headers={"host": "elders.example"}), 400, "Ongeldig verzoek")


@pytest.mark.urls(__name__)
def test_a_crash_shows_a_dutch_page_that_needs_nothing_to_render(db):
    client = Client(raise_request_exception=False)
    page = assert_dutch(client.get("/kapot/"), 500, "Er ging iets mis")
    assert "a bug" not in page

