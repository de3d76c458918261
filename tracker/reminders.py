"""The weekly reminder: to each follower, what falls due soon and what is overdue in the dossiers they follow,
or, when nothing goes to them, why not."""

from __future__ import annotations

import datetime as dt
import smtplib
from dataclasses import dataclass, field

from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db.models import Exists, F, OuterRef
from django.template.loader import render_to_string
from django.utils import timezone

from tracker.models import Commitment, Following

WEEKS_AHEAD = 3


@dataclass
class Reminder:
    """What one user's weekly e-mail holds: their overdue and upcoming commitments."""

    user: object
    follows: bool
    today: dt.date
    overdue: list = field(default_factory=list)
    upcoming: list = field(default_factory=list)

    @property
    def horizon(self) -> dt.date:
        return self.today + dt.timedelta(weeks=WEEKS_AHEAD)

    @property
    def why_not(self) -> str:
        """Why nothing goes to this user, in Dutch; empty when a message goes."""
        if not self.user.is_active:
            return "het account is uitgeschakeld"
        if not self.user.email:
            return "er is geen e-mailadres ingesteld"
        if not self.follows:
            return "er worden geen dossiers gevolgd"
        if not (self.overdue or self.upcoming):
            return ("in de gevolgde dossiers is niets te laat en verloopt geen termijn "
                    f"in de komende {WEEKS_AHEAD} weken")
        return ""

    @property
    def subject(self) -> str:
        return (f"Toezeggingen: {len(self.overdue)} te laat, "
                f"{len(self.upcoming)} met een termijn in de komende {WEEKS_AHEAD} weken")

    def message(self, base_url: str) -> EmailMessage:
        ctx = {"user": self.user, "today": self.today, "horizon": self.horizon, "base_url": base_url,
               "overdue": self.overdue, "upcoming": self.upcoming}
        return EmailMessage(self.subject, render_to_string("emails/reminder.txt", ctx), to=[self.user.email])


def reminders(today: dt.date, users=None) -> list[Reminder]:
    """The reminder of each given user, or else of every active user who follows a dossier; two queries for
    all of them: the users, and the open commitments due by the horizon in their dossiers, once per follower."""
    people = get_user_model().objects.annotate(follows=Exists(Following.objects.filter(user=OuterRef("pk"))))
    if users is None:
        people = people.filter(is_active=True, follows=True)
    else:
        people = people.filter(pk__in=[user.pk for user in users])
    found = {user.pk: Reminder(user, user.follows, today) for user in people.order_by("username")}
    if not found:
        return []
    horizon = today + dt.timedelta(weeks=WEEKS_AHEAD)
    commitments = (
        Commitment.objects.listed().open()
        .filter(dossier__followings__user__in=list(found), due_date__lte=horizon)
        # The follower from the join the filter made: one row per commitment and follower.
        .annotate(follower=F("dossier__followings__user"))
        .select_related("dossier", "document").defer("document__text")
        .order_by("due_date", "pk")
    )
    for commitment in commitments:
        reminder = found[commitment.follower]
        (reminder.overdue if commitment.due_date < today else reminder.upcoming).append(commitment)
    return list(found.values())


class NotSent(Exception):
    """The mail server could not be reached or refused the messages; the message says so in Dutch."""


def deliver(due: list[Reminder], base_url: str) -> int:
    """Send the reminders that have something to say; how many went."""
    messages = [reminder.message(base_url) for reminder in due if not reminder.why_not]
    if messages:
        try:
            get_connection().send_messages(messages)
        except (smtplib.SMTPException, OSError) as error:
            raise NotSent(f"de mailserver {settings.EMAIL_HOST}:{settings.EMAIL_PORT} nam de e-mail niet aan "
                          f"({error.__class__.__name__}: {error})") from error
    return len(messages)


@shared_task(name="tracker.send_reminders")
def send_reminders() -> int:
    """The weekly e-mail, from Celery beat."""
    return send_weekly()


def send_weekly(today: dt.date | None = None) -> int:
    return deliver(reminders(today or timezone.localdate()), settings.SITE_URL)
