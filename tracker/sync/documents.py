"""Storing a document a source described: found again by its natural keys, its metadata kept current."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.db.models import F, Func, Value

from tracker.models import Commitment, Document, Reference, Source
from tracker.sync.runs import Recorder
from tracker.intake import receive
from tracker.workflow import NEEDS_EVIDENCE, change_status, follow_letter

# A source's kind of document (TK Soort, officielebekendmakingen subrubriek), by how it starts -> ours.
KINDS = (
    ("brief", Document.Kind.BRIEF),
    ("antwoord", Document.Kind.ANTWOORDEN),
    ("lijst van vragen en antwoorden", Document.Kind.ANTWOORDEN),
    ("verslag", Document.Kind.VERSLAG),
)


def kind_of(soort: str | None) -> str | None:
    """"Brief regering" -> brief, "Verslag van een commissiedebat" -> verslag; None for other kinds."""
    soort = (soort or "").strip().casefold()
    return next((kind for prefix, kind in KINDS if soort.startswith(prefix)), None)


def existing(*, kamerstuk: str = "", tk_document_number: str | None = None) -> Document | None:
    """The document already here under one of its natural keys: TK number first, then Kamerstuk."""
    if tk_document_number:
        found = Document.objects.by_tk_document_number(tk_document_number)
        if found:
            return found
    if kamerstuk:
        return Document.objects.by_kamerstuk(kamerstuk)
    return None


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
