"""Split Dutch official prose into sentences, keeping offsets into the text.

Kamerbrieven are full of abbreviations ("nr.", "jl.", "o.a.", "21 nov. 2023",
"J.A. de Vries") and of lines wrapped inside a paragraph, so neither every
period nor every line break ends a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .patterns import LIST_ITEM_RE

# Abbreviations after which a sentence never ends; letter-dot ones ("o.a.", "d.d.") are initials below as well.
NEVER_FINAL = {
    "nr", "nrs", "art", "artt", "blz", "pag", "p", "pp", "bijv", "bv", "ca", "mln", "mrd", "resp",
    "incl", "excl", "zgn", "zg", "vgl", "cf", "dhr", "mevr", "mr", "drs", "dr", "ir", "ing", "prof",
    "jr", "sr", "st", "stb", "stcrt", "kst", "min", "nl", "no", "tel", "vz", "evt", "max",
    "jan", "feb", "febr", "mrt", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec", "o.a", "d.d",
}
# Abbreviations that often close a sentence too ("op 25 oktober jl. Het kabinet ...").
MAY_BE_FINAL = {"jl", "a.s", "e.a", "etc", "o.i.d", "enz", "e.v", "c.s"}

# A possible sentence end: terminal punctuation, closing quotes or brackets and a glued
# footnote mark, then white space before the next sentence.
_END = re.compile(r"[.!?][\"'”’)\]]*(?:\d{1,2}(?=\s))?(?=\s)")
_WORD_BEFORE = re.compile(r"([A-Za-zÀ-ÿ.]+)$")
# The word before a possible end is looked for this far back first: searching from the block's start
# for a pattern anchored at the end costs time in proportion to everything before it.
_WORD_WINDOW = 64
# The opening quotation mark may be a low one, also typed as two commas (",,Met de hoge …").
_NEXT_START = re.compile(r"\s+(,,|[\"'“‘„(]?)(\S)")
# A footnote printed in the text: its number, then a capital ("5 Kamerbrief over ...").
_FOOTNOTE = re.compile(r"\d{1,2}\s+[A-Z]")
_BROKEN_WORD = re.compile(r"(\w)-\s*\n\s*([a-zà-ÿ])")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Return the sentences of `text` in order, each with its offsets."""
    sentences = []
    for block_start, block_end in _blocks(text):
        for start, end in _split_block(text, block_start, block_end):
            start, end = _strip(text, start, end)
            if start < end:
                sentences.append(Sentence(start, end, text[start:end]))
    return sentences


def _blocks(text: str):
    """Paragraphs and list items: the spans between breaks no sentence crosses."""
    start = 0
    lines = list(re.finditer(r"[^\n]*(?:\n|$)", text))
    widths = [len(m.group().strip()) for m in lines]
    typical = sorted(widths)[int(len(widths) * 0.8)] if widths else 0
    for i, line in enumerate(lines[:-1]):
        here, nxt = line.group().strip(), lines[i + 1].group().strip()
        if _is_break(here, nxt, typical):
            yield start, line.end()
            start = line.end()
    yield start, len(text)


def _is_break(line: str, next_line: str, typical_width: int) -> bool:
    if not line or not next_line:
        return True  # an empty line separates paragraphs
    if LIST_ITEM_RE.match(next_line):  # a list item always starts a new sentence
        return True
    if line.endswith((".", "?", "!")) and _FOOTNOTE.match(next_line):
        return True
    if line.endswith(("-", ",", ";", "(")) or not next_line[0].isupper():
        return False
    # A line ending a sentence, or a short line such as a heading, ends the block.
    short = len(line) < 0.6 * typical_width
    return short and (line.endswith((".", "?", "!", ":")) or not line.endswith("."))


def _split_block(text: str, start: int, end: int):
    block = text[start:end]
    cut = 0
    for m in _END.finditer(block):
        if _ends_sentence(block, m):
            yield start + cut, start + m.end()
            cut = m.end()
    yield start + cut, end


def _ends_sentence(block: str, m: re.Match) -> bool:
    following = _NEXT_START.match(block, m.end())
    if not following:
        return False
    opener, first = following.groups()
    if not (first.isupper() or opener or first in "•-–"):
        return False  # lower case or a digit continues the sentence ("nr. 943")
    if block[m.start()] != ".":
        return True
    word = _word_before(block, m.start())
    token = word.group(1).lower().strip(".") if word else ""
    if token in NEVER_FINAL:
        return False
    if token in MAY_BE_FINAL:
        return not opener and first.isupper()
    # Initials and letter-dot abbreviations: "J.A.", "m.b.t.", "d.w.z."
    return not re.fullmatch(r"(?:[a-zà-ÿ]\.)*[a-zà-ÿ]", token)


def _word_before(block: str, end: int) -> re.Match | None:
    """The run of letters and stops that ends at `end`, as _WORD_BEFORE finds it searching from the start."""
    window = max(0, end - _WORD_WINDOW)
    word = _WORD_BEFORE.search(block, window, end)
    if word and word.start() == window and window > 0:  # the run may begin before the window
        word = _WORD_BEFORE.search(block, 0, end)
    return word


# A footnote's number set against the word it belongs to in a copied text: "heb ik aangekondigd1 uiterlijk …"
# (a digit first, so that re scans for digits; the letters before it are asked after).
_NOTE_MARK = re.compile(r"\d(?<=[a-zà-ÿ]{3}\d)\d?(?=[\s,.;:)]|$)")


def without_note_marks(text: str) -> str:
    """The text with footnote numbers glued to its words made soft hyphens, which flatten() drops: as long as the
    text, so that offsets into it hold."""
    return _NOTE_MARK.sub(lambda mark: "\u00ad" * len(mark.group()), text)


def flatten(sentence: str) -> str:
    """One line, words broken over a line joined again ("verwon-\\ndingen")."""
    sentence = sentence.replace("\u00ad", "")
    if "\n" in sentence:  # only a line break can break a word
        sentence = _BROKEN_WORD.sub(r"\1\2", sentence)
    return " ".join(sentence.split())  # str.split's white space is re's \s: runs to one space, ends stripped


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
