"""The document page: metadata, the text with commitments highlighted and references linked."""

import datetime as dt

from django.urls import reverse

from tests.tracker.factories import citation, make_document, promise
from tracker.models import Document

TEXT = (
    "In de beantwoording (Kamerstuk 27 925, nr. 943) informeerde het kabinet uw Kamer. "
    "In december informeer ik uw Kamer wederom over de veiligheidssituatie in Irak. "
    "Zie ook Kamerstuk 27 925, nr. 958."
)
SENTENCE = "In december informeer ik uw Kamer wederom over de veiligheidssituatie in Irak."


def irak_letter(**extra):
    return make_document(
        TEXT,
        kamerstuk="27925-960",
        date=dt.date(2023, 11, 21),
        title="Veiligheidssituatie in Irak",
        sender="Minister van Defensie",
        commitments=[promise(TEXT, SENTENCE, dt.date(2023, 12, 31), "In december")],
        references=[citation(TEXT, "Kamerstuk 27 925, nr. 943", "27925-943"),
                    citation(TEXT, "Kamerstuk 27 925, nr. 958", "27925-958")],
        **extra,
    )


def test_it_shows_date_sender_and_own_number(staff_client):
    page = staff_client.get(reverse("document", args=[irak_letter().pk])).content.decode()
    assert "21 november 2023" in page
    assert "Minister van Defensie" in page
    assert "27\u00a0925, nr.\u00a0960" in page


def test_it_highlights_the_commitment_in_the_text(staff_client):
    document = irak_letter()
    commitment = document.commitments.get()
    page = staff_client.get(reverse("document", args=[document.pk])).content.decode()
    assert f'<mark class="commitment state-kandidaat" id="c{commitment.pk}">{SENTENCE}</mark>' in page
    assert "31 december 2023" in page and "In december" in page


def test_it_links_a_reference_to_the_cited_document_when_it_is_here(staff_client):
    cited = make_document("Antwoorden.", kamerstuk="27925-943", date=dt.date(2023, 10, 20))
    document = irak_letter()
    page = staff_client.get(reverse("document", args=[document.pk])).content.decode()
    assert (f'href="{reverse("document", args=[cited.pk])}" title="Kamerstuk 27925-943">'
            'Kamerstuk 27 925, nr. 943</a>') in page


def test_it_links_a_reference_to_its_dossier_when_the_document_is_not_here(staff_client):
    page = staff_client.get(reverse("document", args=[irak_letter().pk])).content.decode()
    assert f'href="{reverse("dossier", args=["27925"])}" title="Kamerstuk 27925-958 (nog niet in het systeem)"' in page


def test_it_links_up_a_reference_when_the_cited_document_arrives_later(staff_client):
    document = irak_letter()
    later = make_document("Verslag.", kamerstuk="27925-958", date=dt.date(2023, 11, 1))
    assert document.references.get(kamerstuk="27925-958").target == later
    page = staff_client.get(reverse("document", args=[later.pk])).content.decode()
    assert "Aangehaald in" in page and str(document) in page


def test_it_never_renders_html_from_a_document(staff_client):
    hostile = "<script>alert('x')</script> In december informeer ik uw Kamer."
    document = make_document(hostile, title="<b>titel</b>",
                             commitments=[promise(hostile, "In december informeer ik uw Kamer.")])
    page = staff_client.get(reverse("document", args=[document.pk])).content.decode()
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
    assert "<b>titel</b>" not in page


def test_it_shows_a_failed_document_with_its_reason(staff_client):
    document = make_document("")
    document.state, document.error = "mislukt", "Dit bestand is versleuteld; de tekst kan niet worden gelezen."
    document.save()
    page = staff_client.get(reverse("document", args=[document.pk])).content.decode()
    assert "Mislukt" in page and "versleuteld" in page


def test_it_needs_a_bounded_number_of_queries(staff_client, django_assert_max_num_queries):
    document = irak_letter()
    for number in (943, 958):
        make_document("Eerder.", kamerstuk=f"27925-{number}", date=dt.date(2023, 10, 1))
    # session, user, groups, document, commitments, fulfilments, references, cited by, the rows of a ministry's table
    with django_assert_max_num_queries(11):
        assert staff_client.get(reverse("document", args=[document.pk])).status_code == 200


def test_a_missing_original_is_said_to_be_missing(clerk_client):
    from tracker.analysis import process

    document = make_document("Voor de zomer informeer ik uw Kamer.")
    document.original.storage.delete(document.original.name)
    response = clerk_client.get(reverse("document_original", args=[document.pk]))
    assert response.status_code == 404 and "originele bestand van dit document ontbreekt" in response.content.decode()

    Document.objects.filter(pk=document.pk).update(state="mislukt", error="eerder mislukt")
    page = clerk_client.post(reverse("document_retry", args=[document.pk]), follow=True).content.decode()
    assert "ontbreekt op de server" in page
    document.refresh_from_db()
    assert document.state == "mislukt"  # not left "bezig" for a worker that cannot read it

    Document.objects.filter(pk=document.pk).update(state="bezig")  # queued before the file went missing
    process(document.pk, "taak")
    document.refresh_from_db()
    assert (document.state, document.error_code) == ("mislukt", "origineel-ontbreekt")


def test_a_document_still_being_read_shows_nothing_of_an_analysis_yet(staff_client):
    # as the page reads it when the worker commits the analysis between the page's queries
    document = irak_letter()
    Document.objects.filter(pk=document.pk).update(state=Document.State.BEZIG)
    page = staff_client.get(reverse("document", args=[document.pk])).content.decode()
    assert "wederom over de veiligheidssituatie" not in page
    assert 'hx-trigger="every 2s"' in page  # it polls until the analysis is there
    Document.objects.filter(pk=document.pk).update(state=Document.State.KLAAR)
    page = staff_client.get(reverse("document", args=[document.pk])).content.decode()
    assert page.count('<mark class="commitment') == 1
