"""The document list: every document in pages, filtered by state, dossier, kind, origin and year."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.tracker.factories import make_document, promise
from tracker.models import Document
from tracker.workflow import reject

URL = reverse("documents")


def letter(number, *, kamerstuk=None, date=dt.date(2024, 1, 5), **fields):
    text = f"In december informeer ik uw Kamer over punt {number}."
    document = make_document(text, kamerstuk=kamerstuk or f"27925-{number}", date=date, title=f"Brief {number}",
                             commitments=[promise(text, text)])
    # Received one after the other, a minute apart: the list shows the newest first.
    received = timezone.make_aware(dt.datetime(2024, 6, 1, 9, 0) + dt.timedelta(minutes=number))
    Document.objects.filter(pk=document.pk).update(created_at=received, **fields)
    return document


def shown(response):
    return [d.pk for d in response.context["documents"]]


def test_it_pages_through_every_document_newest_first(staff_client, monkeypatch):
    from tracker.views import documents as view

    monkeypatch.setattr(view, "PAGE_SIZE", 5)
    letters = [letter(number) for number in range(12)]
    seen, url = [], URL
    while url:
        response = staff_client.get(url)
        seen += shown(response)
        url = response.context["next_query"] and URL + "?" + response.context["next_query"]
    assert seen == [d.pk for d in reversed(letters)]
    assert "Eerste pagina" in response.content.decode()


@pytest.mark.parametrize("query, expected", [
    ("status=mislukt", [2]),
    ("dossier=36 200 X", [1]),
    ("dossier=36200-X", [1]),
    ("soort=antwoorden", [3]),
    ("herkomst=tk_opendata", [3, 1]),
    ("periode=2023", [0]),
    ("periode=2023&herkomst=tk_opendata", []),
    ("status=onzin&periode=2023-13&dossier=Irak&na=2024-99-99T00:00:00_1", [3, 2, 1, 0]),  # a broken link: all
])
def test_it_filters_by_state_dossier_kind_origin_and_year(staff_client, query, expected):
    letters = [
        letter(0, date=dt.date(2023, 3, 1)),
        letter(1, kamerstuk="36200-X-5", origin="tk_opendata"),
        letter(2, state="mislukt"),
        letter(3, kind="antwoorden", origin="tk_opendata"),
    ]
    response = staff_client.get(URL + "?" + query)
    assert response.status_code == 200
    assert shown(response) == [letters[i].pk for i in expected]


def test_it_keeps_the_filters_on_the_next_page(staff_client, monkeypatch):
    from tracker.views import documents as view

    monkeypatch.setattr(view, "PAGE_SIZE", 1)
    letters = [letter(number, origin="tk_opendata") for number in range(3)] + [letter(9)]
    response = staff_client.get(URL, {"herkomst": "tk_opendata"})
    assert response.context["next_query"].startswith("herkomst=tk_opendata&na=")
    second = staff_client.get(URL + "?" + response.context["next_query"])
    assert shown(second) == [letters[1].pk]


def test_it_counts_the_commitments_the_register_lists(staff_client, clerk):
    document = letter(1)
    reject(document.commitments.get(), clerk, "Geen toezegging")
    other = letter(2)
    counts = {d.pk: d.commitment_count for d in staff_client.get(URL).context["documents"]}
    assert counts == {document.pk: 0, other.pk: 1}


def test_it_answers_htmx_with_the_list_only(staff_client):
    letter(1)
    response = staff_client.get(URL, {"soort": "brief"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "<html" not in html and "<form" not in html and '<table class="documents">' in html
    assert "HX-Request" in response["Vary"]
    page = staff_client.get(URL).content.decode()
    assert 'hx-get="/documenten/" hx-target="#results" hx-push-url="true"' in page
    assert '<option value="2024">2024</option>' in page


def test_it_needs_the_same_queries_for_more_documents(clerk_client):
    def queries(query):
        with CaptureQueriesContext(connection) as captured:
            assert clerk_client.get(URL + query).status_code == 200
        return len(captured.captured_queries)

    urls = ["", "?dossier=27925&periode=2024&status=klaar", "?na=2030-01-01T00:00:00%2B00:00_999999"]
    letter(1)
    small = [queries(url) for url in urls]
    for number in range(2, 60):
        letter(number, date=dt.date(2000 + number % 25, 1, 1))
    # session, user, the clerk check, the years, one page of documents with their dossiers and counts
    assert [queries(url) for url in urls] == small and max(small) <= 5
