"""A clerk corrects a document's metadata: its own Kamerstuk number, dossiers, date, kind, sender and title.

Every correction is kept as a DocumentChange (who, when, old → new), and everything that hangs on the
number and the dossiers follows: the document moves to its dossiers with its commitments, citations of its
old number let go of it and those of its new number find it, and its own citations are marked again as from
inside or outside its dossiers. Suggestions of fulfilling letters are computed when a page asks for them, so
they follow by themselves.
"""

from __future__ import annotations

from django.db import transaction

from tracker.ids import split_kamerstuk
from tracker.models import Document, DocumentChange, Dossier, Reference
from tracker.workflow import follow_letter, shown_in_history

# What a clerk may correct, with the label the history uses for it.
CORRECTABLE = {"kamerstuk": "Kamerstuknummer", "dossiers": "dossiers", "date": "datum", "kind": "soort",
               "sender": "afzender", "title": "titel"}


@transaction.atomic
def correct(document: Document, user, changes: dict) -> DocumentChange | None:
    """`changes` holds the fields of CORRECTABLE to set; `dossiers` is a list of keys, the one of the
    document's own number first (a number names its dossier, so that one comes first whatever is typed)."""
    document = Document.objects.select_for_update(of=("self",)).select_related("dossier").get(pk=document.pk)
    before = {"kamerstuk": document.kamerstuk, "dossiers": document.dossier_keys(), "date": document.date,
              "kind": document.kind, "sender": document.sender, "title": document.title}
    after = {**before, **changes}
    if after["kamerstuk"]:
        own_dossier = split_kamerstuk(after["kamerstuk"])[0]
        after["dossiers"] = [own_dossier, *(key for key in after["dossiers"] if key != own_dossier)]
    described = [f"{CORRECTABLE[name]}: {_shown(name, before[name])} → {_shown(name, after[name])}"
                 for name in CORRECTABLE if after[name] != before[name]]
    if not described:
        return None

    previous_dossier = document.dossier
    document.kamerstuk = after["kamerstuk"]
    document.volgnummer = split_kamerstuk(after["kamerstuk"])[1] if after["kamerstuk"] else ""
    document.date, document.kind, document.sender, document.title = (
        after["date"], after["kind"], after["sender"], after["title"])
    dossiers = [Dossier.objects.for_key(key) for key in after["dossiers"]]
    document.dossier = dossiers[0] if dossiers else None
    document.save()
    document.other_dossiers.set(dossiers[1:])

    if after["kamerstuk"] != before["kamerstuk"]:
        _relink_citations(document, before["kamerstuk"])
    if after["dossiers"] != before["dossiers"]:
        document.references.mark_from_elsewhere(after["dossiers"])
    if document.dossier != previous_dossier:
        follow_letter(document, previous_dossier)
    return DocumentChange.objects.create(document=document, changed_by=user, reason="; ".join(described))


def _relink_citations(document: Document, old_kamerstuk: str) -> None:
    """Citations of the old number now point to whichever document is that Kamerstuk, if any; citations of the
    new number that waited for it point here."""
    if old_kamerstuk:
        Reference.objects.filter(target=document, kamerstuk=old_kamerstuk).update(
            target=Document.objects.exclude(pk=document.pk).by_kamerstuk(old_kamerstuk))
    Reference.objects.link_to(document)


def _shown(name: str, value) -> str:
    if name == "dossiers":
        return ", ".join(value) or "—"
    if name == "kind":
        return Document.Kind(value).label if value else "—"
    return shown_in_history(value)
