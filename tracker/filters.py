"""The filters shared by the commitment list, its exports, the API and the timelines: one form, read from GET;
the states they filter by are the ones search uses."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from django import forms
from django.db import connection
from django.utils.functional import cached_property
from django.utils.text import slugify

from tracker.forms import CalendarDateField
from tracker.models import LATE, OPEN, Dossier, Status

# What lists filter and count by: each status, all open ones together, and te laat (a flag beside the status).
STATE_CHOICES = [
    (Status.KANDIDAAT.value, "Kandidaat"),
    (OPEN, "Alle open"),  # openstaand, uitgesteld and deels voldaan
    (LATE, "Te laat"),
    (Status.OPENSTAAND.value, "Openstaand"),
    (Status.UITGESTELD.value, "Uitgesteld"),
    (Status.DEELS_VOLDAAN.value, "Deels voldaan"),
    (Status.VOLDAAN.value, "Voldaan"),
    (Status.VERVALLEN.value, "Vervallen"),
]
STATES = [value for value, _ in STATE_CHOICES]

MONTHS = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]


def day_label(date: dt.date) -> str:
    """A date as the pages write it: 5 mrt 2024."""
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


@dataclass(frozen=True)
class Period:
    """A year (`2024`) or a month (`2024-03`) to zoom a timeline to."""

    start: dt.date
    end: dt.date
    value: str

    @property
    def label(self):
        if len(self.value) == 4:
            return self.value
        return f"{MONTHS[self.start.month - 1]} {self.start.year}"

    @property
    def year(self):
        return self.start.year

    @classmethod
    def parse(cls, value: str) -> Period | None:
        match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?", value or "")
        if not match:
            return None
        year = int(match[1])
        if not 1800 <= year <= 2200:
            return None
        if match[2] is None:
            return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), value)
        month = int(match[2])
        if not 1 <= month <= 12:
            return None
        return cls(dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]), value)


class LenientFilter(forms.Form):
    """A list's filters read from GET; invalid ones are ignored, so a stale bookmark still shows a list."""

    @property
    def values(self) -> dict:
        """The valid filters that are set."""
        self.is_valid()
        return {name: value for name, value in getattr(self, "cleaned_data", {}).items() if value}


class CommitmentFilter(LenientFilter):
    status = forms.ChoiceField(label="Status", required=False, choices=[("", "Alle")] + STATE_CHOICES)
    ministerie = forms.CharField(label="Ministerie", required=False, max_length=200)
    dossier = forms.CharField(label="Dossier", required=False, max_length=40)
    termijn_van = CalendarDateField(label="Termijn vanaf", required=False)
    termijn_tot = CalendarDateField(label="Termijn tot en met", required=False)
    periode = forms.CharField(label="Periode", required=False, max_length=7)

    def __init__(self, data, *, ministries=(), **kwargs):
        super().__init__(data, **kwargs)
        # A select when the choices are known; a bad value then reads as "no filter", not as an error page.
        if ministries:
            self.fields["ministerie"] = forms.ChoiceField(
                label="Ministerie", required=False, choices=[("", "Alle")] + [(m, m) for m in ministries]
            )

    @cached_property
    def dossier_id(self) -> int | None:
        """The chosen dossier, looked up once. Given its id rather than a join on its key, PostgreSQL knows how many
        commitments the dossier has, and reads the list of a large one in deadline order instead of sorting it."""
        key = self.values.get("dossier")
        return Dossier.objects.filter(key=key).values_list("pk", flat=True).first() if key else None

    @property
    def period(self) -> Period | None:
        return Period.parse(self.values.get("periode", ""))

    def apply(self, commitments, today: dt.date):
        """Narrow a commitment queryset by status, ministry, dossier and due period."""
        commitments = self.narrow(commitments)
        if "status" in self.values:
            commitments = commitments.in_state(self.values["status"], today)
        return commitments

    def narrow(self, commitments):
        """Narrow a commitment queryset by everything but the status: what the status counts are taken over."""
        values = self.values
        if "ministerie" in values:
            commitments = commitments.filter(ministry=values["ministerie"])
        if "dossier" in values:
            # A commitment's own dossier: its letter's, which it follows when a source moves the letter, unless
            # a clerk put it in another. Read from the index alone when the list is counted per status.
            commitments = commitments.filter(dossier_id=self.dossier_id) if self.dossier_id else commitments.none()
        if "termijn_van" in values:
            commitments = commitments.filter(due_date__gte=values["termijn_van"])
        if "termijn_tot" in values:
            commitments = commitments.filter(due_date__lte=values["termijn_tot"])
        return commitments

    @property
    def narrows_commitments(self) -> bool:
        return bool(self.values.keys() & {"status", "ministerie", "dossier", "termijn_van", "termijn_tot"})


def ministry_slug(name: str) -> str:
    """Ministries are free text; their URL is the slug of that text (never empty, so always a valid URL)."""
    return slugify(name) or "ministerie"


def ministry_names() -> list[str]:
    """The ministries named on commitments, in order. PostgreSQL has no skip scan, so DISTINCT would read every
    commitment; this walks the index `commitment_ministry_status` instead, one next name at a time."""
    with connection.cursor() as cursor:
        cursor.execute("""
            WITH RECURSIVE names(name) AS (
                SELECT MIN(ministry) FROM tracker_commitment WHERE ministry > ''
                UNION ALL
                SELECT (SELECT MIN(ministry) FROM tracker_commitment WHERE ministry > names.name)
                FROM names WHERE names.name IS NOT NULL
            )
            SELECT name FROM names WHERE name IS NOT NULL""")
        return [name for name, in cursor.fetchall()]


def ministry_for_slug(slug: str, ministries) -> str | None:
    return next((name for name in ministries if ministry_slug(name) == slug), None)
