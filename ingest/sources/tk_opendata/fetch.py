"""Fetch from the SyncFeed: feed pages, single entities, files.

The client's base URL is the SyncFeed root; all requests are relative to it. Next
links in the feed are absolute URLs on the Tweede Kamer's host; only their query
(category, skiptoken) is taken over, so paging stays on the configured host.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from urllib.parse import parse_qsl, urlparse

import httpx

from ingest.sources.http_client import MAX_RESOURCE_BYTES, download, get_ok, new_client
from ingest.sources.safexml import SourceFormatError
from ingest.sources.tk_opendata.feed import FeedEntry, FeedPage, parse_feed_page

SYNCFEED_BASE_URL = "https://gegevensmagazijn.tweedekamer.nl/SyncFeed/2.0/"


def new_syncfeed_client(base_url: str = SYNCFEED_BASE_URL, **options) -> httpx.Client:
    return new_client(base_url, **options)


def fetch_feed_page(client: httpx.Client, params: dict[str, str]) -> FeedPage:
    """One page of Feed?category=…&skiptoken=…"""
    return parse_feed_page(get_ok(client, "Feed", params=params).content)


def iter_feed(client: httpx.Client, category: str, skiptoken: int | str | None = None) -> Iterator[FeedEntry]:
    """Every change of one category from `skiptoken` on (the start when None), page after page.

    Store an entry's `skiptoken` after handling it to resume there next time.
    """
    for page in iter_feed_pages(client, category, skiptoken):
        yield from page.entries


def iter_feed_pages(client: httpx.Client, category: str, skiptoken: int | str | None = None) -> Iterator[FeedPage]:
    """The pages of one category from `skiptoken` on; a caller saves its place after each."""
    params = {"category": category}
    if skiptoken is not None:
        params["skiptoken"] = str(skiptoken)
    while True:
        page = fetch_feed_page(client, params)
        yield page
        if page.next_url is None:
            return
        next_params = dict(parse_qsl(urlparse(page.next_url).query))
        if next_params == params:
            raise SourceFormatError(f"feed page links to itself: {page.next_url}")
        params = next_params


def fetch_entity(client: httpx.Client, entity_id: str) -> bytes:
    """The XML of one entity (Entiteiten/<id>), for parse_document / parse_toezegging / …"""
    return get_ok(client, f"Entiteiten/{_guid(entity_id)}").content


def fetch_resource(client: httpx.Client, entity_id: str, max_bytes: int = MAX_RESOURCE_BYTES) -> tuple[bytes, str]:
    """The file of one entity (Resources/<id>): (content, content type)."""
    return download(client, f"Resources/{_guid(entity_id)}", max_bytes=max_bytes)


def _guid(entity_id: str) -> str:
    # Ids go into the URL path; only a GUID may.
    try:
        return str(uuid.UUID(str(entity_id)))
    except ValueError as exc:
        raise ValueError(f"not a SyncFeed entity id: {entity_id!r}") from exc
