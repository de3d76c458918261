"""The document list (/documenten/): filters by state, dossier, kind, origin and year, newest received first,
paged by keyset."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.db.models import Count, IntegerField, Max, Min, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.dateparse import parse_datetime

from tracker.periods import Period
from tracker.filters import LenientFilter
from tracker.forms import DossierField
from tracker.models import Commitment, Document

ALL = [("", "Alle")]


class DocumentFilter(LenientFilter):
    status = forms.ChoiceField(label="Status", required=False, choices=ALL + Document.State.choices)
    dossier = DossierField(label="Dossier", required=False, max_length=40,
                           widget=forms.TextInput(attrs={"placeholder": "27 925"}))
    soort = forms.ChoiceField(label="Soort", required=False, choices=ALL + Document.Kind.choices)
    herkomst = forms.ChoiceField(label="Herkomst", required=False, choices=ALL + Document.Origin.choices)
    periode = forms.ChoiceField(label="Jaar", required=False)

    def __init__(self, data, *, years=(), **kwargs):
        super().__init__(data, **kwargs)
        self.fields["periode"].choices = ALL + [(str(year), str(year)) for year in years]

    def apply(self, documents):
        values = self.values
        if "status" in values:
            documents = documents.filter(state=values["status"])
        if "dossier" in values:
            documents = documents.in_dossier(values["dossier"])
        if "soort" in values:
            documents = documents.filter(kind=values["soort"])
        if "herkomst" in values:
            documents = documents.filter(origin=values["herkomst"])
        if "periode" in values:
            period = Period.parse(values["periode"])
            documents = documents.filter(date__range=(period.start, period.end))
        return documents


def document_years() -> list[int]:
    """The years from the first to the last document's date, newest first; PostgreSQL reads both from an index."""
    span = Document.objects.aggregate(first=Min("date"), last=Max("date"))
    return list(range(span["last"].year, span["first"].year - 1, -1)) if span["first"] else []


def with_commitment_counts(documents):
    """`commitment_count`, what the register lists of each document, counted for the rows shown alone."""
    counted = (Commitment.objects.listed().filter(document=OuterRef("pk")).order_by().values("document")
               .annotate(n=Count("pk")).values("n"))
    return documents.annotate(commitment_count=Coalesce(Subquery(counted, output_field=IntegerField()), Value(0)))


def filtered_documents(form: DocumentFilter):
    """Newest received first; pk makes the order total, so keyset paging is exact."""
    documents = form.apply(Document.objects.select_related("dossier").defer("text", "page_starts", "footnotes"))
    return with_commitment_counts(documents).order_by("-created_at", "-pk")


def documents_after(documents, cursor: str):
    """The documents after `cursor` ("<created_at>_<pk>") in `filtered_documents` order."""
    created, _, pk = (cursor or "").rpartition("_")
    try:
        created = parse_datetime(created)
    except ValueError:  # well formed, but no date: a mangled link
        created = None
    if created is None or not pk.isdigit():
        return documents
    return documents.filter(Q(created_at__lt=created) | Q(created_at=created, pk__lt=int(pk)))


def document_cursor(document: Document) -> str:
    return f"{document.created_at.astimezone(dt.timezone.utc).isoformat()}_{document.pk}"
