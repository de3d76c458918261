"""The dossier timeline: documents by date, commitments coloured by state, links to what fulfilled them."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.tracker.factories import citation, make_document, promise
from tracker.models import Source
from tracker.workflow import change_status

DECEMBER = "In december informeer ik uw Kamer wederom over Irak."
SPRING = "In het voorjaar stuur ik uw Kamer de evaluatie."


def build_dossier(clerk):
    letter = make_document(DECEMBER + " " + SPRING, kamerstuk="27925-960", date=dt.date(2023, 11, 21), title="Irak",
                           commitments=[promise(DECEMBER + " " + SPRING, DECEMBER, dt.date(2023, 12, 31)),
                                        promise(DECEMBER + " " + SPRING, SPRING, dt.date(2024, 5, 31))])
    follow_up = make_document("Hierbij.", kamerstuk="27925-962", date=dt.date(2023, 12, 15), title="Stand van zaken")
    december, spring = letter.commitments.order_by("start")
    change_status(december, "voldaan", clerk, evidence=follow_up)
    change_status(spring, "openstaand", clerk, source=Source.CLERK)
    return letter, follow_up


def test_it_lists_documents_by_date_with_coloured_commitments(staff_client, clerk, time_machine):
    time_machine.move_to(dt.datetime(2024, 6, 15, 12, 0))
    letter, follow_up = build_dossier(clerk)
    page = staff_client.get(reverse("dossier", args=["27925"])).content.decode()
    assert page.index(f"document-{letter.pk}") < page.index(f"document-{follow_up.pk}")
    assert '<li class="state-voldaan">' in page
    assert '<li class="state-te_laat">' in page  # the spring promise is past its due date
    assert f'→ nagekomen in <a href="{follow_up.get_absolute_url()}">Stand van zaken</a>' in page


def test_it_shows_an_open_commitment_before_its_due_date(staff_client, clerk, time_machine):
    time_machine.move_to(dt.datetime(2024, 1, 15, 12, 0))
    build_dossier(clerk)
    page = staff_client.get(reverse("dossier", args=["27925"])).content.decode()
    assert '<li class="state-openstaand">' in page and "state-te_laat\"" not in page.split("<ol class=\"timeline\">")[1]


def test_it_needs_the_same_number_of_queries_for_a_larger_dossier(staff_client, clerk, django_assert_max_num_queries):
    build_dossier(clerk)
    url = reverse("dossier", args=["27925"])
    staff_client.get(url)
    with CaptureQueriesContext(connection) as small:
        staff_client.get(url)
    for number in range(970, 980):
        text = f"Voor de zomer informeer ik uw Kamer over punt {number}."
        make_document(text, kamerstuk=f"27925-{number}", date=dt.date(2024, 1, 1), commitments=[promise(text, text)])
    with django_assert_max_num_queries(len(small.captured_queries)):
        staff_client.get(url)
    assert len(small.captured_queries) <= 8  # session, user, dossier, documents, commitments, fulfilments, …


def test_it_lists_dossiers_with_their_open_commitments(staff_client, clerk):
    build_dossier(clerk)
    page = staff_client.get(reverse("dossiers")).content.decode()
    assert 'href="/dossiers/27925/"' in page


def test_it_includes_letters_elsewhere_that_cite_the_dossier(staff_client, clerk):
    build_dossier(clerk)
    text = "Zie Kamerstuk 27 925, nr. 960."
    citing = make_document(text, date=dt.date(2024, 3, 1), title="Artikel 100-brief",
                           references=[citation(text, "Kamerstuk 27 925, nr. 960", "27925-960")])
    page = staff_client.get(reverse("dossier", args=["27925"])).content.decode()
    assert f"document-{citing.pk}" in page and "verwijst naar dit dossier" in page
