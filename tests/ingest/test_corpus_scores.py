"""The extraction engine keeps its scores on the hand-annotated corpus and on the real seed letters.

Runs tools/score_extract.py (the scorer) as a subprocess, on the plain text and on the PDFs,
and holds the engine to the bars: references F1 >= 0.98, commitments F1 >= 0.90, due dates >= 0.95,
fulfilment links F1 >= 0.85, every letter date right and own numbers >= 0.95.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCORER = ROOT / "tools" / "score_extract.py"
CORPUS = ROOT / "tests" / "corpus" / "letters"
SEEDS = ROOT / "tests" / "corpus" / "seeds"
SEED_PDFS = ROOT / "samples"

BARS = ["--min-ref-f1", "0.98", "--min-f1", "0.90", "--min-due", "0.95"]


def score(gold_dir: Path, ext: str, fulfils: bool, pdf_dir: Path | None = None) -> tuple[int, str]:
    args = [sys.executable, str(SCORER), str(gold_dir), "--ext", ext, "--python", sys.executable, *BARS]
    if pdf_dir and ext == "pdf":
        args += ["--pdf-dir", str(pdf_dir)]
    if fulfils:
        args += ["--min-fulfils-f1", "0.85"]
    out = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=900)
    return out.returncode, out.stdout + out.stderr


def ratios(report: str) -> dict[str, tuple[int, int]]:
    m = re.search(r"date (\d+)/(\d+)\s+own number (\d+)/(\d+)", report)
    assert m, f"scorer printed no summary line:\n{report}"
    a, b, c, d = map(int, m.groups())
    return {"date": (a, b), "own": (c, d)}


def check(report: str, code: int):
    assert code == 0, f"below the bar:\n{report}"
    r = ratios(report)
    ok, n = r["date"]
    assert ok == n, f"dates {ok}/{n}:\n{report}"
    ok, n = r["own"]
    assert n == 0 or ok / n >= 0.95, f"own numbers {ok}/{n}:\n{report}"


@pytest.mark.parametrize("ext", ["txt", "pdf"])
def test_it_scores_at_or_above_the_bars_on_the_corpus(ext):
    code, report = score(CORPUS, ext, fulfils=True)
    check(report, code)


@pytest.mark.parametrize("ext", ["txt", "pdf"])
def test_it_scores_at_or_above_the_bars_on_the_seed_letters(ext):
    code, report = score(SEEDS, ext, fulfils=False, pdf_dir=SEED_PDFS)
    check(report, code)


def test_the_generated_corpus_is_up_to_date_with_its_sources():
    out = subprocess.run([sys.executable, str(ROOT / "tests" / "corpus" / "render_pdfs.py"), "--check"],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
