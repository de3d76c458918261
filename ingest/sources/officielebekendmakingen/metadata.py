"""Parse a publication's metadata.xml (zoek.officielebekendmakingen.nl/<id>/metadata.xml).

The file is a flat list: <metadata name="OVERHEIDop.dossiernummer" content="27925"/>.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ingest.sources.kamerstuk_ids import canonical_dossier, canonical_kamerstuk
from ingest.sources.safexml import SourceFormatError, parse_xml

# metadata name -> our field. OVERHEIDop.dossiernummer repeats for a paper in two dossiers.
METADATA_FIELDS = {
    "DC.identifier": "identifier",  # kst-27925-960
    "DC.title": "title",
    "DCTERMS.issued": "date",
    "OVERHEIDop.dossiernummer": "dossiers",
    "OVERHEIDop.ondernummer": "ondernummer",
    "OVERHEIDop.vergaderjaar": "vergaderjaar",
    "OVERHEIDop.documenttitel": "document_title",
    "DC.creator": "creator",  # Tweede Kamer / Eerste Kamer der Staten-Generaal
}


@dataclass
class Publication:
    """What both a search record and metadata.xml say of one publication."""

    identifier: str
    title: str | None = None
    date: dt.date | None = None
    dossiers: list[str] = field(default_factory=list)  # canonical
    ondernummer: str | None = None
    vergaderjaar: str | None = None

    @property
    def kamerstuk(self) -> str | None:
        """Canonical id (27925-960, 36200-X-85, 21501-20-1876, 32637-E); None for other publications."""
        if not self.dossiers or not self.ondernummer:
            return None
        return canonical_kamerstuk(self.dossiers[0], self.ondernummer)


@dataclass
class KstMetadata(Publication):
    document_title: str | None = None
    creator: str | None = None


def parse_metadata(xml_bytes: bytes) -> KstMetadata:
    root = parse_xml(xml_bytes)
    values: dict = {"dossiers": []}
    for element in root.iter("metadata"):
        ours = METADATA_FIELDS.get(element.get("name", ""))
        content = (element.get("content") or "").strip()
        if ours is None or not content:
            continue
        if ours == "dossiers":
            values["dossiers"].append(canonical_dossier(content))
        else:
            values.setdefault(ours, dt.date.fromisoformat(content[:10]) if ours == "date" else content)
    if "identifier" not in values:
        raise SourceFormatError("metadata.xml without DC.identifier")
    return KstMetadata(**values)
