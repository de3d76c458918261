"""What a clerk reads about something a sync could not fetch: what went wrong in Dutch, and apart from it the
technical detail someone fixing it needs."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from ingest.sources.http_client import ResourceTooLarge
from ingest.sources.officielebekendmakingen.missing import NotAtSource
from ingest.sources.safexml import SourceFormatError
from tracker.intake import TooLarge


@dataclass(frozen=True)
class Failure:
    reason: str  # for the clerk: "geen verbinding met gegevensmagazijn.tweedekamer.nl"
    detail: str  # for whoever fixes it: the exception and the address asked for


def explain(error: Exception) -> Failure:
    reason = _reason(error)
    # Our own reasons (an entity without a number) say all there is to say.
    return Failure(reason, "" if reason == str(error) else _detail(error))


def _reason(error: Exception) -> str:
    if isinstance(error, httpx.HTTPStatusError):
        return _refused(_host(error), error.response.status_code)
    if isinstance(error, (httpx.ConnectError, httpx.ConnectTimeout)):
        return f"geen verbinding met {_host(error)}"
    if isinstance(error, httpx.TimeoutException):
        return f"{_host(error)} antwoordde niet op tijd"
    if isinstance(error, httpx.HTTPError):
        return f"de verbinding met {_host(error)} werd verbroken"
    if isinstance(error, NotAtSource):
        return f"niet gevonden bij {httpx.URL(error.url).host}: de bron gaf haar foutpagina"
    if isinstance(error, SourceFormatError):
        return "de bron gaf een antwoord dat niet te lezen was"
    if isinstance(error, (ResourceTooLarge, TooLarge)):
        return "het bestand is te groot om op te halen"
    if isinstance(error, ValueError):  # raised with a reason in Dutch when an entity is incomplete
        return str(error)
    return "een onverwachte fout bij het verwerken"


def _refused(host: str, status: int) -> str:
    if status in (404, 410):
        what = f"niet gevonden bij {host}"
    elif status in (401, 403):
        what = f"geen toegang bij {host}"
    elif status == 429:
        what = f"{host} vraagt om minder verzoeken tegelijk"
    elif status >= 500:
        what = f"storing bij {host}"
    else:
        what = f"{host} weigerde het verzoek"
    return f"{what} (HTTP {status})"


def _detail(error: Exception) -> str:
    detail = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    request = _request(error)
    if request is not None and str(request.url) not in detail:
        detail += f" ({request.method} {request.url})"
    return detail


def _host(error: httpx.HTTPError) -> str:
    request = _request(error)
    if request is None:
        return "de bron"
    return request.url.host + (f":{request.url.port}" if request.url.port else "")


def _request(error: Exception) -> httpx.Request | None:
    try:
        return error.request if isinstance(error, httpx.HTTPError) else None
    except RuntimeError:  # an httpx error raised without the request it was about
        return None
