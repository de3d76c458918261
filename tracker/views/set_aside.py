"""Bronnen's set-aside items: what a sync could not fetch after its attempts, and a clerk's "try again"."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from tracker.models import SyncItem, SyncRun
from tracker.roles import clerk_required
from tracker.sync.tasks import sync_sources

# SyncRun's source -> the name the task and the command use for it.
TASK_NAMES = {SyncRun.Source.TK_OPENDATA: "tk", SyncRun.Source.OFFICIELEBEKENDMAKINGEN: "obk"}


@require_POST
@clerk_required
def retry_set_aside(request):
    source = request.POST.get("source", "")
    if source not in TASK_NAMES:
        return HttpResponseBadRequest("Onbekende bron.")
    # One more attempt each: an item that fails again is set aside again at once.
    count = SyncItem.objects.filter(source=source, set_aside_at__isnull=False).update(
        set_aside_at=None, attempts=settings.SYNC_ATTEMPTS)
    sync_sources.delay_on_commit(TASK_NAMES[source], request.user.pk)
    message = f"{count} apart gezette stukken worden opnieuw geprobeerd; vernieuw deze pagina straks."
    if request.htmx:
        return render(request, "sources/retried.html", {"message": message})
    messages.success(request, message)
    return redirect("sources")
