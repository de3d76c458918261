"""Overzicht, the dashboard (figures from `tracker.dashboard`)."""

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from tracker.bar_chart import bar_chart
from tracker.dashboard import SOON, dashboard, my_dossiers


@require_GET
def home(request):
    today = timezone.localdate()
    figures = dashboard(today)
    ctx = {
        "my_dossiers": my_dossiers(request.user, today),
        "counts": figures.counts,
        "quarter_start": figures.quarter_start,
        "ministry_chart": bar_chart(figures.per_ministry, "Toezeggingen per ministerie"),
        "dossier_chart": bar_chart(figures.per_dossier, "Toezeggingen per dossier"),
        "upcoming": figures.upcoming,
        "recent": figures.recent,
        "today": today,
        "soon": today + SOON,
    }
    return render(request, "home.html", ctx)
