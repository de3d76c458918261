"""Pieces of text as pages show them: a commitment's sentence with a little of the text around it, for a
clerk to judge it by, and a text shortened to fit."""

from __future__ import annotations

from dataclasses import dataclass

WIDTH = 220  # characters on each side: about a sentence


@dataclass
class Excerpt:
    before: str
    sentence: str
    after: str


def excerpt(text: str, start: int, end: int, width: int = WIDTH) -> Excerpt:
    """Plain text pieces; the template escapes them and marks the sentence."""
    if not (0 <= start < end <= len(text)):
        return Excerpt("", text[start:end] if 0 <= start < end else "", "")
    left = max(0, start - width)
    right = min(len(text), end + width)
    # Cut at a space so no word is shown half.
    if left > 0 and " " in text[left:start]:
        left = text.index(" ", left) + 1
    if right < len(text) and " " in text[end:right]:
        right = text.rindex(" ", end, right)
    before = ("… " if left > 0 else "") + text[left:start]
    after = text[end:right] + (" …" if right < len(text) else "")
    return Excerpt(before, text[start:end], after)


def shorten(text, length: int) -> str:
    """At most `length` characters, the last an ellipsis when something was cut off, cut between words where
    one ends in the second half ("… met verwijzing naar…", not "… naar eerde…")."""
    text = str(text)
    if len(text) <= length:
        return text
    cut = text[: length - 1]
    space = cut.rfind(" ")
    if space >= length // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-–") + "…"
