"""The commitment list with its filters and keyset paging, and its CSV and XLSX exports."""

import csv
import datetime as dt
import io

import pytest
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from tests.tracker.factories import make_document, promise
from tracker.models import Commitment
from tracker.register import EXPORT_HEADER
from tracker.workflow import change_status


def letter(number, due, *, sender="Minister van Defensie", kamerstuk=None):
    text = f"Ik informeer uw Kamer over punt {number}, \"met\" aanhalingstekens; en komma's."
    document = make_document(text, kamerstuk=kamerstuk or f"27925-{number}", date=dt.date(2024, 1, 5), sender=sender,
                             commitments=[promise(text, text, due, "voor de zomer" if due else None)])
    return document.commitments.get()


@pytest.fixture
def register(db, time_machine):
    time_machine.move_to(dt.datetime(2024, 5, 15, 12, 0))
    late = letter(1, dt.date(2024, 3, 31))
    later = letter(2, dt.date(2024, 6, 30), sender="Minister van Financiën", kamerstuk="36200-X-2")
    undated = letter(3, None)
    Commitment.objects.update(status="openstaand")
    return late, later, undated


def ids(response):
    return [c.pk for c in response.context["commitments"]]


def test_it_lists_commitments_in_deadline_order_with_undated_last(staff_client, register):
    late, later, undated = register
    response = staff_client.get(reverse("commitments"))
    assert ids(response) == [late.pk, later.pk, undated.pk]
    assert ('<span class="badge state-openstaand">Openstaand</span><span class="visually-hidden"> · </span>'
            '<span class="badge state-te_laat">te laat</span>') in response.content.decode()


@pytest.mark.parametrize("query, expected", [
    ("status=te_laat", [0]),
    ("status=openstaand", [0, 1, 2]),  # the late one too: te laat is a flag beside its status
    ("status=open", [0, 1, 2]),
    ("ministerie=Minister van Financiën", [1]),
    ("dossier=27925", [0, 2]),
    ("termijn_van=2024-04-01&termijn_tot=2024-12-31", [1]),
    ("status=voldaan", []),
    ("status=onzin&termijn_van=gisteren", [0, 1, 2]),  # a stale or broken link still shows the list
])
def test_it_filters_by_status_ministry_dossier_and_due_period(staff_client, register, query, expected):
    response = staff_client.get(reverse("commitments") + "?" + query)
    assert response.status_code == 200
    assert ids(response) == [register[i].pk for i in expected]


def test_it_pages_by_keyset_through_dated_and_undated_commitments(staff_client, register, monkeypatch):
    from tracker.views import register as view

    monkeypatch.setattr(view, "PAGE_SIZE", 1)
    seen, url = [], reverse("commitments") + "?dossier=27925"
    while url:
        response = staff_client.get(url)
        seen += ids(response)
        url = response.context["next_query"] and reverse("commitments") + "?" + response.context["next_query"]
    assert seen == [register[0].pk, register[2].pk]
    fragment = staff_client.get(reverse("commitments") + "?dossier=27925", headers={"HX-Request": "true"})
    fragment = fragment.content.decode()
    assert "<html" not in fragment and f"commitment-{register[0].pk}" in fragment
    assert 'hx-get="?dossier=27925&amp;na=2024-03-31.' in fragment


def test_it_needs_the_same_queries_for_a_longer_list(staff_client, register):
    def queries(query):
        with CaptureQueriesContext(connection) as captured:
            assert staff_client.get(reverse("commitments") + query).status_code == 200
        return len(captured.captured_queries)

    # session, the user with their role, ministries, the page, the counts per status; and a dossier's id
    queries_for = {"": 5, "?dossier=27925": 6, "?status=te_laat&ministerie=Minister van Defensie": 5}
    assert {query: queries(query) for query in queries_for} == queries_for
    for number in range(10, 40):
        letter(number, dt.date(2024, 7, 1))
    assert {query: queries(query) for query in queries_for} == queries_for


def test_it_exports_the_filtered_list_as_streamed_csv_for_dutch_excel(staff_client, register):
    late, later, undated = register
    response = staff_client.get(reverse("commitments_csv") + "?dossier=27925")
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="toezeggingen-2024-05-15.csv"'
    content = b"".join(response.streaming_content)
    # Excel with Dutch settings splits columns on semicolons, and reads UTF-8 only after a byte order mark.
    assert content.startswith("\ufeffid;toezegging;status;te laat;termijn;".encode())
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == EXPORT_HEADER
    assert [row[0] for row in rows[1:]] == [str(late.pk), str(undated.pk)]
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["toezegging"] == late.text and ";" in late.text  # quoted, so the semicolon stays in its cell
    assert (row["status"], row["te laat"], row["termijn"], row["termijn (tekst)"]) == (
        "Openstaand", "ja", "2024-03-31", "voor de zomer")
    # with plain spaces, so that a clerk finds "27 925" by typing it
    assert (row["ministerie"], row["dossier"], row["kamerstuk"]) == (
        "Defensie", late.dossier.label.replace("\u00a0", " "), "27 925, nr. 1")
    assert "\u00a0" not in content.decode()
    assert row["adres"] == f"http://testserver{late.get_absolute_url()}"
    assert dict(zip(rows[0], rows[2], strict=True))["te laat"] == "nee"


def test_it_exports_the_fulfilling_letters(staff_client, register, clerk):
    late, later, undated = register
    first = make_document("Hierbij deels.", kamerstuk="27925-90", date=dt.date(2024, 2, 1), title="Eerste antwoord")
    second = make_document("Hierbij de rest.", kamerstuk="", date=dt.date(2024, 4, 1), title="Tweede antwoord")
    change_status(late, "deels_voldaan", clerk, evidence=first)
    change_status(late, "deels_voldaan", clerk, evidence=second)
    content = b"".join(staff_client.get(reverse("commitments_csv") + "?status=deels_voldaan").streaming_content)
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    row = dict(zip(rows[0], rows[1], strict=True))
    assert (row["status"], row["te laat"]) == ("Deels voldaan", "ja")
    assert row["nagekomen in"] == "27 925, nr. 90: Eerste antwoord; Tweede antwoord"


def test_the_export_needs_the_same_queries_for_more_fulfilled_commitments(staff_client, register, clerk):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            b"".join(staff_client.get(reverse("commitments_csv")).streaming_content)
        return len(captured.captured_queries)

    before = queries()
    for commitment in register:
        change_status(commitment, "voldaan", clerk, evidence=make_document(f"Brief {commitment.pk}."))
    assert queries() == before


def test_the_xlsx_opens_ready_to_read(staff_client, register):
    response = staff_client.get(reverse("commitments_xlsx"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:M4"
    assert sheet.column_dimensions["B"].width == 60 and sheet.column_dimensions["C"].width == 14  # text, status
    due = next(cell for cell in sheet["E"][1:] if cell.value)
    assert due.number_format == "DD-MM-YYYY"


def test_it_exports_the_filtered_list_as_xlsx(staff_client, register):
    late, later, undated = register
    response = staff_client.get(reverse("commitments_xlsx") + "?status=openstaand")
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == EXPORT_HEADER and [row[0] for row in rows[1:]] == [late.pk, later.pk, undated.pk]
    first, second = dict(zip(rows[0], rows[1], strict=True)), dict(zip(rows[0], rows[2], strict=True))
    assert (first["status"], first["te laat"], second["te laat"]) == ("Openstaand", "ja", "nee")
    assert second["termijn"].date() == dt.date(2024, 6, 30) and second["termijn (tekst)"] == "voor de zomer"
    assert second["ministerie"] == "Financiën" and second["dossier"] == later.dossier.label.replace("\u00a0", " ")
    assert dict(zip(rows[0], rows[3], strict=True))["termijn"] is None


def test_it_links_the_exports_with_the_same_filters(staff_client, register):
    page = staff_client.get(reverse("commitments") + "?status=te_laat&dossier=27925").content.decode()
    assert 'href="/toezeggingen/export.csv?status=te_laat&amp;dossier=27925"' in page


@pytest.mark.parametrize("url", ["/toezeggingen/", "/toezeggingen/export.csv", "/toezeggingen/export.xlsx",
                                 "/tijdlijn/", "/ministeries/defensie/", "/feeds/"])
def test_it_sends_anonymous_visitors_to_the_login_page(client, register, url):
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


# Text that a spreadsheet program would run: a letter's sentence, a clerk's ministry, a typed due text.
FORMULAS = ["=HYPERLINK(\"http://example.org\",\"klik\")", "+31 70 123", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"]


@pytest.fixture
def formulas(db):
    text = FORMULAS[0]
    document = make_document(text, kamerstuk="27925-1", date=dt.date(2024, 1, 5), sender=FORMULAS[3],
                             commitments=[promise(text, text, dt.date(2024, 6, 30), FORMULAS[2])])
    Commitment.objects.filter(document=document).update(ministry=FORMULAS[1], due_text=FORMULAS[4])
    Commitment.objects.create(text=FORMULAS[5], ministry="#N/A", status="openstaand", source="clerk",
                              origin=FORMULAS[2])


def test_the_csv_export_writes_no_live_formula(staff_client, formulas):
    response = staff_client.get(reverse("commitments_csv"))
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body, newline=""), delimiter=";"))
    cells = [cell for row in rows[1:] for cell in row]
    assert "'" + FORMULAS[0] in cells and "'" + FORMULAS[1] in cells and "'" + FORMULAS[4] in cells
    assert "'" + FORMULAS[5] in cells and "'" + FORMULAS[2] in cells
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]


def test_the_xlsx_export_stores_every_text_as_text(staff_client, formulas):
    response = staff_client.get(reverse("commitments_xlsx"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row if isinstance(cell.value, str)]
    assert {cell.data_type for cell in cells} == {"s"}
    values = {cell.value for cell in cells}
    assert "'" + FORMULAS[0] in values and "'" + FORMULAS[1] in values and "#N/A" in values
    assert not [value for value in values if value.startswith(("=", "+", "-", "@", "\t", "\r"))]


def test_a_commitment_follows_its_letter_into_a_dossier_unless_a_clerk_moved_it(staff_client, clerk):
    from tracker.models import Dossier
    from tracker.sync.documents import update
    from tracker.sync.runs import Recorder
    from tracker.workflow import edit

    text = "Voor de zomer informeer ik uw Kamer. Na de zomer volgt de evaluatie."
    first, second = text.split(" Na")
    letter = make_document(text, date=dt.date(2024, 1, 5), commitments=[promise(text, first), promise(text, second)])
    stays, moved = letter.commitments.order_by("start")
    assert letter.dossier is None and stays.dossier is None
    edit(moved, clerk, {"dossier": Dossier.objects.for_key("36200-X")})
    update(letter, Recorder("tk_opendata"), dossier_id=Dossier.objects.for_key("27925").pk, kamerstuk="27925-991")
    assert ids(staff_client.get(reverse("commitments") + "?dossier=27925")) == [stays.pk]
    assert ids(staff_client.get(reverse("commitments") + "?dossier=36200-X")) == [moved.pk]
    assert staff_client.get(reverse("commitments") + "?dossier=27925").context["states"][0]["count"] == 1
    moved_along = stays.changes.get(reason__contains="met de brief mee")
    assert "dossier: — → 27\u00a0925" in moved_along.reason
    assert not moved.changes.filter(reason__contains="met de brief mee").exists()
