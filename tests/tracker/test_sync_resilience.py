"""The sync against sources that misbehave as the real ones do: errors, 429 with Retry-After, truncated and
malformed answers, a 200 error page, a run killed halfway, tombstones, a paper in two dossiers."""

import itertools
import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse

from ingest.sources.officielebekendmakingen import sru_query_for_dossier
from tests.sources.conftest import Reply, playback  # noqa: F401  the local playback server
from tests.tracker.test_sync import ENTITY, FEED, IRAK_LETTER, RESOURCE, follow, obk, sources, tk  # noqa: F401
from tracker.models import Commitment, Document, DocumentChange, Status, SyncItem, SyncRun
from tracker.sync import SyncBusy, run_source, sync_officielebekendmakingen, sync_tk_opendata
from tracker.sync.documents import kind_of
from tracker.sync.lock import NAMESPACE

MISSING_FILE = "8b2e4d66-1c3f-4a0b-9d7e-2f3a4b5c6d7e"  # a document whose file is not there


class Killed(BaseException):
    """The process dying: nothing in the sync catches it."""


def feed_skiptokens(playback, category):
    return [query.get("skiptoken") for path, query, _ in playback.requests
            if path == FEED and query.get("category") == category]


# cursor per page, resume, time limit, lock


def test_a_run_killed_halfway_is_resumed_from_its_last_page(tk):
    def die_after_the_first_page(category, read, reached):
        raise Killed

    with pytest.raises(Killed):
        sync_tk_opendata(progress=die_after_the_first_page)
    killed = SyncRun.objects.get()
    assert killed.finished_at is None and json.loads(killed.cursor) == {"Document": 106}
    assert Document.objects.count() == 2  # the first page's documents are in
    resumed = sync_tk_opendata()
    assert feed_skiptokens(tk, "Document") == [None, "106"]  # the first page was not asked again
    assert resumed.complete and Commitment.objects.filter(tk_number__isnull=False).count() == 2


def test_a_backfill_stopped_by_hand_is_finished_and_resumed(tk):
    def ctrl_c(category, read, reached):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        sync_tk_opendata(progress=ctrl_c)
    stopped = SyncRun.objects.get()
    assert stopped.finished_at is not None and not stopped.complete
    assert json.loads(stopped.cursor) == {"Document": 106}
    assert sync_tk_opendata().complete and feed_skiptokens(tk, "Document") == [None, "106"]


def test_a_run_stops_at_its_time_limit_and_the_next_one_goes_on(tk):
    first = sync_tk_opendata(time_limit=1e-9)
    assert (first.succeeded, first.complete) == (True, False)
    assert json.loads(first.cursor) == {"Document": 106} and not Commitment.objects.exists()
    second = sync_tk_opendata()
    assert second.complete and json.loads(second.cursor) == {"Document": 106, "Toezegging": 203}
    assert Commitment.objects.filter(tk_number__isnull=False).count() == 2


def test_the_task_queues_the_next_part_of_a_run_that_reached_its_time_limit(tk, settings,
                                                                           django_capture_on_commit_callbacks):
    from tracker.sync.tasks import sync_sources

    settings.SYNC_TIME_LIMIT = 1e-9
    parts = 0
    while parts < 10:
        with django_capture_on_commit_callbacks() as queued:
            sync_sources("tk")
        parts += 1
        if not queued:
            break
    # a page a part: the first documents, then the documents' end and the first toezeggingen, then their end
    assert parts == 3 and all(run.succeeded for run in SyncRun.objects.all())
    assert SyncRun.objects.order_by("-started_at").first().complete
    assert Commitment.objects.filter(tk_number__isnull=False).count() == 2


def test_one_sync_per_source_at_a_time(tk, capsys):
    other = connection.copy()  # another process's session
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s, hashtext(%s))", [NAMESPACE, "tk"])
        with pytest.raises(SyncBusy):
            run_source("tk")
        call_command("sync", "--source", "tk")
        assert "loopt al" in capsys.readouterr().out
        assert not SyncRun.objects.exists()
    finally:
        with other.cursor() as cursor:  # the other process is done
            cursor.execute("SELECT pg_advisory_unlock(%s, hashtext(%s))", [NAMESPACE, "tk"])
        other.close()
    assert run_source("tk").complete


# one bad entry, failing items, set aside


def test_a_bad_entry_is_skipped_and_the_rest_of_its_page_lands(tk):
    tk.add(FEED, "sync/tk_feed_document_bad_entries.xml", category="Document")
    tk.add(FEED, "tk/feed_document_page3.xml", category="Document", skiptoken="104")
    run = sync_tk_opendata()
    assert set(Document.objects.values_list("tk_document_number", flat=True)) == {"2023D47863", "2024D20515"}
    skipped = [f for f in run.failures if f["reason"] == "onleesbare regel in de feed, overgeslagen"]
    assert [f["what"] for f in skipped] == ["Document-regel 2 (skiptoken 102)", "6e5d4c3b-2a19-4807-b6f5-e4d3c2b1a098"]
    assert "26-06-2024 08:00" in skipped[1]["detail"]
    assert run.succeeded and json.loads(run.cursor)["Document"] == 104


def test_a_failing_item_is_tried_in_the_next_runs_then_set_aside(tk, settings, staff_client):
    settings.SYNC_ATTEMPTS = 3
    for _ in range(4):  # the first failure, then three more runs
        run = sync_tk_opendata()
        assert run.succeeded
    assert tk.asked(RESOURCE + MISSING_FILE) == 1 and tk.asked(ENTITY + MISSING_FILE) == 3
    item = SyncItem.objects.get(what=MISSING_FILE)
    assert item.attempts == 4 and item.set_aside_at is not None and "HTTP 404" in item.reason
    sync_tk_opendata()
    assert tk.asked(ENTITY + MISSING_FILE) == 3  # set aside: no longer asked for
    page = staff_client.get(reverse("sources")).content.decode()
    assert "Apart gezet" in page and MISSING_FILE in page and "HTTP 404" in page


def test_a_clerk_has_the_set_aside_items_tried_again(tk, settings, clerk_client, staff,
                                                     django_capture_on_commit_callbacks):
    settings.SYNC_ATTEMPTS = 0  # set aside at the first failure
    sync_tk_opendata()
    assert SyncItem.objects.filter(set_aside_at__isnull=False).count() == 2
    reader = Client()
    reader.force_login(staff)
    assert reader.post(reverse("sources_retry"), {"source": "tk_opendata"}).status_code == 403
    tk.add(ENTITY + MISSING_FILE, "sync/entity_document_8b2e4d66.xml")
    tk.add(RESOURCE + MISSING_FILE, "sync/resource_2023D50000.pdf", "application/pdf")
    with django_capture_on_commit_callbacks() as queued:
        response = clerk_client.post(reverse("sources_retry"), {"source": "tk_opendata"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "opnieuw geprobeerd" in response.content.decode()
    assert len(queued) == 1 and not SyncItem.objects.filter(set_aside_at__isnull=False).exists()
    sync_tk_opendata()
    assert Document.objects.filter(tk_document_number="2023D50000").exists()
    assert list(SyncItem.objects.values_list("what", flat=True)) == ["0d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a"]


def test_the_retry_button_needs_the_csrf_token(tk, clerk):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(clerk)
    assert strict.post(reverse("sources_retry"), {"source": "tk_opendata"}).status_code == 403


# the answers of a busy or broken server


def test_429_with_retry_after_is_waited_out_in_the_same_run(tk):
    tk.misbehave(FEED, Reply(status=429, headers={"Retry-After": "1"}, body=b"Too Many Requests",
                             content_type="text/plain"),
                 Reply("sync/tk_feed_document.xml"), category="Document")
    run = sync_tk_opendata()
    assert run.succeeded and Document.objects.count() == 2
    first_page = [moment for (path, query, _), moment in zip(tk.requests, tk.moments, strict=True)
                  if path == FEED and query == {"category": "Document"}]
    assert len(first_page) == 2 and first_page[1] - first_page[0] >= 1.0


def test_503_without_retry_after_is_asked_again_after_a_backoff(tk):
    tk.misbehave(RESOURCE + IRAK_LETTER, Reply(status=503, body=b"", content_type="text/plain"),
                 Reply("sync/resource_2023D47863.pdf", "application/pdf"))
    sync_tk_opendata()
    assert tk.asked(RESOURCE + IRAK_LETTER) == 2
    assert Document.objects.filter(tk_document_number="2023D47863").exists()


def test_no_host_is_asked_faster_than_the_pace(tk, settings):
    settings.SYNC_REQUESTS_PER_SECOND = 5
    sync_tk_opendata()
    gaps = [later - earlier for earlier, later in itertools.pairwise(tk.moments)]
    # measured where the server takes each request in, a few milliseconds after the client sent it
    assert len(gaps) >= 8 and min(gaps) >= 0.15 and sum(gaps) >= 0.19 * len(gaps)


def test_a_truncated_page_breaks_off_the_source_and_the_command_says_so(tk, capsys):
    tk.misbehave(FEED, Reply("sync/tk_feed_document.xml", truncate_to=900), category="Document")
    with pytest.raises(SystemExit) as exit_status:
        call_command("sync", "--source", "tk")
    assert exit_status.value.code == 1
    assert "mislukt: feed Document: de verbinding met" in capsys.readouterr().out
    assert not Document.objects.exists()
    tk.add(FEED, "sync/tk_feed_document.xml", category="Document")
    call_command("sync", "--source", "tk")  # the next night: read, exit status 0
    assert Document.objects.count() == 2


def test_a_truncated_file_is_never_stored(tk):
    tk.misbehave(RESOURCE + IRAK_LETTER, Reply("sync/resource_2023D47863.pdf", "application/pdf", truncate_to=2000))
    run = sync_tk_opendata()
    assert not Document.objects.filter(tk_document_number="2023D47863").exists()
    assert IRAK_LETTER in {f["what"] for f in run.failures}


def test_a_malformed_page_is_reported_in_dutch(tk):
    tk.misbehave(FEED, Reply(body=b"<feed><entry>"), category="Document")
    run = sync_tk_opendata()
    failure = next(f for f in run.failures if f["what"] == "feed Document")
    assert failure["reason"] == "de bron gaf een antwoord dat niet te lezen was" and not run.succeeded


def test_the_end_of_the_feed_says_where_to_resume(tk):
    tk.add(FEED, "sync/tk_feed_end_resume.xml", category="Document", skiptoken="106")
    run = sync_tk_opendata()
    assert json.loads(run.cursor)["Document"] == 20127230


# officielebekendmakingen


def test_koops_error_page_with_status_200_is_never_stored(obk):
    obk.add("/zoek/kst-27925-943/metadata.xml", "sync/metadata_kst-27925-943.xml")
    obk.add("/zoek/kst-27925-943.xml", "sync/koop_fout404.html", "text/html; charset=utf-8")
    run = sync_officielebekendmakingen()
    assert set(Document.objects.values_list("kamerstuk", flat=True)) == {"27925-960", "27925-946"}
    failure = next(f for f in run.failures if f["what"] == "kst-27925-943")
    assert failure["reason"] == "niet gevonden bij 127.0.0.1: de bron gaf haar foutpagina"


def test_only_records_not_here_or_changed_since_the_last_run_are_fetched(obk):
    sync_officielebekendmakingen()
    asked = obk.asked("/zoek/kst-27925-960/metadata.xml"), obk.asked("/zoek/kst-27925-946/metadata.xml")
    sync_officielebekendmakingen()
    assert (obk.asked("/zoek/kst-27925-960/metadata.xml"), obk.asked("/zoek/kst-27925-946/metadata.xml")) == asked
    assert obk.asked("/zoek/kst-27925-943/metadata.xml") == 2  # not here: asked again
    # The search says 960 changed on 22 November 2023; a run from before then fetches it again.
    SyncRun.objects.update(started_at="2023-11-01T00:00:00Z")
    sync_officielebekendmakingen()
    assert obk.asked("/zoek/kst-27925-960/metadata.xml") == asked[0] + 1
    assert obk.asked("/zoek/kst-27925-946/metadata.xml") == asked[1]


def test_a_paper_in_two_dossiers_keeps_both_and_stays_one_document(obk):
    follow("29521")
    common = {"query": sru_query_for_dossier("29521"), "maximumRecords": "100", "httpAccept": "application/xml"}
    obk.add("/sru", "ob/sru_29521.xml", startRecord="1", **common)
    sync_officielebekendmakingen()
    [paper] = Document.objects.filter(kamerstuk__in=["27925-946", "29521-946"])
    assert paper.kamerstuk == "27925-946" and paper.dossier.key == "27925"
    assert paper.dossier_keys() == ["27925", "29521"]
    assert set(Document.objects.in_dossier("29521")) == {paper}


def test_a_paper_in_two_dossiers_from_both_sources_stays_one_document(obk, tk):
    follow("29521")
    sync_officielebekendmakingen()
    tk.add(FEED, "sync/tk_feed_document_two_dossiers.xml", category="Document")
    tk.add(FEED, "tk/feed_document_page3.xml", category="Document", skiptoken="301")
    tk.add(ENTITY + "4d9a2f61-3c8e-4b57-a0d2-e1f6c8b3a795", "tk/entity_kamerstukdossier_29521.xml")
    sync_tk_opendata()  # the Tweede Kamer names 29521 first
    [paper] = Document.objects.filter(kamerstuk__in=["27925-946", "29521-946"])
    assert (paper.kamerstuk, paper.tk_document_number, paper.origin) == ("27925-946", "2023D35012", "obk")
    assert paper.dossier_keys() == ["27925", "29521"]
    assert not tk.asked(RESOURCE + "a7c3e915-2b4d-4f60-8e1a-5d9b0c7f3e28")  # no second copy fetched


# tombstones, toegezegdAan, the Kamer's own letters


def test_a_withdrawn_document_and_a_deleted_toezegging_are_marked_with_history(tk, staff_client):
    sync_tk_opendata()
    tk.add(FEED, "sync/tk_feed_document_withdrawn.xml", category="Document", skiptoken="106")
    tk.add(FEED, "tk/feed_document_page3.xml", category="Document", skiptoken="107")
    tk.add(FEED, "sync/tk_feed_toezegging_deleted.xml", category="Toezegging", skiptoken="203")
    tk.add(FEED, "tk/feed_document_page3.xml", category="Toezegging", skiptoken="204")
    counts = Document.objects.count(), Commitment.objects.count()
    run = sync_tk_opendata()
    assert (Document.objects.count(), Commitment.objects.count()) == counts  # nothing is deleted
    assert run.updated == 2
    letter = Document.objects.get(tk_document_number="2023D47863")
    assert letter.withdrawn_at is not None
    change = DocumentChange.objects.get(document=letter)
    assert change.source == "tk_opendata" and change.reason.startswith("Ingetrokken")
    assert "Ingetrokken door de bron" in staff_client.get(letter.get_absolute_url()).content.decode()
    deleted = Commitment.objects.get(tk_number="TZ202603-130")
    assert deleted.withdrawn_at is not None and deleted.status == Status.VERVALLEN
    assert deleted.changes.last().reason == "Verwijderd uit het toezeggingenregister van de Tweede Kamer"
    assert sync_tk_opendata().updated == 0  # once


def test_who_a_toezegging_was_made_to_is_kept_and_shown(tk, staff_client):
    sync_tk_opendata()
    commitment = Commitment.objects.get(tk_number="TZ202603-130")
    assert commitment.made_to == "Judith Tielen"
    page = staff_client.get(commitment.get_absolute_url()).content.decode()
    assert "Toegezegd aan" in page and "Judith Tielen" in page


def test_the_kamers_own_letters_are_kept_apart_from_the_governments():
    assert kind_of("Brief regering") == Document.Kind.BRIEF
    assert {kind_of(soort) for soort in ("Brief commissie", "Brief Kamer", "Brief lid")} == {
        Document.Kind.KAMERBRIEF}


def test_backfill_shows_its_progress(tk, capsys):
    call_command("sync", "--source", "tk", "--backfill")
    captured = capsys.readouterr()
    assert "Document    [" in captured.err and "gelezen, tot 26-06-2024" in captured.err
