"""A clerk takes over the status a ministry's own overview of its toezeggingen gives a promise."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from tracker.models import MinistryReport, Status
from tracker.params import seen_version
from tracker.roles import clerk_required
from tracker.workflow import Conflict, take_over_ministry_status


@require_POST
@clerk_required
def take_over_status(request, pk):
    report = get_object_or_404(MinistryReport.objects.select_related("document", "commitment"), pk=pk)
    version = seen_version(request.POST)
    try:
        take_over_ministry_status(report, request.user, seen_version=version)
    except Conflict as error:
        messages.error(request, error.message)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"De status van het ministerie is overgenomen: {Status(report.status).label}.")
    return redirect(report.commitment)
