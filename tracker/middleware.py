"""A POST that Django cannot read gets a page in Dutch saying why, not a bare "Bad Request".

Django refuses too many files in one request (DATA_UPLOAD_MAX_NUMBER_FILES), too many fields or too
large a form, and a file part whose headers are too long (a file name of about a thousand
characters). The CSRF check reads the POST first, so the refusal is caught here, before it.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http.multipartparser import MultiPartParserError
from django.http import HttpResponse
from django.template.loader import render_to_string


class UnreadablePost:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST":
            try:
                request.POST  # noqa: B018  parses the body, files included
            except TooManyFilesSent:
                return refused(request, f"Te veel bestanden in één keer: ten hoogste "
                                        f"{settings.DATA_UPLOAD_MAX_NUMBER_FILES}. Upload ze in delen.")
            except (TooManyFieldsSent, RequestDataTooBig):
                return refused(request, "Dit formulier is te groot om te verwerken. Verstuur minder tegelijk.")
            except MultiPartParserError:
                return refused(request, "De upload kon niet worden gelezen: een bestandsnaam is te lang, of de "
                                        "upload is onderbroken. Geef het bestand een kortere naam en probeer het "
                                        "opnieuw.")
        return self.get_response(request)


def refused(request, message):
    # Rendered without the request: the session and the login are read only after this.
    return HttpResponse(render_to_string("400.html", {"message": message}), status=400)
