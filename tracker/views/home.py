from django.db.models import Count, Q
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from tracker.models import Commitment, Document, Dossier, OPEN_STATUSES, Status


@require_GET
def home(request):
    today = timezone.localdate()
    counts = Commitment.objects.aggregate(
        open=Count("pk", filter=Q(status__in=OPEN_STATUSES)),
        overdue=Count("pk", filter=Q(status__in=OPEN_STATUSES, due_date__lt=today)),
        candidates=Count("pk", filter=Q(status=Status.KANDIDAAT)),
        fulfilled=Count("pk", filter=Q(status=Status.VOLDAAN)),
    )
    ctx = {
        "counts": counts,
        "upcoming": Commitment.objects.open().filter(due_date__isnull=False).select_related("document")
        .order_by("due_date")[:10],
        "recent": Document.objects.select_related("dossier").order_by("-created_at")[:10],
        "dossiers": Dossier.objects.annotate(document_count=Count("documents")).filter(document_count__gt=0)
        .order_by("-document_count", "key")[:10],
        "today": today,
    }
    return render(request, "home.html", ctx)
