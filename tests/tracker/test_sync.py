"""Syncing followed dossiers: the real source clients against a local server playing back recorded answers."""

import json
import socket

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse

from ingest.sources.officielebekendmakingen import sru_query_for_dossier
from tests.sources.conftest import playback, read_recorded  # noqa: F401  the local playback server
from tests.tracker import factories
from tests.tracker.factories import citation, make_document
from tracker.models import Commitment, Document, Following, Fulfilment, Source, Status, StatusChange, SyncRun
from tracker.sync import sync_officielebekendmakingen, sync_tk_opendata
from tracker.sync.documents import update
from tracker.sync.runs import Recorder

FEED = "/SyncFeed/2.0/Feed"
ENTITY = "/SyncFeed/2.0/Entiteiten/"
RESOURCE = "/SyncFeed/2.0/Resources/"
IRAK_LETTER = "3f6e2a1c-8b0d-4c7e-9a51-2d4f6b8c0e11"
PERSONNEL_LETTER = "7a1d3c55-0b2e-4f9a-8c6d-1e2f3a4b5c6d"
MEMBER = "7c2e9a41-5b8d-4f16-a0e3-d94b1c6f8e25"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def sources(playback, settings):  # noqa: F811
    settings.TK_SYNCFEED_URL = f"{playback.base_url}/SyncFeed/2.0/"
    settings.OBK_SRU_URL = f"{playback.base_url}/sru"
    settings.OBK_ZOEK_URL = f"{playback.base_url}/zoek/"
    settings.SYNC_REQUESTS_PER_SECOND = 0  # no pace, but where the pace itself is tested
    return playback


def follow(*keys):
    """Someone follows these dossiers, so the sync fetches them."""
    factories.follow(User.objects.get_or_create(username="volger")[0], *keys)


@pytest.fixture
def tk(sources, db):
    """The SyncFeed of the Tweede Kamer: four documents (one without its file), three toezeggingen (one broken)."""
    follow("27925", "36200-X")
    sources.add(FEED, "sync/tk_feed_document.xml", category="Document")
    sources.add(FEED, "tk/feed_document_page3.xml", category="Document", skiptoken="106")
    sources.add(FEED, "sync/tk_feed_toezegging.xml", category="Toezegging")
    sources.add(FEED, "tk/feed_document_page3.xml", category="Toezegging", skiptoken="203")
    sources.add(ENTITY + "c71e5a08-94d2-4f3b-a6e1-58b0d2f7c913", "tk/entity_kamerstukdossier_c71e5a08.xml")
    sources.add(ENTITY + "0b4f7d2a-6e19-4c38-9f05-a3d8e1c62b47", "tk/entity_kamerstukdossier_36200X.xml")
    sources.add(ENTITY + MEMBER, "tk/entity_persoon_7c2e9a41.xml")
    sources.add(RESOURCE + IRAK_LETTER, "sync/resource_2023D47863.pdf", "application/pdf")
    sources.add(RESOURCE + PERSONNEL_LETTER, "sync/resource_2024D20515.docx", DOCX)
    return sources


@pytest.fixture
def obk(sources, db):
    """officielebekendmakingen: three Kamerstukken of 27 925, the metadata of one of them missing."""
    follow("27925")
    common = {"query": sru_query_for_dossier("27925"), "maximumRecords": "100", "httpAccept": "application/xml"}
    sources.add("/sru", "ob/sru_27925_page1.xml", startRecord="1", **common)
    sources.add("/sru", "ob/sru_27925_page2.xml", startRecord="3", **common)
    sources.add("/zoek/kst-27925-960/metadata.xml", "ob/metadata_kst-27925-960.xml")
    sources.add("/zoek/kst-27925-960.xml", "ob/kst-27925-960.xml")
    sources.add("/zoek/kst-27925-946/metadata.xml", "sync/metadata_kst-27925-946.xml")
    sources.add("/zoek/kst-27925-946.xml", "sync/kst-27925-946.xml")
    return sources


# Tweede Kamer open data


def test_it_stores_the_letters_of_followed_dossiers_with_their_files(tk, django_capture_on_commit_callbacks,
                                                                      staff_client):
    with django_capture_on_commit_callbacks() as queued:
        run = sync_tk_opendata()
    letters = {d.tk_document_number: d for d in Document.objects.all()}
    assert set(letters) == {"2023D47863", "2024D20515"}  # not the motion, nor the unfollowed list of questions
    irak = letters["2023D47863"]
    assert (irak.origin, irak.kamerstuk, irak.dossier.key, irak.volgnummer) == (
        "tk_opendata", "27925-960", "27925", "960")
    assert irak.title == "Brief van de minister van Defensie over de inzet in Irak"
    assert str(irak.date) == "2023-11-21" and irak.kind == "brief" and irak.state == "bezig"
    assert irak.original.read() == read_recorded("sync/resource_2023D47863.pdf")  # two pages, whole
    assert letters["2024D20515"].original_name == "2024D20515.docx"
    assert letters["2024D20515"].dossier.titel.startswith("Vaststelling van de begrotingsstaten")
    assert len(queued) == 2  # each file is analysed by the worker
    assert (run.source, run.new) == ("tk_opendata", 4)  # two documents, two toezeggingen
    assert json.loads(run.cursor) == {"Document": 106, "Toezegging": 203}
    assert "Tweede Kamer open data (2023D47863)" in staff_client.get(irak.get_absolute_url()).content.decode()


def test_it_imports_the_register_of_toezeggingen(tk):
    sync_tk_opendata()
    open_one = Commitment.objects.get(tk_number="TZ202603-130")
    assert open_one.document is None and open_one.source == Source.TK_REGISTER
    assert open_one.status == Status.OPENSTAAND and open_one.ministry == "Defensie"
    assert open_one.text.startswith("De minister zegt toe de Kamer voor de zomer")
    assert str(open_one.made_on) == "2026-03-11" and open_one.origin == "Activiteit 2026A01452"
    assert [c.source for c in open_one.changes.all()] == [Source.TK_REGISTER]


def test_an_imported_toezegging_has_a_page_with_its_history(tk, staff_client):
    sync_tk_opendata()
    fulfilled = Commitment.objects.get(tk_number="TZ202402-041")
    page = staff_client.get(fulfilled.get_absolute_url()).content.decode()
    assert "De minister stuurt de Kamer voor 1 juli een brief" in page and "TK-register" in page


def test_it_links_the_letter_that_fulfilled_a_toezegging(tk):
    sync_tk_opendata()
    fulfilled = Commitment.objects.get(tk_number="TZ202402-041")
    letter = Document.objects.get(tk_document_number="2024D20515")
    assert fulfilled.status == Status.VOLDAAN and str(fulfilled.due_date) == "2024-06-30"
    assert fulfilled.dossier.key == "36200-X"
    assert list(Fulfilment.objects.filter(commitment=fulfilled).values_list("document", flat=True)) == [letter.pk]
    change = fulfilled.changes.get(to_status=Status.VOLDAAN)
    assert (change.source, change.evidence, change.changed_by) == (Source.TK_REGISTER, letter, None)
    assert "Afgedaan" in change.reason


def test_a_fulfilling_letter_that_arrives_after_its_toezegging_is_linked_then(tk):
    sync_tk_opendata()
    fulfilled = Commitment.objects.get(tk_number="TZ202402-041")
    assert fulfilled.tk_letters_awaited == ["2024D22907"]  # named by the register, not synced (yet)
    later = make_document("Hierbij de tweede brief.", kamerstuk="36200-X-140")
    update(later, Recorder("tk_opendata"), tk_document_number="2024D22907")
    fulfilled.refresh_from_db()
    assert fulfilled.tk_letters_awaited == []
    assert set(fulfilled.fulfilments.values_list("document__tk_document_number", flat=True)) == {
        "2024D20515", "2024D22907"}
    change = fulfilled.changes.get(evidence=later)
    assert (change.to_status, change.source) == (Status.VOLDAAN, Source.TK_REGISTER)
    sync_tk_opendata()  # the register entry, read again, no longer awaits what is here
    assert Commitment.objects.get(tk_number="TZ202402-041").tk_letters_awaited == []


def test_a_failing_entity_is_written_down_and_the_rest_still_comes_in(tk):
    run = sync_tk_opendata()
    assert run.failed == 2 and run.succeeded  # the source itself was read
    reasons = {failure["what"]: failure["reason"] for failure in run.failures}
    assert "HTTP 404" in reasons["8b2e4d66-1c3f-4a0b-9d7e-2f3a4b5c6d7e"]  # its file is missing
    assert "zonder nummer" in reasons["0d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a"]
    assert Commitment.objects.filter(tk_number__isnull=False).count() == 2


def test_running_twice_creates_nothing_new(tk):
    sync_tk_opendata()
    counts = (Document.objects.count(), Commitment.objects.count(), StatusChange.objects.count())
    again = sync_tk_opendata()
    assert (again.new, again.updated, again.failed) == (0, 0, 2)  # the failed ones are tried again
    assert (Document.objects.count(), Commitment.objects.count(), StatusChange.objects.count()) == counts
    # it resumed where the first run stopped
    assert [q.get("skiptoken") for p, q, _ in tk.requests if p == FEED][-2:] == ["106", "203"]


def test_what_failed_is_tried_again_next_time(tk):
    sync_tk_opendata()
    tk.add(ENTITY + "8b2e4d66-1c3f-4a0b-9d7e-2f3a4b5c6d7e", "sync/entity_document_8b2e4d66.xml")
    tk.add(RESOURCE + "8b2e4d66-1c3f-4a0b-9d7e-2f3a4b5c6d7e", "sync/resource_2023D50000.pdf", "application/pdf")
    again = sync_tk_opendata()
    assert (again.new, again.failed) == (1, 1)  # the broken toezegging stays broken
    assert Document.objects.get(tk_document_number="2023D50000").kamerstuk == "27925-961"


def test_running_from_the_start_again_finds_everything_by_its_natural_keys(tk):
    sync_tk_opendata()
    SyncRun.objects.update(cursor="")
    again = sync_tk_opendata()
    assert (again.new, again.updated) == (0, 0)
    assert Document.objects.count() == 2 and Commitment.objects.count() == 2
    assert Fulfilment.objects.count() == 1


def test_changed_metadata_and_a_status_changed_at_the_source_are_taken_over(tk):
    sync_tk_opendata()
    tk.add(FEED, "sync/tk_feed_document_changed.xml", category="Document", skiptoken="106")
    tk.add(FEED, "tk/feed_document_page3.xml", category="Document", skiptoken="107")
    tk.add(FEED, "sync/tk_feed_toezegging_changed.xml", category="Toezegging", skiptoken="203")
    tk.add(FEED, "tk/feed_document_page3.xml", category="Toezegging", skiptoken="204")
    run = sync_tk_opendata()
    assert (run.new, run.updated) == (0, 2)
    assert Document.objects.get(tk_document_number="2023D47863").title.startswith("Inzet in Irak en Syrië")
    lapsed = Commitment.objects.get(tk_number="TZ202603-130")
    assert lapsed.status == Status.VERVALLEN and str(lapsed.due_date) == "2026-07-01"
    change = lapsed.changes.last()
    assert (change.from_status, change.to_status, change.source) == (Status.OPENSTAAND, Status.VERVALLEN,
                                                                     Source.TK_REGISTER)


def test_a_due_date_the_register_changes_is_kept_in_the_history_and_raises_the_version(tk):
    sync_tk_opendata()
    before = Commitment.objects.get(tk_number="TZ202603-130")
    tk.add(FEED, "sync/tk_feed_toezegging_changed.xml", category="Toezegging", skiptoken="203")
    tk.add(FEED, "tk/feed_document_page3.xml", category="Toezegging", skiptoken="204")
    sync_tk_opendata()
    after = Commitment.objects.get(pk=before.pk)
    edited = after.changes.get(reason__startswith="Bewerkt")
    assert edited.source == Source.TK_REGISTER and edited.changed_by is None
    assert "termijn: — → 01-07-2026" in edited.reason
    assert after.version > before.version


def test_an_uploaded_copy_of_the_same_letter_is_not_duplicated(tk):
    uploaded = make_document("Brief over Irak", kamerstuk="27925-960")
    sync_tk_opendata()
    uploaded.refresh_from_db()
    assert uploaded.tk_document_number == "2023D47863" and uploaded.origin == "upload"
    assert Document.objects.filter(kamerstuk="27925-960").count() == 1


def test_a_letter_citing_a_kamerstuk_links_up_when_it_arrives_from_the_tk(tk):
    text = "Zie Kamerstuk 27 925, nr. 960."
    citing = make_document(text, references=[citation(text, "Kamerstuk 27 925, nr. 960", "27925-960")])
    sync_tk_opendata()
    assert citing.references.get().target == Document.objects.get(kamerstuk="27925-960")


def test_nothing_is_fetched_for_dossiers_nobody_follows(tk):
    Following.objects.all().delete()
    sync_tk_opendata()
    assert not Document.objects.exists()


def test_a_feed_that_breaks_off_is_resumed_next_time(tk):
    tk.routes.pop((FEED, (("category", "Document"), ("skiptoken", "106"))))
    run = sync_tk_opendata()
    assert any(f["what"] == "feed Document" and "HTTP 404" in f["reason"] for f in run.failures)
    assert json.loads(run.cursor)["Document"] == 106
    assert Document.objects.count() == 2


def test_a_source_out_of_reach_is_reported_in_dutch_with_the_detail_below(db, settings, staff_client):
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.TK_SYNCFEED_URL = f"http://127.0.0.1:{port}/SyncFeed/2.0/"
    follow("27925")
    run = sync_tk_opendata()
    failure = next(f for f in run.failures if f["what"] == "feed Document")
    assert failure["reason"] == f"geen verbinding met 127.0.0.1:{port}"
    assert failure["detail"].startswith("ConnectError: ") and f"127.0.0.1:{port}/SyncFeed/2.0/Feed" in failure["detail"]
    page = staff_client.get(reverse("sources")).content.decode()
    reason = page.index(f'<span class="error">geen verbinding met 127.0.0.1:{port}</span>')
    assert reason < page.index('<div class="technical">ConnectError: ', reason)


# officielebekendmakingen


def test_it_stores_each_kamerstuk_of_a_followed_dossier_as_xml_with_its_metadata(obk,
                                                                                 django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as queued:
        run = sync_officielebekendmakingen()
    documents = {d.kamerstuk: d for d in Document.objects.all()}
    assert set(documents) == {"27925-960", "27925-946"}
    letter = documents["27925-960"]
    assert (letter.origin, letter.original_name, letter.dossier.key, letter.volgnummer) == (
        "obk", "kst-27925-960.xml", "27925", "960")
    assert letter.title == "Bestrijding internationaal terrorisme; Brief regering; Inzet in Irak"
    assert str(letter.date) == "2023-11-21" and letter.kind == "brief"
    assert b"In december informeer ik uw Kamer" in letter.original.read()
    assert len(queued) == 2
    assert (run.new, run.updated, run.failed) == (2, 0, 1)
    assert run.failures[0]["what"] == "kst-27925-943" and "HTTP 404" in run.failures[0]["reason"]


def test_running_obk_twice_creates_nothing_new(obk):
    sync_officielebekendmakingen()
    again = sync_officielebekendmakingen()
    assert (again.new, again.updated) == (0, 0)
    assert Document.objects.count() == 2


def test_a_pdf_already_here_gets_its_metadata_corrected_instead_of_a_duplicate(obk):
    uploaded = make_document("Brief over Irak", kamerstuk="27925-960", title="BRIEF VAN DE MINISTER")
    run = sync_officielebekendmakingen()
    uploaded.refresh_from_db()
    assert Document.objects.filter(kamerstuk="27925-960").count() == 1
    assert uploaded.title == "Bestrijding internationaal terrorisme; Brief regering; Inzet in Irak"
    assert str(uploaded.date) == "2023-11-21" and uploaded.origin == "upload"
    assert (run.new, run.updated) == (1, 1)


def test_a_letter_citing_a_kamerstuk_links_up_when_it_arrives_from_obk(obk):
    text = "Zie Kamerstuk 27 925, nr. 946."
    citing = make_document(text, references=[citation(text, "Kamerstuk 27 925, nr. 946", "27925-946")])
    sync_officielebekendmakingen()
    assert citing.references.get().target == Document.objects.get(kamerstuk="27925-946")


def test_a_dossier_the_search_cannot_answer_is_written_down(obk):
    follow("36200-X")  # no recording: the server answers 404
    run = sync_officielebekendmakingen()
    assert any(f["what"] == "dossier 36\u00a0200\u00a0X" for f in run.failures)
    assert run.new == 2


# the command and the task


def test_the_command_prints_a_summary_per_source(tk, capsys):
    call_command("sync", "--source", "tk")  # a failed entity is no failed run: exit status 0
    out = capsys.readouterr().out
    assert "Tweede Kamer open data: nieuw: 4, bijgewerkt: 0, mislukt: 2" in out
    host = tk.base_url.removeprefix("http://")
    assert f"mislukt: 8b2e4d66-1c3f-4a0b-9d7e-2f3a4b5c6d7e: niet gevonden bij {host} (HTTP 404)" in out
    assert f"    HTTPStatusError: Client error '404 Not Found' for url '{tk.base_url}/SyncFeed/2.0/Resources/" in out
    assert not SyncRun.objects.filter(source="obk").exists()


def test_the_task_syncs_both_sources(obk):
    from tracker.sync.tasks import sync_sources

    sync_sources.apply(kwargs={"source": None})
    assert set(SyncRun.objects.values_list("source", flat=True)) == {"tk_opendata", "obk"}


def test_the_nightly_sync_is_scheduled(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["sync-sources"]
    assert entry["task"] == "tracker.sync_sources"
    assert entry["schedule"].hour == {2}


def test_the_clerk_who_ran_it_is_recorded_on_what_came_in(tk, clerk):
    call_command("sync", "--source", "tk", "--user", clerk.username)
    assert {(d.origin, d.uploaded_by) for d in Document.objects.all()} == {("tk_opendata", clerk)}


def test_the_sources_page_starts_a_run_in_the_clerks_name(tk, clerk_client, clerk, django_capture_on_commit_callbacks):
    from tracker.sync.tasks import sync_sources

    with django_capture_on_commit_callbacks() as queued:
        clerk_client.post("/bronnen/ophalen/", {"source": "tk"})
    assert len(queued) == 1
    sync_sources("tk", clerk.pk)  # what the queued task runs
    assert {d.uploaded_by for d in Document.objects.all()} == {clerk}
