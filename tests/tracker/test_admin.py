"""/beheer/: commitments and the register's history can be read there, but not written, not even by a superuser:
every change goes through the clerk's pages, which keep the history."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from tests.tracker.factories import make_document, promise
from tracker.models import StatusChange

TEXT = "In december informeer ik uw Kamer over de voortgang."


@pytest.fixture
def admin_client(client, db):
    client.force_login(User.objects.create_superuser("beheerder", password="een-lang-beheerderswachtwoord"))
    return client


def test_history_is_read_only_in_the_admin(admin_client):
    change = make_document(TEXT, commitments=[promise(TEXT, TEXT)]).commitments.get().changes.get()
    assert admin_client.get(reverse("admin:tracker_statuschange_changelist")).status_code == 200
    assert admin_client.get(reverse("admin:tracker_statuschange_add")).status_code == 403
    response = admin_client.post(reverse("admin:tracker_statuschange_add"), {
        "commitment": change.commitment_id, "to_status": "voldaan", "changed_at_0": "2020-01-01",
        "changed_at_1": "12:00:00", "source": "clerk", "changed_by": User.objects.get().pk})
    assert response.status_code == 403 and StatusChange.objects.count() == 1
    page = admin_client.get(reverse("admin:tracker_statuschange_change", args=[change.pk])).content.decode()
    assert 'name="_save"' not in page
    assert admin_client.post(reverse("admin:tracker_statuschange_delete", args=[change.pk]),
                             {"post": "yes"}).status_code == 403


def test_commitments_are_read_only_in_the_admin(admin_client):
    commitment = make_document(TEXT, commitments=[promise(TEXT, TEXT)]).commitments.get()
    url = reverse("admin:tracker_commitment_change", args=[commitment.pk])
    assert admin_client.get(url).status_code == 200 and 'name="_save"' not in admin_client.get(url).content.decode()
    response = admin_client.post(url, {"text": "Iets anders", "ministry": "Defensie", "status": "kandidaat"})
    assert response.status_code == 403
    commitment.refresh_from_db()
    assert commitment.text == TEXT and commitment.changes.count() == 1
    assert admin_client.get(reverse("admin:tracker_commitment_add")).status_code == 403
