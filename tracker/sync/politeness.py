"""How politely the sync asks the sources, from the settings (SYNC_REQUESTS_PER_SECOND, SYNC_HTTP_ATTEMPTS,
SYNC_MAX_WAIT_SECONDS)."""

from django.conf import settings

from ingest.sources.polite import Politeness


def politeness() -> Politeness:
    return Politeness(requests_per_second=settings.SYNC_REQUESTS_PER_SECOND, attempts=settings.SYNC_HTTP_ATTEMPTS,
                      max_wait=settings.SYNC_MAX_WAIT_SECONDS)
