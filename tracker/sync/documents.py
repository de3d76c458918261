"""Storing a document a source described: found again by its natural keys, its metadata kept current."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.db.models import F, Func, Value
from django.utils import timezone

from tracker.models import Commitment, Document, DocumentChange, Dossier, Reference, Source
from tracker.sync.runs import Recorder
from tracker.intake import receive
from tracker.workflow import NEEDS_EVIDENCE, change_status, follow_letter

# A source's kind of document (TK Soort, officielebekendmakingen subrubriek), by how it starts -> ours.
KINDS = (
    # The Kamer's own letters before the government's ("Brief regering").
    ("brief commissie", Document.Kind.KAMERBRIEF),
    ("brief kamer", Document.Kind.KAMERBRIEF),
    ("brief lid", Document.Kind.KAMERBRIEF),
    ("brief", Document.Kind.BRIEF),
    ("antwoord", Document.Kind.ANTWOORDEN),
    ("lijst van vragen en antwoorden", Document.Kind.ANTWOORDEN),
    ("verslag", Document.Kind.VERSLAG),
)


def kind_of(soort: str | None) -> str | None:
    """"Brief regering" -> brief, "Verslag van een commissiedebat" -> verslag; None for other kinds."""
    soort = (soort or "").strip().casefold()
    return next((kind for prefix, kind in KINDS if soort.startswith(prefix)), None)


def existing(*, kamerstukken: list[str] = (), tk_document_number: str | None = None) -> Document | None:
    """The document already here under one of its natural keys: TK number first, then any of the Kamerstuk
    numbers it has in its dossiers (27925-946 is also 29521-946)."""
    if tk_document_number:
        found = Document.objects.by_tk_document_number(tk_document_number)
        if found:
            return found
    for kamerstuk in kamerstukken:
        found = Document.objects.by_kamerstuk(kamerstuk)
        if found:
            return found
    return None


def share_dossiers(document: Document, dossiers: dict[str, str]) -> None:
    """Every dossier the source publishes the paper in (key -> title) besides its own: one document in each."""
    known = set(document.dossier_keys())
    added = [Dossier.objects.for_key(key, title) for key, title in dossiers.items() if key not in known]
    if added:
        document.other_dossiers.add(*added)


def withdraw(document: Document, why: str) -> bool:
    """A tombstone: the source withdrew the document. It stays, with its history, marked withdrawn."""
    if document.withdrawn_at is not None:
        return False
    Document.objects.filter(pk=document.pk).update(withdrawn_at=timezone.now())
    DocumentChange.objects.create(document=document, source=Source.TK_OPENDATA, reason=f"Ingetrokken: {why}")
    return True


def update(document: Document, recorder: Recorder, **values) -> None:
    """Correct the metadata the source now gives; a Kamerstuk number it adds links up citations."""
    previous_dossier = document.dossier
    if recorder.update(document, **values) and "dossier_id" in values:
        document.references.mark_from_elsewhere(document.dossier_keys())
    if document.dossier_id != (previous_dossier.pk if previous_dossier else None):
        follow_letter(document, previous_dossier)
    Reference.objects.link_to(document)
    fulfil_awaiting_toezeggingen(document)


def store_file(content: bytes, name: str, recorder: Recorder, **values) -> Document:
    """A new document from a fetched file, kept as it came and queued for analysis.
    The same file already here (by sha256) gets the source's metadata instead."""
    received = receive(ContentFile(content, name=name), name, recorder.user, **values)
    if received.created:
        recorder.new()
        Reference.objects.link_to(received.document)
        fulfil_awaiting_toezeggingen(received.document)
    else:
        values.pop("origin")
        update(received.document, recorder, **values)
    return received.document


def fulfil_awaiting_toezeggingen(document: Document) -> None:
    """Toezeggingen synced before this letter came in, whose register entry named it as the letter that
    fulfilled them: it becomes their evidence now, under the status the register gave them."""
    number = document.tk_document_number
    if not number:
        return
    for commitment in Commitment.objects.filter(tk_letters_awaited__contains=[number]):
        if commitment.status in NEEDS_EVIDENCE:
            change_status(commitment, commitment.status, None, evidence=document, source=Source.TK_REGISTER,
                          note=f"Brief {number} kwam binnen; het toezeggingenregister noemt hem als nakoming")
        Commitment.objects.filter(pk=commitment.pk).update(
            tk_letters_awaited=Func(F("tk_letters_awaited"), Value(number), function="array_remove"))
