"""Open a file of any supported type and hand back its lines.

The type is read from the content, not the name: a letter saved as .txt that is
really a PDF is read as a PDF. Only a file called .pdf that is no PDF is refused,
because the clerk then has the wrong file in hand.
"""

from __future__ import annotations

import codecs
import os
import zipfile

from ..limits import Limits
from ..model import ExtractionError
from .doc import is_word_97, read_doc
from .lines import RawDocument

# A PDF may put a little junk before its header; readers look this far.
_PDF_HEADER_WINDOW = 1024
_TEXT_ENCODINGS = ("utf-8-sig", "cp1252")
# Share of control characters above which bytes are not text.
_MAX_CONTROL_SHARE = 0.01
# In UTF-16 text of a Latin script, at least this share of the characters has a zero byte on the same side.
_UTF16_ZERO_SHARE = 0.7


def read(path: str, limits: Limits) -> RawDocument:
    size = os.path.getsize(path)
    if size == 0:
        raise ExtractionError("leeg", "Het bestand is leeg (0 bytes).")
    if size > limits.max_bytes:
        raise ExtractionError(
            "te-groot",
            f"Het bestand is {_megabytes(size)} groot; het maximum is {_megabytes(limits.max_bytes)}.",
        )
    with open(path, "rb") as handle:
        head = handle.read(_PDF_HEADER_WINDOW)
    if is_word_97(head):  # an older .doc, read by a program of its own
        return read_doc(path, limits)
    kind = detect_type(path, head)
    extension = os.path.splitext(path)[1].lower()
    if extension == ".pdf" and kind != "pdf":
        raise ExtractionError(
            "onbekend-type",
            "Het bestand heet .pdf maar is geen PDF (het begint niet met %PDF-). "
            "Mogelijk is het een webpagina of een foutmelding die als PDF is opgeslagen.",
        )
    if kind == "pdf":
        from .pdf import read_pdf

        return read_pdf(path, limits)
    if kind == "docx":
        from .docx import read_docx

        return read_docx(path, limits)
    text = _decode(path)
    if kind == "xml":
        from .xml_kst import read_xml

        return read_xml(text)
    if kind == "html":
        from .html import read_html

        return read_html(text)
    from .text import read_text

    return read_text(text)


def detect_type(path: str, head: bytes) -> str:
    """pdf, docx, xml, html or txt, from the first bytes; refuses anything else."""
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                if "word/document.xml" in archive.namelist():
                    return "docx"
        raise _unknown("een ZIP-archief (geen Word-document)")
    text = _decode_bytes(head)
    if text is None:
        raise _unknown("een binair bestand")
    opening = text.lstrip().lower()
    if opening.startswith(("<!doctype html", "<html")) or "<html" in opening[:300]:
        return "html"
    if opening.startswith("<?xml") or opening.startswith("<"):
        return "xml"
    return "txt"


def _decode(path: str) -> str:
    with open(path, "rb") as handle:
        data = handle.read()
    text = _decode_bytes(data)
    if text is None:
        raise _unknown("een binair bestand")
    return text


def _decode_bytes(data: bytes) -> str | None:
    utf16 = _utf16(data)
    if utf16:
        return _decoded_text(data, (utf16,))
    if b"\x00" in data:
        return None
    return _decoded_text(data, _TEXT_ENCODINGS)


def _utf16(data: bytes) -> str | None:
    """"utf-16" (with a byte-order mark) or its byte order, when `data` looks like UTF-16 text: Windows'
    Notepad and Word's "Unicode text" save that, with or without the mark; one byte of most characters is
    then zero, always at the same side."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    pairs = len(data) // 2
    if pairs < 2:
        return None
    even_zeros, odd_zeros = data[0:pairs * 2:2].count(0), data[1:pairs * 2:2].count(0)
    if odd_zeros >= _UTF16_ZERO_SHARE * pairs and even_zeros <= (1 - _UTF16_ZERO_SHARE) * pairs:
        return "utf-16-le"
    if even_zeros >= _UTF16_ZERO_SHARE * pairs and odd_zeros <= (1 - _UTF16_ZERO_SHARE) * pairs:
        return "utf-16-be"
    return None


def _decoded_text(data: bytes, encodings) -> str | None:
    for encoding in encodings:
        try:
            # Not final: the first bytes read to detect the type may end in the middle of a character.
            text = codecs.getincrementaldecoder(encoding)().decode(data, final=False)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
        if controls <= _MAX_CONTROL_SHARE * max(len(text), 1):
            return text
        return None
    return None


def _unknown(what: str) -> ExtractionError:
    return ExtractionError(
        "onbekend-type",
        f"Dit bestandstype wordt niet herkend: het lijkt {what}. "
        "Lever een PDF, Word-document (.docx), tekstbestand, HTML- of XML-bestand aan.",
    )


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"
