"""The worker's side of a document: claim it, run the engine, turn its Analysis into rows.

Run by the Celery task, and in-process by `manage.py ingest --wait`. Safe to run
twice for one document: the claim and the state check in `store_analysis` make
sure a document is analysed once. While the engine reads, the claim is renewed
every CLAIM_HEARTBEAT_SECONDS, so a claim older than STALE_CLAIM_SECONDS means
its process is gone, however long the document takes, and it is taken over soon.
"""

import logging
import threading
from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

import ingest
from ingest.model import Analysis
from tracker.ids import split_kamerstuk
from tracker.learning import features_of, model_in_use, weights_of
from tracker.models import (
    OPEN_STATUSES,
    Commitment,
    Document,
    Dossier,
    Postponement,
    Reference,
    Source,
    Status,
)
from tracker.overviews import store_reports
from tracker.search import index_document
from tracker.workflow import record_new

log = logging.getLogger(__name__)

# A document whose analysis killed its worker this many times is left for a clerk.
MAX_ATTEMPTS = 3
ORIGINAL_MISSING_CODE = "origineel-ontbreekt"
ORIGINAL_MISSING = ("Het originele bestand van dit document ontbreekt op de server, dus het kan niet (opnieuw) "
                    "worden gelezen. Zet het bestand terug in de map met originelen of upload het opnieuw.")


def process(document_id: int, token: str, store=None) -> None:
    """Analyse one document; `store` (by default `store_analysis`, at once) is given its rows."""
    if not claim(document_id, token):
        return
    document = Document.objects.get(pk=document_id)
    if document.attempts > MAX_ATTEMPTS:
        store_failure(document, "vastgelopen", "De verwerking van dit bestand is herhaaldelijk vastgelopen; "
                      "het origineel is bewaard voor handmatige controle.")
        return
    if document.original_missing:
        store_failure(document, ORIGINAL_MISSING_CODE, ORIGINAL_MISSING)
        return
    try:
        with heartbeat(document_id, token):
            analysis = ingest.analyse_file(document.original.path)
    except ingest.ExtractionError as error:
        log.info("document %s: %s", document_id, error.reason)
        store_failure(document, error.code, error.reason)
        return
    (store or store_analysis)(document, analysis)


@contextmanager
def heartbeat(document_id: int, token: str):
    """Renew the claim from a thread while the caller waits for the engine's child process."""
    stop = threading.Event()

    def renew():
        try:
            while not stop.wait(settings.CLAIM_HEARTBEAT_SECONDS):
                Document.objects.filter(pk=document_id, state=Document.State.BEZIG, claim_token=token).update(
                    claimed_at=timezone.now())
        finally:
            connection.close()  # this thread's own connection

    thread = threading.Thread(target=renew, name=f"claim-{document_id}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def claim(document_id: int, token: str) -> bool:
    """Take the document with a conditional UPDATE, so two workers never analyse it at once.

    It may be taken again by the same task redelivered after its worker died, or by
    anyone once the claim is older than STALE_CLAIM_SECONDS.
    """
    now = timezone.now()
    stale = now - timedelta(seconds=settings.STALE_CLAIM_SECONDS)
    return bool(
        Document.objects.filter(pk=document_id, state=Document.State.BEZIG)
        .filter(Q(claimed_at__isnull=True) | Q(claimed_at__lt=stale) | Q(claim_token=token))
        .update(claimed_at=now, claim_token=token, attempts=F("attempts") + 1)
    )


def stale_documents():
    """Documents still "bezig" whose worker died: claimed and no longer renewed, or queued and never claimed.

    A queued document may wait its turn behind many others, so only one that waited longer than a whole
    task may take counts as lost by the broker."""
    now = timezone.now()
    stale = now - timedelta(seconds=settings.STALE_CLAIM_SECONDS)
    lost = now - timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)
    return Document.objects.filter(state=Document.State.BEZIG).filter(
        Q(claimed_at__lt=stale) | Q(claimed_at__isnull=True, created_at__lt=lost)
    )


# Rows from the engine's Analysis

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
    document.ministries = analysis.ministries
    document.text = analysis.text
    document.page_starts = analysis.page_starts
    document.footnotes = analysis.footnotes
    document.page_count = analysis.pages
    if analysis.kamerstuk and not document.kamerstuk:
        dossier_key, document.volgnummer = split_kamerstuk(analysis.kamerstuk)
        document.kamerstuk = analysis.kamerstuk
        document.dossier = Dossier.objects.for_key(dossier_key, analysis.dossier_titles.get(dossier_key, ""))
    elif analysis.dossiers and document.dossier_id is None:
        document.dossier = Dossier.objects.for_key(analysis.dossiers[0],
                                                   analysis.dossier_titles.get(analysis.dossiers[0], ""))
    document.state = Document.State.KLAAR if analysis.text.strip() else Document.State.GEEN_TEKST
    document.error_code = document.error = ""
    document.analysed_at = timezone.now()
    document.save()
    _store_other_dossiers(document, analysis)

    index_document(document)
    _store_references(document, analysis)
    _store_commitments(document, analysis)
    _store_postponements(document, analysis)
    store_reports(document, analysis.table_rows)  # the rows of the ministry's own overview of its toezeggingen


def store_failure(document: Document, code: str, reason: str) -> None:
    state = Document.State.GEEN_TEKST if code == "geen-tekst" else Document.State.MISLUKT
    Document.objects.filter(pk=document.pk, state=Document.State.BEZIG).update(
        state=state, error_code=code, error=reason, analysed_at=timezone.now()
    )


def _store_other_dossiers(document: Document, analysis: Analysis) -> None:
    """A paper published in several dossiers names each in its header; what a source said is kept."""
    if document.dossier is None or document.other_dossiers.exists():
        return
    document.other_dossiers.set([Dossier.objects.for_key(key, analysis.dossier_titles.get(key, ""))
                                 for key in analysis.dossiers if key != document.dossier.key])


def _store_references(document: Document, analysis: Analysis) -> None:
    cited = {r.kamerstuk for r in analysis.references}
    own_dossiers = set(document.dossier_keys())
    known = Document.objects.exclude(pk=document.pk).by_kamerstukken(cited)
    Reference.objects.bulk_create(
        Reference(
            document=document,
            kamerstuk=r.kamerstuk,
            dossier_key=r.dossier,
            number=r.number,
            target=known.get(r.kamerstuk),
            from_elsewhere=r.dossier not in own_dossiers,
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
    known_dossiers = set(Dossier.objects.filter(key__in=cited_dossiers).values_list("key", flat=True))
    for dossier_key in sorted(cited_dossiers - known_dossiers):
        Dossier.objects.for_key(dossier_key)
    Reference.objects.link_to(document)


def _store_commitments(document: Document, analysis: Analysis) -> None:
    candidates = [
        Commitment(
            document=document,
            dossier=document.dossier,
            ministry=document.ministries[0] if document.ministries else "",
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
    ]
    model = model_in_use() if candidates else None  # most documents hold none: no query for them
    weights = weights_of(model) if model else None
    for candidate in candidates:
        candidate.features = features_of(candidate, document)
        candidate.probability = round(weights.probability(candidate.features), 4) if weights else None
    record_new(candidates, reason="Herkend in het document", source=Source.ENGINE)


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
