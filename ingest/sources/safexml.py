"""XML parsing for responses from the outside world.

Every source speaks XML, and none of them needs a DTD's entities. A response that
declares entities is hostile or broken either way, so it is refused outright
instead of expanded (billion laughs) or resolved (external entities, XXE).
"""

from __future__ import annotations

from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as DefusedET
from defusedxml import DefusedXmlException


class SourceFormatError(ValueError):
    """A response that is not in the format the source publishes."""


class UnsafeXMLError(SourceFormatError):
    """A response that declares entities or external references; never expanded."""


def parse_xml(data: bytes) -> Element:
    """Parse untrusted XML bytes into an ElementTree element, refusing entity tricks."""
    if not data or not data.strip():
        raise SourceFormatError("empty response where XML was expected")
    try:
        return DefusedET.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise UnsafeXMLError(f"refused XML with entity declarations or external references: {exc!r}") from exc
    except ParseError as exc:
        raise SourceFormatError(f"not well-formed XML: {exc}") from exc
