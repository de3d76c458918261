"""What a timeline shows: documents by date with their commitments, and promises made orally.

A timeline's scope is a few Document querysets (a dossier's own papers, the letters elsewhere that cite it),
each read newest first from an index of its own: one query with OR would read every document of the scope,
which for the largest dossier is tens of thousands. The same few queries whatever the size of the scope.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import BooleanField, Case, Count, Exists, F, Func, Max, Min, OuterRef, Q, Value, When, Window
from django.db.models.functions import RowNumber
from django.urls import reverse

from tracker.periods import Period
from tracker.filters import CommitmentFilter
from tracker.models import TIMELINE_ORDER, Commitment, Document, Fulfilment, Reference

# A window a browser draws quickly and a clerk can still read; zooming in shows the rest.
MAX_DOCUMENTS = 100
# Commitments shown per document: a letter may hold thousands, which its own page lists.
MAX_PER_DOCUMENT = 10
# What the drawing and the list show of each document and commitment: a window of a few hundred rows
# is read, and turned into objects, several times faster without the texts of the letters and the rest.
SHOWN_DOCUMENT_FIELDS = ("dossier", "date", "volgnummer", "kamerstuk", "title", "original_name", "sender")
SHOWN_COMMITMENT_FIELDS = ("document", "ministry", "made_on", "origin", "text", "status", "due_date", "start")


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
    period: Period | None
    today: dt.date
    commitments: list[Commitment] = field(default_factory=list)

    @property
    def years(self):
        if not self.first or not self.last:
            return []
        return list(range(self.first.year, self.last.year + 1))


def build(scope: list, oral: Q, form: CommitmentFilter, today: dt.date) -> Timeline:
    """`scope` is the Document querysets whose union the timeline shows, `oral` the Q selecting its
    commitments without a letter."""
    spans = [part.aggregate(first=Min("date"), last=Max("date")) for part in scope]
    period = form.period
    selected = form.apply(Commitment.objects.listed(), today)

    if period:
        scope = [part.filter(date__range=(period.start, period.end)) for part in scope]
    if form.narrows_commitments:
        scope = [part.filter(Exists(selected.filter(document=OuterRef("pk")))) for part in scope]
    newest = _newest(scope, MAX_DOCUMENTS + 1)
    truncated = len(newest) > MAX_DOCUMENTS
    shown = list(Document.objects.filter(pk__in=newest[:MAX_DOCUMENTS]).only(*SHOWN_DOCUMENT_FIELDS)
                 .order_by(*TIMELINE_ORDER))[::-1]

    in_window = Q(document__isnull=True) & oral
    if period:
        in_window &= Q(made_on__range=(period.start, period.end))
    elif truncated and shown[0].date:
        in_window &= Q(made_on__gte=shown[0].date)
    commitments = _first_per_document(selected.filter(Q(document__in=[d.pk for d in shown]) | in_window))
    letters = _attach_fulfilling_letters(commitments)
    _attach_addresses(shown, "document")
    _attach_addresses(letters, "document")
    _attach_addresses(commitments, "commitment")

    by_document = {d.pk: d for d in shown}
    for document in shown:
        document.markers = []
        document.commitments_selected = 0
    events = [Event(d.date, document=d) for d in shown]
    for commitment in commitments:
        commitment.late = commitment.is_late(today)
        if commitment.document_id:
            by_document[commitment.document_id].markers.append(commitment)
            by_document[commitment.document_id].commitments_selected = commitment.of_document
        else:
            events.append(Event(commitment.made_on, oral=commitment))
    # Undated events last: they cannot be placed on the axis.
    events.sort(key=lambda e: (e.date is None, e.date or dt.date.min))
    firsts = [span["first"] for span in spans if span["first"]]
    lasts = [span["last"] for span in spans if span["last"]]
    return Timeline(events=events, truncated=truncated, first=min(firsts, default=None),
                    last=max(lasts, default=None), period=period, today=today, commitments=commitments)


def _first_per_document(commitments) -> list[Commitment]:
    """The first MAX_PER_DOCUMENT commitments of each document in text order, each with `of_document`, how many
    its document has; a promise made orally counts as a document of its own. One query: the window functions
    number and count them where they are, so the rest never leave the database."""
    per_document = [F("document"), Case(When(document__isnull=True, then=F("pk")))]
    return list(
        commitments.only(*SHOWN_COMMITMENT_FIELDS)
        .annotate(place=Window(RowNumber(), partition_by=per_document, order_by=[F("start"), F("pk")]),
                  of_document=Window(Count("pk"), partition_by=per_document))
        .filter(place__lte=MAX_PER_DOCUMENT)
        .order_by("start", "pk")
    )


def _attach_fulfilling_letters(commitments: list[Commitment]) -> list[Document]:
    """`commitment.fulfilled_by`: the letters that fulfilled it, oldest first; all of them returned. One query;
    prefetch_related would build a queryset per commitment, costing more than the query on a full window."""
    by_commitment = {commitment.pk: commitment for commitment in commitments}
    for commitment in commitments:
        commitment.fulfilled_by = []
    fulfilments = list(Fulfilment.objects.filter(commitment__in=by_commitment).select_related("document")
                            .only("commitment", *(f"document__{name}" for name in SHOWN_DOCUMENT_FIELDS))
                            .order_by("document__date", "pk"))
    for fulfilment in fulfilments:
        by_commitment[fulfilment.commitment_id].fulfilled_by.append(fulfilment.document)
    return [fulfilment.document for fulfilment in fulfilments]


def _attach_addresses(objects: list, view: str) -> None:
    """`obj.url`, what `get_absolute_url()` gives, for many objects of one kind: the drawing and the list link
    hundreds of them, and resolving the view once rather than for each saves a good part of the page's time."""
    placeholder = "987654321"
    before, _, after = reverse(view, args=[placeholder]).partition(placeholder)
    for obj in objects:
        obj.url = f"{before}{obj.pk}{after}"


def _newest(scope: list, limit: int) -> list[int]:
    """The ids of the `limit` newest documents in the union of the querysets, newest first."""
    parts = [part.order_by(*TIMELINE_ORDER).values_list("pk", "date", "volgnummer")[:limit] for part in scope]
    if len(parts) > 1:
        parts = [parts[0].union(*parts[1:]).order_by(*TIMELINE_ORDER)[:limit]]
    return [pk for pk, _, _ in parts[0]]


def dossier_scope(dossier) -> list:
    """A dossier's own papers, the papers of another dossier published in it too, and letters elsewhere that
    cite them: all belong to its history. `dossier.shared_document_ids` says which are the shared papers.

    The shared and citing letters are read first and named by id: asked for them through a subquery,
    PostgreSQL plans a pass over the index entry of every document in the archive."""
    citing = Reference.objects.filter(dossier_key=dossier.key, from_elsewhere=True).values_list(
        "document", Value(False, output_field=BooleanField()))
    shared = Document.other_dossiers.through.objects.filter(dossier=dossier).values_list(
        "document", Value(True, output_field=BooleanField()))
    rows = list(citing.union(shared))  # one round trip for both
    dossier.shared_document_ids = {document for document, is_shared in rows if is_shared}
    elsewhere = sorted({document for document, _ in rows})
    return [Document.objects.filter(dossier=dossier), Document.objects.filter(IdAmong(elsewhere))]


class IdAmong(Func):
    """`id = ANY(%s)`: the ids as one array parameter. `pk__in` makes a parameter of each, and for the
    thousands of letters citing a busy dossier Django spends more time on those than PostgreSQL on the query."""

    template = "%(expressions)s = ANY(%(ids)s)"
    output_field = BooleanField()

    def __init__(self, ids: list[int]):
        super().__init__(F("pk"))
        self.ids = ids

    def as_sql(self, compiler, connection, **extra_context):
        sql, params = super().as_sql(compiler, connection, ids="%s", **extra_context)
        return sql, (*params, self.ids)
