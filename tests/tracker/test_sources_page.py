"""The Bronnen page: what each source brought in, followed dossiers, following and syncing; retrying a document."""

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.tracker.factories import follow, make_document
from tracker.models import Document, Dossier, Following, SyncItem, SyncRun


@pytest.fixture
def dossier(db):
    return Dossier.objects.create(key="27925", nummer="27925", titel="Bestrijding internationaal terrorisme")


@pytest.fixture
def failed_document(db):
    document = make_document("")
    Document.objects.filter(pk=document.pk).update(state="mislukt", error="Het bestand is beschadigd.",
                                                   error_code="beschadigd", attempts=3, claim_token="oud",
                                                   claimed_at=timezone.now())
    return document


def changes(dossier, document):
    return [
        (reverse("sources_sync"), {}),
        (reverse("document_retry", args=[document.pk]), {}),
    ]


def test_it_shows_what_came_in_and_what_failed(staff_client, dossier, clerk):
    follow(clerk, dossier.key)
    SyncRun.objects.create(source="tk_opendata", finished_at=timezone.now(), new=3, updated=1, failed=1,
                           failures=[{"what": "2023D50000", "reason": "de bron antwoordde met HTTP 404 <script>"}])
    response = staff_client.get(reverse("sources"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "nieuw: 3, bijgewerkt: 1, mislukt: 1" in page
    assert "2023D50000" in page and "HTTP 404 &lt;script&gt;" in page
    assert "officielebekendmakingen.nl" in page and "Nog nooit opgehaald." in page
    assert "Bestrijding internationaal terrorisme" in page
    assert "Gea Griffier" in page  # who follows it
    assert "Nu ophalen" not in page  # staff do not start a sync
    assert "Niet meer volgen" not in page  # nor unfollow for someone else
    assert 'name="dossier"' in page  # but follow for themselves


def test_it_shows_clerks_the_forms(clerk_client, dossier, clerk):
    follow(clerk, dossier.key)
    page = clerk_client.get(reverse("sources")).content.decode()
    assert "Nu ophalen" in page and "Niet meer volgen" in page and 'name="dossier"' in page


def test_its_queries_are_bounded(clerk_client, django_assert_max_num_queries, clerk, staff):
    for number in range(20):
        follow(clerk, str(30000 + number))
        follow(staff, str(30000 + number))
    for _ in range(10):
        SyncRun.objects.create(source="obk", failed=2, failures=[{"what": "x", "reason": "y"}] * 2)
    for number in range(30):
        SyncItem.objects.create(source="tk_opendata", what=f"item-{number}", reason="weg", set_aside_at=timezone.now())
    with django_assert_max_num_queries(10):  # the set-aside items and their counts in two
        assert clerk_client.get(reverse("sources")).status_code == 200


def test_a_user_follows_a_dossier_by_its_number(staff_client, staff):
    response = staff_client.post(reverse("dossier_follow"), {"dossier": "36 200 X", "next": "/bronnen/"}, follow=True)
    following = Following.objects.get(dossier__key="36200-X")
    assert following.user == staff and following.since is not None
    assert "U volgt dossier 36\u00a0200\u00a0X" in response.content.decode()
    assert "stel op Profiel een e-mailadres in" in response.content.decode()  # staff has no address yet


def test_any_number_follow_one_dossier_each_for_themselves(client, clerk, staff, dossier):
    since = timezone.now() - timezone.timedelta(days=3)
    Following.objects.create(user=staff, dossier=dossier, since=since)
    client.force_login(clerk)
    client.post(reverse("dossier_follow"), {"dossier": "27 925"})
    client.post(reverse("dossier_follow"), {"dossier": "27925"})  # again: one following, the first date kept
    assert sorted(Following.objects.values_list("user__username", flat=True)) == ["griffier", "medewerker"]
    client.post(reverse("dossier_unfollow", args=["27925"]))
    assert list(Following.objects.values_list("user", "since")) == [(staff.pk, since)]  # staff still follows
    assert list(Dossier.objects.followed()) == [dossier]


def test_a_number_that_is_no_dossier_is_refused(clerk_client):
    response = clerk_client.post(reverse("dossier_follow"), {"dossier": "Irak"}, follow=True)
    assert "Geef een dossiernummer" in response.content.decode()
    assert not Dossier.objects.exists()


def test_following_from_the_dossier_page_returns_there(staff_client, dossier, clerk):
    follow(clerk, dossier.key)
    page = staff_client.get(reverse("dossier", args=["27925"])).content.decode()
    assert "Dossier volgen" in page and "gevolgd door 1 gebruiker " in page
    response = staff_client.post(reverse("dossier_follow"), {"dossier": "27925", "next": "/dossiers/27925/"})
    assert response["Location"] == "/dossiers/27925/"
    page = staff_client.get(reverse("dossier", args=["27925"])).content.decode()
    assert "Niet meer volgen" in page and "U volgt dit dossier sinds" in page and "met 1 ander:" in page


def test_it_never_sends_a_user_to_another_site(clerk_client):
    response = clerk_client.post(reverse("dossier_follow"), {"dossier": "27925", "next": "https://example.org/"})
    assert response["Location"] == reverse("profile")


def test_a_clerk_starts_a_sync(clerk_client, clerk, django_capture_on_commit_callbacks, monkeypatch):
    from tracker.sync.tasks import sync_sources

    sent = []
    monkeypatch.setattr(sync_sources, "delay", lambda *args: sent.append(args))
    with django_capture_on_commit_callbacks(execute=True):
        response = clerk_client.post(reverse("sources_sync"), {"source": "obk"}, follow=True)
    assert sent == [("obk", clerk.pk)]  # in the clerk's name
    assert "Het ophalen is gestart" in response.content.decode()
    assert clerk_client.post(reverse("sources_sync"), {"source": "elders"}).status_code == 400


def test_a_clerk_retries_a_failed_document(clerk_client, failed_document, django_capture_on_commit_callbacks):
    page = clerk_client.get(reverse("document", args=[failed_document.pk])).content.decode()
    assert "Opnieuw proberen" in page
    with django_capture_on_commit_callbacks() as queued:
        clerk_client.post(reverse("document_retry", args=[failed_document.pk]))
    failed_document.refresh_from_db()
    assert (failed_document.state, failed_document.attempts, failed_document.claimed_at, failed_document.claim_token,
            failed_document.error, failed_document.error_code) == ("bezig", 0, None, "", "", "")
    assert len(queued) == 1


def test_a_document_that_did_not_fail_is_not_queued_again(clerk_client, django_capture_on_commit_callbacks):
    document = make_document("In december informeer ik uw Kamer.")
    with django_capture_on_commit_callbacks() as queued:
        response = clerk_client.post(reverse("document_retry", args=[document.pk]), follow=True)
    assert "niets opnieuw te proberen" in response.content.decode()
    assert queued == []
    assert "Opnieuw proberen" not in response.content.decode()


def test_it_sends_anonymous_visitors_to_the_login_page(client, dossier, failed_document):
    for url in [reverse("sources")] + [url for url, _ in changes(dossier, failed_document)]:
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 302 and response["Location"].startswith(reverse("login")), url


def test_it_refuses_changes_by_staff(staff_client, dossier, failed_document, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as queued:
        for url, data in changes(dossier, failed_document):
            assert staff_client.post(url, data).status_code == 403, url
    assert queued == []
    assert Document.objects.get(pk=failed_document.pk).state == "mislukt"


def test_it_accepts_changes_by_clerks(clerk_client, dossier, failed_document, monkeypatch):
    from tracker.sync.tasks import sync_sources

    monkeypatch.setattr(sync_sources, "delay_on_commit", lambda *args: None)
    monkeypatch.setattr("tracker.views.documents.queue_analysis", lambda document: None)
    for url, data in changes(dossier, failed_document):
        assert clerk_client.post(url, data).status_code == 302, url


def test_the_change_views_only_take_posts(clerk_client, dossier, failed_document):
    for url, _ in changes(dossier, failed_document):
        assert clerk_client.get(url).status_code == 405, url


def test_the_nav_links_to_the_page(staff_client):
    assert 'href="/bronnen/">Bronnen</a>' in staff_client.get(reverse("documents")).content.decode()
