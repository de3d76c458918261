"""The griffie's review decisions as training data, the model in use, and the candidates it scores.

Accepted candidates (whatever became of them later) are promises, rejected ones are not, and a promise a clerk
entered by hand in a letter's own words is one the rules missed. `retrain` fits a new model on them once there
are enough (LEARNING_MIN_DECISIONS) and adopts it only when it ranks better than the one in use."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.db.models import Q

from ingest.learning import FEATURE_VERSION, Example, Weights, candidate_features, describe_feature, train
from tracker.models import Commitment, Document, LearnedModel, Source, Status

RESCORE_BATCH = 2000


def features_of(commitment: Commitment, document: Document) -> list[str]:
    """The features of a commitment in its letter, from what the rules found and where it stands."""
    length = len(document.text or "")
    return candidate_features(
        commitment.text, rules=commitment.rules, kind=commitment.kind, precision=commitment.due_precision,
        position=commitment.start / length if length else None, document_kind=document.kind,
        ministries=document.ministries)


def model_in_use() -> LearnedModel | None:
    return LearnedModel.objects.filter(in_use=True, feature_version=FEATURE_VERSION).first()


def weights_of(model: LearnedModel) -> Weights:
    return Weights(intercept=model.intercept, weights=model.weights)


def decided():
    """Detected candidates a clerk has decided on: accepted (any status but kandidaat) or rejected."""
    return Commitment.objects.filter(source=Source.ENGINE, document__isnull=False).exclude(
        status=Status.KANDIDAAT, rejected=False)


def entered_in_letters():
    """Promises a clerk entered by hand for a letter: a miss of the rules when the letter holds their words."""
    return Commitment.objects.filter(source=Source.CLERK, document__isnull=False, rejected=False)


def examples() -> list[Example]:
    found = [Example(c.features, not c.rejected, str(c.document_id), c.confidence)
             for c in decided().exclude(features=[]).only("features", "rejected", "document_id", "confidence")]
    for commitment in entered_in_letters().select_related("document").only(
            "text", "kind", "due_precision", "rules", "document__text", "document__kind", "document__ministries"):
        start = (commitment.document.text or "").find(commitment.text)
        if start >= 0:
            commitment.start = start
            found.append(Example(features_of(commitment, commitment.document), True, str(commitment.document_id)))
    return found


def retrain(min_decisions: int | None = None) -> LearnedModel | None:
    """Fit a model on all decisions when there are enough and some are new since the last training; adopt it when
    its ranking is better than the model in use on letters neither was fitted on. Returns the new model, or None
    when nothing was trained."""
    min_decisions = settings.LEARNING_MIN_DECISIONS if min_decisions is None else min_decisions
    data = examples()
    last = LearnedModel.objects.filter(feature_version=FEATURE_VERSION).first()
    if len(data) < min_decisions or (last and last.decisions == len(data)):
        return None
    try:
        trained = train(data)
    except ValueError:  # all accepted or all rejected, or one letter: nothing to learn from yet
        return None
    figures = trained.figures
    current = model_in_use()
    better = current is None or figures.average_precision >= current.average_precision
    verdict = _verdict(figures.average_precision, current, better)
    with transaction.atomic():
        if better:
            LearnedModel.objects.filter(in_use=True).update(in_use=False)
        model = LearnedModel.objects.create(
            feature_version=FEATURE_VERSION, decisions=figures.decisions, promises=figures.promises,
            letters=figures.letters, precision=figures.precision, recall=figures.recall,
            average_precision=figures.average_precision, rules_precision=figures.rules_precision,
            threshold=figures.threshold, intercept=trained.weights.intercept, weights=trained.weights.weights,
            in_use=better, verdict=verdict)
    if better:
        rescore(model)
    return model


def _verdict(average_precision: float, current: LearnedModel | None, better: bool) -> str:
    """Why a new model was adopted or not, in Dutch, for the model page."""
    if current is None:
        return "In gebruik genomen"
    if better:
        return f"In gebruik genomen: rangschikt beter dan het vorige model ({current.average_precision:.2f})"
    return (f"Niet in gebruik genomen: rangschikt niet beter dan het model in gebruik "
            f"({average_precision:.2f} tegen {current.average_precision:.2f})")


def rescore(model: LearnedModel) -> int:
    """Give every candidate still to review the model's probability, in batches."""
    weights = weights_of(model)
    to_score = Commitment.objects.filter(status=Status.KANDIDAAT, rejected=False, source=Source.ENGINE)
    done, last_pk = 0, 0
    while batch := list(to_score.filter(pk__gt=last_pk).order_by("pk").only("pk", "features")[:RESCORE_BATCH]):
        for commitment in batch:
            commitment.probability = round(weights.probability(commitment.features), 4)
        Commitment.objects.bulk_update(batch, ["probability"])
        done += len(batch)
        last_pk = batch[-1].pk
    return done


def unlikely(model: LearnedModel | None) -> Q:
    """The candidates the model sets apart as "waarschijnlijk geen toezegging"; none without a model."""
    return Q(probability__lt=model.threshold) if model else Q(pk__in=[])


def is_unlikely(commitment: Commitment, model: LearnedModel | None) -> bool:
    """`unlikely` for one candidate in hand."""
    return bool(model and commitment.probability is not None and commitment.probability < model.threshold)


def why(commitment: Commitment, model: LearnedModel, n: int = 3) -> tuple[list[str], list[str]]:
    """What weighs most for and against the candidate being a promise, in Dutch."""
    for_, against = weights_of(model).strongest(commitment.features, n)
    return ([describe_feature(f, commitment.text) for f, _ in for_],
            [describe_feature(f, commitment.text) for f, _ in against])
