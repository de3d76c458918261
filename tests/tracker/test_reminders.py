"""The weekly reminder e-mail to everyone about the dossiers they follow, and `manage.py send_reminders`."""

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.management import CommandError, call_command

from tests.tracker.factories import follow, make_document, promise
from tracker.models import Commitment
from tracker.reminders import send_reminders, send_weekly

TODAY = dt.date(2024, 5, 15)


def letter(kamerstuk, due, text="Ik informeer uw Kamer over <de voortgang> & meer."):
    text = f"{text} ({kamerstuk})"
    make_document(text, kamerstuk=kamerstuk, date=dt.date(2024, 1, 5), sender="Minister van Defensie",
                  commitments=[promise(text, text, due)])


def test_it_mails_what_is_overdue_and_what_falls_due_soon(settings, clerk, staff, django_assert_max_num_queries):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SITE_URL = "https://tracker.example.nl"
    clerk.email, staff.email = "gea@example.nl", "mees@example.nl"
    clerk.save(), staff.save()
    letter("27925-960", dt.date(2024, 4, 30))  # te laat
    letter("27925-961", dt.date(2024, 5, 31))  # within three weeks
    letter("27925-962", dt.date(2024, 9, 30))  # later: not yet
    letter("36200-X-1", dt.date(2024, 5, 20))  # another clerk's dossier
    letter("21501-20-1", dt.date(2024, 5, 20))  # followed by nobody
    Commitment.objects.update(status="openstaand")
    Commitment.objects.filter(document__kamerstuk="27925-960").update(ministry="Minister van Defensie")
    follow(clerk, "27925")
    follow(staff, "36200-X")

    with django_assert_max_num_queries(2):  # the followers, and the commitments of all their dossiers
        assert send_weekly(TODAY) == 2

    by_address = {message.to[0]: message for message in mail.outbox}
    message = by_address["gea@example.nl"]
    assert message.subject == "Toezeggingen: 1 te laat, 1 met een termijn in de komende 3 weken"
    body = message.body
    assert body.startswith("Beste Gea Griffier,")
    overdue, upcoming = body.split("TE LAAT (1)")[1].split("BINNENKORT (1)")
    assert "30 apr 2024" in overdue and "(27925-960)" in overdue and "Minister van Defensie" in overdue
    assert "<de voortgang> & meer" in overdue  # plain text: not HTML-escaped
    assert "(27925-961)" in upcoming and "27925-962" not in body and "36200-X-1" not in body
    commitment = Commitment.objects.get(document__kamerstuk="27925-960")
    assert f"https://tracker.example.nl/toezeggingen/{commitment.pk}/" in body
    assert "36200-X-1" in by_address["mees@example.nl"].body


def test_it_leaves_out_fulfilled_promises_and_clerks_without_anything_due(settings, clerk):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    clerk.email = "gea@example.nl"
    clerk.save()
    letter("27925-960", dt.date(2024, 4, 30))
    Commitment.objects.update(status="voldaan")
    follow(clerk, "27925")
    assert send_weekly(TODAY) == 0 and mail.outbox == []


def test_it_runs_as_a_scheduled_task(settings, clerk, time_machine):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    time_machine.move_to(dt.datetime(2024, 5, 15, 7, 0))
    clerk.email = "gea@example.nl"
    clerk.save()
    letter("27925-960", dt.date(2024, 5, 20))
    Commitment.objects.update(status="openstaand")
    follow(clerk, "27925")
    assert send_reminders.apply().get() == 1 and len(mail.outbox) == 1
    assert settings.CELERY_BEAT_SCHEDULE["weekly-reminders"]["task"] == send_reminders.name


def test_everyone_who_follows_a_dossier_gets_it_in_their_own_message(settings, clerk, staff,
                                                                      django_assert_max_num_queries):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    clerk.email, staff.email = "gea@example.nl", "mees@example.nl"
    clerk.save(), staff.save()
    nobody = User.objects.create_user("zonder", password="x" * 20)  # follows too, but has no address
    for number in range(1, 6):
        letter(f"2792{number}-1", dt.date(2024, 5, 20))
    Commitment.objects.update(status="openstaand")
    follow(clerk, "27921", "27922", "27923", "27924")
    follow(staff, "27921", "27925")
    follow(nobody, "27921")
    with django_assert_max_num_queries(2):
        assert send_weekly(TODAY) == 2
    by_address = {message.to[0]: message for message in mail.outbox}
    assert by_address["gea@example.nl"].subject == "Toezeggingen: 0 te laat, 4 met een termijn in de komende 3 weken"
    assert by_address["mees@example.nl"].subject == "Toezeggingen: 0 te laat, 2 met een termijn in de komende 3 weken"
    assert "(27921-1)" in by_address["mees@example.nl"].body and "(27925-1)" in by_address["mees@example.nl"].body
    assert "(27925-1)" not in by_address["gea@example.nl"].body


def test_a_deactivated_follower_gets_nothing(settings, clerk):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    clerk.email, clerk.is_active = "gea@example.nl", False
    clerk.save()
    letter("27925-960", dt.date(2024, 5, 20))
    Commitment.objects.update(status="openstaand")
    follow(clerk, "27925")
    assert send_weekly(TODAY) == 0


@pytest.fixture
def local_mail(settings, time_machine):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SITE_URL = "http://127.0.0.1:8123"
    time_machine.move_to(dt.datetime(2024, 5, 15, 9, 0))


def run(*args):
    from io import StringIO

    out = StringIO()
    call_command("send_reminders", *args, stdout=out)
    return out.getvalue()


def test_the_command_sends_now(local_mail, clerk, staff):
    clerk.email = "gea@example.nl"
    clerk.save()
    letter("27925-960", dt.date(2024, 5, 20))
    Commitment.objects.update(status="openstaand")
    follow(clerk, "27925")
    follow(staff, "27925")
    out = run()
    assert "griffier <gea@example.nl>: Toezeggingen: 0 te laat, 1 met een termijn" in out
    assert "medewerker: niets verstuurd, want er is geen e-mailadres ingesteld." in out
    assert out.rstrip().endswith("1 bericht(en) verstuurd.")
    assert [message.to for message in mail.outbox] == [["gea@example.nl"]]
    commitment = Commitment.objects.get()
    assert f"http://127.0.0.1:8123/toezeggingen/{commitment.pk}/" in mail.outbox[0].body
    assert "http://127.0.0.1:8123/profiel/" in mail.outbox[0].body


def test_the_command_shows_what_would_be_sent_and_sends_nothing(local_mail, clerk):
    clerk.email = "gea@example.nl"
    clerk.save()
    letter("27925-960", dt.date(2024, 4, 30))
    Commitment.objects.update(status="openstaand")
    follow(clerk, "27925")
    out = run("--dry-run")
    assert "griffier <gea@example.nl> zou krijgen: Toezeggingen: 1 te laat, 0 met een termijn" in out
    assert "TE LAAT (1)" in out and "(27925-960)" in out
    assert "Proef: niets verstuurd; zonder --dry-run gaan er 1 bericht(en)." in out
    assert mail.outbox == []


def test_the_command_says_why_one_user_gets_nothing(local_mail, clerk):
    assert "griffier: niets verstuurd, want er is geen e-mailadres ingesteld." in run("--user", "griffier")
    clerk.email = "gea@example.nl"
    clerk.save()
    assert "griffier: niets verstuurd, want er worden geen dossiers gevolgd." in run("--user", "griffier")
    follow(clerk, "27925")
    letter("27925-960", dt.date(2024, 9, 30))  # not due within three weeks
    Commitment.objects.update(status="openstaand")
    out = run("--user", "griffier")
    assert "griffier: niets verstuurd, want in de gevolgde dossiers is niets te laat en verloopt geen termijn" in out
    assert out.rstrip().endswith("Niets verstuurd.") and mail.outbox == []


def test_the_command_names_only_the_user_asked_for(local_mail, clerk, staff):
    clerk.email, staff.email = "gea@example.nl", "mees@example.nl"
    clerk.save(), staff.save()
    letter("27925-960", dt.date(2024, 5, 20))
    Commitment.objects.update(status="openstaand")
    follow(clerk, "27925")
    follow(staff, "27925")
    out = run("--user", "medewerker")
    assert "medewerker <mees@example.nl>" in out and "griffier" not in out
    assert [message.to for message in mail.outbox] == [["mees@example.nl"]]


def test_the_command_says_when_nobody_follows_anything_or_the_user_is_unknown(local_mail, clerk):
    assert run().strip() == "Niets verstuurd: niemand volgt een dossier."
    with pytest.raises(CommandError, match="Gebruiker niemand bestaat niet."):
        run("--user", "niemand")
