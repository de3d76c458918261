"""Tweede Kamer Open Data: the SyncFeed (Atom, XML entities) of the Gegevensmagazijn.

Only the SyncFeed is spoken here. The OData v5 endpoint renames fields and its
`$metadata` was not available to check the names against, so there is no OData
client: the SyncFeed carries the same entities and is the stable interface.
"""

from ingest.sources.tk_opendata.entities import (
    DOCUMENT_FIELDS,
    DOSSIER_FIELDS,
    TOEZEGGING_FIELDS,
    TOEZEGGING_STATUSES,
    TKDocument,
    TKDossier,
    TKToezegging,
    kamerstuk_id,
    parse_document,
    parse_kamerstukdossier,
    parse_name,
    parse_toezegging,
)
from ingest.sources.tk_opendata.feed import FeedEntry, FeedPage, parse_feed_page
from ingest.sources.tk_opendata.fetch import (
    SYNCFEED_BASE_URL,
    fetch_entity,
    fetch_feed_page,
    fetch_resource,
    iter_feed,
    iter_feed_pages,
    new_syncfeed_client,
)

__all__ = [
    "DOCUMENT_FIELDS",
    "DOSSIER_FIELDS",
    "SYNCFEED_BASE_URL",
    "TOEZEGGING_FIELDS",
    "TOEZEGGING_STATUSES",
    "FeedEntry",
    "FeedPage",
    "TKDocument",
    "TKDossier",
    "TKToezegging",
    "fetch_entity",
    "fetch_feed_page",
    "fetch_resource",
    "iter_feed",
    "iter_feed_pages",
    "kamerstuk_id",
    "new_syncfeed_client",
    "parse_document",
    "parse_feed_page",
    "parse_kamerstukdossier",
    "parse_name",
    "parse_toezegging",
]
