"""What a timeline shows: documents by date with their commitments, and promises made orally.

The same few queries whatever the size of the scope: bounds and ministries in one aggregate, then the
latest documents (at most MAX_DOCUMENTS), their commitments and the oral ones in the window, and the
fulfilling letters.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.contrib.postgres.aggregates import ArrayAgg
from django.db.models import Exists, F, Max, Min, OuterRef, Prefetch, Q

from tracker.filters import CommitmentFilter, Period
from tracker.models import Commitment, Document, Fulfilment, Reference

# A window a browser draws quickly and a clerk can still read; zooming in shows the rest.
MAX_DOCUMENTS = 300


@dataclass
class Event:
    date: dt.date | None
    document: Document | None = None  # with `.markers`, its commitments in the filter
    oral: Commitment | None = None  # a promise made orally, without a letter


@dataclass
class Timeline:
    events: list[Event]
    truncated: bool  # older documents exist beyond MAX_DOCUMENTS; zoom in to see them
    first: dt.date | None  # the scope's first and last document, for the zoom links
    last: dt.date | None
    ministries: list[str]
    period: Period | None
    today: dt.date
    commitments: list[Commitment] = field(default_factory=list)

    @property
    def years(self):
        if not self.first or not self.last:
            return []
        return list(range(self.first.year, self.last.year + 1))


def build(documents, oral: Q, form: CommitmentFilter, today: dt.date) -> Timeline:
    """`documents` is the scope's Document queryset, `oral` the Q selecting its commitments without a letter."""
    facets = documents.aggregate(first=Min("date"), last=Max("date"),
                                 ministries=ArrayAgg("commitments__ministry", distinct=True, default=[]))
    period = form.period
    selected = form.apply(Commitment.objects.listed(), today)

    shown = documents
    if period:
        shown = shown.filter(date__range=(period.start, period.end))
    if form.narrows_commitments:
        shown = shown.filter(Exists(selected.filter(document=OuterRef("pk"))))
    shown = list(shown.select_related("dossier").order_by(F("date").desc(nulls_last=True), "-volgnummer", "-pk")
                 [:MAX_DOCUMENTS + 1])
    truncated = len(shown) > MAX_DOCUMENTS
    shown = shown[:MAX_DOCUMENTS][::-1]

    in_window = Q(document__isnull=True) & oral
    if period:
        in_window &= Q(made_on__range=(period.start, period.end))
    elif truncated and shown[0].date:
        in_window &= Q(made_on__gte=shown[0].date)
    fulfilments = Fulfilment.objects.select_related("document").order_by("document__date", "pk")
    commitments = list(
        selected.filter(Q(document__in=[d.pk for d in shown]) | in_window)
        .select_related("dossier")
        .prefetch_related(Prefetch("fulfilments", queryset=fulfilments))
        .order_by("start", "pk")
    )

    by_document = {d.pk: d for d in shown}
    for document in shown:
        document.markers = []
    events = [Event(d.date, document=d) for d in shown]
    for commitment in commitments:
        commitment.current_state = commitment.state(today)
        if commitment.document_id:
            by_document[commitment.document_id].markers.append(commitment)
        else:
            events.append(Event(commitment.made_on, oral=commitment))
    # Undated events last: they cannot be placed on the axis.
    events.sort(key=lambda e: (e.date is None, e.date or dt.date.min))
    return Timeline(events=events, truncated=truncated, first=facets["first"], last=facets["last"],
                    ministries=sorted(m for m in facets["ministries"] if m), period=period, today=today,
                    commitments=commitments)


def dossier_documents(dossier):
    """A dossier's own papers, and letters elsewhere that cite them: both belong to its history."""
    citing = Reference.objects.filter(dossier_key=dossier.key).values("document")
    return Document.objects.filter(Q(dossier=dossier) | Q(pk__in=citing))
