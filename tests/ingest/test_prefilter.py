"""A prefiltered pattern finds exactly what the pattern finds: checked on every sentence of the corpus for
every rule, and on texts whose case the prefilter cannot fold."""
import re
from pathlib import Path

import pytest

from ingest import commitments, deadlines, prefilter
from ingest.sentences import flatten, split_sentences

ROOT = Path(__file__).resolve().parents[2]
RULES = [value for value in vars(commitments).values() if isinstance(value, prefilter.Prefiltered)]
RULES += [pattern for _, pattern in commitments.KINDS] + [pattern for pattern, _, _ in deadlines._COMPILED]


def corpus_sentences() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for folder in ("tests/corpus/letters", "tests/corpus/seeds")
             for path in sorted((ROOT / folder).glob("*.txt"))]
    return [flatten(s.text) for text in texts for s in split_sentences(text)]


def test_every_rule_finds_the_same_with_its_prefilter_on_every_corpus_sentence():
    sentences = corpus_sentences()
    assert len(sentences) > 1000
    skipped = 0
    for rule in RULES:
        for sentence in sentences:
            if not rule.may_match(sentence):
                skipped += 1
                assert rule.pattern.search(sentence) is None, (rule, sentence)
    assert skipped > len(sentences) * len(RULES) / 2  # the prefilter does spare most searches


@pytest.mark.parametrize("text", ["Ik ſtuur uw Kamer de brief", "Ik STUUR UW KAMER DE BRİEF", "uw Kamer krijgt"])
def test_a_text_it_cannot_fold_goes_to_the_pattern_itself(text):
    pattern = prefilter.compile(r"stuur|brief|krijgt", re.IGNORECASE)
    assert [m.group() for m in pattern.finditer(text)] == [m.group() for m in pattern.pattern.finditer(text)]
    assert pattern.search(text)


def test_the_strings_come_from_the_pattern():
    assert prefilter.required_strings(re.compile(r"(?<!\w)(?:stuur(?:t|de)?|zend|in\s+te\s+lichten)\b", re.I)) == {
        "stuur", "zend", "lichten"}
    assert prefilter.required_strings(re.compile(r"(?:voor\s+)?(?:de\s+)?zomer|winter")) == {"zomer", "winter"}
    assert prefilter.required_strings(re.compile(r"\d{4}|(?:x)?")) is None  # a match may hold no literal at all
    assert prefilter.compile(r"\bKamer\b").sub("-", "geen treffer") == "geen treffer"
