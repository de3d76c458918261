"""The rappel per ministry: the page, the DOCX letter and the spreadsheet, and the ministry's answer entered per
commitment by a clerk."""

import datetime as dt
import io

import docx
import openpyxl
import pytest
from django.test import Client
from django.urls import reverse

from tests.tracker.factories import make_document, promise
from tracker.models import Commitment, Status, StatusChange

DEFENSIE = "Defensie"  # the ministry's code
SLUG = "defensie"


def commitment(number, due, *, ministry=DEFENSIE, status=Status.OPENSTAAND, text=None):
    text = text or f"Voor de zomer informeer ik uw Kamer over punt {number}."
    document = make_document(text, kamerstuk=f"27925-{number}", date=dt.date(2024, 1, 5),
                             sender=f"Minister van {ministry}", commitments=[promise(text, text, due)])
    Commitment.objects.filter(document=document).update(status=status, ministry=ministry)
    return document.commitments.get()


@pytest.fixture
def register(db, time_machine):
    time_machine.move_to(dt.datetime(2024, 5, 15, 10, 0))
    return {
        "late": commitment(1, dt.date(2024, 3, 31)),
        "soon": commitment(2, dt.date(2024, 9, 30), text="=HYPERLINK(\"http://example.org\") informeer ik uw Kamer."),
        "far": commitment(3, dt.date(2025, 3, 31)),  # beyond six months
        "done": commitment(4, dt.date(2024, 3, 1), status=Status.VOLDAAN),
        "candidate": commitment(5, dt.date(2024, 4, 1), status=Status.KANDIDAAT),
        "elsewhere": commitment(6, dt.date(2024, 4, 1), ministry="Financiën"),
    }


@pytest.fixture
def answer_letter(db):
    return make_document("Hierbij beantwoord ik het rappel.", kamerstuk="27925-990", date=dt.date(2024, 5, 10),
                         sender="Minister van Defensie")


def test_it_lists_each_ministry_with_what_is_overdue_and_due_soon(staff_client, register):
    page = staff_client.get(reverse("rappel_index")).content.decode()
    defensie = page.split(DEFENSIE)[1].split("</tr>")[0]
    assert "<td>1</td><td>1</td>" in defensie  # one past due, one within six months
    assert f'href="/rappel/{SLUG}/rappel.docx"' in page and "Financiën" in page
    assert 'href="/rappel/">Rappel</a>' in page  # in the navigation


def test_with_nothing_to_chase_it_says_so_outside_the_table(staff_client, db):
    page = staff_client.get(reverse("rappel_index")).content.decode()
    assert '<p class="muted">Geen open toezeggingen met een ministerie en een termijn tot over zes maanden.</p>' in page
    assert "<table" not in page  # a narrow screen scrolls a table sideways and would cut the sentence off


def test_the_page_shows_past_due_and_due_within_six_months(staff_client, register, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        response = staff_client.get(reverse("rappel", args=[SLUG]))
    page = response.content.decode()
    late, soon = page.split("Termijn verstreken (1)")[1].split("Termijn in de komende zes maanden (1)")
    assert "punt 1." in late and "27\u00a0925, nr.\u00a01" in late and "31 mrt 2024" in late and "te laat" in late
    assert "=HYPERLINK" in soon and "30 sep 2024" in soon
    for absent in ("punt 3.", "punt 4.", "punt 5.", "punt 6."):
        assert absent not in page
    assert "Vastleggen" not in page  # staff read only


def test_its_queries_stay_the_same_for_a_longer_rappel(clerk_client, register, django_assert_max_num_queries):
    for number in range(10, 40):
        commitment(number, dt.date(2024, 2, 1) + dt.timedelta(days=number))
    with django_assert_max_num_queries(7):
        page = clerk_client.get(reverse("rappel", args=[SLUG])).content.decode()
    assert page.count("Vastleggen</button>") == 32
    assert 'id="rappel-{}-new_due_date"'.format(register["late"].pk) in page  # each row labels its own fields


def test_an_unknown_ministry_is_not_found(staff_client, register):
    for name in ("rappel", "rappel_docx", "rappel_xlsx"):
        assert staff_client.get(reverse(name, args=["ministerie-van-niets"])).status_code == 404


def test_the_letter_is_a_docx_with_a_table_per_section(staff_client, register):
    response = staff_client.get(reverse("rappel_docx", args=[SLUG]))
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert response["Content-Disposition"] == f'attachment; filename="rappel-{SLUG}-2024-05-15.docx"'
    letter = docx.Document(io.BytesIO(response.content))
    text = "\n".join(paragraph.text for paragraph in letter.paragraphs)
    assert "Rappel toezeggingen" in text and "Aan: het ministerie van Defensie" in text and "15 mei 2024" in text
    assert "Termijn verstreken (1)" in text and "Termijn in de komende zes maanden (1)" in text
    late, soon = letter.tables
    assert [cell.text for cell in late.rows[0].cells][-1] == "nieuwe verwachte datum"
    assert [cell.text for cell in late.rows[1].cells] == [
        str(register["late"].pk), "Voor de zomer informeer ik uw Kamer over punt 1.",
        "27\u00a0925, nr.\u00a01 van 5 jan 2024", "27\u00a0925", "Openstaand · te laat", "31 mrt 2024", ""]
    assert len(soon.rows) == 2 and "punt 3." not in text


def test_the_spreadsheet_has_a_column_for_the_new_date_and_no_formulas(staff_client, register):
    response = staff_client.get(reverse("rappel_xlsx", args=[SLUG]))
    assert response["Content-Disposition"] == f'attachment; filename="rappel-{SLUG}-2024-05-15.xlsx"'
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("onderdeel", "nr.", "toezegging", "brief", "dossier", "status", "termijn",
                       "nieuwe verwachte datum")
    assert rows[1][:2] == ("Termijn verstreken", register["late"].pk)
    assert rows[1][6] == dt.datetime(2024, 3, 31) and rows[1][7] is None
    assert rows[2][0] == "Termijn in de komende zes maanden"
    assert rows[2][2].startswith("'=HYPERLINK")  # text, never a formula
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    assert len(rows) == 3


def answer(client, commitment, **data):
    data = {"answer": "uitgesteld", "letter": "27925-990", "version": commitment.version, **data}
    return client.post(reverse("rappel_answer", args=[SLUG, commitment.pk]), data, HTTP_HX_REQUEST="true")


def test_a_clerk_enters_a_new_date_as_a_postponement_with_the_answer_as_evidence(clerk_client, clerk, register,
                                                                                 answer_letter):
    late = register["late"]
    response = answer(clerk_client, late, new_due_date="2024-10-31")
    assert response.status_code == 200
    row = response.content.decode()
    assert row.strip().startswith(f'<tr id="rappel-{late.pk}"') and "Vastgelegd: Uitgesteld tot 31 okt 2024." in row
    late.refresh_from_db()
    assert (late.status, late.due_date) == (Status.UITGESTELD, dt.date(2024, 10, 31))
    change = late.changes.order_by("-pk").first()
    assert (change.evidence, change.old_due_date, change.new_due_date, change.changed_by) == (
        answer_letter, dt.date(2024, 3, 31), dt.date(2024, 10, 31), clerk)
    assert "rappel" in change.reason


def test_a_clerk_marks_one_fulfilled_by_the_answer(clerk_client, register, answer_letter):
    soon = register["soon"]
    response = answer(clerk_client, soon, answer="voldaan", letter="27 925, nr. 990")
    assert response.status_code == 200 and "Vastgelegd: Voldaan." in response.content.decode()
    soon.refresh_from_db()
    assert soon.status == Status.VOLDAAN and list(soon.fulfilments.values_list("document", flat=True)) == [
        answer_letter.pk]


def test_bad_answers_get_a_dutch_message_and_change_nothing(clerk_client, register, answer_letter):
    late = register["late"]
    before = StatusChange.objects.count()
    response = answer(clerk_client, late)
    assert response.status_code == 422 and "Geef de nieuwe verwachte datum" in response.content.decode()
    response = answer(clerk_client, late, new_due_date="2024-10-31", letter="27925-999")
    assert response.status_code == 422
    assert "Kamerstuk 27925-999 is nog niet in het systeem." in response.content.decode()
    response = answer(clerk_client, late, new_due_date="2024-10-31", letter="Irak")
    assert response.status_code == 422 and "geen Kamerstuknummer" in response.content.decode()
    response = answer(clerk_client, late, new_due_date="2024-01-31")
    assert response.status_code == 422 and "na de huidige termijn" in response.content.decode()
    response = answer(clerk_client, late, new_due_date="na de zomer")
    assert response.status_code == 422 and "Voer een geldige datum in" in response.content.decode()
    response = answer(clerk_client, late, new_due_date="2024-10-31", letter="")
    assert response.status_code == 422 and "antwoordbrief" in response.content.decode()
    late.refresh_from_db()
    assert late.status == Status.OPENSTAAND and StatusChange.objects.count() == before


def test_an_answer_on_a_changed_commitment_is_a_conflict(clerk_client, register, answer_letter):
    late = register["late"]
    stale = late.version
    Commitment.objects.filter(pk=late.pk).update(version=stale + 1)
    response = answer(clerk_client, late, version=stale, new_due_date="2024-10-31")
    assert response.status_code == 409 and "deze toezegging gewijzigd" in response.content.decode()
    assert f'name="version" value="{stale + 1}"' in response.content.decode()  # a second try goes through
    assert 'value="2024-10-31"' in response.content.decode()  # with what the clerk typed
    late.refresh_from_db()
    assert late.status == Status.OPENSTAAND


def test_without_htmx_it_returns_to_the_page_with_a_message(clerk_client, register, answer_letter):
    late = register["late"]
    url = reverse("rappel_answer", args=[SLUG, late.pk])
    response = clerk_client.post(url, {"answer": "uitgesteld", "letter": "27925-990", "version": late.version,
                                       "new_due_date": "2024-10-31"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("rappel", args=[SLUG])
    assert "Het antwoord is vastgelegd." in response.content.decode()


def test_only_clerks_answer_and_only_for_that_ministry(staff, clerk_client, register, answer_letter):
    late = register["late"]
    staff_client = Client()
    staff_client.force_login(staff)
    assert answer(staff_client, late, new_due_date="2024-10-31").status_code == 403
    elsewhere = register["elsewhere"]
    assert answer(clerk_client, elsewhere, new_due_date="2024-10-31").status_code == 404
    assert clerk_client.get(reverse("rappel_answer", args=[SLUG, late.pk])).status_code == 405
    late.refresh_from_db()
    assert late.status == Status.OPENSTAAND


def test_an_answer_needs_the_csrf_token_and_a_login(clerk, register, answer_letter):
    late = register["late"]
    assert Client().post(reverse("rappel_answer", args=[SLUG, late.pk])).status_code == 302  # to the login page
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(clerk)
    assert answer(strict, late, new_due_date="2024-10-31").status_code == 403
    late.refresh_from_db()
    assert late.status == Status.OPENSTAAND
