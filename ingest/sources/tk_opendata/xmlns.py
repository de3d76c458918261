"""Namespaces and small readers shared by the SyncFeed's Atom pages and its entities."""

from __future__ import annotations

import datetime as dt
from xml.etree.ElementTree import Element

ATOM = "{http://www.w3.org/2005/Atom}"
TK = "{http://www.tweedekamer.nl/xsd/tkData/v1-0}"


def tk_attribute(element: Element, name: str) -> str | None:
    """`verwijderd`, `bijgewerkt`, `contentType`: namespaced (tk:/ns1:) in the feed, but read both ways."""
    return element.get(f"{TK}{name}", element.get(name))


def is_deleted(entity: Element) -> bool:
    return (tk_attribute(entity, "verwijderd") or "").strip().lower() == "true"


def parse_datetime(value: str | None) -> dt.datetime | None:
    """ISO 8601 as the feed writes it ("2024-03-01T10:15:00Z", "2024-03-01T00:00:00+01:00")."""
    if not value or not value.strip():
        return None
    return dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))


def parse_date(value: str | None) -> dt.date | None:
    moment = parse_datetime(value)
    return moment.date() if moment else None
