"""Characters and line ends: soft hyphens, ligatures, and words hyphenated at a line end.

Typeset letters break words at the end of a line ("veiligheids-" / "inzet"), but
Dutch also writes real hyphens that may fall there ("Midden-" / "Oosten",
"niet-" / "essentiële", "artikel 100-" / "brief"). The document itself is the
best judge: when the word occurs elsewhere in it, whole or hyphenated, that form
wins; otherwise the rules of Dutch spelling decide.
"""

from __future__ import annotations

import re

from .sentences import NEVER_FINAL

_CHARACTERS = str.maketrans({
    "\u00ad": None,  # soft hyphen: only ever a hint where a word may break
    "\u200b": None,
    "\ufeff": None,
    "\u00a0": " ",
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
    "\u2010": "-", "\u2011": "-",
})

# Only the end of a text decides how it joins the next: look at this many characters.
_WORD_WINDOW = 80
_WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_LAST_WORD_RE = re.compile(r"([^\W_]+)-$")
_FIRST_WORD_RE = re.compile(r"^([^\W_]+)")
# Prefixes Dutch always joins with a hyphen ("niet-essentieel", "oud-minister", "non-combat").
_HYPHENATED_PREFIXES = {"niet", "oud", "ex", "non", "zelf"}
# "beveiligings- en bewakingstaken": the hyphen stands for the repeated part of a compound.
_CONJUNCTIONS = {"en", "of", "tot", "als", "dan"}
# Vowels that would read as one sound when joined, so Dutch keeps a hyphen ("zee-eend").
_VOWEL_CLASHES = {
    "aa", "ae", "ai", "au", "ee", "ei", "eu", "ie", "ii", "ij", "oe", "oi", "oo", "ou", "ue", "ui", "uu",
}
_SENTENCE_END_RE = re.compile(r"[.!?:;][\"'”’»)\]]*\d{0,2}$")
# A stop after these ends an abbreviation, not a sentence ("Kamerstuk 27 925, nr." / "946").
_ABBREVIATIONS_RE = re.compile(r"(?:^|[\s(])(?:" + "|".join(map(re.escape, sorted(NEVER_FINAL))) + r")\.$",
                               re.IGNORECASE)


# Any character _CHARACTERS changes: most texts hold none, and finding that out costs far less than translating.
_TO_NORMALISE = re.compile("[" + "".join(map(chr, _CHARACTERS)) + "]")


def normalise_characters(text: str) -> str:
    return text.translate(_CHARACTERS) if _TO_NORMALISE.search(text) else text


def lexicon(texts) -> set[str]:
    """The words of the document, lower case, hyphenated compounds as one word and in parts."""
    words: set[str] = set()
    for text in texts:
        for word in _WORD_RE.findall(text):
            word = word.lower()
            words.add(word)
            if "-" in word:
                words.update(word.split("-"))
    return words


def join(left: str, right: str, words: set[str]) -> tuple[str, str]:
    """How two consecutive lines of one paragraph go together.

    Returns the left part to keep and the separator to put before `right`:
    ("veiligheids", "") for "veiligheids-" + "inzet", ("Midden-", "") for
    "Midden-" + "Oosten", (left, " ") for an ordinary line end.
    """
    left = left.rstrip()
    right = right.lstrip()
    if not left.endswith("-"):  # most lines: no word to judge, and no pattern needs to say so
        return left, " "
    tail = _LAST_WORD_RE.search(left[-_WORD_WINDOW:])
    head = _FIRST_WORD_RE.match(right)
    if not tail or not head or left.endswith(" -"):
        return left, " "
    before, after = tail.group(1), head.group(1)
    if after.lower() in _CONJUNCTIONS:
        return left, " "
    if _keeps_hyphen(before, after, words):
        return left, ""
    return left[:-1], ""


def _keeps_hyphen(before: str, after: str, words: set[str]) -> bool:
    hyphenated, whole = f"{before}-{after}".lower(), f"{before}{after}".lower()
    if hyphenated in words:
        return True
    if whole in words:
        return False
    if after[0].isupper() or after[0].isdigit() or before[-1].isdigit():
        return True  # "Midden-Oosten", "anti-ISIS", "artikel 100-brief"
    if len(before) > 1 and before.isupper():
        return True  # "NAVO-missie"
    if before.lower() in _HYPHENATED_PREFIXES:
        return True
    return (before[-1] + after[0]).lower() in _VOWEL_CLASHES


def ends_sentence(text: str) -> bool:
    """Whether `text` ends where a sentence may end (a footnote mark may follow the stop)."""
    text = text[-_WORD_WINDOW:].rstrip()
    return bool(_SENTENCE_END_RE.search(text)) and not _ABBREVIATIONS_RE.search(text)
