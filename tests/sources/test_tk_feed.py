import datetime as dt

import pytest

from ingest.sources.safexml import SourceFormatError
from ingest.sources.tk_opendata import parse_document, parse_feed_page


def test_it_reads_the_entries_of_a_page(recorded):
    page = parse_feed_page(recorded("tk/feed_document_page1.xml"))
    assert [entry.entity_id for entry in page.entries] == [
        "3f6e2a1c-8b0d-4c7e-9a51-2d4f6b8c0e11",
        "9d2b7e40-1a6c-4f85-b0e3-c4a81f5d2e97",
    ]
    letter = page.entries[0]
    assert letter.category == "Document"
    assert letter.updated == dt.datetime(2023, 11, 21, 16, 2, 47, tzinfo=dt.UTC)
    assert letter.entity_url.endswith("/SyncFeed/2.0/Entiteiten/3f6e2a1c-8b0d-4c7e-9a51-2d4f6b8c0e11")
    assert letter.resource_url.endswith("/SyncFeed/2.0/Resources/3f6e2a1c-8b0d-4c7e-9a51-2d4f6b8c0e11")
    assert letter.resource_type == "application/pdf"
    assert letter.skiptoken == 20127223
    assert not letter.deleted


def test_it_follows_the_pages_next_link_with_its_skiptoken(recorded):
    page = parse_feed_page(recorded("tk/feed_document_page1.xml"))
    assert (
        page.next_url
        == "https://gegevensmagazijn.tweedekamer.nl/SyncFeed/2.0/Feed?skiptoken=20127224&category=Document"
    )


def test_it_marks_a_tombstone_as_deleted_without_a_file(recorded):
    tombstone = parse_feed_page(recorded("tk/feed_document_page1.xml")).entries[1]
    assert tombstone.deleted
    assert tombstone.resource_url is None
    assert parse_document(tombstone.entity_xml).deleted


def test_the_embedded_entity_parses_like_the_fetched_one(recorded):
    embedded = parse_feed_page(recorded("tk/feed_document_page1.xml")).entries[0].entity_xml
    assert parse_document(embedded) == parse_document(recorded("tk/entity_document_3f6e2a1c.xml"))


def test_without_a_page_link_it_resumes_after_the_last_entry(recorded):
    page = parse_feed_page(recorded("tk/feed_document_page2.xml"))
    assert len(page.entries) == 1
    assert page.entries[0].resource_type is None  # the enclosure carries no type here
    assert page.next_url.endswith("skiptoken=20127230&category=Document")


def test_an_empty_page_is_the_last(recorded):
    page = parse_feed_page(recorded("tk/feed_document_page3.xml"))
    assert page.entries == []
    assert page.next_url is None


def test_it_refuses_xml_that_is_not_a_feed(recorded):
    with pytest.raises(SourceFormatError, match="Atom <feed>"):
        parse_feed_page(recorded("tk/entity_document_3f6e2a1c.xml"))
