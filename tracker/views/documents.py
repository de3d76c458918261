"""Documents: the list, upload, a document's page with its text, retry, and the original file."""

from urllib.parse import urlencode

from csp.constants import NONE
from csp.decorators import csp
from django.contrib import messages
from django.db.models import Prefetch
from django.http import FileResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseStopPolling

from tracker.analysis import ORIGINAL_MISSING
from tracker.corrections import correct
from tracker.display import commitment_marker
from tracker.document_list import (
    DocumentFilter,
    document_cursor,
    document_years,
    documents_after,
    filtered_documents,
    with_commitment_counts,
)
from tracker.filenames import display_name
from tracker.forms import DocumentCorrectionForm, UploadForm
from tracker.ids import split_kamerstuk
from tracker.models import Commitment, Document, Reference
from tracker.document_text import document_html, footnote_html
from tracker.intake import TooLarge, queue_analysis, receive
from tracker.roles import clerk_required

PAGE_SIZE = 50
MARKER_LENGTH = 600  # a letter's own page shows its promises whole, as far as a sentence goes


@require_GET
@vary_on_headers("HX-Request")
def document_list(request):
    form = DocumentFilter(request.GET, years=document_years())
    documents = list(documents_after(filtered_documents(form), request.GET.get("na", ""))[:PAGE_SIZE + 1])
    more = len(documents) > PAGE_SIZE
    documents = documents[:PAGE_SIZE]
    kept = {name: form.data[name] for name in form.fields if form.data.get(name)}
    ctx = {
        "documents": documents,
        "filters": form,
        "filter_query": urlencode(kept),
        "next_query": urlencode({**kept, "na": document_cursor(documents[-1])}) if more else "",
        "paged": bool(request.GET.get("na")),
        "form": UploadForm(),
    }
    if request.htmx:
        return render(request, "documents/list.html#results", ctx)
    return render(request, "documents/list.html", ctx)


@require_POST
@clerk_required
def document_upload(request):
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "Kies een of meer bestanden om te uploaden.")
        return HttpResponseRedirect(reverse("documents"))
    for upload in form.cleaned_data["files"]:
        name = display_name(upload.name)
        if not upload.size:
            messages.error(request, f"Niet opgeslagen: {name} is leeg.")
            continue
        try:
            received = receive(upload, upload.name, request.user)
        except TooLarge as error:
            messages.error(request, f"Niet opgeslagen: {error}")
            continue
        if received.created:
            messages.success(request, f"{name} is ontvangen en wordt verwerkt.")
        else:
            messages.info(request, f"{name} was al eerder ontvangen: zie “{received.document}”.")
    return HttpResponseRedirect(reverse("documents"))


@require_GET
def document_detail(request, pk):
    document = get_object_or_404(
        Document.objects.select_related("dossier", "uploaded_by").prefetch_related("other_dossiers"), pk=pk)
    if request.htmx and request.GET.get("status"):
        return _status_fragment(request, document)
    # What the analysis found is shown with the text it was found in, once it is finished: a worker committing it
    # between this page's queries would otherwise show the commitments of a text not yet read (the page polls on).
    analysed = document.is_done
    commitments = list(
        Commitment.objects.filter(document=document).listed().prefetch_related(
            Prefetch("fulfilments__document",
                     queryset=Document.objects.only("pk", "title", "original_name", "kamerstuk", "date"))
        )
    ) if analysed else []
    references = list(Reference.objects.filter(document=document).order_by("start")) if analysed else []
    today = timezone.localdate()
    for commitment in commitments:
        letters = [fulfilment.document for fulfilment in commitment.fulfilments.all()]
        for letter in letters:
            letter.url = letter.get_absolute_url()
        commitment.marker = commitment_marker(commitment, late=commitment.is_late(today),
                                              url=commitment.get_absolute_url(), fulfilled_by=letters,
                                              length=MARKER_LENGTH, details=True)
    ctx = {
        "document": document,
        "commitments": commitments,
        "references": references,
        "distinct_references": _distinct(references),
        "body": document_html(document, commitments, references) if analysed and document.text else "",
        "footnotes": [footnote_html(i, note, references) for i, note in enumerate(document.footnotes)] if analysed
        else [],
        "cited_by": Document.objects.filter(references__target=document).distinct().order_by("date")[:50],
        "corrections": document.changes.select_related("changed_by"),
        # a ministry's overview: each row of its table of toezeggingen, and the commitment it went to
        "table_rows": document.ministry_reports.select_related("commitment").defer("commitment__tsv"),
    }
    return render(request, "documents/detail.html", ctx)


def _status_fragment(request, document):
    """Polled while the worker analyses the document; HTTP 286 stops the polling."""
    if request.GET["status"] == "row":
        document = with_commitment_counts(Document.objects.select_related("dossier")).get(pk=document.pk)
        response = render(request, "documents/list.html#row", {"document": document})
    else:
        response = render(request, "documents/detail.html#state", {"document": document})
    if not document.is_done:
        return response
    stop = HttpResponseStopPolling(response.content)
    if request.GET["status"] != "row":
        stop["HX-Refresh"] = "true"  # show the text and commitments that just arrived
    return stop


@require_POST
@clerk_required
def document_retry(request, pk):
    """Analyse a failed document again from the start, e.g. after the engine was improved."""
    document = get_object_or_404(Document, pk=pk)
    if document.original_missing:
        messages.error(request, ORIGINAL_MISSING)
        return HttpResponseRedirect(document.get_absolute_url())
    # Conditional, so two clicks (or a clerk and a worker) never queue it twice.
    reset = Document.objects.filter(pk=pk, state__in=Document.FAILED_STATES).update(
        state=Document.State.BEZIG, attempts=0, claimed_at=None, claim_token="", error="", error_code="",
        analysed_at=None)
    if reset:
        queue_analysis(document)
        messages.success(request, "Het document wordt opnieuw verwerkt.")
    else:
        messages.info(request, "Dit document is niet mislukt; er is niets opnieuw te proberen.")
    return HttpResponseRedirect(document.get_absolute_url())


# An original is someone else's file: served in a sandbox, with an origin of its own and no scripts, forms or
# plugins of the page, nothing in it runs as this site (a PDF's /OpenAction JavaScript, HTML in a "PDF").
# Chromium's PDF viewer still shows it and follows #page=. Content sniffing is off site-wide (nosniff).
ORIGINAL_POLICY = {"default-src": [NONE], "sandbox": True}


@require_GET
@csp(ORIGINAL_POLICY)
def document_original(request, pk):
    """The file as it arrived. Only a real PDF is shown inline: anything else downloads,
    so HTML in an uploaded file never runs in our pages."""
    document = get_object_or_404(Document, pk=pk)
    if document.original_missing:
        return render(request, "documents/original_missing.html", {"document": document, "reason": ORIGINAL_MISSING},
                      status=404)
    handle = document.original.open("rb")
    is_pdf = handle.read(5) == b"%PDF-"
    handle.seek(0)
    if is_pdf:
        return FileResponse(handle, content_type="application/pdf", filename=document.original_name)
    return FileResponse(handle, as_attachment=True, content_type="application/octet-stream",
                        filename=document.original_name)


def _distinct(references):
    seen = {}
    for reference in references:
        seen.setdefault(reference.kamerstuk, reference)
    return sorted(seen.values(), key=lambda r: r.kamerstuk)


@require_GET
def kamerstuk_redirect(request, kamerstuk):
    document = Document.objects.by_kamerstuk(kamerstuk)
    if document:
        return HttpResponseRedirect(document.get_absolute_url())
    dossier_key, _ = split_kamerstuk(kamerstuk)  # the URL's converter makes sure there is a dossier part
    return HttpResponseRedirect(reverse("dossier", args=[dossier_key]))


@require_http_methods(["GET", "POST"])
@clerk_required
def document_correct(request, pk):
    """A clerk puts right what the reading got wrong; the document's history keeps what was changed."""
    document = get_object_or_404(Document.objects.select_related("dossier").prefetch_related("other_dossiers"), pk=pk)
    if request.method == "GET":
        form = DocumentCorrectionForm(initial={
            "kamerstuk": document.kamerstuk_label if document.kamerstuk else "",
            "dossiers": "; ".join(document.dossier_keys()), "date": document.date, "kind": document.kind,
            "sender": document.sender, "ministries": "; ".join(document.ministries), "title": document.title,
        })
        return render(request, "documents/correct.html", {"document": document, "form": form})
    form = DocumentCorrectionForm(request.POST)
    if not form.is_valid():
        return render(request, "documents/correct.html", {"document": document, "form": form}, status=422)
    change = correct(document, request.user, form.cleaned_data)
    messages.success(request, "De gegevens van het document zijn bijgewerkt." if change else "Er was niets gewijzigd.")
    return redirect(document)
