"""Login everywhere; only clerks change anything."""

import pytest
from django.urls import reverse

from ingest.model import Postponement as FoundPostponement
from tests.tracker.factories import make_document, promise

TEXT = "In december informeer ik uw Kamer over de voortgang."


LATER = "Het is niet mogelijk, zoals eerder toegezegd, uw Kamer in december te informeren."


@pytest.fixture
def document(db):
    letter = make_document(TEXT, kamerstuk="27925-960", commitments=[promise(TEXT, TEXT)])
    make_document(LATER, kamerstuk="27925-961", postponements=[
        FoundPostponement(text=LATER, page=1, of="27925-960", new_due=None)])
    return letter


def pages(document):
    commitment = document.commitments.get()
    return [
        reverse("home"),
        reverse("documents"),
        reverse("document", args=[document.pk]),
        reverse("document_original", args=[document.pk]),
        reverse("commitment", args=[commitment.pk]),
        reverse("dossiers"),
        reverse("dossier", args=["27925"]),
        reverse("kamerstuk", args=["27925-960"]),
    ]


def changes(document):
    commitment = document.commitments.get()
    postponement = commitment.postponements.get()
    return [
        (reverse("document_upload"), {}),
        (reverse("commitment_status", args=[commitment.pk]), {"status": "openstaand", "version": commitment.version}),
        (reverse("commitment_edit", args=[commitment.pk]), {"text": "Anders", "version": commitment.version}),
        (reverse("commitment_new"), {"text": "Een mondelinge toezegging"}),
        (reverse("postponement_confirm", args=[postponement.pk]),
         {"new_due_date": "2024-03-31", "version": commitment.version}),
        (reverse("postponement_dismiss", args=[postponement.pk]), {}),
    ]


def test_it_sends_anonymous_visitors_to_the_login_page(client, document):
    for url in pages(document) + [url for url, _ in changes(document)]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login")), url


def test_it_lets_anonymous_visitors_change_nothing(client, document):
    for url, data in changes(document):
        response = client.post(url, data)
        assert response.status_code == 302 and reverse("login") in response["Location"], url
    assert document.commitments.get().status == "kandidaat"


def test_it_shows_staff_every_page(staff_client, document):
    for url in pages(document):
        response = staff_client.get(url, follow=True)
        assert response.status_code == 200, url


def test_it_refuses_changes_by_staff(staff_client, document):
    for url, data in changes(document):
        assert staff_client.post(url, data).status_code == 403, url
    assert document.commitments.get().changes.count() == 1  # only the engine's "found"


def test_it_hides_the_change_forms_from_staff(staff_client, document):
    assert b"Uploaden" not in staff_client.get(reverse("documents")).content
    commitment = document.commitments.get()
    assert b"Status wijzigen" not in staff_client.get(reverse("commitment", args=[commitment.pk])).content


def test_it_accepts_changes_by_clerks(clerk_client, document):
    commitment = document.commitments.get()
    response = clerk_client.post(reverse("commitment_status", args=[commitment.pk]),
                                 {"status": "openstaand", "version": commitment.version})
    assert response.status_code == 200
    commitment.refresh_from_db()
    assert commitment.status == "openstaand"


def test_it_requires_a_csrf_token_on_changes(client, clerk, document):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(clerk)
    commitment = document.commitments.get()
    response = strict.post(reverse("commitment_status", args=[commitment.pk]), {"status": "openstaand"})
    assert response.status_code == 403
    commitment.refresh_from_db()
    assert commitment.status == "kandidaat"


def test_it_puts_the_csrf_token_on_every_htmx_request(clerk_client, document):
    page = clerk_client.get(reverse("document", args=[document.pk])).content.decode()
    assert 'hx-headers=\'{"X-CSRFToken": "' in page


def test_only_admins_manage_users_and_followed_dossiers(client, clerk, document):
    from django.contrib.auth.models import User

    admin = User.objects.create_superuser("beheerder", password="een-lang-wachtwoord-voor-tests")
    for user, allowed in ((clerk, False), (admin, True)):
        client.force_login(user)
        for url in ("/beheer/auth/user/", "/beheer/tracker/dossier/"):
            response = client.get(url)
            assert (response.status_code == 200) is allowed, (user, url, response.status_code)


@pytest.mark.parametrize("role", ["clerk_client", "staff_client"])
def test_a_page_reads_the_user_and_their_role_in_one_query(role, request, document):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = request.getfixturevalue(role)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("profile"))
    assert page.status_code == 200
    # the griffie is named on the page for a clerk only, from the role read with the user
    assert ("griffie" in page.content.decode()) == (role == "clerk_client")
    [role_read] = [query["sql"] for query in queries.captured_queries if '"auth_group"' in query["sql"]]
    assert role_read.startswith('SELECT "auth_user"."id"')  # with the user, not a query of its own
