"""How citations of Kamerstukken are recognised and named (see docs/domain.md)."""

import itertools

from ingest.references import find_references


def ids(text, **kwargs):
    return [r.kamerstuk for r in find_references(text, **kwargs)]


def test_it_reads_a_plain_reference():
    assert ids("zoals gemeld (Kamerstuk 27 925, nr. 943).") == ["27925-943"]


def test_it_reads_an_eerste_kamer_paper_of_two_letters_without_a_comma():
    assert ids("(Kamerstukken I, 2017/18 30 880 AA en Kamerstukken I, 2017/18 30 880 AB, blz. 2)") == [
        "30880-AA", "30880-AB"]
    # only where the keyword names the Eerste Kamer: two capitals after a Tweede Kamer dossier are something else
    assert ids("Kamerstuk 36 200 XIII NL") == [] and ids("Kamerstukken II 2017/18, 30 880 AA") == []


def test_it_reads_a_dossier_written_without_a_space():
    assert ids("(Kamerstuk 27925, nr. 943)") == ["27925-943"]


def test_it_reads_a_multi_number_reference():
    assert ids("(Kamerstuk 27925, nrs. 723, 727 en 746)") == ["27925-723", "27925-727", "27925-746"]


def test_it_reads_two_dossiers_sharing_one_number():
    assert ids("Kamerstukken 36 200 X en 32 761, nr. 51") == ["36200-X-51", "32761-51"]


def test_it_reads_budget_chapters_and_funds():
    assert ids("Kamerstuk 35 925 X, nr. 29 en Kamerstuk 35 000 A, nr. 14") == ["35925-X-29", "35000-A-14"]


def test_it_reads_a_hyphenated_suffix():
    assert ids("Kamerstuk 34 550-X, nr. 14") == ["34550-X-14"]


def test_it_reads_a_hyphenated_sub_number():
    assert ids("Kamerbrief 21 501-20, nr. 1876") == ["21501-20-1876"]


def test_it_reads_the_session_before_the_dossier():
    assert ids("Kamerstukken II 2022/23, 31 839, nr. 912") == ["31839-912"]


def test_it_reads_a_reference_without_nr_after_the_keyword():
    assert ids("d.d. 20 december 2023 (Kamerstuk 27 925, 963).") == ["27925-963"]


def test_it_reads_a_reference_without_the_keyword():
    assert ids("de motie (36 410 XVI, nr. 41) vraagt") == ["36410-XVI-41"]


def test_it_reads_eerste_kamer_letters():
    assert ids("Kamerstukken I 2016/17, 34 550, F en (34 000 XIII, H)") == ["34550-F", "34000-XIII-H"]


def test_it_reads_a_dossier_named_by_a_roman_number():
    assert ids("Kamerstukken I 2019/20, CII, E") == ["CII-E"]


def test_it_reads_publication_ids():
    assert ids("zie kst-27925-960 en kst-21501-20-1876") == ["27925-960", "21501-20-1876"]


def test_it_reads_a_reference_broken_over_lines():
    assert ids("(Kamerstuk 27 925, nr.\n946)") == ["27925-946"]


def test_it_reads_a_second_number_with_its_own_nr():
    assert ids("Kamerstuk 27 925, nr. 943 en nr. 958") == ["27925-943", "27925-958"]


def test_it_reads_a_reference_glued_to_the_next_word():
    assert ids("(Kamerstuk 35 925 X, nr. 29)nieuwe kaders") == ["35925-X-29"]


def test_it_ignores_amounts_counts_and_dates():
    assert ids("Dat kost 27 925 euro; 27 925 militairen; op 21 november 2023 en 12 345 keer.") == []


def test_it_ignores_document_zaak_and_handelingen_numbers():
    text = (
        "kenmerk 2023Z19261, document 2024D08306, Handelingen II 2023/24, nr. 12, item 7, "
        "Aanhangsel Handelingen II 2022/23, nr. 1234, Stcrt. 2023, 27925, Stb. 2024, nr. 12, "
        "ECLI:NL:HR:2023:1234"
    )
    assert ids(text) == []


def test_it_does_not_take_a_date_after_the_number_for_another_number():
    assert ids("(Kamerstuk 27 925, nr. 943, 9 november 2023)") == ["27925-943"]


def test_it_keeps_one_reference_per_paper_at_its_first_citation():
    refs = find_references("Kamerstuk 27 925, nr. 943. Later weer Kamerstuk 27 925, nr. 943.")
    assert [(r.kamerstuk, r.start) for r in refs] == [("27925-943", 0)]


def test_it_never_lists_the_document_itself():
    assert ids("Kamerstuk 27 925, nr. 960 en nr. 943", own="27925-960") == ["27925-943"]


def test_it_gives_each_number_of_a_list_its_own_span():
    text = "(Kamerstuk 27925, nrs. 723, 727 en 746)"
    refs = find_references(text)
    assert [text[r.start:r.end] for r in refs] == ["Kamerstuk 27925, nrs. 723", "727", "746"]
    spans = sorted((r.start, r.end) for r in refs)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in itertools.pairwise(spans))


def test_it_gives_two_dossiers_spans_that_do_not_overlap():
    text = "Kamerstukken 36 200 X en 32 761, nr. 51"
    first, second = find_references(text)
    assert text[first.start:first.end] == "Kamerstukken 36 200 X"
    assert text[second.start:second.end] == "32 761, nr. 51"


def test_it_finds_references_in_footnotes_and_says_which():
    refs = find_references("Zie de brief.1", footnotes=["1 Kamerstuk 27 925, nr. 943."], footnote_pages=[2])
    assert [(r.kamerstuk, r.footnote, r.page) for r in refs] == [("27925-943", 0, 2)]
    assert "1 Kamerstuk 27 925, nr. 943."[refs[0].start:refs[0].end] == "Kamerstuk 27 925, nr. 943"


def test_it_tells_the_page_of_a_reference():
    text = "Eerste pagina.\n\nZie Kamerstuk 27 925, nr. 943."
    refs = find_references(text, page_starts=[0, 16])
    assert refs[0].page == 2


def test_it_reads_an_eerste_kamer_number_with_the_session_after_kamerstuknr():
    text = "de aanvaarde motie (Kamerstuknr. 2013–2014, CIV, C) om te komen met een analyse"
    assert [r.kamerstuk for r in find_references(text)] == ["CIV-C"]


def test_it_reads_a_dossier_written_with_a_thousands_dot():
    assert ids("de motie-Voorbeeld (kamerstuk 31.371, nr. 14) is aangenomen") == ["31371-14"]
    assert ids("dat kost 31.371 euro, nr. 14 van de lijst") == []


def test_it_reads_the_eerste_kamers_citation_by_session_dossier_and_letter():
    assert ids("de motie Voorbeeld (2012–2013, CII, B) en de motie Anders (2019/20, 35 300, C)") == [
        "CII-B", "35300-C"]


def test_it_reads_an_id_after_nr_as_a_committee_writes_its_letters_number():
    text = "Bij brief van 10 december 2008, nr. 31700-XIV-38/2008D21134, verzoekt u mij om een reactie."
    assert [r.kamerstuk for r in find_references(text)] == ["31700-XIV-38"]
