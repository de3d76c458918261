"""Timelines per ministry and overall; the dossier timeline (views/dossiers.py) is drawn the same way."""

from urllib.parse import urlencode

from django.db.models import Q
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from tracker import timeline as timelines
from tracker.display import MONTHS
from tracker.ministries import ministry_codes, ministry_for_old_slug, ministry_for_slug, ministry_label, ministry_slug
from tracker.filters import CommitmentFilter
from tracker.models import Commitment, Document
from tracker.charts import timeline_legend, timeline_svg
from tracker.timeline_list import event_list


def render_timeline(request, scope, oral, ctx, ministries=None):
    """The page, or only its #timeline part when htmx asks (filters and zoom without a full reload)."""
    form = CommitmentFilter(request.GET, ministries=ministry_codes() if ministries is None else ministries)
    timeline = timelines.build(scope, oral, form, timezone.localdate())
    events = event_list(timeline, ctx.get("dossier"), filtered=form.narrows_commitments or bool(timeline.period))
    ctx = {**ctx, "form": form, "timeline": timeline, "svg": timeline_svg(timeline), "legend": timeline_legend(),
           "events": events, "zoom": _zoom(form, timeline)}
    if request.htmx:
        return render(request, "timeline.html#timeline", ctx)
    return render(request, "timeline.html", ctx)


def _zoom(form, timeline):
    """Links to the whole span, each year and, within a year, each month; other filters are kept."""
    kept = {k: v for k, v in form.data.items() if k in ("status", "ministerie") and v}
    period = timeline.period

    def link(label, value):
        query = urlencode({**kept, "periode": value} if value else kept)
        return {"label": label, "query": "?" + query, "active": (period.value if period else "") == value}

    years = [link("alles", "")] + [link(str(year), str(year)) for year in timeline.years]
    months = []
    if period:
        months = [link(MONTHS[m - 1], f"{period.year}-{m:02d}") for m in range(1, 13)]
    return {"years": years, "months": months}


@require_GET
@vary_on_headers("HX-Request")
def ministry_timeline(request, slug):
    ministries = ministry_codes()
    code = ministry_for_slug(slug, ministries)
    if code is None:
        if known := ministry_for_old_slug(slug):
            return HttpResponsePermanentRedirect(reverse("ministry", args=[ministry_slug(known)]))
        raise Http404("Onbekend ministerie")
    promised = Commitment.objects.filter(ministry=code).values("document")
    scope = [Document.objects.filter(pk__in=promised), Document.objects.filter(ministries__contains=[code])]
    return render_timeline(request, scope, Q(ministry=code), {"title": ministry_label(code), "ministry": code},
                           ministries)


@require_GET
@vary_on_headers("HX-Request")
def overall_timeline(request):
    return render_timeline(request, [Document.objects.all()], Q(), {"title": "Tijdlijn"})
