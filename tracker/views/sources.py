"""Bronnen: the sync's runs per source, starting one, and the dossiers it fetches because someone follows them."""

from django.contrib import messages
from django.db.models import Prefetch
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from tracker.models import Dossier, Following, SyncRun
from tracker.roles import clerk_required
from tracker.sync import SOURCES
from tracker.sync.tasks import sync_sources

# Earlier runs shown per source beside the last one.
RECENT_RUNS = 5


@require_GET
def sources_page(request):
    sources = []
    for value, label in SyncRun.Source.choices:
        runs = list(SyncRun.objects.filter(source=value).order_by("-started_at")[:RECENT_RUNS])
        sources.append({"label": label, "last": runs[0] if runs else None, "earlier": runs[1:]})
    followers = Prefetch("followings", queryset=Following.objects.select_related("user"))
    followed = list(Dossier.objects.followed().prefetch_related(followers).order_by("key"))
    for dossier in followed:
        dossier.mine = any(following.user_id == request.user.pk for following in dossier.followings.all())
    return render(request, "sources/page.html", {"sources": sources, "followed": followed})


@require_POST
@clerk_required
def sources_sync(request):
    source = request.POST.get("source") or None
    if source not in (None, *SOURCES):
        return HttpResponseBadRequest("Onbekende bron.")
    sync_sources.delay_on_commit(source, request.user.pk)
    messages.success(request, "Het ophalen is gestart; vernieuw deze pagina straks voor het resultaat.")
    return redirect("sources")
