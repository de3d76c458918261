"""A ministry's overview of its toezeggingen, stored: each row linked to the commitment it reports on.

A row is about a commitment already in the register when it gives that commitment's number in the Tweede
Kamer's register, or when it names the same vindplaats (the Kamerstuk the promise was made in, the day of
the debate, or the vindplaats an earlier overview gave) and the same subject, or when an earlier overview
wrote it word for word the same. Such a row becomes the
ministry's account of that promise and changes nothing about it. A row that matches nothing becomes a
candidate of its own, shown apart in the review queue, with the row as its evidence.
"""

from __future__ import annotations

from django.db.models import Q

from ingest.followups import content_stems
from ingest.ministries import ministry_of
from ingest.model import TableRow
from tracker.ids import split_kamerstuk
from tracker.models import Commitment, Document, Dossier, MinistryReport, Source, Status
from tracker.workflow import record_new

# Two texts are about the same thing when they share at least this share of the shorter one's subject words.
SAME_SUBJECT = 0.5


def store_reports(document: Document, rows: list[TableRow]) -> None:
    if not rows:
        return
    cited = Document.objects.only("pk", "kamerstuk", "date", "created_at").by_kamerstukken(
        {row.kamerstuk for row in rows if row.kamerstuk})
    reports = []
    for row in rows:
        commitment = matching_commitment(row, document)
        matched = commitment is not None
        if not matched:
            commitment = _candidate(document, row, cited.get(row.kamerstuk))
        reports.append(_report(document, row, commitment, matched))
    MinistryReport.objects.bulk_create(reports)


def matching_commitment(row: TableRow, document: Document) -> Commitment | None:
    """The commitment in the register the row reports on, or None."""
    listed = Commitment.objects.listed().exclude(source=Source.MINISTRY, document=document)
    if row.tk_number:
        numbered = listed.filter(Q(tk_number=row.tk_number) | Q(ministry_reports__tk_number=row.tk_number)).first()
        if numbered:
            return numbered
    where = Q(ministry_reports__text=row.text)  # an earlier overview wrote it the same, vindplaats or not
    if row.kamerstuk:
        where |= Q(document__kamerstuk=row.kamerstuk) | Q(ministry_reports__kamerstuk=row.kamerstuk)
    if row.handelingen:
        where |= Q(ministry_reports__handelingen=row.handelingen)
    if row.promised_on:
        where |= Q(made_on=row.promised_on)
    subject = content_stems(row.text)
    best, best_share = None, SAME_SUBJECT
    for commitment in listed.filter(where).distinct().only("pk", "text", "source", "document_id", "status"):
        share = _shared(subject, content_stems(commitment.text))
        if share >= best_share:
            best, best_share = commitment, share
    return best


def _shared(a: dict, b: dict) -> float:
    if not a or not b:
        return 0.0
    return sum(1 for stem in a if stem in b) / min(len(a), len(b))


def _candidate(document: Document, row: TableRow, promised_in: Document | None) -> Commitment:
    """A promise only the ministry's overview names: a candidate for the review queue's own tab."""
    dossier = document.dossier
    if row.kamerstuk:
        dossier = Dossier.objects.for_key(split_kamerstuk(row.kamerstuk)[0])
    return record_new([Commitment(
        document=document,
        dossier=dossier,
        ministry=_ministry(row, document),
        made_on=row.promised_on or (promised_in.date if promised_in else None),
        origin=row.vindplaats[:300],
        text=row.text,
        page=row.page,
        kind=row.kind,
        due_date=row.due,
        due_text=(row.due_text or "")[:200],
        due_precision=row.precision,
        status=Status.KANDIDAAT,
        source=Source.MINISTRY,
    )], reason="Uit het overzicht van toezeggingen van het ministerie", source=Source.MINISTRY)[0]


def _ministry(row: TableRow, document: Document) -> str:
    """A ministry column's ministry by its code, as written when the table of ministries does not know it; else the
    overview's own first ministry."""
    if row.ministry:
        return (ministry_of(row.ministry, document.date) or row.ministry)[:200]
    return document.ministries[0] if document.ministries else ""


def _report(document: Document, row: TableRow, commitment: Commitment, matched: bool) -> MinistryReport:
    return MinistryReport(
        document=document,
        commitment=commitment,
        matched=matched,
        page=row.page,
        text=row.text,
        kind=row.kind,
        vindplaats=row.vindplaats[:500],
        kamerstuk=row.kamerstuk or "",
        handelingen=row.handelingen or "",
        promised_on=row.promised_on,
        tk_number=row.tk_number or "",
        status=row.status,
        status_text=row.status_text,
        planning=row.planning[:500],
        due_date=row.due,
        fulfilled_by=row.fulfilled_by,
        section=row.section[:300],
        cells=row.cells,
    )
