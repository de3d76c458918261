"""The dossier timeline: documents by date, commitments coloured by state, links to what fulfilled them."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.tracker.factories import citation, make_document, promise
from tracker.models import Dossier, Source
from tracker.sync.documents import update
from tracker.sync.runs import Recorder
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
    assert '<li class="state-openstaand late">' in page  # the spring promise is past its due date
    assert f'→ nagekomen in <a href="{follow_up.get_absolute_url()}">Stand van zaken</a>' in page


def test_it_shows_an_open_commitment_before_its_due_date(staff_client, clerk, time_machine):
    time_machine.move_to(dt.datetime(2024, 1, 15, 12, 0))
    build_dossier(clerk)
    page = staff_client.get(reverse("dossier", args=["27925"])).content.decode()
    listed = page.split('<ol class="timeline" id="tijdlijn-lijst"')[1]
    assert '<li class="state-openstaand">' in page and ' late"' not in listed


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
    # session, user, dossier, the letters citing it, ministries, first and last date of its own papers and of
    # the citing letters, the newest of both, those documents, their commitments, the fulfilments, the clerk check
    assert len(small.captured_queries) <= 12


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


def test_it_shows_a_letter_citing_its_own_dossier_once(staff_client, clerk):
    build_dossier(clerk)
    text = "Zoals gemeld in Kamerstuk 27 925, nr. 960."
    follow_up = make_document(text, kamerstuk="27925-990", date=dt.date(2024, 3, 1),
                              references=[citation(text, "Kamerstuk 27 925, nr. 960", "27925-960")])
    assert not follow_up.references.get().from_elsewhere
    page = staff_client.get(reverse("dossier", args=["27925"])).content.decode()
    assert page.count(f'id="document-{follow_up.pk}"') == 1


def test_a_letter_moved_into_the_dossier_it_cites_no_longer_counts_as_citing_from_elsewhere(clerk):
    build_dossier(clerk)
    text = "Zie Kamerstuk 27 925, nr. 960."
    letter = make_document(text, kamerstuk="36200-7", date=dt.date(2024, 3, 1),
                           references=[citation(text, "Kamerstuk 27 925, nr. 960", "27925-960")])
    assert letter.references.get().from_elsewhere
    update(letter, Recorder("tk"), dossier_id=Dossier.objects.get(key="27925").pk, kamerstuk="27925-991")
    assert not letter.references.get().from_elsewhere


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries.captured_queries)


def add_letters(count, *, start=100, sender="Minister van Defensie"):
    for number in range(start, start + count):
        text = f"Voor de zomer informeer ik uw Kamer over punt {number}."
        make_document(text, kamerstuk=f"27925-{number}", date=dt.date(2024, 1, 1) + dt.timedelta(days=number % 300),
                      sender=sender, commitments=[promise(text, text, dt.date(2024, 6, 30))])


def test_it_needs_the_same_queries_for_3_and_30_documents_on_every_timeline(staff_client, clerk):
    add_letters(3)
    ministry = reverse("ministry", args=["defensie"])
    urls = [reverse("dossier", args=["27925"]), ministry, reverse("timeline"),
            ministry + "?status=te_laat&periode=2024"]
    small = [queries_for(staff_client, url) for url in urls]
    add_letters(27, start=200)
    assert [queries_for(staff_client, url) for url in urls] == small
    assert max(small) <= 12


def test_it_draws_the_timeline_as_svg_with_markers_due_dates_and_fulfilments(staff_client, clerk, time_machine):
    time_machine.move_to(dt.datetime(2024, 6, 15, 12, 0))
    letter, follow_up = build_dossier(clerk)
    page = staff_client.get(reverse("dossier", args=["27925"])).content.decode()
    svg = page[page.index("<svg"):page.index("</svg>")]
    december, spring = letter.commitments.order_by("start")
    # Links for the mouse; keyboards and screen readers take them in the list the drawing's figure points to.
    assert 'aria-hidden="true"' in svg[:svg.index(">")] and '<figure class="timeline-chart" tabindex="0" ' \
        'aria-details="tijdlijn-lijst">' in page and '<a href="#tijdlijn-lijst">' in page
    assert f'href="{december.get_absolute_url()}" tabindex="-1" class="marker state-voldaan"' in svg
    assert f'href="{spring.get_absolute_url()}" tabindex="-1" class="marker state-openstaand late"' in svg
    assert "<title>Openstaand · te laat — " in svg
    assert "termijn 31 mei 2024" in svg  # the due date's diamond
    assert f'<a href="{follow_up.get_absolute_url()}" tabindex="-1"><path' in svg  # the line to the fulfilling letter
    assert page.index("<svg") < page.index('<ol class="timeline" id="tijdlijn-lijst"')


def test_it_escapes_text_from_documents_in_the_drawing(staff_client):
    text = "<script>alert(1)</script> In december informeer ik uw Kamer & de commissie."
    make_document(text, kamerstuk="27925-990", date=dt.date(2024, 2, 1), title="<b>Brief</b>",
                  commitments=[promise(text, text, dt.date(2024, 12, 31))])
    page = staff_client.get(reverse("dossier", args=["27925"])).content.decode()
    assert "<script>alert" not in page and "<b>Brief" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&amp; de commissie" in page


def test_it_filters_by_status_without_a_full_page(staff_client, clerk, time_machine):
    time_machine.move_to(dt.datetime(2024, 6, 15, 12, 0))
    letter, follow_up = build_dossier(clerk)
    url = reverse("dossier", args=["27925"]) + "?status=te_laat"
    fragment = staff_client.get(url, headers={"HX-Request": "true"})
    html = fragment.content.decode()
    assert "<html" not in html and 'id="timeline"' not in html and '<ol class="timeline" id="tijdlijn-lijst"' in html
    assert '<li class="state-openstaand late">' in html and '<li class="state-voldaan">' not in html
    assert f"document-{follow_up.pk}" not in html  # it has no overdue commitment
    assert fragment["Vary"] and "HX-Request" in fragment["Vary"]
    full = staff_client.get(url).content.decode()
    assert "<html" in full and '<option value="te_laat" selected>' in full


def test_it_zooms_to_a_year_and_a_month(staff_client, clerk):
    letter, follow_up = build_dossier(clerk)
    page = staff_client.get(reverse("dossier", args=["27925"])).content.decode()
    assert 'href="?periode=2023" hx-get="?periode=2023"' in page and 'hx-push-url="true"' in page
    november = staff_client.get(reverse("dossier", args=["27925"]) + "?periode=2023-11").content.decode()
    assert f"document-{letter.pk}" in november and f"document-{follow_up.pk}" not in november
    assert "Periode: nov 2023" in november and 'href="?periode=2023-12"' in november


def test_it_shows_a_ministry_timeline_with_oral_promises(staff_client, clerk):
    from tracker.models import Commitment, Dossier

    build_dossier(clerk)
    text = "Ik kom hierop terug in de voortgangsrapportage."
    other = make_document(text, kamerstuk="36200-X-1", date=dt.date(2024, 2, 1), sender="Minister van Financiën",
                          commitments=[promise(text, text)])
    Commitment.objects.filter(document__kamerstuk="27925-960").update(ministry="Defensie")
    oral = Commitment.objects.create(text="De minister stuurt een brief over de inzet.",
                                     ministry="Defensie", made_on=dt.date(2024, 1, 10),
                                     origin="Commissiedebat Irak", dossier=Dossier.objects.get(key="27925"),
                                     status="openstaand")
    page = staff_client.get(reverse("ministry", args=["defensie"])).content.decode()
    assert "<h1>Defensie</h1>" in page
    assert f"commitment-{oral.pk}" in page and "Mondelinge toezegging · Commissiedebat Irak" in page
    assert f"document-{other.pk}" not in page
    assert staff_client.get(reverse("ministry", args=["onbekend"])).status_code == 404
    overall = staff_client.get(reverse("timeline")).content.decode()
    assert f"document-{other.pk}" in overall and f"commitment-{oral.pk}" in overall


def letter_with(count, number, date):
    sentences = [f"Voor {number}.{i} informeer ik uw Kamer over onderwerp {i}." for i in range(count)]
    text = " ".join(sentences)
    document = make_document(text, kamerstuk=f"27925-{number}", date=date, title=f"Brief {number}",
                             commitments=[promise(text, sentence, dt.date(2024, 12, 31)) for sentence in sentences])
    return document


def test_a_letter_with_thousands_of_commitments_shows_ten_and_links_to_the_rest(staff_client):
    small = letter_with(3, 800, dt.date(2023, 6, 1))
    url = reverse("dossier", args=["27925"])
    queries = queries_for(staff_client, url)
    big = letter_with(2000, 801, dt.date(2024, 3, 1))
    with CaptureQueriesContext(connection) as captured:
        response = staff_client.get(url)
    assert len(captured.captured_queries) == queries
    page = response.content.decode()
    assert len(page.encode()) < 60_000  # the letter's 2,000 commitments would make it over a megabyte
    card = page.split(f'id="document-{big.pk}"')[1].split("</li>\n")[0]
    assert card.count('<li class="state-kandidaat">') == 10
    assert f'href="{big.get_absolute_url()}#toezeggingen">toon alle 2000 toezeggingen</a>' in card
    assert "Voor 801.0 informeer" in card and "Voor 801.10 informeer" not in card  # the first ten, in order
    small_card = page.split(f'id="document-{small.pk}"')[1].split("</li>\n")[0]
    assert small_card.count('<li class="state-kandidaat">') == 3 and "toon alle" not in small_card
    assert "+1990" in page[page.index("<svg"):page.index("</svg>")]  # the drawing counts what it leaves out


def test_a_letter_without_a_number_shows_its_sender_alone(staff_client):
    text = "Voor de zomer informeer ik uw Kamer over de uitkomsten."
    letter = make_document(text, date=dt.date(2024, 2, 1), sender="Minister van Financiën",
                           commitments=[promise(text, text)])
    page = staff_client.get(reverse("timeline")).content.decode()
    card = page.split(f'id="document-{letter.pk}"')[1].split("</li>")[0]
    assert '<span class="muted">Minister van Financiën</span>' in card


def test_the_drawing_says_what_its_markers_mean_beside_it(staff_client, clerk):
    build_dossier(clerk)
    page = staff_client.get(reverse("dossier", args=["27925"])).content.decode()
    caption = page[page.index("<figcaption"):page.index("</figcaption>")]
    assert all(f"</svg>{label}</li>" in caption for label in ("Kandidaat", "Voldaan", "te laat", "mondeling"))
    assert ">mondeling</text>" not in page  # no longer drawn inside the picture
