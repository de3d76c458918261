"""The weekly reminder e-mail to each clerk about the dossiers they follow."""

import datetime as dt

from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.tracker.factories import make_document, promise
from tracker.models import Commitment, Dossier
from tracker.reminders import send_reminders, send_weekly

TODAY = dt.date(2024, 5, 15)


def letter(kamerstuk, due, text="Ik informeer uw Kamer over <de voortgang> & meer."):
    text = f"{text} ({kamerstuk})"
    make_document(text, kamerstuk=kamerstuk, date=dt.date(2024, 1, 5), sender="Minister van Defensie",
                  commitments=[promise(text, text, due)])


def follow(key, user):
    Dossier.objects.filter(key=key).update(followed_by=user)


def test_it_mails_what_is_overdue_and_what_falls_due_soon(settings, clerk, staff):
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
    follow("27925", clerk)
    follow("36200-X", staff)

    with CaptureQueriesContext(connection) as queries:
        assert send_weekly(TODAY) == 2
    assert len(queries.captured_queries) == 1

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
    follow("27925", clerk)
    assert send_weekly(TODAY) == 0 and mail.outbox == []


def test_it_runs_as_a_scheduled_task(settings, clerk, time_machine):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    time_machine.move_to(dt.datetime(2024, 5, 15, 7, 0))
    clerk.email = "gea@example.nl"
    clerk.save()
    letter("27925-960", dt.date(2024, 5, 20))
    Commitment.objects.update(status="openstaand")
    follow("27925", clerk)
    assert send_reminders.apply().get() == 1 and len(mail.outbox) == 1
    assert settings.CELERY_BEAT_SCHEDULE["weekly-reminders"]["task"] == send_reminders.name
