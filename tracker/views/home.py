import datetime as dt

from django.db.models import Count, Q
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from tracker.filters import ministry_slug
from tracker.kamerstuk import dossier_label
from tracker.models import Commitment, Document, OPEN_STATUSES, Status, StatusChange
from tracker.svg import bar_chart_svg

CHART_ROWS = 12
SOON = dt.timedelta(days=30)


def quarter_start(today: dt.date) -> dt.date:
    return dt.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)


def _state_counts(today):
    """The bar segments of a group of commitments: late, open (not late) and fulfilled."""
    is_open = Q(status__in=OPEN_STATUSES)
    return {
        "te_laat": Count("pk", filter=is_open & Q(due_date__lt=today)),
        "openstaand": Count("pk", filter=is_open & (Q(due_date__gte=today) | Q(due_date__isnull=True))),
        "voldaan": Count("pk", filter=Q(status=Status.VOLDAAN)),
    }


def _chart_rows(commitments, field, today):
    """Per ministry or dossier, the groups with the most open commitments first: one grouped query."""
    return list(
        commitments.exclude(**{f"{field}__isnull": True}).exclude(**{field: ""})
        .values(field).annotate(**_state_counts(today))
        .order_by("-te_laat", "-openstaand", field)[:CHART_ROWS]
    )


@require_GET
def home(request):
    today = timezone.localdate()
    fulfilled_this_quarter = StatusChange.objects.filter(
        to_status=Status.VOLDAAN, changed_at__date__gte=quarter_start(today)
    ).values("commitment")
    listed = Commitment.objects.listed()
    counts = listed.aggregate(
        open=Count("pk", filter=Q(status__in=OPEN_STATUSES)),
        overdue=Count("pk", filter=Q(status__in=OPEN_STATUSES, due_date__lt=today)),
        due_soon=Count("pk", filter=Q(status__in=OPEN_STATUSES, due_date__range=(today, today + SOON))),
        fulfilled_quarter=Count("pk", filter=Q(status=Status.VOLDAAN, pk__in=fulfilled_this_quarter)),
        candidates=Count("pk", filter=Q(status=Status.KANDIDAAT)),
    )
    ministries = [
        {**row, "label": row["ministry"], "href": reverse("ministry", args=[ministry_slug(row["ministry"])])}
        for row in _chart_rows(listed, "ministry", today)
    ]
    dossiers = [
        {**row, "label": dossier_label(row["dossier__key"]), "href": reverse("dossier", args=[row["dossier__key"]])}
        for row in _chart_rows(listed, "dossier__key", today)
    ]
    ctx = {
        "counts": counts,
        "quarter_start": quarter_start(today),
        "ministry_chart": bar_chart_svg(ministries, "Toezeggingen per ministerie"),
        "dossier_chart": bar_chart_svg(dossiers, "Toezeggingen per dossier"),
        "upcoming": listed.open().filter(due_date__gte=today).select_related("document", "dossier")
        .order_by("due_date", "pk")[:10],
        "recent": Document.objects.select_related("dossier").order_by("-created_at")[:10],
        "today": today,
    }
    return render(request, "home.html", ctx)
