"""Read a Kamerstuk as officielebekendmakingen.nl publishes it in XML.

The XML states what a PDF only shows: dossier, ondernummer, date and footnotes
are elements, so they are taken as they are. Entity declarations are refused
before anything is expanded (billion laughs, external entities).
"""

from __future__ import annotations

import datetime as dt
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from ..model import ExtractionError
from ..patterns import DOSSIER_RE, dossier_id
from .lines import Known, Line, Page, RawDocument
from .xml_tables import table_grids

# Elements whose text is one paragraph of the body.
_BLOCKS = {
    "al", "tussenkop", "kop", "slotformule", "functie", "naam", "li", "entry",
    "vraag", "antwoord", "citaat",
}
# Elements that belong to the header block, not the body.
_SKIP = {"metadata", "meta", "kamerstukkop", "dossier", "stuknr", "noot", "noot.ref", "aanhef", "dagtekening"}
# Deeper than any publication, well within Python's recursion limit.
MAX_DEPTH = 200


def read_xml(text: str) -> RawDocument:
    root = _parse(text)
    _refuse_deep_nesting(root)
    if root.find(".//al") is None:
        raise ExtractionError(
            "onbekend-type",
            "Dit XML-bestand is geen publicatie van officielebekendmakingen.nl (er staat geen tekst in "
            "de bekende opmaak in). Lever het Kamerstuk als XML, HTML of PDF van officielebekendmakingen.nl aan.",
        )
    footnotes: list[str] = []
    paragraphs: list[str] = []
    stuk = root.find(".//stuk")
    _collect(stuk if stuk is not None else root, paragraphs, footnotes)
    lines = [Line(text=p, top=i, bottom=i + 1, starts_paragraph=True) for i, p in enumerate(paragraphs)]
    return RawDocument(
        pages=[Page(lines=lines)],
        source_type="xml",
        footnotes=footnotes,
        header=_header(root),
        known=_known(root),
        tables=table_grids(root),
    )


def _parse(text: str) -> Element:
    try:
        return SafeET.fromstring(text.encode("utf-8"), forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise ExtractionError(
            "corrupt",
            "Het XML-bestand declareert entiteiten of verwijst naar externe bestanden. Zulke XML wordt "
            "uit veiligheidsoverwegingen niet gelezen; een echte publicatie doet dat nooit.",
        ) from None
    except ParseError as error:
        raise ExtractionError("corrupt", f"Het XML-bestand is beschadigd of onvolledig ({error}).") from None


def _refuse_deep_nesting(root: Element) -> None:
    """The text is collected recursively, which a few thousand nested elements would exhaust; a publication
    nests a few dozen deep. Measured without recursion."""
    stack = [(root, 1)]
    while stack:
        element, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ExtractionError(
                "corrupt",
                f"Het XML-bestand is dieper genest dan {MAX_DEPTH} niveaus en wordt daarom niet gelezen; "
                "een echte publicatie van officielebekendmakingen.nl is nooit zo opgebouwd.",
            )
        stack.extend((child, depth + 1) for child in element)


def _collect(element: Element, paragraphs: list[str], footnotes: list[str]) -> None:
    for child in element:
        tag = _tag(child)
        if tag in _SKIP:
            continue
        if tag in _BLOCKS and child.find(".//al") is None:
            text = _text(child, footnotes)
            if text:
                paragraphs.append(text)
        elif tag == "titel" and _tag(element) != "stuk":
            text = _text(child, footnotes)
            if text:
                paragraphs.append(text)
        else:
            _collect(child, paragraphs, footnotes)


def _text(element: Element, footnotes: list[str]) -> str:
    """The element's text with footnote marks glued to the word before, as printed."""
    parts = [element.text or ""]
    for child in element:
        if _tag(child) == "noot":
            number = (child.findtext("noot.nr") or str(len(footnotes) + 1)).strip()
            body = " ".join(" ".join(al.itertext()) for al in child.iter("noot.al")) or " ".join(child.itertext())
            footnotes.append(f"{number} {' '.join(body.split())}")
            parts.append(number)
        elif _tag(child) == "noot.ref":
            pass  # a second mark for a footnote already taken
        else:
            parts.append(_text(child, footnotes))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def _header(root: Element) -> list[str]:
    header = []
    session = root.findtext(".//kamerstukkop/vergaderjaar")
    if session:
        header.append(session.strip())
    for dossier in root.iter("dossier"):
        number = " ".join((dossier.findtext(".//dossiernr") or "").split())
        title = " ".join((dossier.findtext("titel") or "").split())
        if number:
            header.append(f"{number} {title}".strip())
    number = root.findtext(".//stuknr/ondernummer")
    title = root.findtext(".//stuk/titel")
    if number:
        header.append(f"Nr. {number.strip()} {' '.join((title or '').split())}".strip())
    for element in (*root.iter("aanhef"), *root.iter("dagtekening")):
        text = " ".join(" ".join(element.itertext()).split())
        if text:
            header.append(text.replace(" ,", ","))
    return header


def _known(root: Element) -> Known:
    dossiers, titles = [], {}
    for dossier in root.iter("dossier"):
        written = " ".join((dossier.findtext(".//dossiernr") or "").split())
        match = DOSSIER_RE.match(written)
        if match:
            digits, sub, suffix = match.groups()
            addition = (dossier.findtext(".//dossiernr-toevoeging") or dossier.findtext(".//toevoeging") or "").strip()
            dossiers.append(dossier_id(digits, sub, suffix or addition or None))
            titles[dossiers[-1]] = " ".join((dossier.findtext("titel") or "").split())
    number = (root.findtext(".//stuknr/ondernummer") or "").strip() or None
    return Known(
        dossiers=dossiers,
        number=number,
        date=_date(root),
        title=next((t for t in titles.values() if t), None),
        dossier_titles={d: t for d, t in titles.items() if t},
    )


def _date(root: Element) -> dt.date | None:
    for element in root.iter("datum"):
        iso = element.get("isodatum")
        if iso:
            try:
                return dt.date.fromisoformat(iso)
            except ValueError:
                continue
    return None


def _tag(element: Element) -> str:
    return element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""
