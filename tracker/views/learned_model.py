"""Het geleerde model: the model in use, how it fared on letters it did not learn from, what weighs most in it,
every training, and a clerk's button to train again now rather than tonight."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from ingest.learning import describe_feature
from tracker.learning import decided, entered_in_letters, model_in_use, weights_of
from tracker.models import LearnedModel
from tracker.roles import clerk_required
from tracker.tasks import retrain_model

TRAININGS_SHOWN = 20
FEATURES_SHOWN = 10


@require_GET
def learned_model(request):
    model = model_in_use()
    weighs_for, weighs_against = weights_of(model).strongest(model.weights, FEATURES_SHOWN) if model else ([], [])
    return render(request, "review/model.html", {
        "model": model,
        "weighs_for": [(describe_feature(f), w) for f, w in weighs_for],
        "weighs_against": [(describe_feature(f), w) for f, w in weighs_against],
        "trainings": LearnedModel.objects.defer("weights")[:TRAININGS_SHOWN],
        "decided": decided().count(),
        "entered": entered_in_letters().count(),
        "needed": settings.LEARNING_MIN_DECISIONS,
    })


@require_POST
@clerk_required
def retrain_now(request):
    retrain_model.delay_on_commit()
    messages.success(request, "Het model wordt opnieuw getraind; ververs deze pagina over een minuut.")
    return redirect("learned_model")
