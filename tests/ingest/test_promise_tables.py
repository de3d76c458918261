"""The ministries' own overviews of toezeggingen: every row of their tables read, in PDF, XML and HTML."""

import datetime as dt
import re

import pytest

from ingest.limits import Limits
from ingest.pipeline import analyse_path
from ingest.readers import read
from ingest.readers.grids import from_spans
from ingest.tables import candidate_pages, promise_rows
from tests.ingest.fixtures.annexes import OBK_XML, PROMISE_IN_BODY, WEB_PAGE, write_progress_letter


@pytest.fixture(scope="module")
def letter_pdf(tmp_path_factory):
    path = tmp_path_factory.mktemp("annex") / "voortgangsbrief.pdf"
    write_progress_letter(path)
    return path


@pytest.fixture(scope="module")
def letter(letter_pdf):
    return analyse_path(letter_pdf)


def by_start(analysis, start):
    return next(row for row in analysis.table_rows if row.text.startswith(start))


def test_every_row_of_the_annex_is_read_once_in_order_with_its_page(letter):
    rows = letter.table_rows
    assert [r.text.split()[:3] for r in rows] == [
        ["De", "minister", "informeert"], ["Toezegging", "om", "de"], ["Aandacht", "voor", "de"],
        ["Onderzoek", "naar", "de"], ["De", "minister", "stuurt"], ["De", "Kamer", "wordt"],
        ["De", "minister", "gaat"], ["De", "minister", "zal"], ["Motie", "van", "het"],
    ]
    assert [r.page for r in rows] == [2] * 8 + [3]


def test_a_row_broken_over_the_page_is_joined_with_its_rest_on_the_next_page(letter):
    row = by_start(letter, "De minister zal")
    assert row.text == ("De minister zal de Kamer informeren over de uitkomst van het gesprek met de korpschef "
                        "over de capaciteit.")
    assert row.vindplaats == "Commissiedebat Veiligheid, 5 juli 2023"
    assert row.promised_on == dt.date(2023, 7, 5)
    assert (row.status, row.status_text, row.planning, row.due) == ("openstaand", "Loopt", "Eind 2024",
                                                                    dt.date(2024, 12, 31))
    assert row.page == 2


def test_the_header_repeated_on_the_next_page_is_no_row(tmp_path):
    path = tmp_path / "herhaalde-kop.pdf"
    write_progress_letter(path, repeat_header=True)
    rows = analyse_path(path).table_rows
    assert len(rows) == 9
    assert rows[-2].text.endswith("met de korpschef over de capaciteit.")
    assert not any(r.text == "Toezegging" for r in rows)


def test_a_status_merged_down_two_rows_belongs_to_both(letter):
    for start in ("Aandacht voor", "Onderzoek naar"):
        row = by_start(letter, start)
        assert row.status_text == "Wordt meegenomen in de voortgangsbrief van mei 2024."
        assert (row.status, row.planning, row.due) == ("openstaand", "Mei 2024", dt.date(2024, 5, 31))


def test_a_heading_across_the_table_names_the_part_and_is_no_row(letter):
    assert by_start(letter, "De minister informeert").section == "Politie"
    assert by_start(letter, "De minister gaat").section == "Afgedane toezeggingen"
    assert not any(r.text in ("Politie", "Afgedane toezeggingen") for r in letter.table_rows)


def test_the_lines_of_a_cell_are_one_text_and_a_word_broken_at_a_line_end_is_whole_again(letter):
    row = by_start(letter, "De Kamer wordt")
    assert row.text == ("De Kamer wordt geïnformeerd over de informatievoorziening tussen politie en gemeenten bij "
                        "zorg en veiligheid.")


def test_the_vindplaats_is_resolved_to_a_kamerstuk_handelingen_a_day_or_the_registers_number(letter):
    assert by_start(letter, "Toezegging om").kamerstuk == "29628-1150"
    aandacht = by_start(letter, "Aandacht voor")
    assert (aandacht.handelingen, aandacht.kamerstuk) == ("h-tk-20222023-45-12", None)
    pilot = by_start(letter, "De minister informeert")
    assert (pilot.tk_number, pilot.promised_on) == ("TZ202304-117", dt.date(2023, 4, 12))
    assert by_start(letter, "Motie van").kamerstuk == "36410-VI-45"


def test_a_row_without_vindplaats_is_still_a_promise(letter):
    row = by_start(letter, "De minister stuurt")
    assert (row.vindplaats, row.kamerstuk, row.promised_on) == ("", None, None)
    assert (row.status, row.due, row.precision) == ("openstaand", dt.date(2024, 11, 30), "seizoen")


def test_the_ministrys_status_is_mapped_and_its_own_words_kept(letter):
    done = by_start(letter, "Toezegging om")
    assert (done.status, done.fulfilled_by) == ("voldaan", ["29628-1178"])
    assert done.status_text == "Afgedaan met de brief van 3 november 2023 (Kamerstuk 29 628, nr. 1178)."
    partly = by_start(letter, "De minister gaat")
    assert (partly.status, partly.status_text) == ("deels_voldaan",
                                                   "Deels afgedaan; het gesprek over de nachtdiensten volgt.")
    motion = by_start(letter, "Motie van")
    assert (motion.kind, motion.status, motion.status_text) == ("motie", "voldaan", "Afgerond")
    assert by_start(letter, "De minister informeert").due == dt.date(2024, 6, 30)  # "Q2 2024"


def test_the_row_is_kept_as_evidence_under_its_column_headings(letter):
    assert by_start(letter, "Onderzoek naar").cells == [
        ["Nr.", "4"],
        ["Toezegging", "Onderzoek naar de inzet van vrijwillige agenten in de regio's."],
        ["Vindplaats", "Plenair debat Politie, 8 februari 2023"],
        ["Stand van zaken", "Wordt meegenomen in de voortgangsbrief van mei 2024."],
        ["Planning", "Mei 2024"],
    ]


def test_only_the_pages_with_a_header_of_toezeggingen_go_to_the_table_reader(letter_pdf):
    # Page 1 holds a table with a status and a planning but no promise column; page 3 the annex's rest, which
    # the table reader reaches from page 2 because the table there runs to the foot of the page.
    assert candidate_pages(read(str(letter_pdf), Limits.from_env())) == [2]


def test_a_table_that_is_not_about_promises_is_ignored_and_the_letters_own_promise_stays(letter):
    assert not any("meldkamer Noord" in r.text or "portofoons" in r.text for r in letter.table_rows)
    # The rows' text, which the text reader runs together, is not read as commitments a second time.
    assert [c.text for c in letter.commitments] == [PROMISE_IN_BODY]


@pytest.fixture(scope="module")
def publication(tmp_path_factory):
    path = tmp_path_factory.mktemp("obk") / "kst-31293-712.xml"
    path.write_text(OBK_XML, encoding="utf-8")
    return analyse_path(path)


def test_an_officielebekendmakingen_table_is_read_with_its_merged_cells(publication):
    assert publication.kamerstuk == "31293-712"
    first, second, third = publication.table_rows
    assert first.text == ("De minister stuurt de Kamer voor de zomer een brief over de aanpak van het lerarentekort "
                          "in de grote steden.")
    assert (first.section, first.promised_on, first.page) == ("Lerarentekort", dt.date(2023, 12, 7), None)
    # one stand van zaken for two rows (morerows), its two paragraphs one text; the month named in it is the due date
    assert first.status_text == second.status_text == "Loopt. Wordt meegenomen in de voortgangsbrief van juni 2024."
    assert (first.status, first.due, first.due_text) == ("openstaand", dt.date(2024, 6, 30), "juni 2024")
    assert second.handelingen == "h-tk-20232024-31-9"
    assert (third.kamerstuk, third.status, third.fulfilled_by) == ("31293-690", "voldaan", ["31293-705"])


def test_a_table_of_amounts_in_the_publication_is_no_overview_of_promises(publication):
    assert len(publication.table_rows) == 3
    assert not any("bibliotheken" in r.text for r in publication.table_rows)
    assert not any("lerarentekort" in c.text for c in publication.commitments)


def test_a_web_pages_table_is_read_with_rowspan_colspan_and_the_registers_numbers(tmp_path):
    path = tmp_path / "voortgangsbrief.html"
    path.write_text(WEB_PAGE, encoding="utf-8")
    first, motion, letter = analyse_path(path).table_rows
    assert first.text == "De staatssecretaris informeert de Kamer over de schadeafhandeling in de regio."
    assert (first.tk_number, first.status, first.due) == ("TZ202310-044", "openstaand", dt.date(2024, 6, 30))
    assert (motion.kind, motion.kamerstuk, motion.status_text, motion.planning) == (
        "motie", "36200-XIII-21", "In uitvoering", "Eind 2024")
    assert (letter.section, letter.status, letter.status_text) == ("Afgedaan", "voldaan", "Ja, de brief is verzonden.")
    assert letter.text == "Een brief over de waardedaling van woningen <b>bij</b> schade."  # text, never markup


def test_a_heading_in_the_first_column_alone_heads_a_part_and_a_text_alone_further_right_goes_on_the_row_above():
    grid = from_spans([
        [("Nr.", None, 1, 1), ("Toezegging", None, 1, 1), ("Stand van zaken", None, 1, 1)],
        [("Wonen", None, 1, 1), ("", None, 1, 1), ("", None, 1, 1)],
        [("1", None, 1, 1), ("Een brief over de huurtoeslag.", None, 1, 1), ("Loopt;", None, 1, 1)],
        [("", None, 1, 1), ("", None, 1, 1), ("de brief volgt in mei.", None, 1, 1)],
    ])
    (row,) = promise_rows([grid], dt.date(2024, 1, 15))
    assert (row.section, row.text, row.status_text) == ("Wonen", "Een brief over de huurtoeslag.",
                                                         "Loopt; de brief volgt in mei.")
    assert row.due == dt.date(2024, 5, 31)


def test_a_pdf_whose_pages_pdfplumber_cannot_parse_keeps_its_text_and_its_promises(letter_pdf, tmp_path):
    # A page size written as words: PDFium takes its default, pdfminer refuses the page.
    broken = tmp_path / "kapotte-paginagrootte.pdf"
    broken.write_bytes(re.sub(rb"/MediaBox \[[^\]]*\]", b"/MediaBox [ 0 0 a b ]", letter_pdf.read_bytes()))
    raw = read(str(broken), Limits.from_env())
    assert candidate_pages(raw) == [2]  # the table is there, but cannot be read
    analysis = analyse_path(broken)
    assert analysis.table_rows == []
    assert PROMISE_IN_BODY in [c.text for c in analysis.commitments]
