"""Learning from the griffie's decisions: what a candidate promise looks like as features, a logistic regression
fitted on accepted and rejected candidates, and why it scores a candidate as it does, in Dutch.

A model is plain data (an intercept and a weight per feature, `Weights`), so it is stored as JSON, read by
anyone and applied without the library that fitted it; scikit-learn is imported only to fit and to
cross-validate. Features are short strings ("regel:to_kamer", "woord:informer"), stored with each candidate.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .followups import stem
from .reasons import RULES

# Raised when the features change meaning: a model fitted on other features is then of no use.
FEATURE_VERSION = 1

_WORD = re.compile(r"[a-zà-ÿ]+", re.IGNORECASE)
_FIRST_PERSON = frozenset(("ik", "mij", "mijn", "me"))
_WE = frozenset(("wij", "we", "ons", "onze", "kabinet", "regering"))
_FUTURE = frozenset(("zal", "zullen", "zult", "gaan", "ga", "gaat"))
_PAST = frozenset(("heb", "heeft", "hebben", "had", "hadden", "was", "waren", "werd", "werden", "is", "zijn"))
_PASSIVE = frozenset(("wordt", "worden", "werd", "werden"))
# Articles, prepositions, conjunctions and the like, as stems (the features' form): kept out of the reasons shown.
_FUNCTION_WORDS = frozenset(stem(word) for word in """
de het een en of maar dat die dit deze den der des te ten ter van in op aan met voor naar over uit bij tot om
door als dan ook nog wel niet er zo al na onder tegen tussen zoals waar wat wie hoe welk welke
""".split())
_TO_KAMER = re.compile(r"\b(?:uw|de)\s+kamer\b|\bu\b", re.IGNORECASE)
_POSITIONS = ((0.1, "begin"), (0.5, "eerste helft"), (0.9, "tweede helft"), (1.01, "slot"))
_LENGTHS = ((12, "kort"), (30, "middel"), (10**9, "lang"))


def candidate_features(text: str, *, rules: Iterable[str] = (), kind: str = "", precision: str = "",
                       position: float | None = None, document_kind: str = "",
                       ministries: Iterable[str] = ()) -> list[str]:
    """What the model sees of a candidate: the rule families that fired, what the rules made of it, where it
    stands and who wrote it, and its words (stemmed, so "informeer" and "informeren" are one)."""
    # A "word" longer than any Dutch one is a table or a URL run together: left out.
    words = [word.lower() for word in _WORD.findall(text.replace("\u00ad", "")) if len(word) <= 40]
    present = set(words)
    features = [f"regel:{code}" for code in rules]
    features += [f"soort:{kind or 'geen'}", f"termijn:{precision or 'geen'}", f"stuk:{document_kind or 'anders'}"]
    features += [f"ministerie:{code}" for code in ministries]
    if position is not None:
        features.append("plaats:" + next(name for upper, name in _POSITIONS if position < upper))
    features.append("lengte:" + next(name for upper, name in _LENGTHS if len(words) <= upper))
    for name, marker in (("persoon:ik", _FIRST_PERSON), ("persoon:wij", _WE), ("tijd:toekomend", _FUTURE),
                         ("tijd:verleden", _PAST), ("vorm:lijdend", _PASSIVE)):
        if present & marker:
            features.append(name)
    if _TO_KAMER.search(text):
        features.append("aan:kamer")
    if text.rstrip().endswith("?"):
        features.append("vraag")
    features += sorted({f"woord:{stem(word)}" for word in words})
    return list(dict.fromkeys(features))


@dataclass
class Weights:
    """A fitted logistic regression as data: P(promise) = sigmoid(intercept + the weights of present features)."""

    intercept: float
    weights: dict[str, float]

    def probability(self, features: Iterable[str]) -> float:
        z = self.intercept + sum(self.weights.get(feature, 0.0) for feature in set(features))
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))

    def strongest(self, features: Iterable[str], n: int = 3) -> tuple[list[tuple[str, float]], list[tuple[str, float]]]:
        """The features that weigh most for and against, each list strongest first: the reasons shown to a clerk,
        so without function words ("de", "van"), which count in the model but explain nothing to a reader."""
        weighed = sorted(((f, self.weights[f]) for f in set(features)
                          if self.weights.get(f) and f.removeprefix("woord:") not in _FUNCTION_WORDS),
                         key=lambda fw: -abs(fw[1]))
        return [fw for fw in weighed if fw[1] > 0][:n], [fw for fw in weighed if fw[1] < 0][:n]


@dataclass
class Example:
    """One decision of the griffie: a candidate's features, whether it was a promise, and the letter it is in."""

    features: list[str]
    promise: bool
    letter: str
    rules_score: float | None = None  # the rules' own confidence, for the comparison; None for a missed promise


@dataclass
class Figures:
    """How a model fares on letters it was not fitted on (cross-validated by letter)."""

    decisions: int
    promises: int
    letters: int
    precision: float  # of the candidates at or above `threshold`
    recall: float  # share of the promises among the candidates kept at or above `threshold`
    average_precision: float  # of the ranking as a whole
    rules_precision: float  # the share of promises among all the rules' candidates
    threshold: float  # below it a candidate is "waarschijnlijk geen toezegging"
    folds: int = 0


@dataclass
class Trained:
    weights: Weights
    figures: Figures


# A candidate is set apart as "waarschijnlijk geen toezegging" only where, on letters the model did not see,
# at most this share of real promises would have been set apart with it.
KEEP_PROMISES = 0.95
MAX_THRESHOLD = 0.5


def fit(examples: Sequence[Example], strength: float = 1.0) -> Weights:
    """A logistic regression on the examples (L2-regularised; classes weighed equally, as rejections outnumber
    acceptances in some ministries and not in others)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([dict.fromkeys(e.features, 1) for e in examples])
    regression = LogisticRegression(C=strength, class_weight="balanced", max_iter=2000)
    regression.fit(matrix, [e.promise for e in examples])
    names = vectorizer.get_feature_names_out()
    weights = {str(name): round(float(w), 6)
               for name, w in zip(names, regression.coef_[0], strict=True) if abs(w) > 1e-6}
    return Weights(intercept=round(float(regression.intercept_[0]), 6), weights=weights)


def out_of_fold(examples: Sequence[Example], folds: int = 5, seed: int = 0,
                limit: int | None = None) -> tuple[list[float], int]:
    """Each example's probability from a model fitted without its letter: folds of whole letters, so no sentence
    of a letter helps to score its neighbours. With `limit`, each model learns from the first `limit` decisions
    of the other folds in the order given (as a griffie takes them, letter by letter); a ValueError when a fold
    has fewer."""
    letters = sorted({e.letter for e in examples})
    random.Random(seed).shuffle(letters)
    folds = min(folds, len(letters))
    fold_of = {letter: i % folds for i, letter in enumerate(letters)}
    scores = [0.0] * len(examples)
    for fold in range(folds):
        training = [e for e in examples if fold_of[e.letter] != fold]
        if limit is not None:
            if len(training) < limit:
                raise ValueError(f"a fold has fewer than {limit} decisions to learn from")
            training = training[:limit]
        weights = fit(training) if len({e.promise for e in training}) == 2 else None
        for i, example in enumerate(examples):
            if fold_of[example.letter] == fold:
                scores[i] = weights.probability(example.features) if weights else 0.5
    return scores, folds


def train(examples: Sequence[Example]) -> Trained:
    """Fit on all decisions and measure by cross-validation by letter; the threshold of the "waarschijnlijk geen
    toezegging" tab comes from the same measurement."""
    if len({e.promise for e in examples}) < 2 or len({e.letter for e in examples}) < 2:
        raise ValueError("need promises and non-promises from at least two letters")
    scores, folds = out_of_fold(examples)
    # Only the rules' candidates can be set apart or reordered; a missed promise counts for recall alone.
    candidates = [(score, e.promise) for score, e in zip(scores, examples, strict=True) if e.rules_score is not None]
    threshold = keeping_threshold(candidates)
    kept = [promise for score, promise in candidates if score >= threshold]
    promises = sum(promise for _, promise in candidates)
    weights = fit(examples)
    figures = Figures(
        decisions=len(examples), promises=sum(e.promise for e in examples), letters=len({e.letter for e in examples}),
        precision=round(sum(kept) / len(kept), 4) if kept else 0.0,
        recall=round(sum(kept) / promises, 4) if promises else 0.0,
        average_precision=round(average_precision(candidates), 4),
        rules_precision=round(promises / len(candidates), 4) if candidates else 0.0,
        threshold=threshold, folds=folds)
    return Trained(weights=weights, figures=figures)


def keeping_threshold(scored: Sequence[tuple[float, bool]], keep: float = KEEP_PROMISES) -> float:
    """The highest cut (at most MAX_THRESHOLD) that keeps at least `keep` of the promises above it."""
    promise_scores = sorted((score for score, promise in scored if promise), reverse=True)
    if not promise_scores:
        return 0.0
    needed = math.ceil(keep * len(promise_scores))
    return round(min(MAX_THRESHOLD, promise_scores[needed - 1]), 4)


def average_precision(scored: Sequence[tuple[float, bool]]) -> float:
    """The mean of the precision at each promise, candidates taken best first (ties in the order given)."""
    ranked = sorted(scored, key=lambda sp: -sp[0])
    found, total = 0, 0.0
    for rank, (_, promise) in enumerate(ranked, 1):
        if promise:
            found += 1
            total += found / rank
    return total / found if found else 0.0


def precision_at_recall(scored: Sequence[tuple[float, bool]], recall: float) -> float:
    """Precision of the shortest best-first list that holds `recall` of the promises."""
    ranked = sorted(scored, key=lambda sp: -sp[0])
    needed = math.ceil(recall * sum(promise for _, promise in ranked))
    found = 0
    for rank, (_, promise) in enumerate(ranked, 1):
        found += promise
        if found >= needed:
            return found / rank
    return 0.0


# How a feature is worded for a clerk.
_FEATURE_WORDING = {
    "soort": "soort toezegging: {}", "termijn": "termijn op {}", "stuk": "in een stuk van de soort {}",
    "ministerie": "ministerie {}", "plaats": "staat in het {} van de brief", "lengte": "{} zin",
}
_MARKER_WORDING = {"persoon:ik": "in de ik-vorm", "persoon:wij": "in de wij-vorm (of het kabinet)",
                   "tijd:toekomend": "toekomende tijd", "tijd:verleden": "verleden of voltooide tijd",
                   "vorm:lijdend": "lijdende vorm (wordt, worden)",
                   "aan:kamer": "richt zich tot de Kamer", "vraag": "een vraag"}
_PRECISION_WORDING = {"geen": "geen datum", "dag": "een dag", "maand": "een maand", "kwartaal": "een kwartaal",
                      "seizoen": "een seizoen", "halfjaar": "een half jaar", "jaar": "een jaar"}


def describe_feature(feature: str, text: str = "") -> str:
    """A feature in Dutch; a word is shown as `text` writes it ("informeer"), not as its stem."""
    if feature in _MARKER_WORDING:
        return _MARKER_WORDING[feature]
    family, _, value = feature.partition(":")
    if family == "regel":
        return RULES.get(value, value)
    if family == "woord":
        written = next((w for w in _WORD.findall(text) if stem(w.lower()) == value), value)
        return f"het woord ‘{written}’"
    if family == "termijn":
        value = _PRECISION_WORDING.get(value, value)
    if family in _FEATURE_WORDING:
        return _FEATURE_WORDING[family].format(value)
    return feature
