"""Read the text lines of a PDF with PDFium.

PDFium (through pypdfium2) extracts text many times faster than pdfminer and
joins each printed line into one rectangle, which is all the layout step needs:
the line's text, where it stands and its font size (footnotes are smaller).
Each page is closed as soon as it is read, so memory stays flat however long
the document is.
"""

from __future__ import annotations

import ctypes
import itertools
import re
import zlib

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..limits import Limits
from ..model import ExtractionError
from .lines import Line, Page, RawDocument

# PDFium marks a hyphen at the end of a line with a control character.
_LINE_END_HYPHENS = ("\x02", "\ufffe")
_LINE_RE = re.compile("[^\n" + "".join(_LINE_END_HYPHENS) + "]*(?:\n|[" + "".join(_LINE_END_HYPHENS) + "]|$)")
# A new segment on the same baseline further than this (in font sizes) is another column.
_COLUMN_GAP = 3.0
# A box lower than this share of its neighbour's is a mark (a dash, a quotation mark), not a glyph on a baseline.
_MARK_HEIGHT = 0.4
# How far (in points) outside a rectangle the centre of one of its characters may stand.
_EDGE = 0.5
# Fewer visible characters than this in the whole file: the pages are images.
_MIN_TEXT_CHARS = 20
_STREAM_RE = re.compile(rb"(?<!end)stream\r?\n")
_INFLATE_STEP = 1 << 24


def read_pdf(path: str, limits: Limits) -> RawDocument:
    with open(path, "rb") as handle:
        data = handle.read()
    _refuse_decompression_bomb(data, limits)
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if getattr(error, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise ExtractionError(
                "versleuteld",
                "De PDF is beveiligd met een wachtwoord en kan daarom niet worden gelezen. "
                "Vraag een onbeveiligde versie aan.",
            ) from None
        raise _corrupt() from None
    try:
        count = len(pdf)
        if count == 0:
            raise _corrupt()
        if count > limits.max_pages:
            raise ExtractionError(
                "te-groot",
                f"De PDF heeft {count} pagina's; het maximum is {limits.max_pages}.",
            )
        pages = [_read_page(pdf, index) for index in range(count)]
    finally:
        pdf.close()
    if sum(len("".join(line.text.split())) for page in pages for line in page.lines) < _MIN_TEXT_CHARS:
        raise ExtractionError(
            "geen-tekst",
            "De PDF heeft geen tekstlaag: de pagina's zijn afbeeldingen (bijvoorbeeld een scan). "
            "Vraag een digitale versie aan of laat het bestand eerst met tekstherkenning (OCR) omzetten.",
        )
    return RawDocument(pages=pages, source_type="pdf")


def _read_page(pdf: pdfium.PdfDocument, index: int) -> Page:
    try:
        page = pdf[index]
    except pdfium.PdfiumError:
        raise _corrupt() from None
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            segments = _segments(textpage, height)
        finally:
            textpage.close()
    finally:
        page.close()
    return Page(lines=_lines(segments), width=width, height=height)


def _segments(textpage, height: float) -> list[Line]:
    """PDFium's text rectangles: runs of characters on one baseline, top to bottom.

    A rectangle's text, asked of PDFium by its bounds, costs a scan of every character of the page; for a
    page of forty lines that is most of the time of reading it. So the page's text is read once and cut at the
    line breaks PDFium puts between its lines; a line whose rectangles stand one after another (as most do, also
    when set in pieces) takes its text from there, and only a line with a gap as wide as between columns, or
    out of line, gives each rectangle the characters standing in it. The raw calls with reused buffers cost half
    of what the convenience wrappers do.
    """
    raw = textpage.raw
    doubles = tuple(ctypes.c_double() for _ in range(4))
    segments = []

    def add(text: str, box: tuple[float, float, float, float]) -> None:
        text = _with_hyphens(text)
        if text.strip():
            x0, y1, x1, y0 = box
            segments.append(Line(text=text, top=height - y1, bottom=height - y0, x0=x0, x1=x1,
                                 size=_font_size(raw, x0, y0, y1)))

    page_text = _page_text(raw)
    for start, length in _line_spans(page_text):
        boxes = [_rect(raw, i, *doubles) for i in range(pdfium_c.FPDFText_CountRects(raw, start, length))]
        if boxes and _one_run(boxes):
            # A line set in pieces (a word or a kerned pair per text object, as browsers and word processors
            # write) is read whole: asking each piece for its text repeats the letters their boxes share ("VAVAN").
            add(_whole_characters(page_text[start:start + length]).rstrip("\r\n"), _union(boxes))
            continue
        for box, text in zip(boxes, _box_texts(raw, page_text, start, length, boxes, doubles), strict=True):
            add(text, box)
    segments.sort(key=lambda s: s.bottom)
    return segments


def _box_texts(raw, page_text: str, start: int, length: int, boxes, doubles) -> list[str]:
    """The characters of each rectangle of a line, each character in the one its centre stands in.

    Asked of PDFium by their bounds, rectangles that share letters (a kerned pair set as a text object of its own)
    would each give them: "projojectenboek"."""
    left, right, bottom, top = doubles
    texts: list[list[str]] = [[] for _ in boxes]
    for index in range(start, start + length):
        if not pdfium_c.FPDFText_GetCharBox(raw, index, left, right, bottom, top):
            continue
        x, y = (left.value + right.value) / 2, (bottom.value + top.value) / 2
        inside = next((k for k, (x0, y1, x1, y0) in enumerate(boxes)
                       if x0 - _EDGE <= x <= x1 + _EDGE and y0 - _EDGE <= y <= y1 + _EDGE), None)
        if inside is not None:
            texts[inside].append(page_text[index])
    return [_whole_characters("".join(chars)) for chars in texts]


def _rect(raw, index: int, left, top, right, bottom) -> tuple[float, float, float, float]:
    """Rectangle `index` of the last counted range as (left, top, right, bottom), in PDF coordinates."""
    pdfium_c.FPDFText_GetRect(raw, index, left, top, right, bottom)
    return left.value, top.value, right.value, bottom.value


def _union(boxes: list[tuple[float, float, float, float]]) -> tuple[float, float, float, float]:
    return (min(b[0] for b in boxes), max(b[1] for b in boxes), max(b[2] for b in boxes), min(b[3] for b in boxes))


def _one_run(boxes: list[tuple[float, float, float, float]]) -> bool:
    """Whether a line's rectangles stand one after another on one baseline, no gap as wide as between columns.

    A dash or a quotation mark set on its own is a box too low to show the baseline ("–", "‘" stand above it):
    only a box of some height, such as a raised footnote mark, is out of line by where it stands. Low is measured
    against the line's tallest box: a full stop and the closing quotation mark after it are both low."""
    tallest = max(top - bottom for _, top, _, bottom in boxes)
    for (_, top_a, right_a, bottom_a), (left_b, top_b, _, bottom_b) in itertools.pairwise(boxes):
        size = max(top_a - bottom_a, top_b - bottom_b, 1)
        mark_only = min(top_a - bottom_a, top_b - bottom_b) < _MARK_HEIGHT * tallest
        if ((abs(bottom_a - bottom_b) >= 0.5 * size and not mark_only)
                or left_b - right_a >= _COLUMN_GAP * size or left_b < right_a - size):
            return False
    return True


def _page_text(raw) -> str:
    """Every character of the page, one per character index (with the spaces and line breaks PDFium adds)."""
    count = pdfium_c.FPDFText_CountChars(raw)
    if count <= 0:
        return ""
    buffer = (ctypes.c_ushort * (count + 1))()
    written = pdfium_c.FPDFText_GetText(raw, 0, count, buffer)
    # A character beyond the BMP ("🔗" in a mirror's "Preview document (🔗 origineel)") takes two indices, as
    # two halves of a surrogate pair: kept apart here, so that each index is one character, and joined again in
    # the text of a line.
    text = ctypes.string_at(buffer, 2 * max(written - 1, 0)).decode("utf-16-le", "surrogatepass")
    if len(text) != count:
        # PDFium leaves out a character it knows no Unicode for (a symbol without a mapping): asked one by one,
        # each has its place, the unknown one as U+FFFD.
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(raw, index) or 0xFFFD) for index in range(count))
    return text


def _whole_characters(text: str) -> str:
    """A line of the page's text with its surrogate pairs joined into their characters (a half alone: U+FFFD)."""
    if not _SURROGATE_RE.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def _line_spans(page_text: str):
    """(start, length) of each line of the page's text, its line break included: PDFium ends a line with a line
    break, or, where a word is hyphenated over two lines, with its mark of a line-end hyphen alone."""
    for match in _LINE_RE.finditer(page_text):
        if match.end() > match.start():
            yield match.start(), match.end() - match.start()


def _with_hyphens(text: str) -> str:
    """The text with PDFium's marks of a line-end hyphen written as hyphens (two replaces: many times faster
    than str.translate, which looks up every character)."""
    for mark in _LINE_END_HYPHENS:
        text = text.replace(mark, "-")
    return text


def _font_size(raw, x0: float, y0: float, y1: float) -> float:
    """The font size of the character half a point into a segment, halfway up; failing that, of the nearest
    one within a point and half its height; failing that, its height.

    PDFium takes the first character whose box holds the point, whatever the tolerance, and measures
    every character's distance only when none does: asking without a tolerance first finds the same
    character at half the cost.
    """
    x, y = x0 + 0.5, (y0 + y1) / 2
    char = pdfium_c.FPDFText_GetCharIndexAtPos(raw, x, y, 0.0, 0.0)
    if char < 0:
        char = pdfium_c.FPDFText_GetCharIndexAtPos(raw, x, y, 1.0, (y1 - y0) / 2)
    return pdfium_c.FPDFText_GetFontSize(raw, char) if char >= 0 else y1 - y0


def _lines(segments: list[Line]) -> list[Line]:
    """Join segments that share a baseline into lines; a wide gap keeps columns apart."""
    rows: list[list[Line]] = []
    for seg in segments:
        row = rows[-1] if rows else None
        if row and abs(seg.bottom - row[0].bottom) < 0.5 * max(seg.size, row[0].size, 1):
            row.append(seg)
        else:
            rows.append([seg])
    lines: list[Line] = []
    for row in rows:
        row.sort(key=lambda s: s.x0)
        line = row[0]
        lines.append(line)
        for seg in row[1:]:
            if seg.x0 - line.x1 >= _COLUMN_GAP * max(seg.size, 1):
                line = seg
                lines.append(line)
                continue
            glue = "" if seg.x0 - line.x1 < 0.15 * seg.size or line.text.endswith(" ") else " "
            line.text += glue + seg.text
            line.x1 = max(line.x1, seg.x1)
            line.top = min(line.top, seg.top)
            line.size = max(line.size, seg.size)
    return lines


def _refuse_decompression_bomb(data: bytes, limits: Limits) -> None:
    """Refuse a file whose compressed streams unpack to more than memory allows.

    A few kilobytes of deflated zeros can unpack to gigabytes; PDFium would try to
    hold them. Inflating each stream here, counting and discarding, costs little.
    """
    budget = limits.max_inflated_bytes
    view = memoryview(data)
    total = 0
    for match in _STREAM_RE.finditer(data):
        end = data.find(b"endstream", match.end())
        pending = view[match.end():end if end > 0 else len(data)]
        inflater = zlib.decompressobj()
        try:
            while pending and total <= budget:
                total += len(inflater.decompress(pending, _INFLATE_STEP))
                pending = inflater.unconsumed_tail
        except zlib.error:
            continue  # not deflated (or damaged): PDFium will judge it
        if total > budget:
            raise ExtractionError(
                "te-groot",
                "De PDF pakt bij het lezen uit tot meer dan "
                f"{budget // (1024 * 1024)} MB (een zogeheten decompressiebom) en is daarom geweigerd.",
            )


def _corrupt() -> ExtractionError:
    return ExtractionError(
        "corrupt",
        "De PDF is beschadigd of onvolledig (bijvoorbeeld een afgebroken download) en kan niet worden gelezen.",
    )
