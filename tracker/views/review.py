"""The review queue: a clerk accepts or rejects what the engine detected, one by one or a selection.

Three tabs: the promises found in letters, the likeliest first; those the model learned from the griffie's
decisions finds unlikely (`?bron=onwaarschijnlijk`), set apart but never rejected without a clerk; and those only
a ministry's own overview of its toezeggingen names (`?bron=ministerie`), each shown with the row of the
overview's table as its evidence."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from tracker.excerpt import excerpt
from tracker.learning import is_unlikely, model_in_use, unlikely, why
from tracker.models import Commitment, Source
from tracker.params import number, seen_version
from tracker.roles import clerk_required
from tracker.workflow import Conflict, accept, reject

PAGE_SIZE = 100
DEFAULT_REASON = "Geen toezegging"


# The review queue's tabs, as `?bron=` names them.
FROM_LETTERS, UNLIKELY, FROM_OVERVIEWS = "brieven", "onwaarschijnlijk", "ministerie"


def _with_excerpt(commitment, model=None):
    if commitment.source != Source.MINISTRY:
        commitment.excerpt = excerpt(commitment.document.text, commitment.start, commitment.end)
    if model and commitment.probability is not None:
        commitment.reasons_for, commitment.reasons_against = why(commitment, model)
    return commitment


def _with_evidence(candidates):
    """The letter of each candidate, and for one from an overview the table row it came from."""
    return candidates.select_related("document").prefetch_related("ministry_reports")


def _queue_url(tab: str) -> str:
    return reverse("review") + (f"?bron={tab}" if tab != FROM_LETTERS else "")


def _tab(value) -> str:
    return value if value in (UNLIKELY, FROM_OVERVIEWS) else FROM_LETTERS


def _tab_of(commitment, model) -> str:
    if commitment.source == Source.MINISTRY:
        return FROM_OVERVIEWS
    return UNLIKELY if is_unlikely(commitment, model) else FROM_LETTERS


def _tabs(model):
    """Each tab's candidates: an overview's rows in the order of its table, the newest overview first."""
    from_letters = Commitment.objects.to_review().exclude(source=Source.MINISTRY)
    return {FROM_LETTERS: from_letters.exclude(unlikely(model)),
            UNLIKELY: from_letters.filter(unlikely(model)),
            FROM_OVERVIEWS: Commitment.objects.to_review().filter(source=Source.MINISTRY).order_by(
                "-document_id", "pk")}


def _queue_context(tab=FROM_LETTERS):
    model = model_in_use()
    tabs = _tabs(model)
    counts = {name: candidates.count() for name, candidates in tabs.items()}
    candidates = [_with_excerpt(c, model) for c in _with_evidence(tabs[tab])[:PAGE_SIZE]]
    return {
        "candidates": candidates,
        "total": counts[tab],
        "listed": len(candidates),
        "counts": counts,
        "tab": tab,
        "model": model,
        "default_reason": DEFAULT_REASON,
    }


@require_GET
@vary_on_headers("HX-Request")
def review_queue(request):
    template = "review/queue.html#queue" if request.htmx else "review/queue.html"
    return render(request, template, _queue_context(_tab(request.GET.get("bron"))))


def _decide(commitment, decision, user, reason, seen_version):
    if decision == "accept":
        return accept(commitment, user, seen_version)
    return reject(commitment, user, reason.strip() or DEFAULT_REASON, seen_version)


@require_POST
@clerk_required
def review_decide(request, pk, decision):
    """Accept or reject one candidate; htmx swaps in its row with the outcome."""
    commitment = get_object_or_404(Commitment.objects.select_related("document"), pk=pk)
    ctx = {"default_reason": DEFAULT_REASON}
    status = 200
    try:
        change = _decide(commitment, decision, request.user, request.POST.get("reason", ""), seen_version(request.POST))
        ctx["reason"] = change.reason if decision == "reject" else ""
    except Conflict as conflict:
        ctx["error"], status = conflict.message, 409
    except ValidationError as error:
        ctx["error"], status = " ".join(error.messages), 422
    model = model_in_use()
    tab = _tab_of(commitment, model)
    if not request.htmx:
        if "error" in ctx:
            messages.error(request, ctx["error"])
        return HttpResponseRedirect(_queue_url(tab))
    ctx["commitment"] = _with_excerpt(_with_evidence(Commitment.objects).get(pk=pk), model)
    # The counts above the queue drop with the decision; the rows on the clerk's page stay as they are.
    ctx["tab"], ctx["model"] = tab, model
    ctx["counts"] = {name: candidates.count() for name, candidates in _tabs(model).items()}
    ctx["total"] = ctx["counts"][ctx["tab"]]
    ctx["listed"] = PAGE_SIZE
    return render(request, "review/decided.html", ctx, status=status)


@require_POST
@clerk_required
def review_bulk(request):
    """Accept or reject the selected candidates, each with its own history record. A candidate
    someone else decided on meanwhile is left as that clerk left it, and reported."""
    decision = "accept" if request.POST.get("decision") == "accept" else "reject"
    tab = _tab(request.POST.get("bron"))
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
        return render(request, "review/queue.html#queue", {**_queue_context(tab), "notices": notices})
    for level, text in notices:
        messages.add_message(request, messages.SUCCESS if level == "success" else messages.WARNING, text)
    return HttpResponseRedirect(_queue_url(tab))
