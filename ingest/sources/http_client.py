"""One way to make an HTTP client for the sources: polite, bounded, configurable."""

from __future__ import annotations

import httpx

from ingest.sources.polite import Politeness, PoliteTransport

USER_AGENT = "toezeggingen-tracker/1.0 (import of public parliamentary documents)"

# Connecting should be quick; the SyncFeed and SRU can take a while to answer a page.
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=10.0)

# A Kamerstuk PDF is a few MB; a bijlage can be large, but anything beyond this is
# not a document a clerk reads, and would only fill memory.
MAX_RESOURCE_BYTES = 100 * 1024 * 1024


class ResourceTooLarge(Exception):
    """A file larger than the import accepts."""


def new_client(base_url: str, *, timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
               politeness: Politeness | None = None) -> httpx.Client:
    """A client whose relative requests go to `base_url` (tests pass a local server's URL), at a polite pace."""
    return httpx.Client(
        base_url=base_url,
        timeout=timeout,
        transport=PoliteTransport(politeness or Politeness()),
        headers={"User-Agent": USER_AGENT},
        follow_redirects=True,
    )


def get_ok(client: httpx.Client, url: str, params: dict | None = None) -> httpx.Response:
    """GET and fail loudly on an HTTP error status (httpx.HTTPStatusError)."""
    response = client.get(url, params=params)
    response.raise_for_status()
    return response


def download(client: httpx.Client, url: str, max_bytes: int = MAX_RESOURCE_BYTES) -> tuple[bytes, str]:
    """Stream a file into memory, stopping at `max_bytes`; returns (content, content type)."""
    with client.stream("GET", url) as response:
        response.raise_for_status()
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > max_bytes:
                raise ResourceTooLarge(f"{url} is larger than {max_bytes} bytes")
            chunks.append(chunk)
        content_type = response.headers.get("content-type", "application/octet-stream")
    return b"".join(chunks), content_type.split(";")[0].strip()
