#!/usr/bin/env python3
"""What learning from the griffie's decisions adds, simulated on a folder of letters annotated in the scorer's gold
format (gold.json beside the .txt files).

The engine reads each letter; its candidates are decided as the gold says (a candidate holding a gold quote is
accepted, one holding only a borderline quote is left undecided, any other is rejected) and a gold promise no
candidate holds is one a clerk enters by hand. The letters are split in folds; a model is fitted on the decisions
of the other folds' letters, taken letter by letter as a griffie would decide them, up to 50, 100, 200, 500 and
all decisions, and ranks the candidates of the letters it did not see. Printed:

- the rules alone: their recall (the share of gold promises among their candidates) and precision (the share of
  promises among their candidates), and the precision of their own confidence order at 95 % of their promises;
- after learning: the precision of the model's order at the rules' recall (the shortest list of best-ranked
  candidates that still holds every promise the rules found) and at 95 % of it, with the gain over the rules.

    .venv/bin/python bench/bench_learning.py DIR [--folds 5] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import score_extract  # noqa: E402  the scorer's matching of quotes, so both count a promise the same way

from ingest.learning import Example, candidate_features, out_of_fold, precision_at_recall  # noqa: E402
from ingest.pipeline import analyse_path  # noqa: E402

SIZES = (50, 100, 200, 500)
SHARE = 0.95


@dataclass
class Letter:
    name: str
    examples: list[Example]  # the decided candidates, then the promises entered by hand
    undecided: int  # candidates holding a borderline quote only


def decisions(folder: Path) -> list[Letter]:
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    letters = []
    for name, annotation in sorted(gold.items()):
        path = folder / name
        if not path.exists():
            continue
        analysis = analyse_path(str(path))
        quotes = [score_extract.norm(c["quote"]) for c in annotation.get("commitments", [])]
        borderline = [score_extract.norm(a["quote"]) for a in annotation.get("acceptable", [])]
        found, examples, undecided = set(), [], 0
        for candidate in analysis.commitments:
            text = score_extract.norm(candidate.text)
            held = ({i for i, quote in enumerate(quotes) if quote in text}
                    if len(text) <= score_extract.MAX_LEN else set())
            if not held and any(quote in text for quote in borderline):
                undecided += 1
                continue
            found |= held
            features = candidate_features(
                candidate.text, rules=candidate.rules, kind=candidate.kind, precision=candidate.precision,
                position=candidate.start / len(analysis.text) if analysis.text else None,
                document_kind=analysis.kind, ministries=analysis.ministries)
            examples.append(Example(features, bool(held), name, candidate.score))
        normalised = score_extract.norm(analysis.text)
        for i, commitment in enumerate(annotation.get("commitments", [])):
            if i not in found:
                at = normalised.find(quotes[i])
                examples.append(Example(candidate_features(
                    commitment["quote"], position=at / len(normalised) if at >= 0 else None,
                    document_kind=analysis.kind, ministries=analysis.ministries), True, name))
        letters.append(Letter(name, examples, undecided))
    return letters


def simulate(letters: list[Letter], size: int | None, folds: int, seed: int) -> list[tuple[float, bool]] | None:
    """Each candidate's probability from a model fitted on at most `size` decisions of other folds' letters, the
    letters taken in a shuffled order; None when some fold has fewer than `size` decisions to learn from."""
    order = letters[:]
    random.Random(seed).shuffle(order)
    examples = [example for letter in order for example in letter.examples]
    try:
        scores, _ = out_of_fold(examples, folds, seed, limit=size)
    except ValueError:
        return None
    return [(score, e.promise) for score, e in zip(scores, examples, strict=True) if e.rules_score is not None]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    letters = decisions(args.folder)
    candidates = [(e.rules_score, e.promise) for letter in letters for e in letter.examples
                  if e.rules_score is not None]
    found = sum(promise for _, promise in candidates)
    promises = found + sum(e.rules_score is None for letter in letters for e in letter.examples)
    decided = sum(len(letter.examples) for letter in letters)
    if not found or found == len(candidates) or len(letters) < args.folds:
        print(f"{len(letters)} letters, {len(candidates)} candidates: too few promises or non-promises to learn from")
        return 1
    rules_precision = found / len(candidates)
    print(f"{args.folder}: {len(letters)} letters, {decided} decisions ({len(candidates)} candidates of the rules, "
          f"{found} of them promises; {promises - found} promises the rules missed; "
          f"{sum(letter.undecided for letter in letters)} borderline candidates left undecided)")
    print(f"rules alone: recall {found / promises:.2f}, precision {rules_precision:.2f}; "
          f"their confidence order at {SHARE:.0%} of their promises: {precision_at_recall(candidates, SHARE):.2f}")
    print(f"{'decisions learned from':>24} | precision at the rules' recall | gain | at {SHARE:.0%} of it | gain")
    for size in [s for s in SIZES if s < decided] + [None]:
        scored = simulate(letters, size, args.folds, args.seed)
        label = f"{size}" if size else f"all (~{decided * (args.folds - 1) // args.folds})"
        if scored is None:
            print(f"{label:>24} | (a fold has fewer decisions to learn from)")
            continue
        at_recall, at_share = precision_at_recall(scored, 1.0), precision_at_recall(scored, SHARE)
        rules_at_share = precision_at_recall(candidates, SHARE)
        print(f"{label:>24} | {at_recall:30.2f} | {at_recall - rules_precision:+.2f} | {at_share:12.2f} | "
              f"{at_share - rules_at_share:+.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
