"""Skip a regular expression on a text that cannot hold a match.

Most of the rules' patterns are long alternations of Dutch words ("informeer", "stuurt", "op de hoogte
houden" …) behind a look-behind, which Python's re tries at every position of every sentence. Every match
of such a pattern contains one of a few literal strings ("informe", "stuur", "hoogte" …): when none of
them occurs in the lower-cased text, the pattern cannot match, and a substring test in C says so many
times faster than the pattern. The strings are read from the pattern's own parse tree, so they cannot
drift from it; a pattern without such strings is always run. A sentence meets a dozen patterns with up to
forty strings each: the strings of every pattern are found in it at once, in one pass of an Aho-Corasick
automaton (pyahocorasick), and remembered for the patterns that follow.

Lower-casing answers for re.IGNORECASE only where both agree on every character: texts in ASCII, Latin-1
(except µ) and general punctuation, which is what Dutch letters are written in. A text with any other
character ("ı", "ſ", "K", Greek …) is always given to the pattern itself.

On a text it can fold, a pattern of re.IGNORECASE is first looked for in its lower-case form, compiled
without the flag, in the lower-cased text: Python's re tries a case-insensitive alternation slowly at
every position, a case-sensitive one from a table of first characters. Only where that finds a match
does the pattern itself run, from there, so the match returned is always the pattern's own.
"""

from __future__ import annotations

import operator
import re
from functools import lru_cache
from re import _constants as sre, _parser as sre_parse  # the parse tree re itself compiles from

import ahocorasick

_PLAIN = re.compile("[\x00-\x7f\u00a0-\u00b4\u00b6-\u00ff\u2000-\u206f\u20ac]*")
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


class Prefiltered:
    """A compiled pattern that looks for its literal strings before it runs; otherwise it is the pattern."""

    __slots__ = ("pattern", "needles", "lower")

    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern
        self.needles = required_strings(pattern)
        self.lower = lower_case_form(pattern)
        if self.needles:
            _STRINGS.add(self.needles)

    def may_match(self, text: str) -> bool:
        if not self.needles:
            return True
        folded = fold(text)
        if folded is None:
            return True
        if len(folded) > _SENTENCE_AT_MOST:  # a whole text holds thousands of them: a test per string is quicker
            return any(map(folded.__contains__, self.needles))
        return not self.needles.isdisjoint(_STRINGS.found_in(folded))

    def search(self, string: str, *span):
        if not self.may_match(string):
            return None
        folded = fold(string) if self.lower else None
        if folded is None:
            return self.pattern.search(string, *span)
        found = self.lower.search(folded, *span)
        return self.pattern.search(string, found.start(), *span[1:]) if found else None

    def match(self, string: str, *span):
        return self.pattern.match(string, *span) if self.may_match(string) else None

    def fullmatch(self, string: str, *span):
        return self.pattern.fullmatch(string, *span) if self.may_match(string) else None

    def finditer(self, string: str, *span):
        return self.pattern.finditer(string, *span) if self.may_match(string) else iter(())

    def findall(self, string: str, *span):
        return self.pattern.findall(string, *span) if self._may_find(string, *span) else []

    def sub(self, repl, string: str, count: int = 0):
        return self.pattern.sub(repl, string, count) if self._may_find(string) else string

    def _may_find(self, string: str, *span) -> bool:
        """Whether the pattern may match somewhere: its strings are there, and its lower-case form matches."""
        if not self.may_match(string):
            return False
        folded = fold(string) if self.lower else None
        return folded is None or self.lower.search(folded, *span) is not None

    def __getattr__(self, name: str):
        return getattr(self.pattern, name)

    def __repr__(self) -> str:
        return f"Prefiltered({self.pattern!r}, needles={sorted(self.needles or ())})"


def compile(pattern: str, flags: int = 0) -> Prefiltered:  # noqa: A001 - as re.compile
    return Prefiltered(re.compile(pattern, flags))


class _Strings:
    """The strings of every prefiltered pattern, and which of them a lower-cased sentence holds."""

    def __init__(self):
        self.strings: set[str] = set()
        self.automaton = None  # made at the first question, again after strings were added

    def add(self, strings: frozenset[str]) -> None:
        if not strings <= self.strings:
            self.strings |= strings
            self.automaton = None
            self.found_in.cache_clear()

    @lru_cache(maxsize=256)  # noqa: B019 - one instance, for the life of the process
    def found_in(self, folded: str) -> frozenset[str]:
        if self.automaton is None:
            self.automaton = ahocorasick.Automaton()
            for string in self.strings:
                self.automaton.add_word(string, string)
            self.automaton.make_automaton()
        return frozenset(map(_SECOND, self.automaton.iter(folded)))


_STRINGS = _Strings()
_SENTENCE_AT_MOST = 2000
_SECOND = operator.itemgetter(1)  # of the automaton's (end, string)


_UNLOWERED = re.compile(r"(\\.|\(\?P[<=]\w*)|[^\\(]+|\(", re.DOTALL)


def lower_case_form(pattern: re.Pattern) -> re.Pattern | None:
    """`pattern` of re.IGNORECASE as it matches lower-cased text without the flag, or None when it has none or
    switches case sensitivity inside ("(?-i:c)ommissie")."""
    if not pattern.flags & re.IGNORECASE or "(?-i" in pattern.pattern or "(?i" in pattern.pattern:
        return None
    # every character lower-cased but escapes (\S, \W, \D, \B, \A and \Z keep their meaning) and group names
    source = _UNLOWERED.sub(lambda m: m.group() if m.group(1) else m.group().lower(), pattern.pattern)
    return re.compile(source, pattern.flags & ~re.IGNORECASE)


@lru_cache(maxsize=256)
def fold(text: str) -> str | None:
    """`text` lower-cased, or None when re.IGNORECASE and lower-casing may disagree on it."""
    return text.lower() if _PLAIN.fullmatch(text) else None


def required_strings(pattern: re.Pattern) -> frozenset[str] | None:
    """Lower-case strings one of which every match of `pattern` contains, or None when there are none."""
    needles = _required(sre_parse.parse(pattern.pattern, pattern.flags))
    if not needles or not all(_PLAIN.fullmatch(needle) for needle in needles):
        return None
    # A needle that contains another adds nothing: where it stands, the shorter one stands too.
    return frozenset(n for n in needles if not any(other != n and other in n for other in needles))


def _required(sequence) -> frozenset[str] | None:
    """For a sequence of parsed items: the strongest requirement among its parts, each met by every match."""
    found, run = [], []
    for op, value in sequence:
        if op is sre.LITERAL:
            run.append(chr(value))
            continue
        if run:
            found.append(frozenset({"".join(run).lower()}))
            run = []
        if op is sre.SUBPATTERN:
            part = _required(value[3])
        elif op is sre.ATOMIC_GROUP:
            part = _required(value)
        elif op is sre.BRANCH:
            branches = [_required(branch) for branch in value[1]]
            part = None if any(b is None for b in branches) else frozenset().union(*branches)
        elif op in _REPEATS:
            low, _, item = value
            part = _required(item) if low >= 1 else None
        else:  # classes, any character, anchors, look-arounds: no literal a match must contain
            part = None
        if part:
            found.append(part)
    if run:
        found.append(frozenset({"".join(run).lower()}))
    # The most selective: the longest shortest needle, then the fewest needles.
    return max(found, key=lambda needles: (min(map(len, needles)), -len(needles)), default=None)
