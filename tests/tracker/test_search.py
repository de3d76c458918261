"""The search page: Dutch full-text search over documents and commitments, filters and direct lookups."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.tracker.factories import make_document, promise
from tracker.models import Document, DocumentPage
from tracker.search import PART_CHARS, index_document, page_parts
from tracker.workflow import change_status

URL = reverse("search")
PROMISE = "Voor de zomer stuur ik uw Kamer een toezegging over de geluidsschermen langs de A12."


def search(client, **params):
    return client.get(URL, params).content.decode()


@pytest.fixture
def letters(clerk):
    wind = make_document(f"Geachte voorzitter, {PROMISE} Hoogachtend.", kamerstuk="30175-400",
                         date=dt.date(2024, 3, 1), title="Geluidsschermen", sender="Minister van IenW",
                         commitments=[promise(f"Geachte voorzitter, {PROMISE} Hoogachtend.", PROMISE,
                                              dt.date(2024, 6, 30))])
    tax = make_document("De belastingdienst herstelt de toeslagen en informeert uw Kamer over de geluidsschermen.",
                        kamerstuk="31066-1200", date=dt.date(2019, 5, 1), title="Herstel toeslagen",
                        sender="Staatssecretaris van Financiën")
    return wind, tax


def test_it_finds_inflected_dutch_words(staff_client, letters):
    wind, tax = letters
    page = search(staff_client, q="toezeggingen")
    assert wind.get_absolute_url() in page and tax.get_absolute_url() not in page
    assert "<mark>toezegging</mark>" in page


def test_it_finds_commitments_with_their_status(staff_client, letters, clerk, time_machine):
    time_machine.move_to(dt.datetime(2024, 9, 1, 12, 0))
    commitment = letters[0].commitments.get()
    change_status(commitment, "openstaand", clerk)
    page = search(staff_client, q="geluidsscherm", waarin="toezeggingen")
    assert commitment.get_absolute_url() in page
    assert "Te laat" in page and "<mark>geluidsschermen</mark>" in page


def test_it_escapes_everything_in_a_fragment_but_its_marks(staff_client, clerk):
    make_document('Het rapport <script>alert("x")</script> over de stikstofuitstoot & "andere" <b>zaken</b>.',
                  title="Stikstof <script>")
    results = search(staff_client, q="stikstofuitstoot").split('<section id="results"')[1]
    fragment = results.split('<p class="fragment">')[1].split("</p>")[0]
    assert "<script" not in results and "<b>" not in results  # the fragment drops tags, the title escapes them
    assert "Stikstof &lt;script&gt;" in results
    assert 'alert(&quot;x&quot;)' in fragment
    assert "<mark>stikstofuitstoot</mark> &amp; &quot;andere&quot;" in fragment
    assert "MARK" not in fragment


def test_it_filters_by_dossier_sender_kind_and_date(staff_client, letters):
    wind, tax = letters
    both = search(staff_client, q="geluidsschermen")
    assert wind.get_absolute_url() in both and tax.get_absolute_url() in both
    for filters, found, missed in [
        ({"dossier": "30 175"}, wind, tax),
        ({"afzender": "financiën"}, tax, wind),
        ({"van": "2020-01-01"}, wind, tax),
        ({"tot": "2019-12-31"}, tax, wind),
    ]:
        page = search(staff_client, q="geluidsschermen", **filters)
        assert found.get_absolute_url() in page and missed.get_absolute_url() not in page, filters
    Document.objects.filter(pk=tax.pk).update(kind=Document.Kind.ANTWOORDEN)
    page = search(staff_client, q="geluidsschermen", soort="antwoorden")
    assert tax.get_absolute_url() in page and wind.get_absolute_url() not in page


def test_it_filters_documents_and_commitments_by_status(staff_client, letters, clerk):
    wind, tax = letters
    answer = make_document("Hierbij de stand van zaken.", kamerstuk="30175-401", date=dt.date(2024, 7, 1))
    change_status(wind.commitments.get(), "voldaan", clerk, evidence=answer)
    page = search(staff_client, q="geluidsschermen", status="voldaan")
    assert wind.get_absolute_url() in page and tax.get_absolute_url() not in page
    assert "Niets gevonden" in search(staff_client, q="geluidsschermen", status="openstaand", waarin="toezeggingen")


def test_it_answers_htmx_with_the_results_only(staff_client, letters):
    response = staff_client.get(URL, {"q": "toeslagen"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="results"') and "<form" not in html
    assert "HX-Request" in response["Vary"]


@pytest.mark.parametrize("typed", ["30175-400", "30 175, nr. 400", "kst-30175-400"])
def test_it_jumps_to_a_document_by_its_kamerstuk_id(staff_client, letters, typed):
    response = staff_client.get(URL, {"q": typed})
    assert response.status_code == 302 and response["Location"] == letters[0].get_absolute_url()


def test_it_tells_htmx_to_go_to_the_document_itself(staff_client, letters):
    response = staff_client.get(URL, {"q": "30175-400"}, headers={"HX-Request": "true"})
    assert response["HX-Redirect"] == letters[0].get_absolute_url()


def test_it_jumps_to_the_dossier_of_a_kamerstuk_it_does_not_have(staff_client, letters):
    response = staff_client.get(URL, {"q": "30175-399"})
    assert response.status_code == 302 and response["Location"] == reverse("dossier", args=["30175"])


def test_it_jumps_to_a_document_by_its_tweede_kamer_number(staff_client, letters):
    Document.objects.filter(pk=letters[1].pk).update(tk_document_number="2024D08306")
    response = staff_client.get(URL, {"q": "2024d08306"})
    assert response.status_code == 302 and response["Location"] == letters[1].get_absolute_url()


def test_it_searches_the_text_for_a_number_it_does_not_know(staff_client, letters):
    assert staff_client.get(URL, {"q": "2023D99999"}).status_code == 200


def test_it_is_for_logged_in_users_only(client, letters):
    response = client.get(URL, {"q": "toeslagen"})
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_it_pages_with_a_keyset_and_a_bounded_number_of_queries(staff_client, clerk, django_assert_max_num_queries,
                                                                 settings):
    for number in range(25):
        text = f"Brief {number} over de Kamer en het kabinet. " * (number + 1)
        make_document(text, title=f"Brief {number}", commitments=[promise(text, text.split(". ")[0] + ".")])
    with django_assert_max_num_queries(6):
        first = search(staff_client, q="kabinet")
    assert first.count('<li>') == 20 and "Volgende resultaten" in first
    next_url = first.split('class="pager">')[1].split('href="')[1].split('"')[0].replace("&amp;", "&")
    with django_assert_max_num_queries(6):
        second = staff_client.get(URL + next_url).content.decode()
    assert second.count("<li>") == 5 and "Volgende resultaten" not in second
    titles = {line for line in (first + second).split("\n") if "Brief " in line and "href" in line}
    assert len(titles) == 25  # every document once, none twice
    with django_assert_max_num_queries(6):
        commitments = search(staff_client, q="kabinet", waarin="toezeggingen")
    assert commitments.count("<li>") == 20


def test_it_finds_a_word_on_the_last_page_of_a_document_longer_than_a_megabyte(staff_client, clerk):
    filler = "De minister beantwoordt vragen over het beleid van jaar {} en verder. "
    pages = ["".join(filler.format(n) for n in range(page * 9000, (page + 1) * 9000)) for page in range(3)]
    text = "".join(pages) + " Tot slot de zeldzame walrusverordening."
    starts = [0, len(pages[0]), len(pages[0]) + len(pages[1])]
    assert len(text.encode()) > 1_000_000 and len(text) - starts[-1] > PART_CHARS
    document = make_document(text, title="Lange brief")
    Document.objects.filter(pk=document.pk).update(page_starts=starts)  # as the engine reads a PDF's pages
    index_document(Document.objects.get(pk=document.pk))
    assert DocumentPage.objects.filter(document=document).count() > 3  # the long last page in parts
    page = search(staff_client, q="walrusverordening")
    assert f"{document.get_absolute_url()}#pagina-3" in page and "<mark>walrusverordening</mark>" in page


def test_it_cuts_long_pages_at_whitespace_and_keeps_every_character():
    text = ("woord " * 50_000) + "einde"
    parts = list(page_parts(text, [0]))
    assert len(parts) > 3 and all(number == 1 and len(part) <= PART_CHARS for number, _, part in parts)
    assert "".join(part for _, _, part in parts) == text
    assert all(part.endswith(" ") for _, _, part in parts[:-1])


def test_documents_stored_before_search_existed_are_indexed_by_a_command(staff_client, letters):
    DocumentPage.objects.all().delete()
    assert "Niets gevonden" in search(staff_client, q="toeslagen")
    call_command("search_index", stdout=io.StringIO())
    assert letters[1].get_absolute_url() in search(staff_client, q="toeslagen")
