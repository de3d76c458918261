"""Requests no view should see get a page in Dutch saying why, not a bare "Bad Request" or a 500.

A NUL character in the address, the query or a form (PostgreSQL refuses it in any text) is refused here
for every view at once. Django itself refuses too many files in one request (DATA_UPLOAD_MAX_NUMBER_FILES),
too many fields or too large a form, and a file part whose headers are too long (a file name of about a
thousand characters); the CSRF check reads the POST first, so those refusals are caught here, before it.
An address that only takes a form's POST, opened in the browser, gets a page saying so instead of Django's empty 405.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render

from tracker.views.errors import refused

NUL = "Het adres of formulier bevat een ongeldig teken (NUL) en is niet verwerkt."


class RequestGuard:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or _has_nul(request.GET):
            return refused(request, NUL)
        if request.method == "POST":
            try:
                form = request.POST  # parses the body, files included
            except TooManyFilesSent:
                return refused(request, f"Te veel bestanden in één keer: ten hoogste "
                                        f"{settings.DATA_UPLOAD_MAX_NUMBER_FILES}. Upload ze in delen.")
            except (TooManyFieldsSent, RequestDataTooBig):
                return refused(request, "Dit formulier is te groot om te verwerken. Verstuur minder tegelijk.")
            except MultiPartParserError:
                return refused(request, "De upload kon niet worden gelezen: een bestandsnaam is te lang, of de "
                                        "upload is onderbroken. Geef het bestand een kortere naam en probeer het "
                                        "opnieuw.")
            if _has_nul(form):
                return refused(request, NUL)
        response = self.get_response(request)
        if response.status_code == 405 and not response.content:
            return _not_allowed(request, response)
        return response


def _not_allowed(request, bare):
    page = render(request, "405.html", status=405)
    page["Allow"] = bare["Allow"]
    return page


def _has_nul(query) -> bool:
    return any("\x00" in key or any("\x00" in value for value in values) for key, values in query.lists())

