"""The list of dossiers and a dossier's timeline."""

from django.db.models import Count, OuterRef, Q, Subquery
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from tracker.models import Dossier, Following, OPEN_STATUSES
from tracker.timeline import dossier_scope
from tracker.views.timelines import render_timeline


@require_GET
def dossier_list(request):
    dossiers = Dossier.objects.annotate(
        document_count=Count("documents", distinct=True),
        open_count=Count("documents__commitments", filter=Q(documents__commitments__status__in=OPEN_STATUSES)),
    ).order_by("-document_count", "key")
    return render(request, "dossiers/list.html", {"dossiers": dossiers})


@require_GET
@vary_on_headers("HX-Request")
def dossier_timeline(request, key):
    """A dossier's documents by date, each with its commitments and the letters that fulfilled them."""
    mine = Following.objects.filter(dossier=OuterRef("pk"), user=request.user).values("since")[:1]
    dossier = get_object_or_404(Dossier.objects.annotate(
        follower_count=Count("followings"), my_following_since=Subquery(mine)), key=key)
    return render_timeline(request, dossier_scope(dossier), Q(dossier=dossier),
                           {"title": f"Dossier {dossier.label}", "dossier": dossier})
