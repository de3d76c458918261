"""officielebekendmakingen: every Kamerstuk of each followed dossier, as XML with its metadata.xml.

The XML is the publication's own text, without the layout a PDF's text has to be read from,
so it is what a new document is made of; a document already here (from a PDF upload or the
Tweede Kamer) only gets its metadata corrected, never a duplicate.
"""

from __future__ import annotations

import httpx
from django.conf import settings

from ingest.sources.officielebekendmakingen import (
    SruRecord,
    fetch_kst_xml,
    fetch_metadata,
    iter_sru,
    new_ob_client,
    parse_metadata,
    sru_query_for_dossier,
)
from tracker.models import Document, Dossier, SyncRun
from tracker.sync.documents import existing, kind_of, store_file, update
from tracker.sync.runs import Recorder, followed_dossiers


def sync_officielebekendmakingen(user=None) -> SyncRun:
    recorder = Recorder(SyncRun.Source.OFFICIELEBEKENDMAKINGEN, user)
    with new_ob_client() as client:
        for dossier in followed_dossiers():
            try:
                records = list(iter_sru(client, sru_query_for_dossier(dossier.key), sru_url=settings.OBK_SRU_URL))
            except (httpx.HTTPError, ValueError) as error:
                recorder.fail(f"dossier {dossier.label}", error)
                continue
            for record in records:
                if record.kamerstuk:
                    with recorder.item(record.identifier):
                        _publication(client, record, recorder)
    return recorder.finish()


def _publication(client: httpx.Client, record: SruRecord, recorder: Recorder) -> None:
    meta = parse_metadata(fetch_metadata(client, record.identifier, base_url=settings.OBK_ZOEK_URL))
    kamerstuk = meta.kamerstuk or record.kamerstuk
    dossier_key, _, ondernummer = kamerstuk.rpartition("-")
    values = {
        "kamerstuk": kamerstuk,
        "volgnummer": ondernummer,
        "dossier_id": Dossier.objects.for_key(dossier_key).pk,
        "date": meta.date or record.date,
        "title": (meta.title or record.title or "")[:1000],
    }
    document = existing(kamerstuk=kamerstuk)
    if document:
        update(document, recorder, **values)
        return
    content = fetch_kst_xml(client, record.identifier, base_url=settings.OBK_ZOEK_URL)
    store_file(content, f"{record.identifier}.xml", recorder, origin=Document.Origin.OFFICIELEBEKENDMAKINGEN,
               kind=kind_of(record.kind) or Document.Kind.ANDERS, **values)
