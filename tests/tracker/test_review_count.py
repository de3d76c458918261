"""The count above the review queue drops with each single decision: the decided row's answer carries the new
count for htmx to swap in out of band."""

import datetime as dt

from django.urls import reverse

from tests.tracker.factories import make_document, promise
from tracker.models import Commitment


def candidates(number):
    found = []
    for index in range(number):
        text = f"Voor de zomer informeer ik uw Kamer over punt {index}."
        found.append(make_document(text, kamerstuk=f"27925-{900 + index}", date=dt.date(2024, 1, 5),
                                   commitments=[promise(text, text, dt.date(2024, 6, 30))]).commitments.get())
    return found


def decide(client, commitment, decision):
    version = Commitment.objects.get(pk=commitment.pk).version
    return client.post(reverse("review_decide", args=[commitment.pk, decision]), {"version": version},
                       HTTP_HX_REQUEST="true")


def test_the_queue_shows_its_count_where_a_decision_can_replace_it(clerk_client):
    candidates(3)
    page = clerk_client.get(reverse("review")).content.decode()
    assert '<p id="review-total" class="muted" role="status">3 te beoordelen.</p>' in page


def test_each_single_decision_sends_the_lower_count_out_of_band(clerk_client, django_assert_max_num_queries):
    first, second, _ = candidates(3)
    answer = decide(clerk_client, first, "accept").content.decode()
    assert '<p id="review-total" class="muted" role="status" hx-swap-oob="true">2 te beoordelen.</p>' in answer
    # The paragraph sits in a template element before the row, so the row's table parsing leaves it intact.
    assert (answer.index("<template>") < answer.index('id="review-total"') < answer.index("</template>")
            < answer.index(f'<tr id="candidate-{first.pk}"'))
    assert "Geaccepteerd" in answer
    # and the tabs' counts with it, also out of band
    tabs = answer[answer.index('<nav id="review-tabs"'):answer.index("</nav>")]
    assert 'hx-swap-oob="true"' in tabs and "Uit brieven (2)" in tabs and 'aria-current="page"' in tabs
    assert answer.index("<template>") < answer.index('id="review-tabs"') < answer.index("</template>")
    with django_assert_max_num_queries(20):
        answer = decide(clerk_client, second, "reject").content.decode()
    assert ">1 te beoordelen.</p>" in answer


def test_a_refused_decision_sends_the_unchanged_count(clerk_client):
    first, _ = candidates(2)
    decide(clerk_client, first, "accept")
    answer = decide(clerk_client, first, "reject")  # decided already: a conflict
    assert answer.status_code == 409 and ">1 te beoordelen.</p>" in answer.content.decode()


def test_a_rejected_candidate_shows_its_reason_and_the_way_back(clerk_client):
    [candidate] = candidates(1)
    version = Commitment.objects.get(pk=candidate.pk).version
    answer = clerk_client.post(reverse("review_decide", args=[candidate.pk, "reject"]),
                               {"version": version, "reason": "Dubbel met de brief van mei"},
                               HTTP_HX_REQUEST="true").content.decode()
    row = answer[answer.index(f'<tr id="candidate-{candidate.pk}"'):]
    assert "Afgewezen" in row and "Dubbel met de brief van mei" in row
    assert f'href="{candidate.get_absolute_url()}#heropenen">ongedaan maken</a>' in row
    page = clerk_client.get(candidate.get_absolute_url()).content.decode()
    assert 'id="heropenen"' in page  # where the link leads: the form that takes it back
    version = Commitment.objects.get(pk=candidate.pk).version
    reopened = clerk_client.post(reverse("commitment_status", args=[candidate.pk]),
                                 {"status": "openstaand", "note": "Toch een toezegging", "version": version},
                                 HTTP_HX_REQUEST="true")
    assert reopened.status_code == 200
    candidate.refresh_from_db()
    assert (candidate.status, candidate.rejected) == ("openstaand", False)
