"""KOOP's "fout404": a publication that is not there comes back as an HTML page with status 200.

Stored, it would become a document (and a second one, identical, would be merged with it by hash and
relabelled). Where XML or a PDF was asked for, an HTML page, or the error page's address, means missing.
"""

from __future__ import annotations

import httpx


class NotAtSource(Exception):
    """The source answered, but with its page for what it does not have."""

    def __init__(self, url: str):
        self.url = url
        super().__init__(f"error page instead of the publication: {url}")


def refuse_error_page(response: httpx.Response) -> httpx.Response:
    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    head = response.content[:100].lstrip()[:15].lower()
    looks_html = content_type in ("text/html", "application/xhtml+xml") or head.startswith(
        (b"<!doctype html", b"<html"))
    # The address: a redirect to the error page lands on …/fout404.
    if looks_html or "fout404" in str(response.url).lower():
        raise NotAtSource(str(response.request.url))
    return response
