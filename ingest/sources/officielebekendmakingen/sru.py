"""Search officielebekendmakingen via SRU 2.0 (repository.overheid.nl/sru) and parse the answer.

Each record is a `gzd` document: the publication's metadata under originalData
(owmskern, owmsmantel, tpmeta) and the URLs of its manifestations (xml, pdf,
html, metadata) under enrichedData.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import NamedTuple
from xml.etree.ElementTree import Element

from ingest.sources.kamerstuk_ids import canonical_dossier
from ingest.sources.officielebekendmakingen.metadata import Publication
from ingest.sources.safexml import SourceFormatError, parse_xml

SRU = "{http://docs.oasis-open.org/ns/search-ws/sruResponse}"
DIAGNOSTIC = "{http://docs.oasis-open.org/ns/search-ws/diagnostic}"
GZD = "{http://standaarden.overheid.nl/sru}"
DCTERMS = "{http://purl.org/dc/terms/}"
WETGEVING = "{http://standaarden.overheid.nl/wetgeving/}"

# Element in a gzd record -> our field. dossiernummer repeats for a paper
# published in two dossiers at once.
SRU_FIELDS = {
    f"{DCTERMS}identifier": "identifier",  # kst-27925-960
    f"{DCTERMS}title": "title",
    f"{DCTERMS}issued": "date",
    f"{DCTERMS}modified": "modified",  # the record's last change: what a later run needs to fetch again
    f"{WETGEVING}dossiernummer": "dossiers",  # 27925, 36200-X
    f"{WETGEVING}ondernummer": "ondernummer",
    f"{WETGEVING}vergaderjaar": "vergaderjaar",
    f"{WETGEVING}subrubriek": "kind",  # "Brief", "Motie", …
}

# gzd:itemUrl manifestation -> our field.
MANIFESTATIONS = {"xml": "xml_url", "pdf": "pdf_url", "metadata": "metadata_url", "html": "html_url"}

# A dossier as the query may carry it: digits and suffixes only, so nothing can
# be smuggled into the CQL.
_QUERYABLE_DOSSIER = re.compile(r"[0-9A-Z]+(?:-[0-9A-Z]+)*")


@dataclass
class SruRecord(Publication):
    kind: str | None = None
    modified: dt.date | None = None
    xml_url: str | None = None
    pdf_url: str | None = None
    metadata_url: str | None = None
    html_url: str | None = None


class SruPage(NamedTuple):
    records: list[SruRecord]
    next_record_position: int | None  # startRecord for the next page; None on the last


def sru_query_for_dossier(dossier: str) -> str:
    """The CQL for every Kamerstuk in one dossier: "27925", "36200-X", "21501-20"."""
    canonical = canonical_dossier(dossier)
    if not _QUERYABLE_DOSSIER.fullmatch(canonical):
        raise ValueError(f"not a dossier number: {dossier!r}")
    term = canonical if canonical.isdigit() else f'"{canonical}"'
    return f"c.product-area==officielepublicaties AND w.dossiernummer=={term} AND w.publicatienaam==Kamerstuk"


def parse_sru(xml_bytes: bytes) -> SruPage:
    root = parse_xml(xml_bytes)
    if root.tag != f"{SRU}searchRetrieveResponse":
        raise SourceFormatError(f"expected an SRU searchRetrieveResponse, got <{root.tag}>")
    # A query the server cannot handle still comes back as HTTP 200, with a diagnostic.
    message = root.findtext(f"{SRU}diagnostics/{DIAGNOSTIC}diagnostic/{DIAGNOSTIC}message")
    if message is not None:
        raise SourceFormatError(f"SRU diagnostic: {message.strip()}")
    records = [_record(element) for element in root.findall(f"{SRU}records/{SRU}record")]
    return SruPage(records=records, next_record_position=_next_position(root, records))


def _record(record: Element) -> SruRecord:
    gzd = record.find(f"{SRU}recordData/{GZD}gzd")
    if gzd is None:
        raise SourceFormatError("SRU record without gzd data")
    values: dict = {"dossiers": []}
    for element in gzd.iter():
        ours = SRU_FIELDS.get(element.tag)
        text = (element.text or "").strip()
        if ours is None or not text:
            continue
        if ours == "dossiers":
            values["dossiers"].append(canonical_dossier(text))
        else:
            values.setdefault(ours, dt.date.fromisoformat(text[:10]) if ours in ("date", "modified") else text)
    if "identifier" not in values:
        raise SourceFormatError("SRU record without dcterms:identifier")
    for item in gzd.iter(f"{GZD}itemUrl"):
        ours = MANIFESTATIONS.get(item.get("manifestation", ""))
        if ours and item.text:
            values.setdefault(ours, item.text.strip())
    preferred = (gzd.findtext(f"{GZD}enrichedData/{GZD}preferredUrl") or "").strip()
    if preferred:
        values.setdefault("html_url", preferred)
    return SruRecord(**values)


def _next_position(root: Element, records: list[SruRecord]) -> int | None:
    if not records:
        return None
    explicit = root.findtext(f"{SRU}nextRecordPosition")
    if explicit and explicit.strip().isdigit():
        return int(explicit)
    # Without nextRecordPosition, the last record's position and the total tell.
    total = (root.findtext(f"{SRU}numberOfRecords") or "").strip()
    positions = root.findall(f"{SRU}records/{SRU}record/{SRU}recordPosition")
    last = (positions[-1].text or "").strip() if positions else ""
    if total.isdigit() and last.isdigit() and int(last) < int(total):
        return int(last) + 1
    return None
