"""Profiel: a user's own e-mail address, their dossiers ("Mijn dossiers"), their weekly reminder and password."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import PasswordChangeView
from django.contrib.messages.views import SuccessMessageMixin
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from tracker.models import Following
from tracker.reminders import NotSent, deliver, reminders


class EmailForm(forms.Form):
    email = forms.EmailField(label="E-mailadres", required=False, max_length=254,
                             help_text="Hierheen gaat elke maandag de herinnering over uw dossiers; leeg: geen e-mail.")


@require_GET
def profile(request):
    return _page(request, EmailForm(initial={"email": request.user.email}))


@require_POST
def profile_email(request):
    form = EmailForm(request.POST)
    if not form.is_valid():
        return _page(request, form, status=400)
    request.user.email = form.cleaned_data["email"]
    request.user.save(update_fields=["email"])
    messages.success(request, f"Uw e-mailadres is nu {request.user.email}." if request.user.email
                     else "Uw e-mailadres is verwijderd: u krijgt geen herinneringen meer.")
    return redirect("profile")


@require_POST
def profile_remind(request):
    """The user's own reminder now: sent, or why not."""
    reminder, = reminders(timezone.localdate(), [request.user])
    if reminder.why_not:
        messages.error(request, f"Niets verstuurd: {reminder.why_not}.")
        return redirect("profile")
    try:
        deliver([reminder], settings.SITE_URL)
    except NotSent as error:
        messages.error(request, f"Niets verstuurd: {error}.")
    else:
        messages.success(request, f"Verstuurd aan {request.user.email}: {reminder.subject}.")
    return redirect("profile")


def _page(request, email_form, status=200):
    followings = Following.objects.filter(user=request.user).select_related("dossier").order_by("dossier__key")
    reminder, = reminders(timezone.localdate(), [request.user])
    return render(request, "profile/page.html", {"email_form": email_form, "followings": followings,
                                                 "reminder": reminder}, status=status)


class PasswordChange(SuccessMessageMixin, PasswordChangeView):
    """Django's own password change (old password, the new one twice, the project's password rules)."""

    template_name = "profile/password.html"
    success_url = reverse_lazy("profile")
    success_message = "Uw wachtwoord is gewijzigd."
