"""Fetching followed dossiers from the official sources, idempotently, one SyncRun per source and run.

`tk` reads the Tweede Kamer's SyncFeed (documents with their files, and the register of
toezeggingen); `obk` reads officielebekendmakingen (each Kamerstuk's XML and metadata.xml).
The clients in `ingest.sources` fetch and parse; this package decides what to store.
"""

from tracker.sync.obk import sync_officielebekendmakingen
from tracker.sync.tk import sync_tk_opendata

SOURCES = {"tk": sync_tk_opendata, "obk": sync_officielebekendmakingen}

__all__ = ["SOURCES", "sync_officielebekendmakingen", "sync_tk_opendata"]
