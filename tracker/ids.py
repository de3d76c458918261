"""Identifiers: Kamerstuk ids (27925-960, 36200-X-85, 21501-20-1876), dossier keys and Tweede Kamer document
numbers (2024D08306), canonical and as people write them."""

from __future__ import annotations

import re


def split_kamerstuk(kamerstuk: str) -> tuple[str, str]:
    """27925-960 -> ("27925", "960"); 36200-X-85 -> ("36200-X", "85"): the number is always last."""
    dossier_key, _, number = kamerstuk.rpartition("-")
    return dossier_key, number


def split_dossier(dossier_key: str) -> tuple[str, str]:
    """36200-X -> ("36200", "X"); 21501-20 -> ("21501", "20"); 27925 -> ("27925", "")."""
    nummer, _, toevoeging = dossier_key.partition("-")
    return nummer, toevoeging


def dossier_label(dossier_key: str) -> str:
    """As printed on the paper: 27 925, 36 200 X, 21 501-20."""
    nummer, toevoeging = split_dossier(dossier_key)
    if nummer.isdigit() and len(nummer) > 3:
        nummer = f"{int(nummer):,}".replace(",", "\u00a0")
    if not toevoeging:
        return nummer
    separator = "-" if toevoeging.isdigit() else "\u00a0"
    return f"{nummer}{separator}{toevoeging}"


def kamerstuk_label(kamerstuk: str) -> str:
    """27925-960 -> "27 925, nr. 960"; 32637-E (Eerste Kamer) -> "32 637, E"."""
    dossier_key, number = split_kamerstuk(kamerstuk)
    prefix = "nr.\u00a0" if number.isdigit() else ""
    return f"{dossier_label(dossier_key)}, {prefix}{number}"


_ROMAN_OR_LETTER = r"[A-Z]{1,6}"
_TYPED_DOSSIER = rf"""
    (?P<nummer>\d{{1,3}}(?:[\s.]?\d{{3}})?)               # 27 925, 27925, 27.925
    (?:\s*-\s*(?P<sub>\d{{1,3}})|[\s-]+(?P<suffix>{_ROMAN_OR_LETTER}))?  # 21 501-20, 36 200 X
"""  # the line break ends the comment, so that what follows the dossier is still read
_TYPED = re.compile(
    rf"""^\s*(?:kst-|kamerstuk(?:ken)?\s+)?{_TYPED_DOSSIER}
    (?:\s*[,-]\s*|\s+)(?:nrs?\.?\s*)?(?P<number>\d+|[A-Z])\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_TYPED_DOSSIER_ONLY = re.compile(rf"^\s*(?:dossier\s+)?{_TYPED_DOSSIER}\s*$", re.IGNORECASE | re.VERBOSE)


def parse_typed_kamerstuk(typed: str) -> str | None:
    """What a clerk types ("27 925, nr. 960", "36200-X-85", "kst-27925-960") as a canonical id."""
    match = _TYPED.match(typed.replace("\u00a0", " "))
    if not match:
        return None
    return f"{_dossier_key(match)}-{match['number'].upper()}"


def parse_typed_dossier(typed: str) -> str | None:
    """What a clerk types ("27 925", "36200-X", "36 200 X", "21 501-20") as a canonical dossier key."""
    match = _TYPED_DOSSIER_ONLY.match(typed.replace("\u00a0", " "))
    return _dossier_key(match) if match else None


def _dossier_key(match: re.Match) -> str:
    nummer = re.sub(r"\D", "", match["nummer"])
    extra = match["sub"] or (match["suffix"] or "").upper()
    return f"{nummer}-{extra}" if extra else nummer


_TK_DOCUMENT_NUMBER = re.compile(r"^\s*(\d{4})\s*D\s*(\d{5})\s*$", re.IGNORECASE)


def tk_document_number(typed: str) -> str | None:
    """What someone types as a Tweede Kamer document number ("2024D08306", "2024 d 08306"), canonical."""
    match = _TK_DOCUMENT_NUMBER.match(typed)
    return f"{match[1]}D{match[2]}" if match else None
