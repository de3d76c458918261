"""Profiel: one's own e-mail address, dossiers, reminder and password; `adduser --email`."""

import datetime as dt
import socket
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse

from tests.tracker.conftest import PASSWORD
from tests.tracker.factories import follow, make_document, promise
from tracker.models import Commitment, Following


@pytest.fixture
def local_mail(settings, time_machine):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SITE_URL = "https://tracker.example.nl"
    time_machine.move_to(dt.datetime(2024, 5, 15, 9, 0))


def overdue_letter():
    """A letter in dossier 27 925 with a promise due 1 May 2024: overdue on 15 May."""
    text = "Voor de zomer informeer ik uw Kamer. (27925-960)"
    make_document(text, kamerstuk="27925-960", date=dt.date(2024, 1, 5),
                  commitments=[promise(text, text, dt.date(2024, 5, 1))])
    Commitment.objects.update(status="openstaand")


def test_it_needs_a_login(client):
    for name in ("profile", "profile_email", "profile_remind", "password_change", "dossier_follow"):
        response = client.post(reverse(name))
        assert response.status_code == 302 and response["Location"].startswith(reverse("login")), name


def test_the_nav_links_to_it(staff_client):
    assert f'href="{reverse("profile")}">Profiel</a>' in staff_client.get(reverse("home")).content.decode()


def test_a_user_sets_and_clears_their_address(staff_client, staff):
    response = staff_client.post(reverse("profile_email"), {"email": "mees@example.nl"}, follow=True)
    assert "Uw e-mailadres is nu mees@example.nl." in response.content.decode()
    staff.refresh_from_db()
    assert staff.email == "mees@example.nl"
    response = staff_client.post(reverse("profile_email"), {"email": ""}, follow=True)
    assert "u krijgt geen herinneringen meer" in response.content.decode()
    staff.refresh_from_db()
    assert staff.email == ""


def test_a_bad_address_gets_a_dutch_message(staff_client, staff):
    response = staff_client.post(reverse("profile_email"), {"email": "geen adres"})
    assert response.status_code == 400
    assert "Voer een geldig e-mailadres in." in response.content.decode()
    staff.refresh_from_db()
    assert staff.email == ""


def test_it_lists_only_ones_own_dossiers_in_bounded_queries(staff_client, staff, clerk,
                                                            django_assert_max_num_queries):
    follow(staff, *[str(30000 + number) for number in range(25)])
    follow(clerk, "27925")
    with django_assert_max_num_queries(9):
        page = staff_client.get(reverse("profile")).content.decode()
    assert page.count("Niet meer volgen</button>") == 25 and "30\u00a0024" in page and "27\u00a0925" not in page
    assert "U krijgt nu geen herinnering: er is geen e-mailadres ingesteld." in page


def test_a_user_follows_and_unfollows_from_the_profile(staff_client, staff):
    response = staff_client.post(reverse("dossier_follow"), {"dossier": "27 925", "next": reverse("profile")},
                                 follow=True)
    assert response.redirect_chain[-1][0] == reverse("profile")
    assert "U volgt dossier 27\u00a0925" in response.content.decode()
    assert list(Following.objects.values_list("user", "dossier__key")) == [(staff.pk, "27925")]
    staff_client.post(reverse("dossier_unfollow", args=["27925"]), {"next": reverse("profile")})
    assert not Following.objects.exists()


def test_it_says_what_the_reminder_holds_and_sends_it_now(staff_client, staff, local_mail):
    staff.email = "mees@example.nl"
    staff.save()
    overdue_letter()
    page = staff_client.get(reverse("profile")).content.decode()
    assert "U krijgt nu geen herinnering: er worden geen dossiers gevolgd." in page
    response = staff_client.post(reverse("profile_remind"), follow=True)
    assert "Niets verstuurd: er worden geen dossiers gevolgd." in response.content.decode() and mail.outbox == []
    follow(staff, "27925")
    page = staff_client.get(reverse("profile")).content.decode()
    assert "Maandag gaat naar mees@example.nl: Toezeggingen: 1 te laat, 0 met een termijn" in page
    response = staff_client.post(reverse("profile_remind"), follow=True)
    assert "Verstuurd aan mees@example.nl: Toezeggingen: 1 te laat" in response.content.decode()
    assert [message.to for message in mail.outbox] == [["mees@example.nl"]]
    assert "https://tracker.example.nl/toezeggingen/" in mail.outbox[0].body


def test_a_mail_server_out_of_reach_is_said_in_dutch(staff_client, staff, settings, time_machine):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        settings.EMAIL_HOST, settings.EMAIL_PORT = probe.getsockname()
    time_machine.move_to(dt.datetime(2024, 5, 15, 9, 0))
    staff.email = "mees@example.nl"
    staff.save()
    overdue_letter()
    follow(staff, "27925")
    response = staff_client.post(reverse("profile_remind"), follow=True)
    assert response.status_code == 200
    assert f"Niets verstuurd: de mailserver 127.0.0.1:{settings.EMAIL_PORT} nam de e-mail niet aan" in (
        response.content.decode())
    with pytest.raises(CommandError, match="Niets verstuurd: de mailserver"):
        call_command("send_reminders", stdout=StringIO())


def test_a_user_changes_their_password(staff_client, staff):
    page = staff_client.get(reverse("password_change")).content.decode()
    assert "Oud wachtwoord" in page
    response = staff_client.post(reverse("password_change"), {
        "old_password": PASSWORD, "new_password1": "kort", "new_password2": "kort"})
    assert response.status_code == 200 and "Dit wachtwoord is te kort" in response.content.decode()
    response = staff_client.post(reverse("password_change"), {
        "old_password": "fout-wachtwoord", "new_password1": "een-nieuw-lang-geheim-9", "new_password2":
        "een-nieuw-lang-geheim-9"})
    assert "oude wachtwoord" in response.content.decode().lower()
    response = staff_client.post(reverse("password_change"), {
        "old_password": PASSWORD, "new_password1": "een-nieuw-lang-geheim-9",
        "new_password2": "een-nieuw-lang-geheim-9"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("profile")
    assert "Uw wachtwoord is gewijzigd." in response.content.decode()
    staff.refresh_from_db()
    assert staff.check_password("een-nieuw-lang-geheim-9")
    assert staff_client.get(reverse("profile")).status_code == 200  # still logged in


def test_adduser_sets_the_address(db):
    out = StringIO()
    call_command("adduser", "anna", "--email", "anna@example.nl", stdout=out)
    assert User.objects.get(username="anna").email == "anna@example.nl"
    with pytest.raises(CommandError, match="geen geldig e-mailadres"):
        call_command("adduser", "bert", "--email", "bert-at-example", stdout=out)
    assert not User.objects.filter(username="bert").exists()
