"""A commitment's page: its status panel, status changes with evidence, suggestions and history."""

import itertools

from django.core.exceptions import ValidationError
from django.db.models import F, Q
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET, require_POST

from tracker.forms import StatusForm
from tracker.ids import parse_typed_kamerstuk, tk_document_number
from tracker.models import OPEN_STATUSES, Commitment, Document, Status
from tracker.params import seen_version
from tracker.roles import clerk_required, is_clerk
from tracker.suggestions import suggest
from tracker.workflow import REOPENABLE, Conflict, change_status

# How many documents the clerk can choose from as evidence; more is reached by typing a number.
CANDIDATE_LIMIT = 100
# What the form fills in again after a conflict, so the clerk need not type it twice.
KEPT_ON_CONFLICT = ("status", "evidence", "note", "new_due_date")


def _commitment(pk):
    return get_object_or_404(Commitment.objects.select_related("document", "dossier"), pk=pk)


def _candidates(commitment, typed: str = "") -> list[Document]:
    """Documents that may fulfil the commitment: later than its letter, its own dossier first; with `typed`,
    those it names: a Kamerstuk or TK document number, or words of the title, sender or file name."""
    documents = Document.objects.analysed().exclude(pk=commitment.document_id)
    documents = documents.filter(_named_by(typed.strip())) if typed.strip() else documents
    # Only what the choice shows: a dossier's letters are many, and their texts long.
    documents = documents.only("pk", "kamerstuk", "date", "sender", "title", "original_name", "dossier_id")
    # Part by part in the order shown (its dossier's dated letters, its undated ones, then the others'), until the
    # list is full: its own dossier mostly fills it, where one query ordered by "same dossier first" tests every
    # document in the archive.
    parts = [documents]
    if commitment.dossier_id is not None:
        dossier = commitment.dossier_id
        parts = [documents.filter(dossier_id=dossier), documents.exclude(dossier_id=dossier)]
    times = [Q(date__gte=commitment.made_on), Q(date__isnull=True)] if commitment.made_on else [Q()]
    found: list[Document] = []
    for part, when in itertools.product(parts, times):
        if len(found) < CANDIDATE_LIMIT:
            found += part.filter(when).order_by("date", "pk")[:CANDIDATE_LIMIT - len(found)]
    return found


def _named_by(typed: str) -> Q:
    if number := tk_document_number(typed):
        return Q(tk_document_number=number)
    if kamerstuk := parse_typed_kamerstuk(typed):
        return Q(kamerstuk=kamerstuk)
    named = Q()
    for word in typed.split()[:8]:
        named &= (Q(title__icontains=word) | Q(sender__icontains=word) | Q(original_name__icontains=word)
                  | Q(kamerstuk__icontains=word))
    return named


@require_GET
@clerk_required
def evidence_choices(request, pk):
    """The evidence picker's letters for what the clerk types, as the options of its list (htmx)."""
    commitment = _commitment(pk)
    # The letter already chosen stays chosen when it is among the new ones; only the last answer is shown.
    chosen = request.GET.get("evidence", "")
    form = StatusForm(shown=_candidates(commitment, request.GET.get("brief", "")[:200]),
                      initial={"evidence": int(chosen) if chosen.isdigit() else None})
    field = form["evidence"]
    return render(request, "commitments/evidence_options.html", {"field": field})


# What the status form proposes: a candidate is first taken on as a promise, an open one is mostly fulfilled,
# and a closed one gets no proposal (the clerk reopens it on purpose).
PROPOSED_NEXT = {
    Status.KANDIDAAT: Status.OPENSTAAND,
    Status.OPENSTAAND: Status.VOLDAAN,
    Status.UITGESTELD: Status.VOLDAAN,
    Status.DEELS_VOLDAAN: Status.VOLDAAN,
}


def _reports(commitment, changes):
    """The ministry's accounts of this promise, newest first, each with its overview (whose long text is not
    needed), and whether a clerk may take its status over: not before the promise is judged, and not to reopen a
    promise the clerk closed after the overview was written (it speaks of a state that has passed)."""
    reports = list(commitment.ministry_reports.select_related("document").defer(
        "document__text", "document__page_starts", "document__footnotes").order_by(
        F("document__date").desc(nulls_last=True), "-pk"))
    judged = commitment.status != Status.KANDIDAAT and not commitment.rejected
    closed_on = changes[-1].changed_at.date() if changes and commitment.status not in OPEN_STATUSES else None
    for report in reports:
        current = closed_on is None or report.document.date is None or report.document.date >= closed_on
        report.may_take_over = judged and report.status != commitment.status and current
    return reports


def _context(request, commitment, form=None, conflict=None, saved=False):
    changes = list(commitment.changes.select_related("changed_by", "evidence"))
    initial = {"version": commitment.version, "status": PROPOSED_NEXT.get(commitment.status)}
    form = form or StatusForm(shown=_candidates(commitment), initial=initial)
    return {
        "commitment": commitment,
        "changes": changes,
        "postponed": any(change.new_due_date for change in changes),
        "fulfilments": commitment.fulfilments.select_related("document", "created_by"),
        "postponements": commitment.postponements.filter(handled=False).select_related("document"),
        "reports": _reports(commitment, changes),
        "suggestions": suggest(commitment) if is_clerk(request.user) and not commitment.rejected else [],
        "reopenable": commitment.status in REOPENABLE,
        "form": form,
        "conflict": conflict,
        # The change just saved, said above the panel with what can be done next.
        "saved": changes[-1] if saved and changes else None,
    }


@require_GET
def commitment_detail(request, pk):
    commitment = _commitment(pk)
    return render(request, "commitments/detail.html", _context(request, commitment))


@require_POST
@clerk_required
def commitment_status(request, pk):
    commitment = _commitment(pk)
    seen_version(request.POST)
    candidates = Document.objects.analysed().exclude(pk=commitment.document_id)
    form = StatusForm(request.POST, candidates=candidates)
    status, conflict, saved = 200, None, False
    if form.is_valid():
        data = form.cleaned_data
        evidence = data["evidence"]
        typed = request.POST.get("kamerstuk", "").strip()
        try:
            if typed and evidence is None:
                evidence = document_by_typed_number(typed)
            change_status(commitment, data["status"], request.user, evidence, data["note"],
                          new_due_date=data["new_due_date"], seen_version=data["version"])
        except Conflict as error:
            # Show what the other clerk did, with a form on the new version holding this clerk's input.
            commitment, conflict, status = _commitment(pk), error.message, 409
            initial = {name: request.POST.get(name) for name in KEPT_ON_CONFLICT}
            form = StatusForm(shown=_candidates(commitment), initial={**initial, "version": commitment.version})
        except ValidationError as error:
            form.add_error(None, error)
            form.offer(_candidates(commitment))
            status = 422
        else:
            commitment, form, saved = _commitment(pk), None, True
    else:
        form.offer(_candidates(commitment))  # not every letter a post may name
        status = 422
    ctx = _context(request, commitment, form, conflict, saved)
    template = "commitments/detail.html#panel" if request.htmx else "commitments/detail.html"
    return render(request, template, ctx, status=status)


def document_by_typed_number(typed):
    """The document a clerk names by its Kamerstuk number or its Tweede Kamer document number."""
    if number := tk_document_number(typed):
        document = Document.objects.by_tk_document_number(number)
        if document is None:
            raise ValidationError(f"Document {number} is nog niet in het systeem.")
        return document
    kamerstuk = parse_typed_kamerstuk(typed)
    if kamerstuk is None:
        raise ValidationError(f"“{typed}” is geen Kamerstuknummer zoals 27925-960 of 27 925, nr. 960, "
                              "en geen documentnummer zoals 2024D08306.")
    document = Document.objects.analysed().by_kamerstuk(kamerstuk)
    if document is None:
        raise ValidationError(f"Kamerstuk {kamerstuk} is nog niet in het systeem.")
    return document
