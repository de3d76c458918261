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


def test_every_rule_returns_the_patterns_own_match_on_every_corpus_sentence():
    """Through its lower-case form too: the same span and groups, from the middle of a sentence as well."""
    sentences = corpus_sentences()
    assert sum(rule.lower is not None for rule in RULES) > len(RULES) / 2
    for rule in RULES:
        for sentence in sentences:
            for start in (0, len(sentence) // 2):
                ours, its = rule.search(sentence, start), rule.pattern.search(sentence, start)
                assert (ours and (ours.span(), ours.groups())) == (its and (its.span(), its.groups())), (rule, sentence)
            assert rule.findall(sentence) == rule.pattern.findall(sentence)


def test_the_lower_case_form_keeps_escapes_group_names_and_case_switches():
    pattern = prefilter.compile(r"(?P<Maand>Mei|Juni)\S*\s+(?P=Maand)\b", re.IGNORECASE)
    assert pattern.lower.pattern == r"(?P<Maand>mei|juni)\S*\s+(?P=Maand)\b"
    assert pattern.search("In MEI, mei en juni").group("Maand") == "MEI"
    assert pattern.search("In mei en juni") is None
    assert prefilter.compile(r"de\s+(?-i:c)ommissie", re.IGNORECASE).lower is None  # case matters inside
    assert prefilter.compile(r"Kamer").lower is None  # without re.IGNORECASE there is nothing to fold


def test_the_strings_of_a_sentence_are_found_once_for_all_patterns():
    sending, informing = prefilter.compile(r"stuur\w*", re.I), prefilter.compile(r"informe\w*|hoogte", re.I)
    sentence = "ik verstuur uw kamer de brief en houd u op de hoogte"
    assert {"stuur", "hoogte"} <= prefilter._STRINGS.found_in(sentence)
    assert sending.may_match(sentence) and informing.may_match(sentence)
    assert not informing.may_match("ik verstuur uw kamer de brief")
    long_text = "een zin zonder die woorden. " * 100 + "ten slotte stuur ik u de brief"
    assert sending.may_match(long_text) and not informing.may_match(long_text)  # a whole text: a test per string


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
