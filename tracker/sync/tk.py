"""The Tweede Kamer's SyncFeed: documents of followed dossiers with their files, and the register
of toezeggingen (oral promises), each read on from where the previous run stopped."""

from __future__ import annotations

import json

import httpx
from django.conf import settings

from ingest.sources.tk_opendata import (
    TKDossier,
    TKToezegging,
    fetch_entity,
    fetch_resource,
    iter_feed,
    kamerstuk_id,
    new_syncfeed_client,
    parse_document,
    parse_kamerstukdossier,
    parse_toezegging,
)
from tracker.models import Commitment, Document, Dossier, Source, Status, SyncRun
from tracker.sync.documents import existing, kind_of, store_file, update
from tracker.sync.runs import Recorder, followed_dossiers, previous_run
from tracker.workflow import NEEDS_EVIDENCE, await_letters, change_status, edit, record_new

# The file's MIME type -> the extension the original is kept under (the engine reads by content).
EXTENSIONS = {
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
}


def sync_tk_opendata(user=None) -> SyncRun:
    previous = previous_run(SyncRun.Source.TK_OPENDATA)
    cursor = json.loads(previous.cursor or "{}") if previous else {}
    recorder = Recorder(SyncRun.Source.TK_OPENDATA, user)
    followed = {dossier.key for dossier in followed_dossiers()}
    with new_syncfeed_client(settings.TK_SYNCFEED_URL) as client:
        feed = _Feed(client, recorder, followed)
        # Documents first: a toezegging's fulfilling letter that arrives in the same run is then here.
        handlers = {"Document": feed.document, "Toezegging": feed.toezegging}
        # The feed has moved past what failed last time; those entities are fetched again by id.
        for failure in previous.failures if previous else []:
            if failure.get("category") in handlers:
                with recorder.item(failure["what"], category=failure["category"]):
                    handlers[failure["category"]](failure["what"], None)
        for category, handle in handlers.items():
            try:
                for entry in iter_feed(client, category, cursor.get(category)):
                    if not entry.deleted:
                        with recorder.item(entry.entity_id, category=category):
                            handle(entry.entity_id, entry.entity_xml)
                    if entry.skiptoken is not None:
                        cursor[category] = entry.skiptoken
            except (httpx.HTTPError, ValueError) as error:
                # The feed itself broke off: the next run resumes after the last entry read.
                recorder.fail(f"feed {category}", error)
    return recorder.finish(json.dumps(cursor, sort_keys=True))


class _Feed:
    """What is stored for each kind of entity in the feed; remembers the dossiers it looked up."""

    def __init__(self, client: httpx.Client, recorder: Recorder, followed: set[str]):
        self.client = client
        self.recorder = recorder
        self.followed = followed
        self._dossiers: dict[str, TKDossier] = {}  # GUID -> dossier; many documents share one

    def _entity(self, entity_id: str, embedded: bytes | None) -> bytes:
        return embedded or fetch_entity(self.client, entity_id)

    def _dossier(self, guid: str) -> TKDossier:
        if guid not in self._dossiers:
            self._dossiers[guid] = parse_kamerstukdossier(fetch_entity(self.client, guid))
        return self._dossiers[guid]

    def document(self, entity_id: str, embedded: bytes | None) -> None:
        tk = parse_document(self._entity(entity_id, embedded))
        if not tk.dossier_ref or not self.followed:
            return
        dossier = self._dossier(tk.dossier_ref)
        kind = kind_of(tk.kind)
        if dossier.dossier not in self.followed or kind is None:
            return
        kamerstuk = kamerstuk_id(tk, dossier) or ""
        values = {
            "tk_document_number": tk.document_number,
            "kind": kind,
            "date": tk.date,
            "title": (tk.subject or tk.title or "")[:1000],
            "dossier_id": Dossier.objects.for_key(dossier.dossier, dossier.title or "").pk,
            "kamerstuk": kamerstuk,
            "volgnummer": str(tk.ondernummer or ""),
        }
        document = existing(kamerstuk=kamerstuk, tk_document_number=tk.document_number)
        if document:
            update(document, self.recorder, **values)
            return
        if not tk.resource_id:
            raise ValueError("het document heeft geen bestand")
        content, content_type = fetch_resource(self.client, tk.resource_id)
        name = f"{tk.document_number or tk.id}{EXTENSIONS.get(content_type or tk.content_type, '')}"
        store_file(content, name, self.recorder, origin=Document.Origin.TK_OPENDATA, **values)

    def toezegging(self, entity_id: str, embedded: bytes | None) -> None:
        tz = parse_toezegging(self._entity(entity_id, embedded))
        if not tz.number or not tz.text:
            raise ValueError("toezegging zonder nummer of tekst")
        letters = list(Document.objects.filter(tk_document_number__in=tz.fulfilled_by).order_by("date", "pk"))
        here = {letter.tk_document_number for letter in letters}
        awaited = [number for number in tz.fulfilled_by if number not in here]
        values = {
            "text": tz.text,
            "ministry": (tz.ministry or "")[:200],
            "due_date": tz.due,
            "made_on": tz.created.date() if tz.created else None,
            "origin": f"Activiteit {tz.activiteit_number}" if tz.activiteit_number else "",
            "dossier": next((letter.dossier for letter in letters if letter.dossier_id), None),
        }
        commitment = Commitment.objects.filter(tk_number=tz.number).first()
        if commitment is None:
            [commitment] = record_new(
                [Commitment(tk_number=tz.number, source=Source.TK_REGISTER, status=Status.OPENSTAAND,
                            tk_letters_awaited=awaited, **values)],
                reason="Overgenomen uit het toezeggingenregister van de Tweede Kamer", source=Source.TK_REGISTER)
            self.recorder.new()
        else:
            # What the register now says; an empty value never erases what is known.
            told = {name: value for name, value in values.items() if value not in (None, "")}
            changed = edit(commitment, None, told, source=Source.TK_REGISTER)
            if changed or (tz.status and tz.status != commitment.status):
                self.recorder.updated()
            await_letters(commitment, awaited)
            commitment.refresh_from_db()
        self._follow_status(commitment, tz, letters)

    def _follow_status(self, commitment: Commitment, tz: TKToezegging, letters: list[Document]) -> None:
        """The register's status, with each fulfilling letter that is here as evidence."""
        note = f"Status in het toezeggingenregister van de Tweede Kamer: {tz.tk_status}"
        status = tz.status or commitment.status
        linked = set(commitment.fulfilments.values_list("document_id", flat=True))
        evidence = [letter for letter in letters if letter.pk not in linked] if status in NEEDS_EVIDENCE else []
        for letter in evidence:
            change_status(commitment, status, None, evidence=letter, note=note, source=Source.TK_REGISTER)
        if not evidence and status != commitment.status:
            change_status(commitment, status, None, note=note, source=Source.TK_REGISTER)
