"""A clerk reviews what the engine detected: accept, reject with a reason, one by one or a selection."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.tracker.factories import make_document, promise
from tracker.models import Commitment, StatusChange

BEFORE = "De missie loopt door tot het einde van het jaar. "
SENTENCE = "In december informeer ik uw Kamer wederom over de veiligheidssituatie in Irak."
AFTER = " Ik vertrouw erop u hiermee voldoende te hebben geïnformeerd."
TEXT = BEFORE + SENTENCE + AFTER


def letter(kamerstuk="27925-960", sentence=SENTENCE, text=TEXT):
    return make_document(text, kamerstuk=kamerstuk, date=dt.date(2023, 11, 21),
                         commitments=[promise(text, sentence, dt.date(2023, 12, 31), "In december")])


@pytest.fixture
def candidate(db):
    return letter().commitments.get()


def decide(client, commitment, decision, **data):
    """As the queue's buttons send it: with the version of the candidate on the page."""
    data.setdefault("version", Commitment.objects.get(pk=commitment.pk).version)
    return client.post(reverse("review_decide", args=[commitment.pk, decision]), data, HTTP_HX_REQUEST="true")


def test_it_lists_candidates_newest_first_with_their_context(clerk_client, candidate):
    newer = letter("27925-961", "Voor de zomer stuur ik u de evaluatie.",
                   "Voor de zomer stuur ik u de evaluatie. <script>alert(1)</script>").commitments.get()
    page = clerk_client.get(reverse("review")).content.decode()
    assert page.index(f"candidate-{newer.pk}") < page.index(f"candidate-{candidate.pk}")
    assert f"{BEFORE}<mark class=\"commitment\">{SENTENCE}</mark>{AFTER}" in page
    assert "“In december”" in page and "31 dec 2023" in page.lower() and "pagina 1" in page
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page
    assert 'src="/static/js/review.js"' in page


def test_it_lists_the_surest_candidates_first_with_the_engines_reasons_in_dutch(clerk_client, candidate):
    doubtful_text = "Het kabinet zal later een besluit nemen over de verdeling."
    found = promise(doubtful_text, doubtful_text)
    found.score, found.rules = 0.55, ["decision", "future"]
    doubtful = make_document(doubtful_text, kamerstuk="27925-962", date=dt.date(2023, 11, 22),
                             commitments=[found]).commitments.get()
    page = clerk_client.get(reverse("review")).content.decode()
    assert page.index(f"candidate-{candidate.pk}") < page.index(f"candidate-{doubtful.pk}")
    assert "zekerheid 0,55: kondigt een besluit aan; spreekt van later (zal, streeft ernaar, verwacht)" in page


def test_it_leaves_out_what_was_reviewed(clerk_client, candidate):
    decide(clerk_client, candidate, "accept")
    assert f"candidate-{candidate.pk}" not in clerk_client.get(reverse("review")).content.decode()


def test_it_accepts_a_candidate_and_returns_its_row(clerk_client, clerk, candidate):
    response = decide(clerk_client, candidate, "accept", version=candidate.version)
    assert response.status_code == 200
    assert f'id="candidate-{candidate.pk}"' in response.content.decode() and "Geaccepteerd" in response.content.decode()
    assert "<html" not in response.content.decode()
    candidate.refresh_from_db()
    assert candidate.status == "openstaand" and not candidate.rejected
    change = candidate.changes.last()
    assert (change.from_status, change.to_status, change.changed_by) == ("kandidaat", "openstaand", clerk)


def test_it_rejects_a_candidate_keeping_it_hidden_with_its_reason(clerk_client, clerk, candidate):
    response = decide(clerk_client, candidate, "reject", reason="Een verwijzing naar het verleden")
    assert response.status_code == 200 and "Afgewezen" in response.content.decode()
    candidate.refresh_from_db()
    assert candidate.status == "vervallen" and candidate.rejected
    assert candidate.changes.last().reason == "Een verwijzing naar het verleden"
    assert Commitment.objects.filter(pk=candidate.pk).exists()
    assert not Commitment.objects.listed().filter(pk=candidate.pk).exists()
    document_page = clerk_client.get(candidate.document.get_absolute_url()).content.decode()
    assert "mark class=\"commitment" not in document_page
    timeline = clerk_client.get(reverse("dossier", args=["27925"])).content.decode()
    assert "In december informeer ik" not in timeline


def test_it_gives_a_rejection_a_reason_even_when_left_empty(clerk_client, candidate):
    decide(clerk_client, candidate, "reject", reason="  ")
    assert candidate.changes.last().reason == "Geen toezegging"


def test_it_refuses_to_decide_twice(clerk_client, candidate):
    decide(clerk_client, candidate, "accept")
    response = decide(clerk_client, candidate, "reject", reason="Toch niet")
    assert response.status_code == 409
    assert "Intussen heeft Gea Griffier deze toezegging gewijzigd (Kandidaat → Openstaand" in response.content.decode()
    candidate.refresh_from_db()
    assert candidate.status == "openstaand"


def test_it_decides_a_selection_with_a_history_record_each(clerk_client, clerk, candidate):
    others = [letter(f"27925-{n}").commitments.get() for n in (970, 971)]
    untouched = letter("27925-972").commitments.get()
    chosen = [candidate, *others]
    data = {"decision": "reject", "reason": "Geen belofte", "pk": [c.pk for c in chosen],
            **{f"version-{c.pk}": c.version for c in chosen}}
    response = clerk_client.post(reverse("review_bulk"), data, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "3 toezeggingen afgewezen." in response.content.decode()
    for commitment in chosen:
        commitment.refresh_from_db()
        assert commitment.status == "vervallen" and commitment.rejected
        assert commitment.changes.last().reason == "Geen belofte"
    assert StatusChange.objects.filter(to_status="vervallen", changed_by=clerk).count() == 3
    untouched.refresh_from_db()
    assert untouched.status == "kandidaat"
    assert f"candidate-{untouched.pk}" in response.content.decode()


def test_it_skips_in_a_selection_what_someone_else_decided(clerk_client, candidate):
    other = letter("27925-970").commitments.get()
    seen = {f"version-{c.pk}": c.version for c in (candidate, other)}
    decide(clerk_client, other, "reject")
    response = clerk_client.post(reverse("review_bulk"), {"decision": "accept", "pk": [candidate.pk, other.pk], **seen})
    assert response.status_code == 302
    other.refresh_from_db()
    candidate.refresh_from_db()
    assert (candidate.status, other.status) == ("openstaand", "vervallen")
    page = clerk_client.get(reverse("review")).content.decode()
    assert "1 toezegging geaccepteerd." in page and "1 overgeslagen" in page


def test_it_works_without_javascript(clerk_client, candidate):
    response = clerk_client.post(reverse("review_decide", args=[candidate.pk, "accept"]),
                                 {"version": candidate.version})
    assert response.status_code == 302 and response["Location"] == reverse("review")
    candidate.refresh_from_db()
    assert candidate.status == "openstaand"


def test_it_needs_a_bounded_number_of_queries(clerk_client, candidate, django_assert_max_num_queries):
    for n in range(10):
        letter(f"27925-{980 + n}")
    with django_assert_max_num_queries(8):
        page = clerk_client.get(reverse("review")).content.decode()
    assert page.count('class="candidate') == 11


def test_it_shows_staff_the_queue_read_only(staff_client, candidate):
    page = staff_client.get(reverse("review")).content.decode()
    assert SENTENCE in page and "Accepteren" not in page and 'name="pk"' not in page


def test_it_refuses_decisions_by_staff(staff_client, candidate):
    assert decide(staff_client, candidate, "accept").status_code == 403
    assert staff_client.post(reverse("review_bulk"), {"decision": "accept", "pk": [candidate.pk],
                                                      f"version-{candidate.pk}": candidate.version}).status_code == 403
    candidate.refresh_from_db()
    assert candidate.status == "kandidaat"


def test_it_sends_anonymous_visitors_to_the_login_page(client, candidate):
    for response in (client.get(reverse("review")), decide(client, candidate, "accept"),
                     client.post(reverse("review_bulk"), {"pk": [candidate.pk]})):
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    candidate.refresh_from_db()
    assert candidate.status == "kandidaat"
