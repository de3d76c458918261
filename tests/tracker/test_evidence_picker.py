"""Choosing the fulfilling letter: searched by number, TK document number or words, its own dossier first,
quick with hundreds of candidates."""

import datetime as dt
import hashlib

import pytest
from django.urls import reverse

from tests.tracker.factories import make_document, promise
from tracker.models import Document, Dossier

PROMISE = "Voor de zomer informeer ik uw Kamer over de voortgang."


@pytest.fixture
def commitment(db):
    letter = make_document(PROMISE, kamerstuk="27925-900", date=dt.date(2024, 1, 10),
                           commitments=[promise(PROMISE, PROMISE)])
    return letter.commitments.get()


def many_letters(dossier_key, count, start=dt.date(2024, 2, 1)):
    """`count` analysed letters in one dossier, made in one query as a sync would leave them."""
    dossier = Dossier.objects.for_key(dossier_key)
    Document.objects.bulk_create(
        Document(original_name=f"{dossier_key}-{n}.pdf",
                 sha256=hashlib.sha256(f"{dossier_key}{n}".encode()).hexdigest(),
                 size=1, state=Document.State.KLAAR, dossier=dossier, kamerstuk=f"{dossier_key}-{1000 + n}",
                 volgnummer=str(1000 + n), date=start + dt.timedelta(days=n % 300), title=f"Voortgangsbrief {n}",
                 sender="Minister van Defensie")
        for n in range(count)
    )


def options(response):
    return response.content.decode().count("<option value=\"") - 1  # less the empty choice


def test_words_find_the_letter_among_five_hundred(clerk_client, commitment, django_assert_max_num_queries):
    many_letters("27925", 500)
    make_document("Brief", kamerstuk="27925-1900", date=dt.date(2024, 6, 1), title="Stand van zaken Irak",
                  sender="Minister van Buitenlandse Zaken")
    url = reverse("evidence_choices", args=[commitment.pk])
    with django_assert_max_num_queries(8):
        response = clerk_client.get(url, {"brief": "stand irak"}, HTTP_HX_REQUEST="true")
    assert options(response) == 1 and "27\u00a0925, nr.\u00a01900" in response.content.decode()
    assert options(clerk_client.get(url, {"brief": "27 925, nr. 1007"})) == 1
    assert options(clerk_client.get(url, {"brief": ""})) == 100  # the first hundred; typing narrows them


def test_a_tk_document_number_finds_its_letter(clerk_client, commitment):
    letter = make_document("Brief", date=dt.date(2024, 6, 1), title="Antwoord")
    Document.objects.filter(pk=letter.pk).update(tk_document_number="2024D08306")
    response = clerk_client.get(reverse("evidence_choices", args=[commitment.pk]), {"brief": "2024 d 08306"})
    assert options(response) == 1 and f'value="{letter.pk}"' in response.content.decode()


def test_its_own_dossier_comes_first_and_earlier_letters_not_at_all(clerk_client, commitment):
    elsewhere = make_document("Brief", kamerstuk="36200-X-5", date=dt.date(2024, 2, 1), title="Voortgang elders")
    own = make_document("Brief", kamerstuk="27925-901", date=dt.date(2024, 9, 1), title="Voortgang hier")
    make_document("Brief", kamerstuk="27925-899", date=dt.date(2023, 12, 1), title="Voortgang eerder")
    own_undated = make_document("Brief", kamerstuk="27925-902", date=None, title="Voortgang zonder datum")
    elsewhere_undated = make_document("Brief", kamerstuk="36200-X-6", date=None, title="Voortgang elders, ongedateerd")
    page = clerk_client.get(reverse("evidence_choices", args=[commitment.pk]), {"brief": "voortgang"}).content.decode()
    shown = [page.index(f'value="{letter.pk}"') for letter in (own, own_undated, elsewhere, elsewhere_undated)]
    assert shown == sorted(shown)  # its dossier's dated letters, its undated ones, then the others' in that order
    assert "Voortgang eerder" not in page


def test_its_own_dossier_filling_the_list_needs_no_look_through_the_archive(clerk_client, commitment,
                                                                           django_assert_max_num_queries):
    many_letters("27925", 150)
    with django_assert_max_num_queries(4):  # session, user, the commitment, and one part read
        page = clerk_client.get(reverse("evidence_choices", args=[commitment.pk]), {"brief": "voortgangsbrief"})
    assert options(page) == 100


def test_nothing_found_says_so(clerk_client, commitment):
    response = clerk_client.get(reverse("evidence_choices", args=[commitment.pk]), {"brief": "zeppelin"})
    assert "geen brief gevonden" in response.content.decode()


def test_the_commitment_page_has_the_search_box_with_the_list(clerk_client, commitment):
    page = clerk_client.get(reverse("commitment", args=[commitment.pk])).content.decode()
    assert (f'hx-get="{reverse("evidence_choices", args=[commitment.pk])}"' in page
            and 'aria-controls="id_evidence"' in page)


def test_staff_cannot_use_the_picker(staff_client, commitment):
    assert staff_client.get(reverse("evidence_choices", args=[commitment.pk]), {"brief": "x"}).status_code == 403


def test_the_chosen_letter_stays_chosen_when_the_list_is_narrowed(clerk_client, commitment):
    letter = make_document("Brief", kamerstuk="27925-901", date=dt.date(2024, 9, 1), title="Voortgang hier")
    response = clerk_client.get(reverse("evidence_choices", args=[commitment.pk]),
                                {"brief": "voortgang", "evidence": str(letter.pk)})
    assert f'<option value="{letter.pk}" selected>' in response.content.decode()
