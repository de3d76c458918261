"""A user's API tokens: made with a name, the key shown once, each revoked on its own."""

from django import forms
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from tracker.models import ApiToken


class TokenForm(forms.Form):
    name = forms.CharField(label="Waarvoor (bijv. “rapportage griffie”)", max_length=100)


@require_http_methods(["GET", "POST"])
def tokens_page(request):
    form = TokenForm(request.POST or None)
    new_key = None
    if request.method == "POST" and form.is_valid():
        new_key = ApiToken.create(request.user, form.cleaned_data["name"])[1]
        form = TokenForm()
    # Rendered, not redirected: the new key is in this response only, never in a cookie or the database.
    status = 422 if request.method == "POST" and new_key is None else 200
    return render(request, "tokens.html", {"form": form, "new_key": new_key,
                                           "tokens": ApiToken.objects.filter(user=request.user)}, status=status)


@require_POST
def token_revoke(request, pk):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())
    messages.success(request, f"De API-sleutel “{token.name}” is ingetrokken.")
    return HttpResponseRedirect(reverse("api_tokens"))
