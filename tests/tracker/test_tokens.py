"""API tokens: made on /sleutels/, the key shown once and kept only as a digest, each revoked on its own;
the feed token apart from them, revocable too."""

from django.test import Client
from django.urls import reverse

from tracker.models import ApiToken, FeedToken


def api(key):
    """A script: no session, only the key."""
    return Client().get(reverse("api_dossiers"), headers={"Authorization": f"Token {key}"})


def test_a_user_makes_an_api_token_and_sees_its_key_once(staff_client, staff):
    response = staff_client.post(reverse("api_tokens"), {"name": "rapportage griffie"})
    key = response.context["new_key"]
    assert response.status_code == 200 and key in response.content.decode()
    token = ApiToken.objects.get(user=staff)
    assert token.digest != key and key not in str(ApiToken.objects.values().get())  # only its digest is kept
    page = staff_client.get(reverse("api_tokens")).content.decode()
    assert "rapportage griffie" in page and key[:8] in page and key not in page
    assert api(key).status_code == 200
    assert ApiToken.objects.get().last_used_at is not None


def test_revoking_one_token_leaves_the_others(staff_client, staff):
    first, first_key = ApiToken.create(staff, "een")
    second_key = ApiToken.create(staff, "twee")[1]
    staff_client.post(reverse("api_token_revoke", args=[first.pk]))
    assert api(first_key).status_code == 403
    assert api(second_key).status_code == 200
    assert "ingetrokken op" in staff_client.get(reverse("api_tokens")).content.decode()


def test_nobody_revokes_another_users_token(staff_client, clerk):
    token, key = ApiToken.create(clerk, "van de griffie")
    assert staff_client.post(reverse("api_token_revoke", args=[token.pk])).status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_a_name_is_asked_for(staff_client):
    response = staff_client.post(reverse("api_tokens"), {"name": ""})
    assert response.status_code == 422 and not ApiToken.objects.exists()


def test_the_feed_token_is_revoked_apart_from_the_api_tokens(staff_client, staff):
    staff_client.post(reverse("feeds_renew"))
    feed = FeedToken.objects.get(user=staff).token
    key = ApiToken.create(staff, "script")[1]
    staff_client.post(reverse("feeds_revoke"))
    assert Client().get(f"/feeds/{feed}/ministeries/minister.ics").status_code == 403
    assert not FeedToken.objects.exists()
    assert api(key).status_code == 200
    assert "U heeft geen feedsleutel" in staff_client.get(reverse("feeds")).content.decode()
