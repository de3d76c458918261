"""The model learned from the griffie's decisions: what it learns from, when it is trained and adopted, and how it
orders and splits the review queue."""

import datetime as dt

import pytest
from django.conf import settings
from django.urls import reverse

from tests.tracker.factories import make_document, promise, wait_until
from tracker.learning import examples, model_in_use, retrain
from tracker.models import Commitment, LearnedModel
from tracker.workflow import accept, enter_by_hand, reject

SUBJECTS = ["de jeugdzorg", "het spoorgoederenvervoer", "de stikstofaanpak", "de Wet open overheid",
            "het lerarentekort", "de netcongestie", "de asielopvang", "de zorgpremie", "het mestbeleid",
            "de cyberveiligheid", "de woningbouw", "het studievoorschot", "de grensbewaking", "de luchtkwaliteit",
            "het pensioenakkoord",
            "de wachtlijsten", "de kinderopvang", "de dijkversterking"]
# Sentences the griffie counts as a promise, and sentences the rules also propose that it rejects.
PROMISES = ["Voor de zomer stuur ik u de evaluatie van {}.", "In december informeer ik uw Kamer over {}.",
            "Ik kom in het voorjaar terug op {}.", "Uw Kamer ontvangt voor het einde van het jaar een brief over {}."]
NOT_PROMISES = ["Hierbij stuur ik u het rapport over {}.", "In mijn vorige brief heb ik u geïnformeerd over {}.",
                "Met deze brief informeer ik uw Kamer over {}.", "De Kamer heeft gevraagd om een brief over {}."]


def letter(number, promise_text, other_text):
    """A letter with two candidates: the one the griffie would accept has the lower rules' score."""
    text = f"{other_text} Daarnaast het volgende. {promise_text}"
    found = [promise(text, promise_text), promise(text, other_text)]
    found[0].score, found[0].rules = 0.6, ["to_kamer"]
    found[1].score, found[1].rules = 0.9, ["to_kamer"]
    return make_document(text, kamerstuk=f"31{number:03d}-1", date=dt.date(2024, 3, 1),
                         sender="de minister van Binnenlandse Zaken en Koninkrijksrelaties", commitments=found)


def letters(count, start=0):
    return [letter(start + i, PROMISES[i % 4].format(SUBJECTS[i % 18]), NOT_PROMISES[(i + 1) % 4].format(
        SUBJECTS[(i + 5) % 18])) for i in range(count)]


def decide_as_the_griffie(documents, clerk, flip=False):
    """Accept the promises and reject the rest (or, with `flip`, the other way round)."""
    for document in documents:
        for commitment in document.commitments.all():
            is_promise = commitment.text.startswith(tuple(p.split("{")[0] for p in PROMISES))
            (accept(commitment, clerk) if is_promise != flip else reject(commitment, clerk, "Geen toezegging"))


@pytest.fixture
def decided(db, clerk):
    decide_as_the_griffie(letters(12), clerk)


def test_decisions_are_the_examples_and_a_promise_entered_by_hand_in_a_letters_words_is_a_missed_one(db, clerk):
    document = letters(2)[0]
    decide_as_the_griffie([document], clerk)
    missed = "Zo spoedig mogelijk stuur ik u de planning."
    document.text += " " + missed
    document.save()
    enter_by_hand(clerk, text=missed, dossier=None, ministry="BZK", made_on=None, origin="", due_date=None,
                  due_text="", document=document)
    enter_by_hand(clerk, text="Een toezegging uit het debat.", dossier=None, ministry="BZK", made_on=None,
                  origin="debat", due_date=None, due_text="", document=document)
    learned = sorted(examples(), key=lambda e: e.promise)
    assert [e.promise for e in learned] == [False, True, True]  # the undecided letter's candidates are not there
    assert learned[0].rules_score == 0.9 and "regel:to_kamer" in learned[0].features
    assert learned[2].rules_score is None and "woord:spoed" in learned[2].features
    assert {e.letter for e in learned} == {str(document.pk)}


def test_every_candidate_keeps_its_features(db):
    commitment = letters(1)[0].commitments.get(rules=["to_kamer"], confidence=0.6)
    assert "regel:to_kamer" in commitment.features and "ministerie:BZK" in commitment.features
    assert "stuk:brief" in commitment.features and "plaats:tweede helft" in commitment.features
    assert commitment.probability is None


def test_below_the_minimum_nothing_is_trained_and_the_queue_follows_the_rules(clerk_client, clerk):
    decide_as_the_griffie(letters(4), clerk)
    waiting = letters(1, start=50)[0]
    assert retrain(min_decisions=20) is None and not LearnedModel.objects.exists()
    page = clerk_client.get(reverse("review")).content.decode()
    surer, doubtful = waiting.commitments.order_by("-confidence")
    assert page.index(f"candidate-{surer.pk}") < page.index(f"candidate-{doubtful.pk}")
    assert "Waarschijnlijk geen toezegging" not in page and "zekerheid 0,90" in page


def test_a_trained_model_orders_the_queue_and_sets_unlikely_candidates_apart(clerk_client, decided):
    waiting = letters(1, start=50)[0]
    model = retrain(min_decisions=20)
    assert model.in_use and model.decisions == 24 and model.letters == 12
    assert model.precision > model.rules_precision == 0.5 and 0 < model.threshold <= 0.5
    likely = waiting.commitments.get(confidence=0.6)
    doubtful = waiting.commitments.get(confidence=0.9)
    assert likely.probability > 0.5 > doubtful.probability
    assert doubtful.probability < model.threshold and not doubtful.rejected and doubtful.status == "kandidaat"

    page = clerk_client.get(reverse("review")).content.decode()
    assert f"candidate-{likely.pk}" in page and f"candidate-{doubtful.pk}" not in page
    assert "Waarschijnlijk geen toezegging (1)" in page and "Uit brieven (1)" in page
    assert "kans op een toezegging" in page and "pleit voor:" in page
    unlikely_tab = clerk_client.get(reverse("review") + "?bron=onwaarschijnlijk").content.decode()
    assert f"candidate-{doubtful.pk}" in unlikely_tab and f"candidate-{likely.pk}" not in unlikely_tab
    assert "pleit tegen:" in unlikely_tab


def test_a_new_letter_is_scored_by_the_model_in_use(decided):
    retrain(min_decisions=20)
    arriving = letters(1, start=60)[0]
    assert all(c.probability is not None for c in arriving.commitments.all())


def test_without_new_decisions_nothing_is_trained_again(decided):
    assert retrain(min_decisions=20) is not None
    assert retrain(min_decisions=20) is None and LearnedModel.objects.count() == 1


def test_a_model_replaces_the_one_in_use_only_when_it_ranks_better(db, clerk):
    confused = letters(12)
    decide_as_the_griffie(confused[:6], clerk)
    decide_as_the_griffie(confused[6:], clerk, flip=True)  # half the griffie's decisions the other way round
    first = retrain(min_decisions=20)
    assert first.in_use and first.verdict == "In gebruik genomen"

    decide_as_the_griffie(letters(30, start=100), clerk)  # many consistent decisions: a clearly better ranking
    better = retrain(min_decisions=20)
    assert better.in_use and better.average_precision > first.average_precision
    assert better.verdict.startswith("In gebruik genomen: rangschikt beter")
    assert model_in_use() == better and not LearnedModel.objects.get(pk=first.pk).in_use

    decide_as_the_griffie(letters(30, start=200), clerk, flip=True)  # now the data contradicts itself
    worse = retrain(min_decisions=20)
    assert not worse.in_use and worse.average_precision < better.average_precision
    assert worse.verdict.startswith("Niet in gebruik genomen: rangschikt niet beter")
    assert model_in_use() == better


def test_the_model_page_shows_the_model_its_figures_and_every_training(staff_client, decided,
                                                                      django_assert_max_num_queries):
    retrain(min_decisions=20)
    with django_assert_max_num_queries(8):
        page = staff_client.get(reverse("learned_model")).content.decode()
    assert "24 beslissingen (12 toezeggingen) in 12 brieven" in page
    assert "Pleit het sterkst voor een toezegging" in page and "In gebruik genomen" in page
    assert "Nu trainen" not in page  # a clerk's button
    assert staff_client.post(reverse("retrain_now")).status_code == 403


def test_the_review_queue_has_a_bounded_number_of_queries_with_a_model(clerk_client, decided,
                                                                      django_assert_max_num_queries):
    retrain(min_decisions=20)
    letters(12, start=300)
    with django_assert_max_num_queries(14):
        page = clerk_client.get(reverse("review"))
    assert page.status_code == 200 and page.content.decode().count('class="candidate') == 12


def test_deciding_in_the_unlikely_tab_keeps_its_counts(clerk_client, decided):
    retrain(min_decisions=20)
    doubtful = letters(1, start=50)[0].commitments.get(confidence=0.9)
    response = clerk_client.post(reverse("review_decide", args=[doubtful.pk, "reject"]),
                                 {"version": doubtful.version, "reason": "Geen toezegging"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200 and "Waarschijnlijk geen toezegging (0)" in body and "Afgewezen" in body
    assert Commitment.objects.get(pk=doubtful.pk).rejected


@pytest.mark.worker
def test_a_clerk_has_a_real_worker_train_the_model_now(start_worker, client, clerk):
    start_worker(LEARNING_MIN_DECISIONS="20")
    decide_as_the_griffie(letters(12), clerk)
    waiting = letters(1, start=50)[0]
    client.force_login(clerk)
    response = client.post(reverse("retrain_now"), follow=True)
    assert "Het model wordt opnieuw getraind" in response.content.decode()
    wait_until(lambda: LearnedModel.objects.filter(in_use=True).exists(), what="the worker's training")
    assert all(c.probability is not None for c in waiting.commitments.all())
    assert "In gebruik genomen" in client.get(reverse("learned_model")).content.decode()


def test_beat_trains_each_night():
    from config.celery import app

    schedule = settings.CELERY_BEAT_SCHEDULE["retrain-model"]
    assert schedule["task"] == "tracker.retrain_model" and schedule["schedule"].hour == {3}
    app.loader.import_default_modules()
    assert "tracker.retrain_model" in app.tasks
