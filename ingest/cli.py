"""Command line: `python -m ingest extract [--json] [--processes N] FILE...`.

Each file is read in its own sandboxed child, so one hostile file cannot stop
the others; the children are forked from a server this command forks from
itself once it has imported the engine. With several files, a later file's
`fulfils` lists the earlier files' commitments it probably delivers on.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from concurrent.futures import ThreadPoolExecutor, as_completed

from . import sandbox
from .followups import LaterEvidence, promise_context, promise_sources, rank, sent_before
from .model import Analysis, EarlierCommitment, ExtractionError, Suggestion
from .reasons import describe_rule

# Children run side by side; each is a separate process, so threads only wait.
_PARALLEL = min(4, os.cpu_count() or 1)
_SWITCH_SECONDS = 0.0002


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest", description="Lees Kamerbrieven en Kamerstukken uit.")
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser("extract", help="lees bestanden uit")
    extract.add_argument("--json", action="store_true", help="één JSON-object per regel per bestand")
    extract.add_argument("--processes", type=_positive, default=_PARALLEL, metavar="N",
                         help=f"zoveel bestanden tegelijk (standaard {_PARALLEL})")
    extract.add_argument("files", nargs="+")
    args = parser.parse_args(argv)
    return extract_files(args.files, as_json=args.json, processes=args.processes)


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"een positief geheel getal, niet {value!r}")
    return int(value)


def extract_files(files: list[str], as_json: bool, processes: int = _PARALLEL) -> int:
    # While this thread links a finished file to the others, a thread waiting to hand a worker its next file
    # needs the interpreter for a moment: at Python's default of 5 ms between switches the worker sits idle.
    sys.setswitchinterval(_SWITCH_SECONDS)
    sandbox.start_server(fork=True)  # before any thread: the server is this process, forked
    fulfilments = Fulfilments(files)
    with ThreadPoolExecutor(max_workers=processes) as pool:
        futures = {pool.submit(_analyse, file): file for file in files}
        for future in as_completed(futures):  # linked while the others are read
            if isinstance(future.result(), Analysis):
                fulfilments.add(futures[future], future.result())
    results = [future.result() for future in futures]
    failed = False
    for file, result in zip(files, results, strict=True):
        if isinstance(result, Analysis):
            record = _record(file, result, fulfilments.of(file))
        else:
            failed = True
            record = {"file": file, "error": result.reason, "code": result.code}
        print(json.dumps(record, ensure_ascii=False) if as_json else _summary(record), flush=True)
    return 1 if failed else 0


def _analyse(file: str) -> Analysis | ExtractionError:
    try:
        return sandbox.analyse_file(file)
    except ExtractionError as error:
        return error
    except OSError as error:
        return ExtractionError("niet-gevonden", f"Het bestand kan niet worden geopend: {error.strerror or error}.")


class Fulfilments:
    """Confident links from each file to commitments in the other files dated before it.

    Files are added as their children finish, and each new file is judged against those already in, so
    that the linking is done while the other files are still being read. Each file's commitments are
    described once, and each file's evidence as a later document gathered once, for all its pairs."""

    def __init__(self, files: list[str]):
        self.files = list(dict.fromkeys(files))
        self.analyses: dict[str, Analysis] = {}
        self.promises: dict[str, list[EarlierCommitment]] = {}
        self.texts: dict[str, tuple[str, str]] = {}  # key -> (file, commitment text)
        self.evidence: dict[str, LaterEvidence] = {}
        self.judged: dict[tuple[str, str], Suggestion | None] = {}  # (later file, commitment key)

    @classmethod
    def of_all(cls, analyses: dict[str, Analysis]) -> Fulfilments:
        fulfilments = cls(list(analyses))
        for file, analysis in analyses.items():
            fulfilments.add(file, analysis)
        return fulfilments

    def add(self, file: str, analysis: Analysis) -> None:
        self.analyses[file] = analysis
        if analysis.date is None:
            # Undated: it may fulfil any dated promise (the engine asks for a citation then), and its own
            # promises have no place in time.
            for other, earlier in self.analyses.items():
                if other != file and earlier.date is not None:
                    self._judge(file, self.promises[other])
            return
        self.promises[file] = [self._promise(file, index, analysis, c) for index, c in enumerate(analysis.commitments)]
        for other, earlier in self.analyses.items():
            if other == file:
                continue
            if earlier.date is None:
                self._judge(other, self.promises[file])
            elif self._before(other, file):
                self._judge(file, self.promises[other])
            elif self._before(file, other):
                self._judge(other, self.promises[file])

    def of(self, file: str) -> list[dict]:
        from .reasons import as_json

        later = self.analyses[file]
        earlier = [promise for other in self.files if other != file and other in self.promises
                   and (later.date is None or self._before(other, file))
                   for promise in self.promises[other]]
        if not earlier:
            return []
        return [
            {"file": self.texts[s.key][0], "commitment": self.texts[s.key][1], "score": round(s.score, 3),
             "reasons": [as_json(r) for r in s.reasons]}
            for s in rank([self.judged[file, e.key] for e in earlier], earlier)
            if s.confident and s.key in self.texts
        ]

    def _before(self, first: str, then: str) -> bool:
        """Whether dated file `first` was sent before dated file `then`."""
        a, b = self.analyses[first], self.analyses[then]
        return sent_before(a.date, a.kamerstuk, b.date, b.kamerstuk)

    def _judge(self, later: str, promises: list[EarlierCommitment]) -> None:
        if not promises:
            return
        if later not in self.evidence:
            self.evidence[later] = LaterEvidence(self.analyses[later])
        evidence = self.evidence[later]
        for promise in promises:
            # Only confident links are listed, and a promise nothing links the later file to is never one.
            links = evidence.links(promise)
            self.judged[later, promise.key] = evidence.judge(promise, links) if any(links) else None

    def _promise(self, file: str, index: int, analysis: Analysis, commitment) -> EarlierCommitment:
        key = f"{file}\x00{index}"
        self.texts[key] = (file, commitment.text)
        return EarlierCommitment(
            key=key,
            text=commitment.text,
            due=commitment.due,
            document_kamerstuk=analysis.kamerstuk,
            document_date=analysis.date,
            dossiers=analysis.dossiers,
            sender=analysis.sender,
            context=promise_context(analysis.text, commitment.start),
            sources=promise_sources(analysis.text, analysis.references, commitment.start, commitment.end),
        )


def _record(file: str, analysis: Analysis, fulfils: list[dict]) -> dict:
    return {
        "file": file,
        "kind": analysis.kind,
        "date": analysis.date.isoformat() if analysis.date else None,
        "kamerstuk": analysis.kamerstuk,
        "title": analysis.title,
        "sender": analysis.sender,
        "ministries": analysis.ministries,
        "pages": analysis.pages,
        "references": [r.kamerstuk for r in analysis.references],
        "commitments": [
            {
                "text": c.text,
                "page": c.page,
                "due": c.due.isoformat() if c.due else None,
                "due_text": c.due_text,
                "kind": c.kind,
                "score": c.score,
                "rules": c.rules,
            }
            for c in analysis.commitments
        ],
        "postponements": [
            {"text": p.text, "of": p.of, "new_due": p.new_due.isoformat() if p.new_due else None}
            for p in analysis.postponements
        ],
        "table_rows": [
            {
                "text": r.text,
                "page": r.page,
                "kind": r.kind,
                "vindplaats": r.vindplaats,
                "kamerstuk": r.kamerstuk,
                "handelingen": r.handelingen,
                "promised_on": r.promised_on.isoformat() if r.promised_on else None,
                "tk_number": r.tk_number,
                "status": r.status,
                "status_text": r.status_text,
                "planning": r.planning,
                "due": r.due.isoformat() if r.due else None,
                "fulfilled_by": r.fulfilled_by,
                "section": r.section,
            }
            for r in analysis.table_rows
        ],
        "fulfils": fulfils,
    }


def _summary(record: dict) -> str:
    if "error" in record:
        return f"{record['file']}: NIET GELEZEN ({record['code']}): {record['error']}"
    lines = [
        f"{record['file']}: {record['kind']}, {record['date'] or 'datum onbekend'}, "
        f"{record['kamerstuk'] or 'eigen nummer onbekend'}, {record['pages']} pagina('s)",
        f"  titel: {record['title']}",
        f"  afzender: {record['sender'] or '-'} ({', '.join(record['ministries']) or 'ministerie onbekend'})",
        f"  verwijzingen: {', '.join(record['references']) or '-'}",
    ]
    for c in record["commitments"]:
        lines.append(f"  toezegging (p. {c['page']}, uiterlijk {c['due'] or '?'}, zekerheid {c['score']:.2f}): "
                     f"{c['text']}")
        lines.append(f"    want: {'; '.join(describe_rule(r) for r in c['rules'])}")
    for p in record["postponements"]:
        lines.append(f"  uitstel: {p['text']}")
    for r in record["table_rows"]:
        resolved = ", ".join(filter(None, [r["kamerstuk"], r["handelingen"], r["tk_number"]]))
        lines.append(f"  uit overzicht van het ministerie (p. {r['page'] or '-'}, {r['kind']}, "
                     f"uiterlijk {r['due'] or '?'}): {r['text']}")
        lines.append(f"    vindplaats: {r['vindplaats'] or '-'}{f' ({resolved})' if resolved else ''}; "
                     f"stand van zaken: {r['status_text'] or '-'} (→ {r['status'].replace('_', ' ')})"
                     f"{'; planning: ' + r['planning'] if r['planning'] else ''}")
    for f in record["fulfils"]:
        lines.append(f"  voldoet waarschijnlijk aan ({f['file']}): {f['commitment']}")
        lines.append(f"    want: {'; '.join(r['text'] for r in f['reasons'])}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
