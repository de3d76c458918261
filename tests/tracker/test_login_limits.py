"""Guessing passwords: an account is locked for an address after five failures, on the login page and
in /beheer/ alike; passwords must be long and unlike the user's name."""

import datetime as dt
import io

import pytest
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from tests.tracker.conftest import PASSWORD

LOCKED = "Te veel mislukte inlogpogingen voor dit account vanaf dit adres"


def attempt(client, username, password, url=None, address="10.0.0.1"):
    return client.post(url or reverse("login"), {"username": username, "password": password},
                       REMOTE_ADDR=address)


def fail(client, username, times, **where):
    """`times` wrong passwords; the fifth locks the account, and says so."""
    for number in range(1, times + 1):
        response = attempt(client, username, "fout-wachtwoord", **where)
        assert response.status_code == (429 if number >= 5 else 200)


def test_five_failures_lock_the_account_for_that_address(client, clerk):
    fail(client, clerk.username, 5)
    response = attempt(client, clerk.username, PASSWORD)  # even the right password, now
    assert response.status_code == 429 and LOCKED in response.content.decode()
    assert "_auth_user_id" not in client.session
    # Another address, and another account from this address, are not locked.
    assert attempt(client, clerk.username, PASSWORD, address="10.0.0.2").status_code == 302


def test_another_account_from_the_same_address_may_still_log_in(client, clerk, staff):
    fail(client, clerk.username, 5)
    assert attempt(client, staff.username, PASSWORD).status_code == 302


def test_the_lock_ends_after_fifteen_minutes(client, clerk, time_machine):
    time_machine.move_to(dt.datetime(2024, 5, 1, 9, 0, tzinfo=dt.UTC), tick=False)
    fail(client, clerk.username, 5)
    time_machine.move_to(dt.datetime(2024, 5, 1, 9, 14, tzinfo=dt.UTC), tick=False)
    assert attempt(client, clerk.username, PASSWORD).status_code == 429
    time_machine.move_to(dt.datetime(2024, 5, 1, 9, 16, tzinfo=dt.UTC), tick=False)
    assert attempt(client, clerk.username, PASSWORD).status_code == 302


def test_failures_further_apart_than_fifteen_minutes_do_not_add_up(client, clerk, time_machine):
    time_machine.move_to(dt.datetime(2024, 5, 1, 9, 0, tzinfo=dt.UTC), tick=False)
    fail(client, clerk.username, 4)
    time_machine.move_to(dt.datetime(2024, 5, 1, 9, 20, tzinfo=dt.UTC), tick=False)
    fail(client, clerk.username, 1)
    assert attempt(client, clerk.username, PASSWORD).status_code == 302


def test_the_admin_login_is_limited_too(client, db):
    User.objects.create_superuser("beheerder", password=PASSWORD)
    url = reverse("admin:login")
    fail(client, "beheerder", 5, url=url)
    response = attempt(client, "beheerder", PASSWORD, url=url)
    assert response.status_code == 429 and LOCKED in response.content.decode()


@pytest.mark.parametrize("username, password, why", [
    ("griffie", "83749261", "alleen cijfers"),
    ("griffie", "Kamer2024", "te kort"),
    ("staf", "staf1234", "te veel op"),
    ("staf", "staf12345678", "te veel op"),  # long enough, still the user name
    ("griffie", "password1234", "te algemeen"),
])
def test_weak_passwords_are_refused(db, username, password, why):
    with pytest.raises(ValidationError) as refused:
        validate_password(password, User(username=username))
    assert any(why in message for message in refused.value.messages), refused.value.messages


def test_the_tests_password_passes(clerk):
    validate_password(PASSWORD, clerk)


def test_generated_passwords_pass(db):
    out = io.StringIO()
    call_command("setup", "--no-samples", stdout=out)  # the first clerk of `make run`
    generated = out.getvalue().split("wachtwoord:")[1].split()[0]
    validate_password(generated, User.objects.get(username="griffie"))
    call_command("adduser", "staf", stdout=out)
    validate_password(out.getvalue().rsplit("wachtwoord: ", 1)[1].strip(), User.objects.get(username="staf"))


def test_a_generated_password_too_like_the_name_is_drawn_again(db, monkeypatch):
    # Now and then a random password holds every letter of a short name; the site's own rules refuse it then.
    from tracker import passwords

    draws = iter(["eiffirGgriffie", "x7Kq2mZp9LwR4tVb"])
    monkeypatch.setattr(passwords.secrets, "token_urlsafe", lambda _: next(draws))
    user = User.objects.create_user("griffie", first_name="Griffie")
    assert passwords.give_generated_password(user) == "x7Kq2mZp9LwR4tVb"
    validate_password("x7Kq2mZp9LwR4tVb", user)
    assert User.objects.get(username="griffie").check_password("x7Kq2mZp9LwR4tVb")
