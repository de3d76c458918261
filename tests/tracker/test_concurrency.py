"""Two clerks change one commitment at once: the second is told, and nothing is lost."""

import datetime as dt
import threading

import pytest
from django.contrib.auth.models import Group, User
from django.db import connection
from django.test import Client
from django.urls import reverse

from tests.tracker.factories import make_document, promise
from tracker.models import Commitment
from tracker.roles import CLERKS_GROUP
from tracker.workflow import Conflict, change_status

TEXT = "In december informeer ik uw Kamer wederom over de veiligheidssituatie in Irak."


@pytest.fixture
def commitment(db):
    letter = make_document(TEXT, kamerstuk="27925-960", date=dt.date(2023, 11, 21),
                           commitments=[promise(TEXT, TEXT, dt.date(2023, 12, 31), "In december")])
    return letter.commitments.get()


@pytest.fixture
def second_clerk(db):
    user = User.objects.create_user("tweede", first_name="Tom", last_name="Tweede")
    user.groups.add(Group.objects.get_or_create(name=CLERKS_GROUP)[0])
    return user


def post(client, commitment, **data):
    return client.post(reverse("commitment_status", args=[commitment.pk]), data, HTTP_HX_REQUEST="true")


def test_the_status_form_carries_the_version_the_clerk_saw(clerk_client, commitment):
    page = clerk_client.get(reverse("commitment", args=[commitment.pk])).content.decode()
    assert f'name="version" value="{commitment.version}"' in page


def test_a_stale_change_gets_a_conflict_showing_the_other_change(clerk_client, commitment, second_clerk):
    seen = commitment.version
    other = Client()
    other.force_login(second_clerk)
    assert post(other, commitment, status="uitgesteld", new_due_date="2024-03-31", version=seen).status_code == 200

    response = post(clerk_client, commitment, status="vervallen", note="Missie beëindigd", version=seen)
    assert response.status_code == 409
    page = response.content.decode()
    assert "Intussen heeft Tom Tweede deze toezegging gewijzigd (Kandidaat → Uitgesteld" in page
    assert "Uw wijziging is niet opgeslagen" in page
    # The clerk's input is kept, on the new version, ready to send again.
    assert "Missie beëindigd" in page
    commitment.refresh_from_db()
    assert f'name="version" value="{commitment.version}"' in page
    assert commitment.status == "uitgesteld" and commitment.due_date == dt.date(2024, 3, 31)
    assert list(commitment.changes.values_list("to_status", flat=True)) == ["kandidaat", "uitgesteld"]

    assert post(clerk_client, commitment, status="vervallen", note="Missie beëindigd",
                version=commitment.version).status_code == 200
    commitment.refresh_from_db()
    assert commitment.status == "vervallen"


def test_every_change_raises_the_version(clerk, commitment):
    before = commitment.version
    change_status(commitment, "openstaand", clerk)
    commitment.refresh_from_db()
    assert commitment.version == before + 1


@pytest.mark.django_db(transaction=True)
def test_of_two_simultaneous_changes_exactly_one_wins(clerk, second_clerk):
    letter = make_document(TEXT, kamerstuk="27925-960", date=dt.date(2023, 11, 21),
                           commitments=[promise(TEXT, TEXT, dt.date(2023, 12, 31), "In december")])
    commitment = letter.commitments.get()
    start = threading.Barrier(2)
    outcomes = []

    def clerk_changes(user, to_status, note):
        try:
            start.wait()
            change_status(commitment, to_status, user, note=note, seen_version=0)
            outcomes.append(("saved", to_status))
        except Conflict:
            outcomes.append(("conflict", to_status))
        finally:
            connection.close()

    threads = [threading.Thread(target=clerk_changes, args=(clerk, "openstaand", "")),
               threading.Thread(target=clerk_changes, args=(second_clerk, "vervallen", "Geen toezegging"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(kind for kind, _ in outcomes) == ["conflict", "saved"]
    winner = next(status for kind, status in outcomes if kind == "saved")
    commitment = Commitment.objects.get(pk=commitment.pk)
    assert commitment.status == winner and commitment.version == 1
    assert list(commitment.changes.values_list("to_status", flat=True)) == ["kandidaat", winner]
