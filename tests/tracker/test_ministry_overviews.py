"""A ministry's own overview of its toezeggingen in the tracker: rows linked to the register's commitments as the
ministry's account of them, never changing a clerk's status; a clerk taking the ministry's status over; the
other rows as candidates in the review queue's own tab, with the table row as their evidence."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.ingest.fixtures.annexes import WEB_PAGE, write_progress_letter
from tests.tracker.factories import make_document, promise, read_document
from tracker.models import Commitment, Fulfilment, MinistryReport, Source, Status, StatusChange
from tracker.workflow import accept, enter_by_hand, record_new

VACANCIES = "Ik stuur de Kamer een overzicht van de vacatures per eenheid van de politie."
PROMISES_IN_THE_OVERVIEW = 9


@pytest.fixture
def register(clerk):
    """Promises already in the register that the overview reports on: by the TK register's number, by the letter it
    cites as vindplaats, by the day of the debate."""
    bodycams = record_new([Commitment(
        tk_number="TZ202304-117", text="De minister zal de Kamer informeren over de resultaten van de bodycampilot.",
        made_on=dt.date(2023, 4, 20), status=Status.OPENSTAAND, source=Source.TK_REGISTER,
        ministry="Justitie en Veiligheid")], reason="Overgenomen uit het register", source=Source.TK_REGISTER)[0]
    letter = make_document(VACANCIES, kamerstuk="29628-1150", date=dt.date(2023, 6, 1),
                           commitments=[promise(VACANCIES, VACANCIES)])
    vacancies = letter.commitments.get()
    accept(vacancies, clerk)
    unions = enter_by_hand(clerk, text="De minister gaat met de vakbonden in gesprek over het roosterbeleid.",
                           dossier=None, ministry="JenV", made_on=dt.date(2023, 4, 12),
                           origin="Commissiedebat Politie", due_date=None, due_text="", document=None)
    return {"bodycams": bodycams, "vacancies": Commitment.objects.get(pk=vacancies.pk), "unions": unions}


@pytest.fixture
def overview(db, tmp_path):
    path = tmp_path / "voortgangsbrief-politie.pdf"
    write_progress_letter(path)
    return path


def test_rows_about_promises_in_the_register_are_linked_to_them_and_change_no_status(register, overview):
    before = {name: (c.status, c.changes.count()) for name, c in register.items()}

    document = read_document(overview)

    for name, ministry_says in (("bodycams", "openstaand"), ("vacancies", "voldaan"), ("unions", "deels_voldaan")):
        commitment = Commitment.objects.get(pk=register[name].pk)
        report = commitment.ministry_reports.get()
        assert (report.document, report.matched, report.status) == (document, True, ministry_says)
        assert (commitment.status, commitment.changes.count()) == before[name]  # the clerk's status stands
    vacancies = register["vacancies"].ministry_reports.get()
    assert vacancies.status_text == "Afgedaan met de brief van 3 november 2023 (Kamerstuk 29 628, nr. 1178)."
    assert (vacancies.page, vacancies.kamerstuk, vacancies.fulfilled_by) == (2, "29628-1150", ["29628-1178"])


def test_rows_that_match_nothing_become_candidates_from_the_ministrys_overview(register, overview):
    document = read_document(overview)

    candidates = Commitment.objects.filter(source=Source.MINISTRY).order_by("pk")
    assert candidates.count() == PROMISES_IN_THE_OVERVIEW - 3
    assert {c.status for c in candidates} == {Status.KANDIDAAT}
    assert all(c.document == document and not c.ministry_reports.get().matched for c in candidates)
    broken = candidates.get(text__startswith="De minister zal de Kamer informeren over de uitkomst")
    assert (broken.page, broken.made_on, broken.origin) == (2, dt.date(2023, 7, 5),
                                                            "Commissiedebat Veiligheid, 5 juli 2023")
    assert (broken.due_date, broken.due_text, broken.ministry) == (dt.date(2024, 12, 31), "Eind 2024", "JenV")
    motion = candidates.get(kind="motie")
    assert motion.dossier.key == "36410-VI"  # the dossier of the Kamerstuk it was made in
    first = StatusChange.objects.filter(commitment=broken).get()
    assert (first.to_status, first.source) == (Status.KANDIDAAT, Source.MINISTRY)
    # the sentences the text reader took from the table are not candidates a second time
    assert not Commitment.objects.filter(document=document, source=Source.ENGINE).exclude(
        text__startswith="Voor de zomer stuur ik").exists()


def test_a_later_overview_reporting_the_same_promise_is_linked_to_the_first_ones_candidate(db, overview, tmp_path):
    read_document(overview)
    later = tmp_path / "voortgangsbrief-politie-later.pdf"
    write_progress_letter(later, repeat_header=True)  # another file: the same rows, its header on both pages

    second = read_document(later)

    assert not Commitment.objects.filter(document=second, source=Source.MINISTRY).exists()
    assert MinistryReport.objects.filter(document=second, matched=True).count() == PROMISES_IN_THE_OVERVIEW


def test_the_commitment_page_shows_the_ministrys_account_with_its_date_and_source(clerk_client, register, overview):
    document = read_document(overview)
    url = reverse("commitment", args=[register["vacancies"].pk])

    page = clerk_client.get(url).content.decode()

    assert "Volgens het ministerie" in page
    assert f'href="{document.get_absolute_url()}"' in page and "15 jan 2024" in page
    assert f'/documenten/{document.pk}/origineel/#page=2">pagina 2</a>' in page
    assert "<q>Afgedaan met de brief van 3 november 2023 (Kamerstuk 29 628, nr. 1178).</q>" in page
    assert "vindplaats: Kamerstuk 29 628, nr. 1150" in page
    assert "Status van het ministerie overnemen: Voldaan" in page


def test_staff_see_the_ministrys_account_but_cannot_take_it_over(staff_client, register, overview):
    read_document(overview)
    report = register["vacancies"].ministry_reports.get()

    page = staff_client.get(reverse("commitment", args=[register["vacancies"].pk])).content.decode()
    assert "Volgens het ministerie" in page and "overnemen" not in page
    response = staff_client.post(reverse("ministry_report_take_over", args=[report.pk]), {"version": 1})
    assert response.status_code == 403
    assert Commitment.objects.get(pk=register["vacancies"].pk).status == Status.OPENSTAAND


def take_over(client, report, **data):
    data.setdefault("version", Commitment.objects.get(pk=report.commitment_id).version)
    return client.post(reverse("ministry_report_take_over", args=[report.pk]), data, follow=True)


def test_a_clerk_takes_the_ministrys_status_over_with_the_letter_it_names_as_evidence(clerk_client, clerk, register,
                                                                                      overview):
    delivered = make_document("De vacatures per eenheid staan in de bijlage.", kamerstuk="29628-1178",
                              date=dt.date(2023, 11, 3))
    read_document(overview)
    report = register["vacancies"].ministry_reports.get()

    page = take_over(clerk_client, report).content.decode()

    commitment = Commitment.objects.get(pk=register["vacancies"].pk)
    assert commitment.status == Status.VOLDAAN
    assert Fulfilment.objects.get(commitment=commitment).document == delivered
    change = commitment.changes.last()
    assert (change.changed_by, change.source, change.from_status, change.evidence) == (
        clerk, Source.MINISTRY, Status.OPENSTAAND, delivered)
    assert change.reason == ("Status overgenomen uit het overzicht van het ministerie (29\u00a0628, nr.\u00a01190, "
                             "15-01-2024, pagina 2): “Afgedaan met de brief van 3 november 2023 "
                             "(Kamerstuk 29 628, nr. 1178).”")
    assert "De status van het ministerie is overgenomen: Voldaan." in page
    assert "Status van het ministerie overnemen" not in page  # the same status now


def test_without_the_letter_here_the_ministrys_word_is_the_basis_kept_in_the_history(clerk_client, register,
                                                                                     overview):
    read_document(overview)
    report = register["unions"].ministry_reports.get()

    take_over(clerk_client, report)

    commitment = Commitment.objects.get(pk=register["unions"].pk)
    assert commitment.status == Status.DEELS_VOLDAAN and not commitment.fulfilments.exists()
    assert "“Deels afgedaan; het gesprek over de nachtdiensten volgt.”" in commitment.changes.last().reason


def test_a_take_over_on_a_page_someone_changed_meanwhile_is_refused(clerk_client, register, overview):
    read_document(overview)
    report = register["vacancies"].ministry_reports.get()
    seen = Commitment.objects.get(pk=report.commitment_id).version
    accept_version = seen + 1
    Commitment.objects.filter(pk=report.commitment_id).update(version=accept_version)  # another clerk's edit

    page = take_over(clerk_client, report, version=seen).content.decode()

    assert Commitment.objects.get(pk=report.commitment_id).status == Status.OPENSTAAND
    assert "is intussen gewijzigd" in page or "Intussen heeft" in page
    assert take_over(clerk_client, report, version="").status_code == 400


def test_a_candidate_from_the_overview_is_reviewed_before_its_status_is_taken_over(clerk_client, overview):
    read_document(overview)
    candidate = Commitment.objects.filter(source=Source.MINISTRY).get(text__startswith="Toezegging om")
    report = candidate.ministry_reports.get()

    page = take_over(clerk_client, report).content.decode()
    assert "Beoordeel deze toezegging eerst" in page
    assert Commitment.objects.get(pk=candidate.pk).status == Status.KANDIDAAT
    assert "Status van het ministerie overnemen" not in clerk_client.get(candidate.get_absolute_url()).content.decode()


def test_the_review_queue_shows_the_overviews_candidates_apart_with_the_table_row(clerk_client, overview, tmp_path,
                                                                                 django_assert_max_num_queries):
    make_document("In december informeer ik uw Kamer.", kamerstuk="27925-960", date=dt.date(2023, 11, 21),
                  commitments=[promise("In december informeer ik uw Kamer.", "In december informeer ik uw Kamer.")])
    read_document(overview)
    page_file = tmp_path / "voortgangsbrief.html"
    page_file.write_text(WEB_PAGE, encoding="utf-8")
    read_document(page_file)

    letters = clerk_client.get(reverse("review")).content.decode()
    # the letter's own promise and the one in the overview's covering text; the table's rows apart
    assert "Uit brieven (2)" in letters
    assert f"Uit overzicht van het ministerie ({PROMISES_IN_THE_OVERVIEW + 3})" in letters
    assert "In december informeer ik uw Kamer." in letters and "bodycams" not in letters

    with django_assert_max_num_queries(12):
        tab = clerk_client.get(reverse("review"), {"bron": "ministerie"}).content.decode()
    assert "In december informeer ik uw Kamer." not in tab
    assert ('<dl class="table-row"><dt>Nr.</dt><dd>4</dd><dt>Toezegging</dt><dd>Onderzoek naar de inzet van '
            'vrijwillige agenten in de regio&#x27;s.</dd><dt>Vindplaats</dt><dd>Plenair debat Politie, 8 februari '
            '2023</dd>') in tab
    assert "uit overzicht van het ministerie · Afgedane toezeggingen" in tab
    assert tab.index("De minister informeert de Kamer over de resultaten") < tab.index("Motie van het lid Jansen")
    assert "&lt;b&gt;bij&lt;/b&gt; schade" in tab and "<b>bij</b>" not in tab  # a document's text, never its markup
    assert 'name="bron" value="ministerie"' in tab
    assert clerk_client.get(reverse("review"), {"bron": "iets"}).content.decode().count("In december informeer") == 1


def test_a_candidate_from_the_overview_is_accepted_in_its_tab_and_keeps_its_row(clerk_client, overview):
    read_document(overview)
    candidate = Commitment.objects.filter(source=Source.MINISTRY).get(text__startswith="De minister stuurt")

    response = clerk_client.post(reverse("review_decide", args=[candidate.pk, "accept"]),
                                 {"version": candidate.version}, HTTP_HX_REQUEST="true")

    row = response.content.decode()
    assert response.status_code == 200 and "Geaccepteerd" in row
    assert "<dt>Stand van zaken</dt><dd>In uitvoering</dd>" in row
    assert Commitment.objects.get(pk=candidate.pk).status == Status.OPENSTAAND


def test_rejecting_a_selection_in_the_overviews_tab_returns_to_that_tab(clerk_client, overview):
    read_document(overview)
    chosen = list(Commitment.objects.filter(source=Source.MINISTRY).order_by("pk")[:2])
    data = {"decision": "reject", "reason": "Geen toezegging", "bron": "ministerie",
            "pk": [c.pk for c in chosen], **{f"version-{c.pk}": c.version for c in chosen}}

    queue = clerk_client.post(reverse("review_bulk"), data, HTTP_HX_REQUEST="true").content.decode()
    assert "2 toezeggingen afgewezen." in queue
    assert f'aria-current="page">Uit overzicht van het ministerie ({PROMISES_IN_THE_OVERVIEW - 2})' in queue
    redirect = clerk_client.post(reverse("review_bulk"), {**data, "pk": []})
    assert redirect.url == reverse("review") + "?bron=ministerie"


def test_a_ministry_column_names_each_candidates_ministry_by_its_code(db, tmp_path):
    page = tmp_path / "rijksbreed-overzicht.html"
    page.write_text("""<html><body><p>Den Haag, 1 maart 2024</p><table>
      <tr><th>Toezegging</th><th>Ministerie</th><th>Status</th></tr>
      <tr><td>Een brief over de vaarwegen in het noorden.</td><td>Infrastructuur en Waterstaat</td><td>Loopt</td></tr>
      <tr><td>Een overzicht van de belastinguitgaven.</td><td>Ministerie van Financiën</td><td>Loopt</td></tr>
      <tr><td>Een rapport over de sluizen.</td><td>Rijkswaterstaat</td><td>Loopt</td></tr>
    </table></body></html>""", encoding="utf-8")

    read_document(page)

    candidates = Commitment.objects.filter(source=Source.MINISTRY).order_by("pk")
    assert list(candidates.values_list("ministry", flat=True)) == ["IenW", "Financiën", "Rijkswaterstaat"]


def test_an_overview_older_than_the_clerks_closing_does_not_offer_to_reopen(clerk_client, clerk, register, overview):
    from tracker.workflow import change_status

    read_document(overview)  # of 15 January 2024; it says the union talks are deels voldaan
    unions = Commitment.objects.get(pk=register["unions"].pk)
    change_status(unions, Status.VOLDAAN, clerk, evidence=make_document("Hierbij.", date=dt.date(2024, 3, 1)))
    page = clerk_client.get(reverse("commitment", args=[unions.pk])).content.decode()
    assert "Volgens het ministerie" in page and "Status van het ministerie overnemen" not in page


def test_the_overview_is_never_suggested_as_the_letter_that_fulfils(clerk_client, register, overview):
    from tracker.suggestions import suggest

    document = read_document(overview)  # in the same dossier, citing the promise's letter
    assert document.dossier == register["vacancies"].dossier
    assert document not in [ranked.document for ranked in suggest(register["vacancies"])]


def test_the_overviews_page_lists_each_row_and_where_it_went(clerk_client, register, overview):
    document = read_document(overview)
    page = clerk_client.get(document.get_absolute_url()).content.decode()
    table = page[page.index('id="tabel"'):page.index("</section>", page.index('id="tabel"'))]
    assert table.count("<tr><td>") == PROMISES_IN_THE_OVERVIEW
    vacancies = register["vacancies"]
    assert f'href="{vacancies.get_absolute_url()}">bestaande toezegging</a>' in table
    assert "Afgedaan met de brief van 3 november 2023" in table and "kandidaat</a>" in table
