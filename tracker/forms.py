from django import forms
from django.conf import settings

from tracker.models import Document, Status

# What a clerk can set by hand; kandidaat is only ever the engine's.
CLERK_STATUSES = [(s.value, s.label) for s in Status if s != Status.KANDIDAAT]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field, as Django's documentation describes."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.txt,.html,.htm,.xml,.docx"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, (list, tuple)) and data:
            return [super(MultipleFileField, self).clean(item, initial) for item in data]
        return [super().clean(data, initial)]


class UploadForm(forms.Form):
    files = MultipleFileField(
        label="Bestanden",
        help_text=f"PDF, tekst, HTML, XML of DOCX; ten hoogste {settings.MAX_UPLOAD_MB} MB per bestand.",
    )


class StatusForm(forms.Form):
    status = forms.ChoiceField(label="Nieuwe status", choices=CLERK_STATUSES)
    evidence = forms.ModelChoiceField(
        label="Nakomende brief",
        queryset=Document.objects.none(),
        required=False,
        empty_label="— kies een brief —",
    )
    note = forms.CharField(label="Toelichting", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    new_due_date = forms.DateField(
        label="Nieuwe termijn (bij uitstel)", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    # The version of the commitment the clerk saw; a change made since then is a conflict.
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, candidates=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evidence"].queryset = candidates if candidates is not None else Document.objects.none()
