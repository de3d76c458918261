import pytest

from ingest.sources.officielebekendmakingen import parse_metadata
from ingest.sources.safexml import SourceFormatError, UnsafeXMLError, parse_xml
from ingest.sources.tk_opendata import parse_feed_page


def test_it_refuses_a_billion_laughs_instead_of_expanding_it(recorded):
    with pytest.raises(UnsafeXMLError, match="entity"):
        parse_feed_page(recorded("hostile/billion_laughs.xml"))


def test_it_refuses_an_external_entity_instead_of_reading_the_file(recorded):
    with pytest.raises(UnsafeXMLError):
        parse_feed_page(recorded("hostile/external_entity.xml"))


def test_every_parser_goes_through_the_same_refusal(recorded):
    with pytest.raises(UnsafeXMLError):
        parse_metadata(recorded("hostile/billion_laughs.xml"))


def test_it_reports_broken_xml_as_a_format_error():
    with pytest.raises(SourceFormatError, match="not well-formed"):
        parse_xml(b"<feed><entry></feed>")


def test_it_reports_an_empty_body_as_a_format_error():
    with pytest.raises(SourceFormatError, match="empty"):
        parse_xml(b"  \n")
