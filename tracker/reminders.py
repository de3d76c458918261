"""The weekly reminder: to each clerk, what falls due soon and what is overdue in the dossiers they follow."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.utils import timezone

from tracker.models import Commitment

WEEKS_AHEAD = 3


def reminders(today: dt.date, base_url: str) -> list[EmailMessage]:
    """One message per follower with an e-mail address and something to report; one query for all of them."""
    horizon = today + dt.timedelta(weeks=WEEKS_AHEAD)
    commitments = (
        Commitment.objects.listed().open()
        .filter(dossier__followed_by__isnull=False, dossier__followed_by__is_active=True, due_date__lte=horizon)
        .select_related("dossier__followed_by", "document")
        .order_by("due_date", "pk")
    )
    per_user = defaultdict(lambda: {"overdue": [], "upcoming": []})
    users = {}
    for commitment in commitments:
        user = commitment.dossier.followed_by
        users[user.pk] = user
        per_user[user.pk]["overdue" if commitment.due_date < today else "upcoming"].append(commitment)
    messages = []
    for pk, lists in per_user.items():
        user = users[pk]
        if not user.email:
            continue
        ctx = {"user": user, "today": today, "horizon": horizon, "base_url": base_url, **lists}
        subject = (f"Toezeggingen: {len(lists['overdue'])} te laat, "
                   f"{len(lists['upcoming'])} met een termijn in de komende {WEEKS_AHEAD} weken")
        messages.append(EmailMessage(subject, render_to_string("emails/reminder.txt", ctx), to=[user.email]))
    return messages


@shared_task(name="tracker.send_reminders")
def send_reminders() -> int:
    """The weekly e-mail, from Celery beat."""
    return send_weekly()


def send_weekly(today: dt.date | None = None) -> int:
    messages = reminders(today or timezone.localdate(), settings.SITE_URL)
    if messages:
        get_connection().send_messages(messages)
    return len(messages)
