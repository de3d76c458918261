"""Turn the engine's Analysis into rows: the document's metadata, its references and commitments."""

from __future__ import annotations

from django.db import transaction
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.utils import timezone

from ingest.model import Analysis
from tracker.kamerstuk import split_dossier, split_kamerstuk
from tracker.models import (
    OPEN_STATUSES,
    Commitment,
    Document,
    Dossier,
    Postponement,
    Reference,
    Source,
    Status,
    StatusChange,
)
from tracker.search import index_document


@transaction.atomic
def store_analysis(document: Document, analysis: Analysis) -> None:
    document = Document.objects.select_for_update().get(pk=document.pk)
    if document.state != Document.State.BEZIG:
        return  # another attempt finished first
    # Metadata a source gave (the Tweede Kamer's or officielebekendmakingen' structured fields,
    # set when the document was fetched) is more reliable than the layout; the engine fills the gaps.
    if document.kind == Document.Kind.ANDERS:
        document.kind = analysis.kind
    document.date = document.date or analysis.date
    document.title = document.title or analysis.title[:1000]
    document.sender = analysis.sender[:500]
    document.text = analysis.text
    document.page_starts = analysis.page_starts
    document.footnotes = analysis.footnotes
    document.page_count = analysis.pages
    if analysis.kamerstuk and not document.kamerstuk:
        dossier_key, document.volgnummer = split_kamerstuk(analysis.kamerstuk)
        document.kamerstuk = analysis.kamerstuk
        document.dossier = dossier_for(dossier_key, analysis.dossier_titles.get(dossier_key, ""))
    elif analysis.dossiers and document.dossier_id is None:
        document.dossier = dossier_for(analysis.dossiers[0], analysis.dossier_titles.get(analysis.dossiers[0], ""))
    document.state = Document.State.KLAAR if analysis.text.strip() else Document.State.GEEN_TEKST
    document.error_code = document.error = ""
    document.analysed_at = timezone.now()
    document.save()

    index_document(document)
    _store_references(document, analysis)
    _store_commitments(document, analysis)
    _store_postponements(document, analysis)


def store_failure(document: Document, code: str, reason: str) -> None:
    state = Document.State.GEEN_TEKST if code == "geen-tekst" else Document.State.MISLUKT
    Document.objects.filter(pk=document.pk, state=Document.State.BEZIG).update(
        state=state, error_code=code, error=reason, analysed_at=timezone.now()
    )


def dossier_for(dossier_key: str, titel: str = "") -> Dossier:
    nummer, toevoeging = split_dossier(dossier_key)
    dossier, created = Dossier.objects.get_or_create(
        key=dossier_key, defaults={"nummer": nummer, "toevoeging": toevoeging, "titel": titel[:500]}
    )
    if titel and not dossier.titel:
        dossier.titel = titel[:500]
        dossier.save(update_fields=["titel"])
    return dossier


def _store_references(document: Document, analysis: Analysis) -> None:
    cited = {r.kamerstuk for r in analysis.references}
    own_dossier = document.dossier.key if document.dossier else None
    known = {}
    for doc in Document.objects.filter(kamerstuk__in=cited).exclude(pk=document.pk).order_by("created_at"):
        known.setdefault(doc.kamerstuk, doc)
    Reference.objects.bulk_create(
        Reference(
            document=document,
            kamerstuk=r.kamerstuk,
            dossier_key=r.dossier,
            number=r.number,
            target=known.get(r.kamerstuk),
            from_elsewhere=r.dossier != own_dossier,
            text=r.text[:500],
            page=r.page,
            start=r.start,
            end=r.end,
            footnote=r.footnote,
        )
        for r in analysis.references
    )
    cited_dossiers = {r.dossier for r in analysis.references}
    # One query finds the cited dossiers that are known already, as most soon are.
    for dossier_key in sorted(cited_dossiers - set(Dossier.objects.filter(key__in=cited_dossiers).values_list("key", flat=True))):
        dossier_for(dossier_key)
    link_citations(document)


def mark_citations_from_elsewhere(document: Document) -> None:
    """After the document's dossier changed: which of its citations now come from another dossier."""
    own_dossier = document.dossier.key if document.dossier else None
    document.references.update(
        from_elsewhere=ExpressionWrapper(~Q(dossier_key=own_dossier), output_field=BooleanField())
    )


def link_citations(document: Document) -> None:
    """Letters that cited this Kamerstuk before it arrived now link to it (from any source)."""
    if document.kamerstuk:
        Reference.objects.filter(kamerstuk=document.kamerstuk, target__isnull=True).exclude(
            document=document
        ).update(target=document)


def _store_commitments(document: Document, analysis: Analysis) -> None:
    commitments = Commitment.objects.bulk_create(
        Commitment(
            document=document,
            dossier=document.dossier,
            ministry=document.sender[:200],
            made_on=document.date,
            text=c.text,
            page=c.page,
            start=c.start,
            end=c.end,
            kind=c.kind,
            due_date=c.due,
            due_text=(c.due_text or "")[:200],
            due_precision=c.precision,
            confidence=c.score,
            rules=c.rules,
            status=Status.KANDIDAAT,
            source=Source.ENGINE,
        )
        for c in analysis.commitments
    )
    StatusChange.objects.bulk_create(
        StatusChange(commitment=c, from_status="", to_status=Status.KANDIDAAT, source=Source.ENGINE,
                     reason="Herkend in het document")
        for c in commitments
    )


def _store_postponements(document: Document, analysis: Analysis) -> None:
    """Each postponement is put on the open commitment it concerns, when the letter cites where it was made."""
    Postponement.objects.bulk_create(
        Postponement(
            document=document,
            text=p.text,
            page=p.page,
            cites=p.of or "",
            new_due_date=p.new_due,
            commitment=_postponed_commitment(document, p.of, p.text),
        )
        for p in analysis.postponements
    )


def _postponed_commitment(document: Document, cited: str | None, sentence: str) -> Commitment | None:
    if not cited:
        return None
    candidates = list(
        Commitment.objects.listed()
        .filter(document__kamerstuk=cited, status__in=(*OPEN_STATUSES, Status.KANDIDAAT))
        .exclude(document=document)
    )
    words = set(sentence.lower().split())
    # Several open promises in the cited letter: the one that shares most words with the sentence.
    return max(candidates, key=lambda c: len(words & set(c.text.lower().split())), default=None)
