"""Zoeken: full-text search over documents and commitments, and going straight to a typed id."""

from urllib.parse import urlencode

from django import forms
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect

from tracker.display import STATE_CHOICES
from ingest.ministries import ministry_of
from tracker.forms import CalendarDateField
from tracker.ids import parse_typed_dossier, parse_typed_kamerstuk, tk_document_number
from tracker.models import Commitment, Document, Dossier, state_q
from tracker.search import CANDIDATES, search_commitments, search_documents

DOCUMENTS, COMMITMENTS = "documenten", "toezeggingen"


class SearchForm(forms.Form):
    q = forms.CharField(label="Zoeken", required=False, max_length=200)
    waarin = forms.ChoiceField(choices=[(DOCUMENTS, "Documenten"), (COMMITMENTS, "Toezeggingen")], required=False)
    dossier = forms.CharField(label="Dossier", required=False, max_length=40,
                              widget=forms.TextInput(attrs={"placeholder": "27 925"}))
    afzender = forms.CharField(label="Ministerie of afzender", required=False, max_length=200)
    soort = forms.ChoiceField(label="Soort document", required=False,
                              choices=[("", "Alle soorten"), *Document.Kind.choices])
    status = forms.ChoiceField(label="Status toezegging", required=False,
                               choices=[("", "Alle statussen"), *STATE_CHOICES])
    van = CalendarDateField(label="Van", required=False)
    tot = CalendarDateField(label="Tot en met", required=False)
    na = forms.CharField(required=False, widget=forms.HiddenInput)  # keyset of the next page: "rank:id"


@require_GET
@vary_on_headers("HX-Request")
def search(request):
    form = SearchForm(request.GET)
    form.is_valid()  # an invalid field is simply left out of the search
    data = form.cleaned_data
    typed = (data.get("q") or "").strip()
    where = data.get("waarin") or DOCUMENTS
    after = data.get("na") or ""
    if typed and not after:
        found = _lookup(typed)
        if found:
            # htmx would put the whole page into the results: it is told to go there itself
            return HttpResponseClientRedirect(found) if request.htmx else HttpResponseRedirect(found)
    results = None
    if typed:
        if where == COMMITMENTS:
            results = search_commitments(typed, _commitment_filters(data), after)
        else:
            results = search_documents(typed, _page_filters(data), after)
    kept = {key: value for key, value in request.GET.items() if value and key not in ("na", "waarin")}

    def link(**params):
        return "?" + urlencode({**kept, **params})

    ctx = {
        "form": form,
        "typed": typed,
        "where": where,
        "results": results,
        "first_page": not after,
        "tabs": [(value, label, link(waarin=value)) for value, label in SearchForm.base_fields["waarin"].choices],
        "next_url": link(waarin=where, na=results.next_key) if results and results.next_key else "",
        "first_url": link(waarin=where),
        "candidates": CANDIDATES,
    }
    if request.htmx:
        return render(request, "search/search.html#results", ctx)
    return render(request, "search/search.html", ctx)


def _lookup(typed):
    """A Kamerstuk id or Tweede Kamer document number goes straight to its document (or dossier)."""
    number = tk_document_number(typed)
    if number:
        document = Document.objects.only("pk").by_tk_document_number(number)
        return document.get_absolute_url() if document else None
    kamerstuk = parse_typed_kamerstuk(typed)
    if not kamerstuk:
        return None
    document = Document.objects.only("pk").by_kamerstuk(kamerstuk)
    if document:
        return document.get_absolute_url()
    dossier_key = kamerstuk.rpartition("-")[0]
    return reverse("dossier", args=[dossier_key]) if Dossier.objects.filter(key=dossier_key).exists() else None


def _dossier_key(typed):
    """The dossier as typed ("27 925", "36200 x"), canonical; what is no dossier number finds nothing."""
    return parse_typed_dossier(typed) or typed.strip()


def _page_filters(data):
    filters = Q()
    if data.get("dossier"):
        filters &= Q(document__in=Document.objects.ids_in_dossier(_dossier_key(data["dossier"])))
    if data.get("afzender"):
        filters &= Q(document__sender__icontains=data["afzender"])
    if data.get("soort"):
        filters &= Q(document__kind=data["soort"])
    if data.get("van"):
        filters &= Q(document__date__gte=data["van"])
    if data.get("tot"):
        filters &= Q(document__date__lte=data["tot"])
    if data.get("status"):
        # Documents with a commitment in that state.
        with_status = Commitment.objects.listed().in_state(data["status"]).values("document")
        filters &= Q(document__in=with_status)
    return filters


def _commitment_filters(data):
    filters = Q()
    # A commitment's own dossier, ministry and date: an oral promise has no document to look at.
    if data.get("dossier"):
        filters &= Q(dossier__key=_dossier_key(data["dossier"]))
    if data.get("afzender"):
        filters &= Q(ministry=ministry_of(data["afzender"])) if ministry_of(data["afzender"]) else Q(
            ministry__icontains=data["afzender"])
    if data.get("soort"):
        filters &= Q(document__kind=data["soort"])
    if data.get("van"):
        filters &= Q(made_on__gte=data["van"])
    if data.get("tot"):
        filters &= Q(made_on__lte=data["tot"])
    if data.get("status"):
        filters &= state_q(data["status"], timezone.localdate())
    return filters
