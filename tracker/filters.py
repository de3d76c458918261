"""The filters shared by the commitment list, its exports, the API and the timelines: one form, read from GET;
the states they filter by are the ones search uses (`tracker.display.STATE_CHOICES`)."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils.functional import cached_property

from tracker.display import STATE_CHOICES
from tracker.forms import CalendarDateField
from tracker.models import Dossier
from tracker.periods import Period

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
