from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from tracker.models import Commitment, Document, Dossier, Fulfilment, OPEN_STATUSES


@require_GET
def dossier_list(request):
    dossiers = Dossier.objects.annotate(
        document_count=Count("documents", distinct=True),
        open_count=Count("documents__commitments", filter=Q(documents__commitments__status__in=OPEN_STATUSES)),
    ).order_by("-document_count", "key")
    return render(request, "dossiers/list.html", {"dossiers": dossiers})


@require_GET
def dossier_timeline(request, key):
    """A dossier's documents by date, each with its commitments and the letters that fulfilled them."""
    dossier = get_object_or_404(Dossier, key=key)
    fulfilments = Fulfilment.objects.select_related("document").order_by("document__date")
    commitments = Commitment.objects.listed().prefetch_related(Prefetch("fulfilments", queryset=fulfilments))
    # The dossier's own papers, and letters elsewhere that cite them: both belong to its history.
    documents = (
        Document.objects.filter(Q(dossier=dossier) | Q(references__dossier_key=dossier.key))
        .distinct()
        .prefetch_related(Prefetch("commitments", queryset=commitments))
        .order_by("date", "volgnummer", "pk")
    )
    return render(request, "dossiers/timeline.html", {"dossier": dossier, "documents": documents})
