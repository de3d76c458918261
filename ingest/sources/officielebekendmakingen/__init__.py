"""officielebekendmakingen.nl: Kamerstukken as published, found via SRU, read as XML and metadata.xml."""

from ingest.sources.officielebekendmakingen.fetch import (
    SRU_URL,
    ZOEK_BASE_URL,
    fetch_kst_xml,
    fetch_metadata,
    fetch_sru_page,
    iter_sru,
    new_ob_client,
)
from ingest.sources.officielebekendmakingen.metadata import METADATA_FIELDS, KstMetadata, parse_metadata
from ingest.sources.officielebekendmakingen.sru import (
    SRU_FIELDS,
    SruPage,
    SruRecord,
    parse_sru,
    sru_query_for_dossier,
)

__all__ = [
    "METADATA_FIELDS",
    "SRU_FIELDS",
    "SRU_URL",
    "ZOEK_BASE_URL",
    "KstMetadata",
    "SruPage",
    "SruRecord",
    "fetch_kst_xml",
    "fetch_metadata",
    "fetch_sru_page",
    "iter_sru",
    "new_ob_client",
    "parse_metadata",
    "parse_sru",
    "sru_query_for_dossier",
]
