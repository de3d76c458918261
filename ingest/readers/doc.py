"""Read an older Word document (.doc, Word 97–2003) with Debian's antiword.

No maintained Python library reads the binary Word format; antiword does, as a separate program, so a
hostile file can at worst make it fail or run out its time. Without antiword the file is refused with a
reason saying what to install, never stored as unreadable bytes without one.
"""

from __future__ import annotations

import shutil
import subprocess

from ..limits import Limits
from ..model import ExtractionError
from .lines import RawDocument
from .text import read_text

# An OLE2 compound file, the container of .doc (and of .xls and .ppt, which antiword refuses).
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ANTIWORD = "antiword"
MISSING = ("Dit is een ouder Word-document (.doc). Om het te lezen is het programma antiword nodig, dat op deze "
           "server ontbreekt (Debian: apt-get install antiword). Sla het op als .docx of PDF, of laat antiword "
           "installeren en probeer het opnieuw.")


def is_word_97(head: bytes) -> bool:
    return head.startswith(OLE2_MAGIC)


def read_doc(path: str, limits: Limits) -> RawDocument:
    program = shutil.which(ANTIWORD)
    if program is None:
        raise ExtractionError("doc-lezer-ontbreekt", MISSING)
    try:
        # -w 0: one line per paragraph, so sentences are not broken where antiword would wrap them.
        done = subprocess.run([program, "-w", "0", "-m", "UTF-8.txt", path], capture_output=True,
                              timeout=limits.timeout, check=False)
    except subprocess.TimeoutExpired as error:
        raise ExtractionError("te-lang", "Het lezen van het Word-document duurde te lang.") from error
    if done.returncode != 0:
        raise ExtractionError("corrupt", "Dit oudere Word-document (.doc) is beschadigd of geen Word-document "
                                         "en kon niet worden gelezen.")
    text = done.stdout.decode("utf-8", errors="replace")
    if not text.strip():
        raise ExtractionError("geen-tekst", "Het Word-document bevat geen tekst.")
    document = read_text(text)
    document.source_type = "doc"
    return document
