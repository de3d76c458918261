"""The learning benchmark's mechanics on the project's own annotated letters: the griffie's decisions taken from
the gold, and the figures printed. (Its figure that counts comes from real letters the engine has never seen.)"""

import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import bench_learning  # noqa: E402  the benchmark is a script, not a package

LETTERS = ROOT / "tests" / "corpus" / "letters"


def folder_with_rejections(tmp_path):
    """The annotated letters, with every other letter's promises taken out of the gold (so a clerk would reject its
    candidates) and, in the first letter, its opening line added as a promise no rule finds."""
    gold = json.loads((LETTERS / "gold.json").read_text(encoding="utf-8"))
    names = sorted(gold)
    for i, name in enumerate(names):
        shutil.copy(LETTERS / name, tmp_path / name)
        if i % 2:
            gold[name]["commitments"] = []
    opening = "Met deze brief informeer ik uw Kamer over de voorbereiding"
    gold[names[0]]["commitments"].append({"quote": opening, "due": None})
    (tmp_path / "gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return names


def test_the_decisions_follow_the_gold(tmp_path):
    names = folder_with_rejections(tmp_path)
    letters = {letter.name: letter for letter in bench_learning.decisions(tmp_path)}
    assert set(letters) == set(names)
    assert all(not e.promise for name in names[1::2] for e in letters[name].examples)
    assert any(e.promise for name in names[::2] for e in letters[name].examples if e.rules_score is not None)
    missed = [e for e in letters[names[0]].examples if e.rules_score is None]
    assert len(missed) == 1 and missed[0].promise and "plaats:begin" in missed[0].features


def test_it_prints_the_rules_and_the_learned_order_at_the_rules_recall(tmp_path):
    folder_with_rejections(tmp_path)
    run = subprocess.run([sys.executable, str(ROOT / "bench" / "bench_learning.py"), str(tmp_path)],
                         capture_output=True, text=True, timeout=300, check=True)
    lines = run.stdout.splitlines()
    assert "decisions" in lines[0] and "promises the rules missed" in lines[0]
    assert lines[1].startswith("rules alone: recall ")
    assert lines[-2].strip().startswith("50 |") and lines[-1].strip().startswith("all (~")
    figures = [float(cell) for cell in lines[-1].split("|")[1:] if cell.strip()]
    assert len(figures) == 4 and 0 < figures[0] <= 1 and 0 < figures[2] <= 1


def test_a_folder_without_rejections_is_told_it_has_nothing_to_learn_from():
    run = subprocess.run([sys.executable, str(ROOT / "bench" / "bench_learning.py"), str(LETTERS)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 1 and "too few promises or non-promises" in run.stdout
