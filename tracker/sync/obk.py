"""officielebekendmakingen: the Kamerstukken of each followed dossier, as XML with its metadata.xml.

The XML is the publication's own text, without the layout a PDF's text has to be read from,
so it is what a new document is made of; a document already here (from a PDF upload or the
Tweede Kamer) only gets its metadata corrected, never a duplicate. Only what is not here yet, or what the
search says changed since the last run, is fetched.
"""

from __future__ import annotations

import datetime as dt

import httpx
from django.conf import settings

from ingest.sources.kamerstuk_ids import canonical_kamerstuk
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
from tracker.sync.documents import existing, kind_of, share_dossiers, store_file, update
from tracker.sync.politeness import politeness
from tracker.sync.runs import Recorder, followed_dossiers, previous_run


def sync_officielebekendmakingen(user=None, *, time_limit: float | None = None, progress=None) -> SyncRun:
    previous = previous_run(SyncRun.Source.OFFICIELEBEKENDMAKINGEN)
    since = previous.started_at.date() if previous and previous.complete else None
    recorder = Recorder(SyncRun.Source.OFFICIELEBEKENDMAKINGEN, user, time_limit=time_limit, progress=progress)
    set_aside = recorder.set_aside()
    complete = True
    with new_ob_client(politeness=politeness()) as client:
        for dossier in followed_dossiers():
            try:
                records = list(iter_sru(client, sru_query_for_dossier(dossier.key), sru_url=settings.OBK_SRU_URL))
            except (httpx.HTTPError, ValueError) as error:
                recorder.fail_source(f"dossier {dossier.label}", error)
                continue
            stored = _stored(records)
            for record in records:
                if record.kamerstuk and record.identifier not in set_aside and _to_fetch(record, stored, since):
                    with recorder.item(record.identifier):
                        _publication(client, record, recorder)
            recorder.checkpoint("")
            if recorder.out_of_time():
                complete = False
                break
    return recorder.finish(complete=complete)


def _own_kamerstuk(record: SruRecord) -> str:
    """kst-27925-946 is 27925-946, also when the search lists 29521 first among its dossiers."""
    if record.identifier.startswith("kst-"):
        return record.identifier.removeprefix("kst-")
    return record.kamerstuk


def _stored(records: list[SruRecord]) -> set[str]:
    numbers = [_own_kamerstuk(record) for record in records if record.kamerstuk]
    return set(Document.objects.filter(kamerstuk__in=numbers).values_list("kamerstuk", flat=True))


def _to_fetch(record: SruRecord, stored: set[str], since: dt.date | None) -> bool:
    """Not here yet, or changed at the source since the last complete run began."""
    if _own_kamerstuk(record) not in stored:
        return True
    return since is None or (record.modified is not None and record.modified >= since)


def _publication(client: httpx.Client, record: SruRecord, recorder: Recorder) -> None:
    meta = parse_metadata(fetch_metadata(client, record.identifier, base_url=settings.OBK_ZOEK_URL))
    kamerstuk = _own_kamerstuk(record) or meta.kamerstuk
    dossier_key, _, ondernummer = kamerstuk.rpartition("-")
    dossiers = list(dict.fromkeys([dossier_key, *meta.dossiers, *record.dossiers]))
    values = {
        "kamerstuk": kamerstuk,
        "volgnummer": ondernummer,
        "dossier_id": Dossier.objects.for_key(dossier_key).pk,
        "date": meta.date or record.date,
        "title": (meta.title or record.title or "")[:1000],
    }
    document = existing(kamerstukken=[canonical_kamerstuk(key, ondernummer) for key in dossiers])
    if document:
        update(document, recorder, **values)
    else:
        content = fetch_kst_xml(client, record.identifier, base_url=settings.OBK_ZOEK_URL)
        document = store_file(content, f"{record.identifier}.xml", recorder,
                              origin=Document.Origin.OFFICIELEBEKENDMAKINGEN,
                              kind=kind_of(record.kind) or Document.Kind.ANDERS, **values)
    share_dossiers(document, dict.fromkeys(dossiers, ""))
