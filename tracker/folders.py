"""Which files `manage.py ingest` brings in from the paths it is given: files, folders and globs.

A folder (or the fixed start of a glob) is a boundary: a symbolic link in it that leads out of it is
skipped and said so, so a link to /etc/passwd in a folder of letters never becomes a document. A file
named on the command line itself is read wherever it lives: its user chose it.
"""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass, field
from pathlib import Path

EXTENSIONS = {".pdf", ".docx", ".txt", ".html", ".htm", ".xml"}
OUTSIDE = "verwijst naar een bestand buiten de opgegeven map en is overgeslagen"


@dataclass
class Collected:
    files: list[Path] = field(default_factory=list)  # in order, each once; missing ones too, to be reported
    skipped: list[tuple[Path, str]] = field(default_factory=list)


def collect(paths) -> Collected:
    collected, seen = Collected(), set()

    def add(path: Path, boundary: Path | None = None):
        real = path.resolve()
        if boundary is not None and not real.is_relative_to(boundary):
            collected.skipped.append((path, OUTSIDE))  # reached through a link
        elif real not in seen and not path.is_dir():
            seen.add(real)
            collected.files.append(path)

    for pattern in paths:
        if glob.has_magic(pattern):
            boundary = _fixed_start(pattern).resolve()
            for match in sorted(glob.glob(pattern, recursive=True)):
                match = Path(match)
                if match.is_dir() and not match.is_symlink():
                    for found in _walk(match):
                        add(found, boundary)
                else:
                    add(match, boundary)
            continue
        path = Path(pattern)
        if path.is_dir():
            for found in _walk(path):
                add(found, path.resolve())
        else:
            add(path)  # a missing file is reported as not found, not silently skipped
    return collected


def _walk(folder: Path):
    """Supported files under `folder`, and links to folders (to report those that lead out of it);
    links to folders are not followed."""
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        root = Path(root)
        for name in sorted(files) + sorted(d for d in dirs if (root / d).is_symlink()):
            path = root / name
            if path.suffix.lower() in EXTENSIONS or path.is_dir():
                yield path


def _fixed_start(pattern: str) -> Path:
    """The folder a glob starts in: its leading components without wildcards."""
    fixed = []
    for part in Path(pattern).parts:
        if glob.has_magic(part):
            break
        fixed.append(part)
    return Path(*fixed) if fixed else Path(".")
