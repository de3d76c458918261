"""The review queue: a clerk accepts or rejects what the engine detected, one by one or a selection."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from tracker.excerpt import excerpt
from tracker.models import Commitment
from tracker.params import number, seen_version
from tracker.roles import clerk_required
from tracker.workflow import Conflict, accept, reject

PAGE_SIZE = 100
DEFAULT_REASON = "Geen toezegging"


def _with_excerpt(commitment):
    commitment.excerpt = excerpt(commitment.document.text, commitment.start, commitment.end)
    return commitment


def _queue_context():
    candidates = Commitment.objects.to_review().select_related("document")[:PAGE_SIZE]
    return {
        "candidates": [_with_excerpt(c) for c in candidates],
        "total": Commitment.objects.to_review().count(),
        "listed": len(candidates),
        "default_reason": DEFAULT_REASON,
    }


@require_GET
@vary_on_headers("HX-Request")
def review_queue(request):
    template = "review/queue.html#queue" if request.htmx else "review/queue.html"
    return render(request, template, _queue_context())


def _decide(commitment, decision, user, reason, seen_version):
    if decision == "accept":
        accept(commitment, user, seen_version)
    else:
        reject(commitment, user, reason.strip() or DEFAULT_REASON, seen_version)


@require_POST
@clerk_required
def review_decide(request, pk, decision):
    """Accept or reject one candidate; htmx swaps in its row with the outcome."""
    commitment = get_object_or_404(Commitment.objects.select_related("document"), pk=pk)
    ctx = {"default_reason": DEFAULT_REASON}
    status = 200
    try:
        _decide(commitment, decision, request.user, request.POST.get("reason", ""), seen_version(request.POST))
    except Conflict as conflict:
        ctx["error"], status = conflict.message, 409
    except ValidationError as error:
        ctx["error"], status = " ".join(error.messages), 422
    if not request.htmx:
        if "error" in ctx:
            messages.error(request, ctx["error"])
        return HttpResponseRedirect(reverse("review"))
    commitment = Commitment.objects.select_related("document").get(pk=pk)
    ctx["commitment"] = _with_excerpt(commitment)
    ctx["total"] = Commitment.objects.to_review().count()
    ctx["listed"] = PAGE_SIZE  # the rows on the clerk's page stay as they are
    return render(request, "review/decided.html", ctx, status=status)


@require_POST
@clerk_required
def review_bulk(request):
    """Accept or reject the selected candidates, each with its own history record. A candidate
    someone else decided on meanwhile is left as that clerk left it, and reported."""
    decision = "accept" if request.POST.get("decision") == "accept" else "reject"
    pks = [number(pk, "pk") for pk in request.POST.getlist("pk")]
    versions = {pk: seen_version(request.POST, f"version-{pk}") for pk in pks}  # all, before any is decided
    done, skipped = 0, 0
    for commitment in Commitment.objects.filter(pk__in=pks).order_by("pk"):
        try:
            _decide(commitment, decision, request.user, request.POST.get("reason", ""), versions[commitment.pk])
            done += 1
        except (Conflict, ValidationError):
            skipped += 1
    verb = "geaccepteerd" if decision == "accept" else "afgewezen"
    notices = [("success", f"{done} toezegging{'en' if done != 1 else ''} {verb}.")]
    if skipped:
        notices.append(("warning", f"{skipped} overgeslagen: intussen door een ander beoordeeld of gewijzigd."))
    if request.htmx:
        return render(request, "review/queue.html#queue", {**_queue_context(), "notices": notices})
    for level, text in notices:
        messages.add_message(request, messages.SUCCESS if level == "success" else messages.WARNING, text)
    return HttpResponseRedirect(reverse("review"))
