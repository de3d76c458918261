"""The page for a request that cannot be answered: in Dutch, with the reason."""

from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string

from tracker.params import Invalid

GENERIC = "Dit verzoek kon niet worden verwerkt. Ga terug en probeer het opnieuw."


def refused(request, message):
    if request.path.startswith("/api/"):
        return JsonResponse({"fout": message}, status=400)
    # Rendered without the request: before the login and the session are read, they are not there yet.
    return HttpResponse(render_to_string("400.html", {"message": message}), status=400)


def bad_request(request, exception):
    return refused(request, str(exception) if isinstance(exception, Invalid) else GENERIC)
