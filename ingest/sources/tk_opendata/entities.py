"""Parse SyncFeed entities (Document, Kamerstukdossier, Toezegging) into dataclasses.

What we take from the Tweede Kamer is written down once, in the *_FIELDS
mappings: the element name in the tkData XML on the left, our field on the
right. A reference to another entity (`<kamerstukdossier ref="…"/>`) yields that
entity's GUID. Elements marked xsi:nil, and tombstones (verwijderd="true"),
leave fields empty.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from ingest.sources.kamerstuk_ids import canonical_dossier, canonical_kamerstuk
from ingest.sources.safexml import SourceFormatError, parse_xml
from ingest.sources.tk_opendata.xmlns import ATOM, TK, is_deleted, parse_date, parse_datetime, tk_attribute

DOCUMENT_FIELDS = {
    "documentNummer": "document_number",  # 2024D08306
    "soort": "kind",  # "Brief regering", "Verslag van een commissiedebat", …
    "volgnummer": "ondernummer",  # -1 when the document is not a Kamerstuk
    "datum": "date",
    "onderwerp": "subject",
    "titel": "title",
    "vergaderjaar": "vergaderjaar",  # "2023-2024"
    "kamerstukdossier": "dossier_refs",  # a paper published in two dossiers names both
    "zaak": "zaak_refs",
}

DOSSIER_FIELDS = {
    "nummer": "number",  # 36200
    "toevoeging": "addition",  # "X", "A", "20"
    "titel": "title",
}

TOEZEGGING_FIELDS = {
    "nummer": "number",  # TZ202603-130
    "tekst": "text",
    "status": "tk_status",
    "datumNakoming": "due",
    "kamerbriefNakoming": "fulfilled_by",  # document numbers; the schema says once, the feed repeats it
    "ministerie": "ministry",  # free text, not a code
    "functie": "minister_function",  # "minister van Defensie"
    "naam": "name",
    "initialen": "initials",
    "tussenvoegsel": "infix",
    "achternaam": "surname",
    "aanmaakdatum": "created",
    "activiteit": "activiteit_ref",  # the debate the promise was made in
    "activiteitNummer": "activiteit_number",
    "isHerhalingVan": "repeats",
    "isAanvullingOp": "supplements",
    "isWijzigingVan": "amends",
}

# The register's statuses -> ours. The published schema lists Voldaan and Deels
# Voldaan, but the data says Afgedaan and Deels Afgedaan (OpenDataPortaal issue
# #179); both spellings mean the same. Keys are compared case-insensitively.
TOEZEGGING_STATUSES = {
    "openstaand": "openstaand",
    "voldaan": "voldaan",
    "afgedaan": "voldaan",
    "deels voldaan": "deels_voldaan",
    "deels afgedaan": "deels_voldaan",
    "vervallen": "vervallen",
}

_REPEATED = {"dossier_refs", "zaak_refs", "fulfilled_by", "repeats", "supplements", "amends"}


def _ondernummer(value: str) -> int | None:
    number = int(value)
    return number if number > 0 else None


_CONVERTERS: dict[str, Callable[[str], object]] = {
    "date": parse_date,
    "due": parse_date,
    "created": parse_datetime,
    "ondernummer": _ondernummer,
    "number": lambda value: int(value) if value.isdigit() else value,
}


@dataclass
class TKDocument:
    id: str  # GUID
    deleted: bool
    updated: dt.datetime | None
    document_number: str | None = None
    kind: str | None = None
    ondernummer: int | None = None  # None when TK says -1: not a Kamerstuk
    date: dt.date | None = None
    subject: str | None = None
    title: str | None = None
    vergaderjaar: str | None = None
    dossier_refs: list[str] = field(default_factory=list)  # GUIDs of its Kamerstukdossier entities, own first
    zaak_refs: list[str] = field(default_factory=list)
    content_type: str | None = None  # "application/pdf", a Word type, …
    content_length: int | None = None

    @property
    def resource_id(self) -> str | None:
        """The id to fetch the file with (Resources/<id>), when there is one."""
        return self.id if self.content_type else None


@dataclass
class TKDossier:
    id: str
    deleted: bool
    updated: dt.datetime | None
    number: int | None = None
    addition: str | None = None
    title: str | None = None

    @property
    def dossier(self) -> str | None:
        """Canonical dossier: 27925, 36200-X, 21501-20."""
        return canonical_dossier(self.number, self.addition) if self.number else None


@dataclass
class TKToezegging:
    id: str
    deleted: bool
    updated: dt.datetime | None
    number: str | None = None
    text: str | None = None
    status: str | None = None  # ours: openstaand, voldaan, deels_voldaan, vervallen; None if empty or unknown
    tk_status: str | None = None  # as the register writes it
    due: dt.date | None = None
    fulfilled_by: list[str] = field(default_factory=list)
    ministry: str | None = None
    minister: str | None = None  # "K.H. Ollongren"
    minister_function: str | None = None
    created: dt.datetime | None = None
    activiteit_ref: str | None = None
    activiteit_number: str | None = None
    repeats: list[str] = field(default_factory=list)
    supplements: list[str] = field(default_factory=list)
    amends: list[str] = field(default_factory=list)
    made_to_ref: str | None = None  # toegezegdAan: the GUID of the Persoon (or committee) promised


PERSOON_NAME = ("roepnaam", "tussenvoegsel", "achternaam")


def parse_document(entity_xml: bytes) -> TKDocument:
    entity = _entity(entity_xml, "document")
    document = TKDocument(**_header(entity), **_fields(entity, DOCUMENT_FIELDS))
    document.content_type = tk_attribute(entity, "contentType") or None
    length = tk_attribute(entity, "contentLength")
    document.content_length = int(length) if length and length.isdigit() else None
    return document


def parse_kamerstukdossier(entity_xml: bytes) -> TKDossier:
    entity = _entity(entity_xml, "kamerstukdossier")
    return TKDossier(**_header(entity), **_fields(entity, DOSSIER_FIELDS))


def parse_toezegging(entity_xml: bytes) -> TKToezegging:
    entity = _entity(entity_xml, "toezegging")
    values = _fields(entity, TOEZEGGING_FIELDS)
    name_parts = [values.pop(key) for key in ("name", "initials", "infix", "surname")]
    tk_status = values["tk_status"]
    made_to = next((child for child in entity.iterfind(f"{TK}toegezegdAan/*") if child.get("ref")), None)
    return TKToezegging(
        **_header(entity),
        **values,
        made_to_ref=made_to.get("ref") if made_to is not None else None,
        minister=_minister(*name_parts),
        status=TOEZEGGING_STATUSES.get(" ".join(tk_status.split()).casefold()) if tk_status else None,
    )


def parse_name(entity_xml: bytes) -> str | None:
    """The name of a Persoon ("Judith Tielen") or of a committee (its <naam>) the register refers to."""
    root = _entity(entity_xml, None)
    texts = {child.tag[len(TK):]: (child.text or "").strip() for child in root if child.tag.startswith(TK)}
    composed = " ".join(texts[part] for part in PERSOON_NAME if texts.get(part))
    return composed or texts.get("naam") or None


def kamerstuk_id(document: TKDocument, dossier: TKDossier | None) -> str | None:
    """The document's canonical Kamerstuk id (27925-960), when it is a Kamerstuk."""
    if document.ondernummer is None or dossier is None or not dossier.dossier:
        return None
    return canonical_kamerstuk(dossier.dossier, document.ondernummer)


def _minister(name: str | None, initials: str | None, infix: str | None, surname: str | None) -> str | None:
    if name:
        return name
    composed = " ".join(part for part in (initials, infix, surname) if part)
    return composed or None


def _entity(entity_xml: bytes, expected: str | None) -> Element:
    root = parse_xml(entity_xml)
    if root.tag == f"{ATOM}entry":  # an entity wrapped in its feed entry
        content = root.find(f"{ATOM}content")
        root = content[0] if content is not None and len(content) else root
    if expected is not None and root.tag != f"{TK}{expected}":
        raise SourceFormatError(f"expected a tkData <{expected}>, got <{root.tag}>")
    if not root.get("id"):
        raise SourceFormatError(f"<{expected}> without an id")
    return root


def _header(entity: Element) -> dict:
    return {
        "id": entity.get("id"),
        "deleted": is_deleted(entity),
        "updated": parse_datetime(tk_attribute(entity, "bijgewerkt")),
    }


def _fields(entity: Element, mapping: dict[str, str]) -> dict:
    values: dict = {ours: [] if ours in _REPEATED else None for ours in mapping.values()}
    for child in entity:
        if not child.tag.startswith(TK):
            continue
        ours = mapping.get(child.tag[len(TK) :])
        raw = child.get("ref") if child.get("ref") is not None else (child.text or "").strip()
        if ours is None or not raw:
            continue  # not ours, or xsi:nil / empty
        value = _CONVERTERS.get(ours, str)(raw)
        if ours in _REPEATED:
            values[ours].append(value)
        else:
            values[ours] = value
    return values
