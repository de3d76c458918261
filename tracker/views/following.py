"""Following a dossier and no longer following it, each user for themselves ("Mijn dossiers")."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from tracker.ids import parse_typed_dossier
from tracker.models import Dossier, Following


@require_POST
def dossier_follow(request):
    key = parse_typed_dossier(request.POST.get("dossier", ""))
    if key is None:
        messages.error(request, "Geef een dossiernummer zoals 27 925 of 36200-X.")
        return _back(request)
    dossier = Dossier.objects.for_key(key)
    # Following again keeps since when.
    Following.objects.get_or_create(user=request.user, dossier=dossier)
    no_address = "" if request.user.email else "; stel op Profiel een e-mailadres in voor de herinneringen"
    messages.success(request, f"U volgt dossier {dossier.label}: de volgende synchronisatie haalt het op{no_address}.")
    return _back(request)


@require_POST
def dossier_unfollow(request, key):
    dossier = get_object_or_404(Dossier, key=key)
    Following.objects.filter(user=request.user, dossier=dossier).delete()
    messages.success(request, f"U volgt dossier {dossier.label} niet meer.")
    return _back(request)


def _back(request):
    """To the page the form was on (the dossier page, Bronnen or Profiel), never to another site."""
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return HttpResponseRedirect(target)
    return HttpResponseRedirect(reverse("profile"))
