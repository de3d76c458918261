"""Parse one page of the SyncFeed (Atom 1.0).

A page holds up to 250 entries. Each entry is one changed entity: its GUID in
<title>, its Entiteiten URL in <id>, the entity type in <category term>, a
<link rel="next"> whose skiptoken resumes the feed right after this entry, a
<link rel="enclosure"> when the entity has a file, and (by default) the entity's
XML itself in <content>. The page has its own <link rel="next">; the feed is done
when a page comes back without entries.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlparse
from xml.etree.ElementTree import Element, tostring

from ingest.sources.safexml import SourceFormatError, parse_xml
from ingest.sources.tk_opendata.xmlns import ATOM, is_deleted, parse_datetime


@dataclass
class FeedEntry:
    """One change in the feed."""

    entity_id: str  # GUID of the entity; also the id of its file at Resources/<id>
    category: str  # entity type: "Document", "Toezegging", "Kamerstukdossier", …
    updated: dt.datetime | None
    deleted: bool  # a tombstone: the entity was removed, no fields follow
    entity_url: str | None  # …/SyncFeed/2.0/Entiteiten/<id>
    resource_url: str | None  # …/SyncFeed/2.0/Resources/<id>, only when there is a file
    resource_type: str | None  # the enclosure's MIME type, when the feed gives it
    skiptoken: int | None  # resume the feed directly after this entry
    entity_xml: bytes | None  # the entity as embedded in <content>, ready for parse_*


@dataclass
class BadEntry:
    """An entry that could not be read (no id, a date that is no date): skipped, the rest of its page is not."""

    position: int  # 1 for the page's first entry
    entity_id: str | None  # when it could still be read
    skiptoken: int | None
    detail: str  # what was wrong with it, for whoever fixes it

    reason = "onleesbare regel in de feed, overgeslagen"


@dataclass
class FeedPage:
    entries: list[FeedEntry]
    next_url: str | None  # None when there is nothing more to ask for
    bad: list[BadEntry] = field(default_factory=list)
    # The feed's end gives, instead of a next link, rel="resume": where to ask for what changes from now on.
    resume_url: str | None = None


def parse_feed_page(xml_bytes: bytes) -> FeedPage:
    root = parse_xml(xml_bytes)
    if root.tag != f"{ATOM}feed":
        raise SourceFormatError(f"expected an Atom <feed>, got <{root.tag}>")
    elements = root.findall(f"{ATOM}entry")
    # An empty page ends the feed. Otherwise follow the page's next link, or the
    # last entry's, which points at the same place.
    next_url = (_link(root, "next") or _link(elements[-1], "next")) if elements else None
    entries, bad = [], []
    for position, element in enumerate(elements, 1):
        try:
            entries.append(_entry(element))
        except (SourceFormatError, ValueError) as error:
            bad.append(BadEntry(position, _text(element, "title"), _skiptoken_or_none(element), str(error)))
    return FeedPage(entries=entries, next_url=next_url, bad=bad, resume_url=_link(root, "resume"))


def skiptoken_of(url: str | None) -> int | None:
    if not url:
        return None
    values = parse_qs(urlparse(url).query).get("skiptoken")
    return int(values[0]) if values and values[0].lstrip("-").isdigit() else None


def _skiptoken_or_none(element: Element) -> int | None:
    try:
        return skiptoken_of(_link(element, "next"))
    except ValueError:
        return None


def _entry(element: Element) -> FeedEntry:
    entity_url = _text(element, "id")
    entity_id = _text(element, "title") or (entity_url or "").rstrip("/").rsplit("/", 1)[-1]
    if not entity_id:
        raise SourceFormatError("feed entry without an entity id")
    category = element.find(f"{ATOM}category")
    enclosure = _link_element(element, "enclosure")
    entity = _embedded_entity(element)
    return FeedEntry(
        entity_id=entity_id,
        category=category.get("term", "") if category is not None else "",
        updated=parse_datetime(_text(element, "updated")),
        deleted=is_deleted(entity) if entity is not None else False,
        entity_url=entity_url,
        resource_url=enclosure.get("href") if enclosure is not None else None,
        resource_type=enclosure.get("type") if enclosure is not None else None,
        skiptoken=skiptoken_of(_link(element, "next")),
        entity_xml=tostring(entity) if entity is not None else None,
    )


def _embedded_entity(entry: Element) -> Element | None:
    content = entry.find(f"{ATOM}content")
    if content is None or len(content) == 0:
        return None  # the feed was asked for with content=external
    return content[0]


def _text(element: Element, name: str) -> str | None:
    value = element.findtext(f"{ATOM}{name}")
    return value.strip() if value else None


def _link_element(element: Element, rel: str) -> Element | None:
    return next((link for link in element.findall(f"{ATOM}link") if link.get("rel") == rel), None)


def _link(element: Element, rel: str) -> str | None:
    link = _link_element(element, rel)
    return link.get("href") if link is not None else None
