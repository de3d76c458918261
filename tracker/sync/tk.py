"""The Tweede Kamer's SyncFeed: documents of followed dossiers with their files, and the register
of toezeggingen (oral promises), each read on from where the previous run stopped, page by page."""

from __future__ import annotations

import json
import uuid

import httpx
from django.conf import settings

from ingest.sources.tk_opendata import (
    FeedPage,
    TKDossier,
    TKToezegging,
    fetch_entity,
    fetch_resource,
    iter_feed_pages,
    kamerstuk_id,
    new_syncfeed_client,
    parse_document,
    parse_kamerstukdossier,
    parse_name,
    parse_toezegging,
)
from ingest.sources.tk_opendata.feed import BadEntry, skiptoken_of
from tracker.ministries import ministry_as_typed
from tracker.models import Commitment, Document, Dossier, Source, Status, SyncRun
from tracker.sync.documents import existing, kind_of, share_dossiers, store_file, update, withdraw
from tracker.sync.failures import Failure
from tracker.sync.politeness import politeness
from tracker.sync.runs import Recorder, followed_dossiers, resume_point
from tracker.workflow import (
    NEEDS_EVIDENCE,
    await_letters,
    change_status,
    edit,
    record_new,
    remember_tk_guid,
    withdraw_from_register,
)

# The file's MIME type -> the extension the original is kept under (the engine reads by content).
EXTENSIONS = {
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/msword": ".doc",
}


def sync_tk_opendata(user=None, *, time_limit: float | None = None, progress=None) -> SyncRun:
    """Read on from the saved cursor until the feed's end or `time_limit` seconds; the cursor is saved
    after every page, so a run that is stopped (or killed) is continued by the next."""
    resumed = resume_point(SyncRun.Source.TK_OPENDATA)
    cursor = json.loads(resumed.cursor) if resumed else {}
    recorder = Recorder(SyncRun.Source.TK_OPENDATA, user, time_limit=time_limit, progress=progress)
    recorder.run.reached = dict(resumed.reached) if resumed else {}
    followed = {dossier.key for dossier in followed_dossiers()}
    complete = True
    try:
        with new_syncfeed_client(settings.TK_SYNCFEED_URL, politeness=politeness()) as client:
            feed = _Feed(client, recorder, followed)
            # Documents first: a toezegging's fulfilling letter that arrives in the same run is then here.
            handlers = {"Document": feed.document, "Toezegging": feed.toezegging}
            # The feed has moved past what failed before; those entities are fetched again by id.
            for category, handle in handlers.items():
                for item in recorder.to_retry(category):
                    with recorder.item(item.what, category):
                        handle(item.what, None)
            for category, handle in handlers.items():
                complete = _read(client, recorder, category, handle, cursor) and complete
                if not complete:
                    break
    except KeyboardInterrupt:  # stopped by hand: what was read is kept, the next run goes on from here
        recorder.finish(json.dumps(cursor, sort_keys=True), complete=False)
        raise
    return recorder.finish(json.dumps(cursor, sort_keys=True), complete=complete)


def _read(client: httpx.Client, recorder: Recorder, category: str, handle, cursor: dict) -> bool:
    """One category from its cursor on; False when the time ran out first."""
    read = 0
    reached = dict(recorder.run.reached)
    try:
        for page in iter_feed_pages(client, category, cursor.get(category)):
            for entry in page.entries:
                with recorder.item(entry.entity_id, category):
                    handle(entry.entity_id, entry.entity_xml, deleted=entry.deleted)
            for bad in page.bad:
                recorder.skip(_bad_what(category, bad), Failure(bad.reason, bad.detail))
            skiptoken = _last_skiptoken(page)
            if skiptoken is not None:
                cursor[category] = skiptoken
            moments = [entry.updated for entry in page.entries if entry.updated]
            if moments:
                reached[category] = max(moments).isoformat()
            read += len(page.entries) + len(page.bad)
            recorder.checkpoint(json.dumps(cursor, sort_keys=True), reached)
            if recorder.progress:
                recorder.progress(category, read, max(moments) if moments else None)
            if page.next_url is not None and recorder.out_of_time():
                return False
    except (httpx.HTTPError, ValueError) as error:
        # The feed itself broke off: the next run resumes after the last page read.
        recorder.fail_source(f"feed {category}", error)
    return True


def _last_skiptoken(page: FeedPage) -> int | None:
    tokens = [entry.skiptoken for entry in page.entries if entry.skiptoken is not None]
    tokens += [bad.skiptoken for bad in page.bad if bad.skiptoken is not None]
    resume = skiptoken_of(page.resume_url)
    tokens += [resume] if resume is not None else []
    return max(tokens) if tokens else None


def _bad_what(category: str, bad: BadEntry) -> str:
    return bad.entity_id or f"{category}-regel {bad.position} (skiptoken {bad.skiptoken or '?'})"


class _Feed:
    """What is stored for each kind of entity in the feed; remembers the dossiers and names it looked up."""

    def __init__(self, client: httpx.Client, recorder: Recorder, followed: set[str]):
        self.client = client
        self.recorder = recorder
        self.followed = followed
        self._dossiers: dict[str, TKDossier] = {}  # GUID -> dossier; many documents share one
        self._names: dict[str, str | None] = {}  # GUID -> a person's or committee's name

    def _entity(self, entity_id: str, embedded: bytes | None) -> bytes:
        return embedded or fetch_entity(self.client, entity_id)

    def _dossier(self, guid: str) -> TKDossier:
        if guid not in self._dossiers:
            self._dossiers[guid] = parse_kamerstukdossier(fetch_entity(self.client, guid))
        return self._dossiers[guid]

    def _name(self, guid: str) -> str | None:
        if guid not in self._names:
            self._names[guid] = parse_name(fetch_entity(self.client, guid))
        return self._names[guid]

    def document(self, entity_id: str, embedded: bytes | None, deleted: bool = False) -> None:
        if deleted:  # a tombstone names only the entity
            document = Document.objects.filter(tk_guid=entity_id).first()
            if document and withdraw(document, "verwijderd uit de open data van de Tweede Kamer"):
                self.recorder.updated()
            return
        tk = parse_document(self._entity(entity_id, embedded))
        if not tk.dossier_refs or not self.followed:
            return
        dossiers = [self._dossier(ref) for ref in tk.dossier_refs]
        keys = [dossier.dossier for dossier in dossiers if dossier.dossier]
        kind = kind_of(tk.kind)
        if not self.followed.intersection(keys) or kind is None:
            return
        own = dossiers[0]
        kamerstuk = kamerstuk_id(tk, own) or ""
        values = {
            "tk_document_number": tk.document_number,
            "tk_guid": uuid.UUID(tk.id),
            "kind": kind,
            "date": tk.date,
            "title": (tk.subject or tk.title or "")[:1000],
            "dossier_id": Dossier.objects.for_key(own.dossier, own.title or "").pk,
            "kamerstuk": kamerstuk,
            "volgnummer": str(tk.ondernummer or ""),
        }
        # The same paper may be here under its number in another of its dossiers (29521-946 for 27925-946).
        aliases = [kamerstuk_id(tk, dossier) for dossier in dossiers]
        document = existing(kamerstukken=[alias for alias in aliases if alias],
                            tk_document_number=tk.document_number)
        if document:
            if document.kamerstuk in aliases:  # here under one of its numbers already: that one stays its own
                values = {name: value for name, value in values.items()
                          if name not in ("kamerstuk", "dossier_id", "volgnummer")}
            update(document, self.recorder, **values)
        else:
            if not tk.resource_id:
                raise ValueError("het document heeft geen bestand")
            content, content_type = fetch_resource(self.client, tk.resource_id)
            name = f"{tk.document_number or tk.id}{EXTENSIONS.get(content_type or tk.content_type, '')}"
            document = store_file(content, name, self.recorder, origin=Document.Origin.TK_OPENDATA, **values)
        share_dossiers(document, {key: dossier.title or "" for key, dossier in zip(keys, dossiers, strict=False)})

    def toezegging(self, entity_id: str, embedded: bytes | None, deleted: bool = False) -> None:
        if deleted:
            commitment = Commitment.objects.filter(tk_guid=entity_id).first()
            if commitment and withdraw_from_register(commitment):
                self.recorder.updated()
            return
        tz = parse_toezegging(self._entity(entity_id, embedded))
        if not tz.number or not tz.text:
            raise ValueError("toezegging zonder nummer of tekst")
        letters = list(Document.objects.filter(tk_document_number__in=tz.fulfilled_by).order_by("date", "pk"))
        here = {letter.tk_document_number for letter in letters}
        awaited = [number for number in tz.fulfilled_by if number not in here]
        values = {
            "text": tz.text,
            "ministry": ministry_as_typed(tz.ministry or "")[:200],
            "due_date": tz.due,
            "made_on": tz.created.date() if tz.created else None,
            "made_to": ((self._name(tz.made_to_ref) if tz.made_to_ref else None) or "")[:300],
            "origin": f"Activiteit {tz.activiteit_number}" if tz.activiteit_number else "",
            "dossier": next((letter.dossier for letter in letters if letter.dossier_id), None),
        }
        commitment = Commitment.objects.filter(tk_number=tz.number).first()
        if commitment is None:
            [commitment] = record_new(
                [Commitment(tk_number=tz.number, tk_guid=uuid.UUID(tz.id), source=Source.TK_REGISTER,
                            status=Status.OPENSTAAND, tk_letters_awaited=awaited, **values)],
                reason="Overgenomen uit het toezeggingenregister van de Tweede Kamer", source=Source.TK_REGISTER)
            self.recorder.new()
        else:
            # What the register now says; an empty value never erases what is known.
            told = {name: value for name, value in values.items() if value not in (None, "")}
            changed = edit(commitment, None, told, source=Source.TK_REGISTER)
            if changed or (tz.status and tz.status != commitment.status):
                self.recorder.updated()
            await_letters(commitment, awaited)
            remember_tk_guid(commitment, uuid.UUID(tz.id))
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
