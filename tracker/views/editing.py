"""Clerks correct detected commitments and enter promises the detection cannot find."""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from tracker.forms import EditCommitmentForm, NewCommitmentForm
from tracker.models import Commitment, Dossier
from tracker.params import seen_version
from tracker.roles import clerk_required
from tracker.views.commitments import document_by_typed_number
from tracker.workflow import Conflict, edit, enter_by_hand


@require_http_methods(["GET", "POST"])
@clerk_required
def commitment_edit(request, pk):
    commitment = get_object_or_404(Commitment.objects.select_related("dossier"), pk=pk)
    if request.method == "GET":
        form = EditCommitmentForm(initial={
            "text": commitment.text, "due_date": commitment.due_date, "due_text": commitment.due_text,
            "ministry": commitment.ministry, "dossier": commitment.dossier.key if commitment.dossier else "",
            "version": commitment.version,
        })
        return render(request, "commitments/edit.html", {"commitment": commitment, "form": form})
    seen_version(request.POST)
    form = EditCommitmentForm(request.POST)
    conflict = None
    if form.is_valid():
        data = form.cleaned_data
        changes = {name: data[name] for name in ("text", "due_date", "due_text", "ministry")}
        changes["dossier"] = Dossier.objects.for_key(data["dossier"]) if data["dossier"] else None
        try:
            edit(commitment, request.user, changes, seen_version=data["version"])
        except Conflict as error:
            conflict = error.message
        else:
            return redirect(commitment)
    status = 409 if conflict else 422
    return render(request, "commitments/edit.html", {"commitment": commitment, "form": form, "conflict": conflict},
                  status=status)


@require_http_methods(["GET", "POST"])
@clerk_required
def commitment_new(request):
    form = NewCommitmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            document = document_by_typed_number(data["kamerstuk"]) if data["kamerstuk"] else None
        except ValidationError as error:
            form.add_error("kamerstuk", error)
        else:
            commitment = enter_by_hand(
                request.user, text=data["text"],
                dossier=Dossier.objects.for_key(data["dossier"]) if data["dossier"] else None,
                ministry=data["ministry"], made_on=data["made_on"], origin=data["origin"],
                due_date=data["due_date"], due_text=data["due_text"], document=document,
            )
            return redirect(commitment)
    status = 422 if request.method == "POST" else 200
    return render(request, "commitments/new.html", {"form": form}, status=status)
