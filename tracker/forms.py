"""The forms clerks fill in: uploads, commitments by hand and corrected, status changes, dates."""

from django import forms
from django.conf import settings

from tracker.excerpt import shorten
from tracker.ids import kamerstuk_label, parse_typed_dossier, parse_typed_kamerstuk
from ingest.ministries import ministry_of
from tracker.ministries import ministry_choices
from tracker.models import Document, Status

# What a clerk can set by hand; kandidaat is only ever the engine's.
CLERK_STATUSES = [(s.value, s.label) for s in Status if s != Status.KANDIDAAT]


class CalendarDateField(forms.DateField):
    """A date chosen in the browser's date picker.

    The picker only accepts ISO dates (YYYY-MM-DD); the Dutch display format would leave it empty, and saving
    the form for any other reason would then clear the date.
    """

    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class LetterChoiceField(forms.ModelChoiceField):
    """A letter to choose as evidence, named so that letters of one dossier (often one title) can be told apart:
    "27 925, nr. 962 · 15-12-2023 · Stand van zaken Irak · Minister van Defensie"."""

    def label_from_instance(self, document):
        # the title before the sender: a joint letter's senders would leave no room for what tells letters apart
        parts = [kamerstuk_label(document.kamerstuk) if document.kamerstuk else "",
                 f"{document.date:%d-%m-%Y}" if document.date else "datum onbekend",
                 str(document), document.sender]
        return shorten(" · ".join(part for part in parts if part), _LABEL_LENGTH)


_LABEL_LENGTH = 140


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field, as Django's documentation describes."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.txt,.html,.htm,.xml,.docx"}))
        # An empty file is refused by the upload with its name, not by the form: the others are still stored.
        kwargs.setdefault("allow_empty_file", True)
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
    evidence = LetterChoiceField(
        label="Nakomende brief",
        queryset=Document.objects.none(),
        required=False,
        empty_label="— kies een brief —",
    )
    note = forms.CharField(label="Toelichting", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    new_due_date = CalendarDateField(label="Nieuwe termijn (bij uitstel)", required=False)
    # The version of the commitment the clerk saw; a change made since then is a conflict.
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, candidates=None, shown: list[Document] | None = None, **kwargs):
        """`candidates`: the letters a posted choice may name; `shown`: the letters the list offers, in order."""
        super().__init__(*args, **kwargs)
        self.fields["evidence"].queryset = candidates if candidates is not None else Document.objects.none()
        if shown is not None:
            self.offer(shown)

    def offer(self, letters: list[Document]) -> None:
        """Show these letters, already read, in the evidence list (the candidates a post may name are many more)."""
        evidence = self.fields["evidence"]
        evidence.choices = [("", evidence.empty_label),
                            *((letter.pk, evidence.label_from_instance(letter)) for letter in letters)]


class DossierField(forms.CharField):
    """A dossier as a clerk types it ("27 925", "36 200 X"), cleaned to its canonical key."""

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return ""
        key = parse_typed_dossier(value)
        if key is None:
            raise forms.ValidationError(f"“{value}” is geen dossiernummer zoals 27 925 of 36 200 X.")
        return key


class CommitmentFieldsForm(forms.Form):
    """What a clerk can set on a commitment, whether correcting a detected one or entering one by hand."""

    text = forms.CharField(label="Tekst van de toezegging", widget=forms.Textarea(attrs={"rows": 3}))
    due_date = CalendarDateField(label="Termijn", required=False)
    due_text = forms.CharField(label="Termijn zoals verwoord", required=False, max_length=200)
    ministry = forms.ChoiceField(label="Verantwoordelijk ministerie", required=False)
    dossier = DossierField(label="Dossier", required=False, max_length=40)


    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", "—"), *ministry_choices()]
        # A ministry the table does not know (as the Kamer's register wrote it) stays choosable as it is.
        current = self.initial.get("ministry") or self.data.get("ministry")
        if current and current not in dict(choices):
            choices.append((current, current))
        self.fields["ministry"].choices = choices


class EditCommitmentForm(CommitmentFieldsForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class NewCommitmentForm(CommitmentFieldsForm):
    made_on = CalendarDateField(label="Toegezegd op", required=False)
    origin = forms.CharField(label="Waar toegezegd (bijv. commissiedebat van 25 oktober 2023)", required=False,
                             max_length=300)
    kamerstuk = forms.CharField(label="In Kamerstuk (optioneel)", required=False, max_length=60)


class DocumentCorrectionForm(forms.Form):
    """What a clerk can correct in a document's metadata (`tracker.corrections`)."""

    kamerstuk = forms.CharField(label="Eigen Kamerstuknummer (leeg: geen)", required=False, max_length=60,
                                help_text="bijv. 27 925, nr. 962")
    dossiers = forms.CharField(label="Dossiers", required=False, max_length=300,
                               help_text="gescheiden door puntkomma's, bijv. 27 925; 29 521")
    date = CalendarDateField(label="Datum", required=False)
    kind = forms.ChoiceField(label="Soort", choices=Document.Kind.choices)
    sender = forms.CharField(label="Afzender", required=False, max_length=500)
    ministries = forms.CharField(label="Ministeries", required=False, max_length=300,
                                 help_text="gescheiden door puntkomma's, bijv. Defensie; BZ")
    title = forms.CharField(label="Titel", required=False, max_length=1000)

    def clean_kamerstuk(self):
        typed = self.cleaned_data["kamerstuk"].strip()
        if not typed:
            return ""
        kamerstuk = parse_typed_kamerstuk(typed)
        if kamerstuk is None:
            raise forms.ValidationError(f"“{typed}” is geen Kamerstuknummer zoals 27 925, nr. 962 of 36200-X-85.")
        return kamerstuk

    def clean_ministries(self):
        codes = []
        for typed in filter(None, (part.strip() for part in self.cleaned_data["ministries"].split(";"))):
            code = ministry_of(typed)
            if code is None:
                raise forms.ValidationError(
                    f"“{typed}” is geen ministerie dat deze tracker kent, zoals Defensie of BZK.")
            if code not in codes:
                codes.append(code)
        return codes

    def clean_dossiers(self):
        keys = []
        for typed in filter(None, (part.strip() for part in self.cleaned_data["dossiers"].split(";"))):
            key = parse_typed_dossier(typed)
            if key is None:
                raise forms.ValidationError(f"“{typed}” is geen dossiernummer zoals 27 925 of 36 200 X.")
            if key not in keys:
                keys.append(key)
        return keys


class PostponementForm(forms.Form):
    new_due_date = CalendarDateField(label="Nieuwe termijn")
    version = forms.IntegerField(widget=forms.HiddenInput)


class RappelAnswerForm(forms.Form):
    """A ministry's answer to a rappel, per commitment: a new date (a postponement) or fulfilled, each with the
    answering letter as evidence."""

    POSTPONED, FULFILLED = "uitgesteld", "voldaan"

    answer = forms.ChoiceField(label="Antwoord", choices=[(POSTPONED, "Nieuwe datum"), (FULFILLED, "Voldaan")])
    new_due_date = CalendarDateField(label="Nieuwe verwachte datum", required=False)
    letter = forms.CharField(label="Antwoordbrief", max_length=60,
                             widget=forms.TextInput(attrs={"placeholder": "27925-980 of 2024D12345"}),
                             error_messages={"required": "Geef het Kamerstuk- of documentnummer van de antwoordbrief."})
    version = forms.IntegerField(widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        if data.get("answer") == self.POSTPONED and not data.get("new_due_date"):
            self.add_error("new_due_date", "Geef de nieuwe verwachte datum die het ministerie noemt.")
        return data
