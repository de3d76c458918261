"""The login page when django-axes has locked an account for an address: the same page, saying why."""

from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.shortcuts import render


def locked_out(request, response=None, credentials=None):
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    message = (f"Te veel mislukte inlogpogingen voor dit account vanaf dit adres. Het account is hier "
               f"{minutes} minuten geblokkeerd; probeer het daarna opnieuw of vraag de beheerder om hulp.")
    return render(request, "registration/login.html", {"form": AuthenticationForm(request), "locked_out": message,
                                                       "next": request.POST.get("next", "")}, status=429)
