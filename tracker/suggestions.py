"""Later documents that may fulfil a commitment, ranked by the engine's follow-up linking.

The engine works on `Analysis` objects; here they are rebuilt from what was stored, for a
bounded set of candidates (later documents in the commitment's dossier, citing its letter, or citing what the
promise was about),
so the commitment page stays quick however large the register grows.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import Exists, OuterRef, Prefetch, Q

from ingest.followups import promise_context, promise_sources, suggest_fulfilments
from ingest.model import Analysis, Commitment as FoundCommitment, EarlierCommitment, Reference as FoundReference
from ingest.reasons import describe
from tracker.ids import kamerstuk_label
from tracker.models import Commitment, Document, MinistryReport

CANDIDATE_LIMIT = 50


@dataclass
class Ranked:
    document: Document
    score: float
    reasons: list[str]
    confident: bool


def candidates(commitment: Commitment, sources: list[str] = ()):
    """Analysed documents from the day of the promise on, in its dossier, citing its letter or citing one of the
    Kamerstukken the promise is about (`sources`)."""
    own = commitment.document
    related = Q(dossier_id=commitment.dossier_id) | Q(other_dossiers=commitment.dossier_id) if commitment.dossier_id \
        else Q(pk__in=[])
    if own is not None:
        related |= Q(references__target=own)
        if own.kamerstuk:
            related |= Q(references__kamerstuk=own.kamerstuk)
    if sources:
        related |= Q(references__kamerstuk__in=sources)
    # A ministry's own overview reports on promises; the letter that fulfilled one is what it names.
    documents = (Document.objects.analysed().filter(related).exclude(pk=commitment.document_id)
                 .exclude(Exists(MinistryReport.objects.filter(document=OuterRef("pk")))))
    if commitment.made_on:
        documents = documents.filter(date__gte=commitment.made_on)
    pks = documents.values("pk").distinct()
    return (
        Document.objects.filter(pk__in=pks)
        .select_related("dossier")
        # The other dossiers' keys in the same query: a prefetch would be a query of its own on every page.
        .annotate(other_dossier_keys=ArraySubquery(
            Document.other_dossiers.through.objects.filter(document=OuterRef("pk")).values("dossier__key")))
        .prefetch_related("references", Prefetch("commitments", queryset=Commitment.objects.listed()))
        .order_by("date", "pk")[:CANDIDATE_LIMIT]
    )


def as_analysis(document: Document) -> Analysis:
    """The stored document as the engine's Analysis (a candidate: references and commitments prefetched)."""
    return Analysis(
        kind=document.kind,
        date=document.date,
        kamerstuk=document.kamerstuk or None,
        dossiers=[document.dossier.key, *document.other_dossier_keys] if document.dossier else [],
        title=document.title,
        sender=document.sender,
        signatories=[],
        pages=document.page_count or 1,
        text=document.text,
        page_starts=document.page_starts or [0],
        references=[
            FoundReference(kamerstuk=r.kamerstuk, dossier=r.dossier_key, number=r.number, text=r.text, page=r.page,
                           start=r.start, end=r.end, footnote=r.footnote)
            for r in document.references.all()
        ],
        commitments=[
            FoundCommitment(text=c.text, page=c.page, due=c.due_date, due_text=c.due_text or None,
                            precision=c.due_precision or "geen", start=c.start, end=c.end)
            for c in document.commitments.all()
        ],
    )


def as_earlier(commitment: Commitment) -> EarlierCommitment:
    document = commitment.document
    return EarlierCommitment(
        key=str(commitment.pk),
        text=commitment.text,
        due=commitment.due_date,
        document_kamerstuk=(commitment.document.kamerstuk or None) if commitment.document else None,
        document_date=commitment.made_on,
        dossiers=[commitment.dossier.key] if commitment.dossier else [],
        sender=commitment.ministry,
        context=promise_context(document.text, commitment.start) if document else "",
        sources=promise_sources(document.text, list(document.references.all()), commitment.start, commitment.end)
        if document else [],
    )


def suggest(commitment: Commitment) -> list[Ranked]:
    """Candidates the engine finds likely enough to show, most likely first. Letters already
    recorded as fulfilling it are left out: the clerk has them."""
    earlier = [as_earlier(commitment)]
    known = set(commitment.fulfilments.values_list("document_id", flat=True))
    ranked = []
    for document in candidates(commitment, earlier[0].sources):
        if document.pk in known:
            continue
        for suggestion in suggest_fulfilments(as_analysis(document), earlier):
            ranked.append(Ranked(document, suggestion.score,
                                 [describe(r, label=kamerstuk_label) for r in suggestion.reasons],
                                 suggestion.confident))
    return sorted(ranked, key=lambda r: r.score, reverse=True)
