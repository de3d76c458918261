"""Canonical ids for dossiers and Kamerstukken (see docs/domain.md).

Sources spell a dossier with its suffix in several ways: "36200-X", "36200 X",
nummer 36200 with toevoeging "X", "21501-20". All become digits, then each
sub-number or suffix joined with "-": 36200-X, 21501-20, and a Kamerstuk adds
its ondernummer: 36200-X-85.
"""

from __future__ import annotations

import re

_PART_SEPARATORS = re.compile(r"[\s\-]+")


def canonical_dossier(number: str | int, addition: str | None = None) -> str:
    """36200 + "X" -> "36200-X"; "21501-20" -> "21501-20".

    For the structured fields of the sources; dossier numbers in running text
    ("27 925") are recognised by the reference finder, not here.
    """
    parts = [part.upper() for part in _PART_SEPARATORS.split(f"{number} {addition or ''}") if part]
    if not parts:
        raise ValueError("empty dossier number")
    return "-".join(parts)


def canonical_kamerstuk(dossier: str, ondernummer: str | int) -> str:
    """("36200-X", 85) -> "36200-X-85"."""
    return f"{canonical_dossier(dossier)}-{str(ondernummer).strip()}"
