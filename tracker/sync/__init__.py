"""Fetching followed dossiers from the official sources, idempotently, one SyncRun per source and run.

`tk` reads the Tweede Kamer's SyncFeed (documents with their files, and the register of
toezeggingen); `obk` reads officielebekendmakingen (each Kamerstuk's XML and metadata.xml).
The clients in `ingest.sources` fetch and parse; this package decides what to store.
"""

from tracker.models import SyncRun
from tracker.sync.lock import SyncBusy, one_sync_at_a_time
from tracker.sync.obk import sync_officielebekendmakingen
from tracker.sync.tk import sync_tk_opendata

SOURCES = {"tk": sync_tk_opendata, "obk": sync_officielebekendmakingen}


def run_source(name: str, user=None, *, time_limit: float | None = None, progress=None) -> SyncRun:
    """One run of one source, never two at once (SyncBusy when another process runs it)."""
    with one_sync_at_a_time(name):
        return SOURCES[name](user, time_limit=time_limit, progress=progress)


__all__ = ["SOURCES", "SyncBusy", "run_source", "sync_officielebekendmakingen", "sync_tk_opendata"]
