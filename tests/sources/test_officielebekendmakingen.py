import datetime as dt

import pytest

from ingest.sources.officielebekendmakingen import parse_metadata, parse_sru, sru_query_for_dossier
from ingest.sources.safexml import SourceFormatError


def test_the_query_asks_for_the_kamerstukken_of_one_dossier():
    assert sru_query_for_dossier("27925") == (
        "c.product-area==officielepublicaties AND w.dossiernummer==27925 AND w.publicatienaam==Kamerstuk"
    )
    assert 'w.dossiernummer=="36200-X"' in sru_query_for_dossier("36200 X")


def test_the_query_cannot_be_given_extra_cql():
    with pytest.raises(ValueError):
        sru_query_for_dossier("27925 OR w.publicatienaam==Staatscourant")


def test_it_reads_two_records_and_where_the_next_page_starts(recorded):
    records, next_position = parse_sru(recorded("ob/sru_27925_page1.xml"))
    assert [r.identifier for r in records] == ["kst-27925-960", "kst-27925-946"]
    assert next_position == 3
    letter = records[0]
    assert letter.kamerstuk == "27925-960"
    assert letter.dossiers == ["27925"]
    assert letter.ondernummer == "960"
    assert letter.date == dt.date(2023, 11, 21)
    assert letter.title == "Bestrijding internationaal terrorisme; Brief regering; Inzet in Irak"
    assert letter.vergaderjaar == "2023-2024"
    assert letter.kind == "Brief"
    assert letter.xml_url.endswith("/kst/27925/kst-27925-960/1/xml/kst-27925-960.xml")
    assert letter.pdf_url.endswith("/kst-27925-960/1/pdf/kst-27925-960.pdf")
    assert letter.metadata_url.endswith("/kst-27925-960/1/metadata/metadata.xml")
    assert letter.html_url.endswith("/kst-27925-960/1/html/kst-27925-960.html")


def test_a_paper_in_two_dossiers_keeps_both(recorded):
    _, both = parse_sru(recorded("ob/sru_27925_page1.xml")).records
    assert both.dossiers == ["27925", "29521"]
    assert both.kamerstuk == "27925-946"
    assert both.metadata_url is None  # not every record lists it
    assert both.html_url == "https://zoek.officielebekendmakingen.nl/kst-27925-946.html"


def test_the_last_page_has_no_next_position(recorded):
    page = parse_sru(recorded("ob/sru_27925_page2.xml"))
    assert [r.identifier for r in page.records] == ["kst-27925-943"]
    assert page.next_record_position is None


def test_without_next_position_it_counts_from_the_last_record(recorded):
    xml = recorded("ob/sru_27925_page1.xml").replace(b"<sru:nextRecordPosition>3</sru:nextRecordPosition>", b"")
    assert parse_sru(xml).next_record_position == 3


def test_a_diagnostic_is_an_error_not_an_empty_result(recorded):
    with pytest.raises(SourceFormatError, match="mismatched input"):
        parse_sru(recorded("ob/sru_diagnostic.xml"))


def test_it_reads_metadata_xml(recorded):
    meta = parse_metadata(recorded("ob/metadata_kst-27925-960.xml"))
    assert meta.identifier == "kst-27925-960"
    assert meta.kamerstuk == "27925-960"
    assert meta.dossiers == ["27925"]
    assert meta.ondernummer == "960"
    assert meta.vergaderjaar == "2023-2024"
    assert meta.date == dt.date(2023, 11, 21)
    assert meta.title == "Bestrijding internationaal terrorisme; Brief regering; Inzet in Irak"
    assert meta.document_title == "Brief van de minister van Defensie"
    assert meta.creator == "Tweede Kamer der Staten-Generaal"


def test_metadata_of_a_budget_chapter_gives_the_canonical_id(recorded):
    assert parse_metadata(recorded("ob/metadata_kst-36200-X-85.xml")).kamerstuk == "36200-X-85"


def test_metadata_without_identifier_is_refused():
    with pytest.raises(SourceFormatError, match="DC.identifier"):
        parse_metadata(b'<metadata_gegevens><metadata name="DC.title" content="x"/></metadata_gegevens>')
