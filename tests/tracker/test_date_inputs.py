"""Date inputs hold ISO dates: a browser's date picker shows nothing for any other value, and saving the form
for another reason would then clear the date."""

import datetime as dt
from html.parser import HTMLParser

import pytest
from django import forms as django_forms
from django.urls import reverse

from tests.tracker.factories import make_document, promise
from tracker import forms
from tracker.filters import CommitmentFilter
from tracker.views.search import SearchForm

TEXT = "In december informeer ik uw Kamer wederom over de veiligheidssituatie in Irak."
A_DATE = dt.date(2019, 11, 30)


def date_fields(form_class):
    return [name for name, field in form_class.base_fields.items() if isinstance(field, django_forms.DateField)]


FORMS_WITH_DATES = [forms.StatusForm, forms.EditCommitmentForm, forms.NewCommitmentForm, forms.PostponementForm,
                    forms.RappelAnswerForm, SearchForm, CommitmentFilter]


@pytest.mark.parametrize("form_class", FORMS_WITH_DATES, ids=lambda c: c.__name__)
def test_every_date_input_renders_an_iso_date(form_class, settings):
    settings.USE_I18N = True
    names = date_fields(form_class)
    assert names, f"{form_class.__name__} has no date field"
    html = str(form_class(None, initial={name: A_DATE for name in names}))
    for name in names:
        assert f'name="{name}" value="2019-11-30"' in html, name
    assert "30-11-2019" not in html


class FormFields(HTMLParser):
    """The values a browser would send back for the forms of a page that post to `action` (or to the page)."""

    def __init__(self, action):
        super().__init__()
        self.action, self.inside, self.values, self.textarea, self.select = action, False, {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("action", self.action) == self.action:
            self.inside = True
        elif self.inside and tag == "input" and attrs.get("name") and attrs.get("type") not in ("submit", "button"):
            self.values[attrs["name"]] = attrs.get("value") or ""
        elif self.inside and tag == "textarea":
            self.textarea = attrs["name"]
            self.values[self.textarea] = ""
        elif self.inside and tag == "select":
            self.select = attrs["name"]
            self.values.setdefault(self.select, "")
        elif self.select and tag == "option" and "selected" in attrs:
            self.values[self.select] = attrs.get("value") or ""

    def handle_data(self, data):
        if self.textarea:
            self.values[self.textarea] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self.textarea = None
        elif tag == "select":
            self.select = None
        elif tag == "form":
            self.inside = False


@pytest.fixture
def commitment(db):
    letter = make_document(TEXT, kamerstuk="27925-960", date=dt.date(2019, 11, 1), sender="Minister van Defensie",
                           commitments=[promise(TEXT, TEXT, A_DATE, "eind november")])
    return letter.commitments.get()


def test_an_unchanged_edit_form_posted_back_changes_nothing(clerk_client, commitment):
    url = reverse("commitment_edit", args=[commitment.pk])
    page = clerk_client.get(url)
    assert page.status_code == 200
    fields = FormFields(url)
    fields.feed(page.content.decode())
    assert fields.values.get("due_date") == "2019-11-30"
    history_before = commitment.changes.count()

    response = clerk_client.post(url, fields.values)

    assert response.status_code == 302
    commitment.refresh_from_db()
    assert commitment.due_date == A_DATE and commitment.due_text == "eind november" and commitment.text == TEXT
    assert commitment.changes.count() == history_before
