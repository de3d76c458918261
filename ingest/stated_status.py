"""A ministry's own word for how far a promise is, in the register's terms: openstaand, deels voldaan, voldaan.

Overviews write "Afgedaan", "Afgerond", "Gereed", "Ja" under *Afgedaan*, "Deels afgedaan", "Loopt", "In
uitvoering", "Wordt meegenomen in de voortgangsbrief", or a sentence: "De Kamer is met de brief van 3 maart
geïnformeerd." A status that says nothing the rules know is open: a ministry says so when it is done. Where
the row says nothing, the part of the table it stands in may ("Afgedane toezeggingen").
"""

from __future__ import annotations

import re

OPEN, PARTLY, DONE = "openstaand", "deels_voldaan", "voldaan"

_DONE_WORDS = r"afgedaan|afgerond|voldaan|gereed|uitgevoerd|afgehandeld|nagekomen|ingelost"
_NOT_DONE_RE = re.compile(rf"\b(?:nog\s+niet|niet)\s+(?:geheel\s+|volledig\s+)?(?:{_DONE_WORDS})\b", re.IGNORECASE)
_PARTLY_RE = re.compile(r"\b(?:deels|gedeeltelijk|ten\s+dele|grotendeels)\b", re.IGNORECASE)
# Done: the word alone, "is … afgedaan", "wordt hiermee afgedaan", "als afgedaan", "de Kamer is … geïnformeerd";
# between "is" and its participle no other verb or clause, so "een traject dat in 2025 wordt afgerond" is not.
_SAME_CLAUSE = r"(?:(?!\b(?:wordt|worden|zal|zullen|dat|die|waarin|wanneer|zodra)\b)[^.;])"
_DONE_RE = re.compile(
    rf"^\W*(?:{_DONE_WORDS}|ja|x|✓)\b"
    rf"|\b(?:is|zijn)\b{_SAME_CLAUSE}{{0,80}}?\b(?:{_DONE_WORDS})\b"
    rf"|\b(?:wordt|worden)\s+(?:hiermee|daarmee|hierbij|daarbij)\s+(?:{_DONE_WORDS})\b"
    rf"|\b(?:als|hiermee|daarmee)\s+(?:{_DONE_WORDS})\b"
    rf"|\b(?:is|zijn)\b{_SAME_CLAUSE}{{0,120}}?\b(?:geïnformeerd|verzonden|gezonden|toegezonden|aangeboden|gestuurd|verstuurd|"
    r"verschenen|gepubliceerd)\b",
    re.IGNORECASE,
)
_DONE_SECTION_RE = re.compile(rf"\b(?:afgedane|afgeronde|afgehandelde|voldane|{_DONE_WORDS})\b", re.IGNORECASE)


def stated_status(text: str, section: str = "") -> str:
    if text.strip():
        if _NOT_DONE_RE.search(text):
            return OPEN
        if _PARTLY_RE.search(text) and (re.search(rf"{_DONE_WORDS}|\bja\b", text, re.IGNORECASE)
                                        or len(text.split()) <= 2):
            return PARTLY
        return DONE if _DONE_RE.search(text) else OPEN
    if _DONE_SECTION_RE.search(section) and not _NOT_DONE_RE.search(section) and not re.search(
            r"\bopenstaand|\blopend", section, re.IGNORECASE):
        return DONE
    return OPEN
