"""Bronnen: the sync's runs per source, starting one, and following dossiers."""

from django.contrib import messages
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from tracker.ids import parse_typed_dossier
from tracker.models import Dossier, SyncRun
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
    followed = Dossier.objects.filter(followed_since__isnull=False).select_related("followed_by").order_by("key")
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


@require_POST
@clerk_required
def dossier_follow(request):
    key = parse_typed_dossier(request.POST.get("dossier", ""))
    if key is None:
        messages.error(request, "Geef een dossiernummer zoals 27 925 of 36200-X.")
        return _back(request)
    dossier = Dossier.objects.for_key(key)
    # Conditional: following again keeps who followed it first, and since when.
    Dossier.objects.filter(pk=dossier.pk, followed_since__isnull=True).update(
        followed_since=timezone.now(), followed_by=request.user)
    messages.success(request, f"Dossier {dossier.label} wordt gevolgd; de volgende synchronisatie haalt het op.")
    return _back(request)


@require_POST
@clerk_required
def dossier_unfollow(request, key):
    dossier = get_object_or_404(Dossier, key=key)
    Dossier.objects.filter(pk=dossier.pk).update(followed_since=None, followed_by=None)
    messages.success(request, f"Dossier {dossier.label} wordt niet meer gevolgd.")
    return _back(request)


def _back(request):
    """To the page the form was on (the dossier page or Bronnen), never to another site."""
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return HttpResponseRedirect(target)
    return HttpResponseRedirect(reverse("sources"))
