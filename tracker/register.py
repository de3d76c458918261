"""The register as a list: filtered commitments in deadline order, paged by keyset, and as rows for export."""

from __future__ import annotations

import datetime as dt

from django.db.models import F, Prefetch, Q

from tracker.filters import CommitmentFilter
from tracker.ministries import ministry_label
from tracker.models import Commitment, Fulfilment, Status
from tracker.params import whole_number

EXPORT_HEADER = ["id", "toezegging", "status", "te laat", "termijn", "termijn (tekst)", "ministerie", "dossier",
                 "kamerstuk", "document", "toegezegd op", "nagekomen in", "adres"]
# What the export names a fulfilling letter by.
LETTER_FIELDS = ("document__kamerstuk", "document__title", "document__original_name", "document__date")


def filtered(form: CommitmentFilter, today: dt.date):
    """Deadline order, undated last; pk breaks ties so the order is total and keyset paging exact."""
    return (
        form.apply(Commitment.objects.listed(), today)
        .select_related("document", "dossier")
        .order_by(F("due_date").asc(nulls_last=True), "pk")
    )


def state_counts(form: CommitmentFilter, today: dt.date) -> dict[str, int]:
    """How many commitments each state would list under the other filters, and all of them ("")."""
    counts = form.narrow(Commitment.objects.listed()).state_counts(today)
    # Every commitment has one status, so the statuses add up to the whole list.
    return {"": sum(counts[status] for status in Status.values), **counts}


def after(commitments, cursor: str):
    """The commitments after `cursor` ("2024-05-31.17", or "-.17" among the undated) in `filtered` order."""
    due, _, pk = (cursor or "").partition(".")
    pk = whole_number(pk)
    if pk is None:
        return commitments
    if due == "-":
        return commitments.filter(due_date__isnull=True, pk__gt=pk)
    try:
        due = dt.date.fromisoformat(due)
    except ValueError:
        return commitments
    return commitments.filter(Q(due_date__gt=due) | Q(due_date=due, pk__gt=pk) | Q(due_date__isnull=True))


def cursor(commitment: Commitment) -> str:
    return f"{commitment.due_date.isoformat() if commitment.due_date else '-'}.{commitment.pk}"


def export_rows(commitments, today: dt.date, base_url: str):
    """One row per commitment, read in chunks (with their fulfilling letters) so a list of any length streams."""
    letters = Fulfilment.objects.select_related("document").only("commitment", *LETTER_FIELDS)
    commitments = commitments.prefetch_related(Prefetch("fulfilments", letters.order_by("document__date", "pk")))
    for c in commitments.iterator(chunk_size=2000):
        document = c.document
        yield [
            c.pk,
            c.text,
            c.get_status_display(),
            "ja" if c.is_late(today) else "nee",
            c.due_date,
            c.due_text,
            ministry_label(c.ministry),
            c.dossier.label if c.dossier else "",
            document.kamerstuk_label if document else "",
            str(document) if document else (c.origin or "mondeling"),
            c.made_on,
            "; ".join(_letter(f.document) for f in c.fulfilments.all()),
            base_url + c.get_absolute_url(),
        ]


def _letter(document) -> str:
    return f"{document.kamerstuk_label}: {document}" if document.kamerstuk else str(document)
