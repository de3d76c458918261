"""Fetch from officielebekendmakingen: SRU result pages, a Kamerstuk's XML and metadata.xml.

Publications are fetched by identifier from the zoek site, whose base URL is a
parameter like the SRU's, rather than by following URLs found in a response:
that keeps every request on a host we chose.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx

from ingest.sources.http_client import get_ok, new_client
from ingest.sources.officielebekendmakingen.missing import refuse_error_page
from ingest.sources.officielebekendmakingen.sru import SruPage, SruRecord, parse_sru

SRU_URL = "https://repository.overheid.nl/sru"
ZOEK_BASE_URL = "https://zoek.officielebekendmakingen.nl/"

# The SRU server caps a page; 100 keeps each answer small.
PAGE_SIZE = 100

# kst-27925-960, kst-36200-X-85, blg-1093410: the identifiers go into a URL path.
_IDENTIFIER = re.compile(r"[a-z]+(?:-[0-9A-Za-z]+)+")


def new_ob_client(**options) -> httpx.Client:
    """A client for both SRU and zoek; each fetch gets its absolute base URL."""
    return new_client("", **options)


def fetch_sru_page(
    client: httpx.Client, query: str, start_record: int = 1, page_size: int = PAGE_SIZE, sru_url: str = SRU_URL
) -> SruPage:
    params = {
        "query": query,
        "startRecord": str(start_record),
        "maximumRecords": str(page_size),
        "httpAccept": "application/xml",
    }
    return parse_sru(get_ok(client, sru_url, params=params).content)


def iter_sru(
    client: httpx.Client, query: str, page_size: int = PAGE_SIZE, sru_url: str = SRU_URL
) -> Iterator[SruRecord]:
    """Every record for `query`, following startRecord from page to page."""
    position: int | None = 1
    while position is not None:
        page = fetch_sru_page(client, query, start_record=position, page_size=page_size, sru_url=sru_url)
        yield from page.records
        if page.next_record_position is not None and page.next_record_position <= position:
            raise ValueError(f"SRU paging went backwards: {position} -> {page.next_record_position}")
        position = page.next_record_position


def fetch_kst_xml(client: httpx.Client, identifier: str, base_url: str = ZOEK_BASE_URL) -> bytes:
    """The publication's XML (kst-27925-960.xml)."""
    return refuse_error_page(get_ok(client, _url(base_url, f"{_checked(identifier)}.xml"))).content


def fetch_metadata(client: httpx.Client, identifier: str, base_url: str = ZOEK_BASE_URL) -> bytes:
    """The publication's metadata.xml, for parse_metadata."""
    return refuse_error_page(get_ok(client, _url(base_url, f"{_checked(identifier)}/metadata.xml"))).content


def _checked(identifier: str) -> str:
    if not _IDENTIFIER.fullmatch(identifier):
        raise ValueError(f"not a publication identifier: {identifier!r}")
    return identifier


def _url(base_url: str, path: str) -> str:
    return f"{base_url.rstrip('/')}/{path}"
