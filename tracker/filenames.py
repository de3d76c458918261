"""File names as they arrive: from any file system or browser, shown and stored safely.

A name on disk is bytes; Python hands over those that are no UTF-8 as lone surrogates, which
PostgreSQL refuses. A name may also hold terminal escape codes or other control characters,
and browsers and Django cut a name over 255 characters from its start when its "extension" is long.
"""

import os
import re
import unicodedata

MAX_NAME = 255
# What counts as an extension worth keeping whole when a name must be shortened (".docx", ".html").
MAX_EXTENSION = 10
# Invisible characters that change what a terminal or a page shows: controls, bidi overrides, separators.
_HIDDEN = {"Cc", "Cf", "Cs", "Zl", "Zp"}


def printable(text: str) -> str:
    """`text` with every byte that was no UTF-8 as \\xNN and every control character escaped, so it can
    be printed on a terminal or stored in the database as it is."""
    out = []
    for char in text:
        if "\udc80" <= char <= "\udcff":  # a byte that was no UTF-8 (surrogateescape)
            out.append(f"\\x{ord(char) - 0xDC00:02x}")
        elif unicodedata.category(char) in _HIDDEN:
            out.append(char.encode("unicode_escape").decode("ascii"))
        else:
            out.append(char)
    return "".join(out)


def shortened(name: str, limit: int = MAX_NAME) -> str:
    """`name` cut to `limit` characters, keeping a real extension and always the start of the name."""
    if len(name) <= limit:
        return name
    stem, extension = os.path.splitext(name)
    if len(extension) > MAX_EXTENSION or not stem:
        return name[:limit]
    return stem[:limit - len(extension)] + extension


def display_name(name: str) -> str:
    """The name a document is known by in the product: printable and at most 255 characters."""
    return shortened(printable(os.path.basename(name)))


def storage_name(name: str) -> str:
    """A short, portable name for the kept original; its extension stays, since the engine
    refuses a file called .pdf that is no PDF."""
    stem, extension = os.path.splitext(printable(os.path.basename(name)))
    if not re.fullmatch(rf"\.\w{{1,{MAX_EXTENSION - 1}}}", extension):
        stem, extension = stem + extension, ""
    return (re.sub(r"[^-\w]", "", stem.replace(" ", "_"))[:40] or "document") + extension.lower()
