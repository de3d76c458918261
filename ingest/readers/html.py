"""Read a web page: the text of its block elements, one paragraph each.

Meant for Kamerstukken as officielebekendmakingen.nl serves them and for saved
news items; scripts, styles and the page's navigation are left out.
"""

from __future__ import annotations

from html.parser import HTMLParser

from .html_tables import table_grids
from .lines import Line, Page, RawDocument

_BLOCKS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "td", "th", "br", "table", "section",
    "article", "blockquote", "dd", "dt", "pre", "header", "footer",
}
_SKIPPED = {"script", "style", "noscript", "template", "head", "nav", "svg", "button", "form"}
_FOOTNOTE_CLASSES = ("noot", "footnote", "voetnoot")


def read_html(text: str) -> RawDocument:
    parser = _Paragraphs()
    parser.feed(text)
    parser.close()
    lines = [Line(text=p, top=i, bottom=i + 1, starts_paragraph=True) for i, p in enumerate(parser.paragraphs)]
    return RawDocument(pages=[Page(lines=lines)], source_type="html", footnotes=parser.footnotes,
                       tables=table_grids(text))


class _Paragraphs(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.footnotes: list[str] = []
        self._buffer: list[str] = []
        self._skipping = 0
        self._footnote_depth = 0  # >0 inside an element marked as a footnote
        self._open: list[tuple[str, bool]] = []

    def handle_starttag(self, tag, attrs):
        if tag in _SKIPPED:
            self._skipping += 1
            return
        if tag in _BLOCKS:
            self._flush()
        if tag in ("br", "img", "hr", "meta", "link", "input"):
            return  # void elements never close
        classes = (dict(attrs).get("class") or "").lower()
        is_footnote = any(name in classes for name in _FOOTNOTE_CLASSES) and tag in ("div", "li", "p", "aside")
        if is_footnote:
            self._flush()
            self._footnote_depth += 1
        self._open.append((tag, is_footnote))

    def handle_endtag(self, tag):
        if tag in _SKIPPED:
            self._skipping = max(0, self._skipping - 1)
            return
        while self._open:
            open_tag, is_footnote = self._open.pop()
            if is_footnote:
                self._flush()
                self._footnote_depth -= 1
            if open_tag == tag:
                break
        if tag in _BLOCKS:
            self._flush()

    def handle_data(self, data):
        if not self._skipping:
            self._buffer.append(data)

    def close(self):
        super().close()
        self._flush()

    def _flush(self):
        text = " ".join("".join(self._buffer).split())
        self._buffer = []
        if text:
            (self.footnotes if self._footnote_depth else self.paragraphs).append(text)
