"""The real fetch code against a local server that plays back recorded responses."""

import httpx
import pytest

from ingest.sources.http_client import USER_AGENT, ResourceTooLarge
from ingest.sources.officielebekendmakingen import (
    fetch_kst_xml,
    fetch_metadata,
    iter_sru,
    new_ob_client,
    parse_metadata,
    sru_query_for_dossier,
)
from ingest.sources.tk_opendata import (
    fetch_entity,
    fetch_resource,
    iter_feed,
    kamerstuk_id,
    new_syncfeed_client,
    parse_document,
    parse_kamerstukdossier,
)

LETTER = "3f6e2a1c-8b0d-4c7e-9a51-2d4f6b8c0e11"
DOSSIER = "c71e5a08-94d2-4f3b-a6e1-58b0d2f7c913"
FEED = "/SyncFeed/2.0/Feed"


@pytest.fixture
def syncfeed(playback):
    playback.add(FEED, "tk/feed_document_page1.xml", category="Document")
    playback.add(FEED, "tk/feed_document_page2.xml", category="Document", skiptoken="20127224")
    playback.add(FEED, "tk/feed_document_page3.xml", category="Document", skiptoken="20127230")
    playback.add(f"/SyncFeed/2.0/Entiteiten/{LETTER}", "tk/entity_document_3f6e2a1c.xml")
    playback.add(f"/SyncFeed/2.0/Entiteiten/{DOSSIER}", "tk/entity_kamerstukdossier_c71e5a08.xml")
    playback.add(f"/SyncFeed/2.0/Resources/{LETTER}", "tk/resource_3f6e2a1c.pdf", "application/pdf")
    with new_syncfeed_client(f"{playback.base_url}/SyncFeed/2.0") as client:
        yield client


def test_it_follows_the_feed_by_skiptoken_until_an_empty_page(syncfeed, playback):
    entries = list(iter_feed(syncfeed, "Document"))
    assert [entry.entity_id[:8] for entry in entries] == ["3f6e2a1c", "9d2b7e40", "51c0d8e3"]
    feed_requests = [query for path, query, _ in playback.requests if path == FEED]
    assert feed_requests == [
        {"category": "Document"},
        {"category": "Document", "skiptoken": "20127224"},
        {"category": "Document", "skiptoken": "20127230"},
    ]


def test_it_resumes_from_a_stored_skiptoken(syncfeed):
    entries = list(iter_feed(syncfeed, "Document", skiptoken=20127224))
    assert [entry.entity_id[:8] for entry in entries] == ["51c0d8e3"]


def test_it_fetches_the_entities_and_the_file_of_a_letter(syncfeed, playback):
    document = parse_document(fetch_entity(syncfeed, LETTER))
    dossier = parse_kamerstukdossier(fetch_entity(syncfeed, document.dossier_refs[0]))
    assert kamerstuk_id(document, dossier) == "27925-960"

    content, content_type = fetch_resource(syncfeed, document.resource_id)
    assert content.startswith(b"%PDF-1.4")
    assert content_type == "application/pdf"
    assert {agent for _, _, agent in playback.requests} == {USER_AGENT}


def test_a_file_over_the_limit_is_refused(syncfeed):
    with pytest.raises(ResourceTooLarge):
        fetch_resource(syncfeed, LETTER, max_bytes=16)


def test_an_id_that_is_not_a_guid_never_reaches_the_server(syncfeed, playback):
    with pytest.raises(ValueError, match="entity id"):
        fetch_entity(syncfeed, "../Feed?category=Persoon")
    assert playback.requests == []


def test_a_missing_entity_is_an_http_error(syncfeed):
    with pytest.raises(httpx.HTTPStatusError):
        fetch_entity(syncfeed, "00000000-0000-0000-0000-000000000000")


def test_it_pages_through_sru_and_fetches_what_it_found(playback):
    query = sru_query_for_dossier("27925")
    common = {"query": query, "maximumRecords": "2", "httpAccept": "application/xml"}
    playback.add("/sru", "ob/sru_27925_page1.xml", startRecord="1", **common)
    playback.add("/sru", "ob/sru_27925_page2.xml", startRecord="3", **common)
    playback.add("/zoek/kst-27925-960/metadata.xml", "ob/metadata_kst-27925-960.xml")
    playback.add("/zoek/kst-27925-960.xml", "ob/kst-27925-960.xml")
    zoek = f"{playback.base_url}/zoek/"

    with new_ob_client() as client:
        records = list(iter_sru(client, query, page_size=2, sru_url=f"{playback.base_url}/sru"))
        assert [r.kamerstuk for r in records] == ["27925-960", "27925-946", "27925-943"]

        meta = parse_metadata(fetch_metadata(client, records[0].identifier, base_url=zoek))
        assert meta.kamerstuk == "27925-960"
        assert b"<ondernummer>960</ondernummer>" in fetch_kst_xml(client, "kst-27925-960", base_url=zoek)


def test_a_publication_identifier_cannot_leave_the_zoek_site(playback):
    with new_ob_client() as client, pytest.raises(ValueError, match="identifier"):
        fetch_metadata(client, "../../etc/passwd", base_url=f"{playback.base_url}/zoek/")
    assert playback.requests == []
