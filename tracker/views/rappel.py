"""Rappel per ministry: the list of commitments past or near their due date, the letter and the spreadsheet sent
to the ministry, and the clerk entering its answer per commitment (a new date, or fulfilled)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from tracker.forms import RappelAnswerForm
from tracker.models import Status
from tracker.params import seen_version
from tracker.rappel import docx_letter, ministry_named, of_ministry, per_ministry, rappel, xlsx_sheet
from tracker.roles import clerk_required
from tracker.views.commitments import document_by_typed_number
from tracker.workflow import Conflict, change_status

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _ministry(slug):
    name = ministry_named(slug)
    if name is None:
        raise Http404("Onbekend ministerie")
    return name


def _form(commitment, data=None):
    # Each row's own ids, so every label names its own field.
    return RappelAnswerForm(data, auto_id=f"rappel-{commitment.pk}-%s", initial={"version": commitment.version})


@require_GET
def rappel_index(request):
    return render(request, "rappel/index.html", {"ministries": per_ministry(timezone.localdate())})


@require_GET
def rappel_page(request, slug):
    found = rappel(_ministry(slug), timezone.localdate())
    sections = [(title, [{"commitment": c, "form": _form(c)} for c in commitments])
                for title, commitments in found.sections]
    return render(request, "rappel/page.html", {"rappel": found, "slug": slug, "sections": sections})


@require_GET
def rappel_docx(request, slug):
    return _download(docx_letter(rappel(_ministry(slug), timezone.localdate())), DOCX, slug, "docx")


@require_GET
def rappel_xlsx(request, slug):
    return _download(xlsx_sheet(rappel(_ministry(slug), timezone.localdate())), XLSX, slug, "xlsx")


def _download(content, content_type, slug, extension):
    response = HttpResponse(content, content_type=content_type)
    name = f"rappel-{slug}-{timezone.localdate():%Y-%m-%d}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_POST
@clerk_required
def rappel_answer(request, slug, pk):
    """The ministry's answer for one commitment: postponed to a new date, or fulfilled, the answer as evidence."""
    commitment = get_object_or_404(of_ministry(_ministry(slug)).listed().select_related("document", "dossier"), pk=pk)
    seen_version(request.POST)
    form = _form(commitment, request.POST)
    status, error, done = 422, "", False
    if form.is_valid():
        data = form.cleaned_data
        postponed = data["answer"] == RappelAnswerForm.POSTPONED
        note = f"Antwoord van het ministerie op het rappel ({data['letter']})"
        try:
            evidence = document_by_typed_number(data["letter"])
            change_status(commitment, Status.UITGESTELD if postponed else Status.VOLDAAN, request.user, evidence,
                          note, new_due_date=data["new_due_date"] if postponed else None,
                          seen_version=data["version"])
        except Conflict as conflict:
            # The row again on the version now stored, holding what this clerk typed.
            status, error = 409, conflict.message
            commitment = conflict.commitment
            form = RappelAnswerForm(auto_id=f"rappel-{commitment.pk}-%s",
                                    initial={**request.POST.dict(), "version": commitment.version})
        except ValidationError as invalid:
            error = " ".join(invalid.messages)
        else:
            status, done = 200, True
            commitment.refresh_from_db()
    if not request.htmx:
        if done:
            messages.success(request, "Het antwoord is vastgelegd.")
        else:
            messages.error(request, error or " ".join(message for errors in form.errors.values() for message in errors))
        return redirect("rappel", slug=slug)
    ctx = {"row": {"commitment": commitment, "form": None if done else form, "error": error, "done": done},
           "slug": slug}
    return render(request, "rappel/page.html#row", ctx, status=status)
