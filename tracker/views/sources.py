"""Bronnen: the sync's runs per source, starting one, what is set aside, and the dossiers it fetches because
someone follows them."""

from collections import defaultdict

from django.conf import settings
from django.contrib import messages
from django.db.models import Count, Prefetch, Q
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.dateparse import parse_datetime
from django.views.decorators.http import require_GET, require_POST

from tracker.models import Dossier, Following, SyncItem, SyncRun
from tracker.roles import clerk_required
from tracker.sync import SOURCES
from tracker.sync.tasks import sync_sources

# Earlier runs shown per source beside the last one.
RECENT_RUNS = 5
# Set-aside items shown, newest first; the count per source says how many there are in all.
SET_ASIDE_SHOWN = 100


@require_GET
def sources_page(request):
    counts = {row["source"]: row for row in SyncItem.objects.values("source").annotate(
        set_aside=Count("pk", filter=Q(set_aside_at__isnull=False)), retrying=Count("pk", filter=Q(set_aside_at=None)))}
    set_aside = defaultdict(list)
    for item in SyncItem.objects.filter(set_aside_at__isnull=False).order_by("-set_aside_at")[:SET_ASIDE_SHOWN]:
        set_aside[item.source].append(item)
    sources = []
    for value, label in SyncRun.Source.choices:
        runs = list(SyncRun.objects.filter(source=value).order_by("-started_at")[:RECENT_RUNS])
        reached = runs[0].reached if runs else {}
        sources.append({
            "value": value, "label": label, "last": runs[0] if runs else None, "earlier": runs[1:],
            "reached": [(category, parse_datetime(moment)) for category, moment in sorted(reached.items())],
            "set_aside": set_aside[value], "set_aside_count": counts.get(value, {}).get("set_aside", 0),
            "retrying": counts.get(value, {}).get("retrying", 0),
        })
    followers = Prefetch("followings", queryset=Following.objects.select_related("user"))
    followed = list(Dossier.objects.followed().prefetch_related(followers).order_by("key"))
    for dossier in followed:
        dossier.mine = any(following.user_id == request.user.pk for following in dossier.followings.all())
    return render(request, "sources/page.html", {"sources": sources, "followed": followed,
                                                 "attempts": settings.SYNC_ATTEMPTS})


@require_POST
@clerk_required
def sources_sync(request):
    source = request.POST.get("source") or None
    if source not in (None, *SOURCES):
        return HttpResponseBadRequest("Onbekende bron.")
    sync_sources.delay_on_commit(source, request.user.pk)
    messages.success(request, "Het ophalen is gestart; vernieuw deze pagina straks voor het resultaat.")
    return redirect("sources")
