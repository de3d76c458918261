#!/usr/bin/env python3
"""The engine's output on every corpus document, kept so that a faster engine is shown to find the same.

For each document in the corpus (the annotated letters and the seed letters, as text and as PDF) the snapshot
holds the whole Analysis (text, page starts, metadata, references and commitments with their offsets) and the
links to earlier documents' commitments the command line lists as `fulfils`, among the documents of its own set.

    .venv/bin/python tests/corpus/snapshot.py          # write snapshots/*.json from the engine as it is now
    .venv/bin/python tests/corpus/snapshot.py --check  # exit 1, naming each document whose output differs

`tests/ingest/test_snapshot.py` compares the engine with the snapshot. Write it again only for a change that is
meant to change what the engine finds, and read the diff.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from ingest import analyse_file  # noqa: E402
from ingest.cli import Fulfilments  # noqa: E402

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
# Each set of documents as the scorer reads it; a document's `fulfils` only link within its own set.
SETS = {
    "letters-txt": ("tests/corpus/letters", "*.txt"),
    "letters-pdf": ("tests/corpus/letters/pdf", "*.pdf"),
    "seeds-txt": ("tests/corpus/seeds", "*.txt"),
    "seeds-pdf": ("samples", "*.pdf"),
}


def documents(name: str) -> list[str]:
    folder, pattern = SETS[name]
    return [path.relative_to(ROOT).as_posix() for path in sorted((ROOT / folder).glob(pattern))]


def take(name: str) -> dict[str, dict]:
    """What the engine finds in each document of the set, keyed by its path in the repository."""
    files = documents(name)
    analyses = {file: analyse_file(ROOT / file) for file in files}
    fulfilments = Fulfilments.of_all(analyses)
    return {file: {"analysis": analysis.to_dict(), "fulfils": fulfilments.of(file)}
            for file, analysis in analyses.items()}


def stored(name: str) -> dict[str, dict]:
    return json.loads((SNAPSHOTS / f"{name}.json").read_text(encoding="utf-8"))


def differences(expected: dict[str, dict], found: dict[str, dict]) -> list[str]:
    """One line per document whose output differs, naming the first part that does."""
    lines = [f"{file}: not in the snapshot" for file in found if file not in expected]
    lines += [f"{file}: no longer read" for file in expected if file not in found]
    for file in sorted(set(expected) & set(found)):
        path = _first_difference(expected[file], found[file])
        if path is not None:
            lines.append(f"{file}: differs at {path}")
    return lines


def _first_difference(a, b, path: str = "") -> str | None:
    if isinstance(a, dict) and isinstance(b, dict):
        for key in [*a, *(k for k in b if k not in a)]:
            if key not in a or key not in b:
                return f"{path}/{key}"
            found = _first_difference(a[key], b[key], f"{path}/{key}")
            if found is not None:
                return found
        return None
    if isinstance(a, list) and isinstance(b, list):
        for index, (x, y) in enumerate(zip(a, b, strict=False)):  # a length that differs is named below
            found = _first_difference(x, y, f"{path}[{index}]")
            if found is not None:
                return found
        return None if len(a) == len(b) else f"{path} (length {len(a)} != {len(b)})"
    return None if a == b else f"{path} ({a!r:.80} != {b!r:.80})"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args()
    SNAPSHOTS.mkdir(exist_ok=True)
    failed = False
    for name in SETS:
        found = take(name)
        if args.check:
            for line in differences(stored(name), found):
                print(line)
                failed = True
        else:
            text = json.dumps(found, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
            (SNAPSHOTS / f"{name}.json").write_text(text, encoding="utf-8")
            print(f"{name}: {len(found)} documents")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
