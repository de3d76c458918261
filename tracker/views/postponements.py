"""A clerk confirms or dismisses a delay the engine found in a later letter."""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.contrib import messages
from django.views.decorators.http import require_POST

from tracker.forms import PostponementForm
from tracker.models import Postponement
from tracker.params import seen_version
from tracker.roles import clerk_required
from tracker.workflow import Conflict, confirm_postponement, dismiss_postponement


def _postponement(pk):
    return get_object_or_404(
        Postponement.objects.select_related("document", "commitment").filter(commitment__isnull=False), pk=pk
    )


@require_POST
@clerk_required
def postponement_confirm(request, pk):
    postponement = _postponement(pk)
    seen_version(request.POST)
    form = PostponementForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Geef de nieuwe termijn die de brief noemt.")
        return redirect(postponement.commitment)
    try:
        confirm_postponement(postponement, request.user, form.cleaned_data["new_due_date"],
                             seen_version=form.cleaned_data["version"])
    except Conflict as error:
        messages.error(request, error.message)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(postponement.commitment)


@require_POST
@clerk_required
def postponement_dismiss(request, pk):
    postponement = _postponement(pk)
    dismiss_postponement(postponement)
    return redirect(postponement.commitment)
