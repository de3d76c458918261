from django.core.exceptions import ValidationError
from django.db.models import Case, IntegerField, Q, Value, When
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET, require_POST

from tracker.forms import StatusForm
from tracker.kamerstuk import parse_typed_kamerstuk
from tracker.models import Commitment, Document, Status
from tracker.roles import clerk_required
from tracker.workflow import change_status

# How many documents the clerk can choose from as evidence; more is reached by typing a number.
CANDIDATE_LIMIT = 100


def _commitment(pk):
    return get_object_or_404(Commitment.objects.select_related("document", "document__dossier"), pk=pk)


def _candidates(commitment):
    """Documents that may fulfil the commitment: later than its letter, its own dossier first."""
    own = commitment.document
    documents = Document.objects.analysed().exclude(pk=own.pk)
    if own.date:
        documents = documents.filter(Q(date__gte=own.date) | Q(date__isnull=True))
    return documents.annotate(
        same_dossier=Case(When(dossier_id=own.dossier_id, then=Value(0)), default=Value(1), output_field=IntegerField())
    ).order_by("same_dossier", "date", "pk")[:CANDIDATE_LIMIT]


def _context(commitment, form=None):
    candidates = _candidates(commitment)
    return {
        "commitment": commitment,
        "changes": commitment.changes.select_related("changed_by", "evidence"),
        "fulfilments": commitment.fulfilments.select_related("document", "created_by"),
        "form": form or StatusForm(candidates=candidates, initial={"status": Status.VOLDAAN}),
    }


@require_GET
def commitment_detail(request, pk):
    commitment = _commitment(pk)
    return render(request, "commitments/detail.html", _context(commitment))


@require_POST
@clerk_required
def commitment_status(request, pk):
    commitment = _commitment(pk)
    candidates = Document.objects.analysed().exclude(pk=commitment.document_id)
    form = StatusForm(request.POST, candidates=candidates)
    status = 200
    if form.is_valid():
        evidence = form.cleaned_data["evidence"]
        typed = request.POST.get("kamerstuk", "").strip()
        try:
            if typed and evidence is None:
                evidence = _document_by_typed_number(typed)
            change_status(commitment, form.cleaned_data["status"], request.user, evidence, form.cleaned_data["note"])
        except ValidationError as error:
            form.add_error(None, error)
            status = 422
        else:
            commitment.refresh_from_db()
            form = None
    else:
        status = 422
    ctx = _context(commitment, form)
    template = "commitments/detail.html#panel" if request.htmx else "commitments/detail.html"
    return render(request, template, ctx, status=status)


def _document_by_typed_number(typed):
    kamerstuk = parse_typed_kamerstuk(typed)
    if kamerstuk is None:
        raise ValidationError(f"“{typed}” is geen Kamerstuknummer zoals 27925-960 of 27 925, nr. 960.")
    document = Document.objects.analysed().filter(kamerstuk=kamerstuk).order_by("created_at").first()
    if document is None:
        raise ValidationError(f"Kamerstuk {kamerstuk} is nog niet in het systeem.")
    return document
