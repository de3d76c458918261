"""One status per commitment, te laat a flag beside it: every list, count, export, feed, search and the API
select by the same definition, so on one register they all agree with the register's own counts."""

import csv
import datetime as dt
import io

import icalendar
import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.tracker.factories import make_document, promise
from tracker.display import STATES
from tracker.models import LATE, Commitment, Dossier, FeedToken, Status
from tracker.workflow import change_status, reject

TODAY = dt.date(2024, 5, 15)
WORD = "geluidsschermen"


def letter(number, due, status, clerk, **change):
    text = f"Voor de zomer informeer ik uw Kamer over de {WORD} langs weg {number}."
    document = make_document(text, kamerstuk=f"27925-{number}", date=dt.date(2024, 1, 5), sender="Minister van IenW",
                             commitments=[promise(text, text, due)])
    commitment = document.commitments.get()
    if status == "afgewezen":
        reject(commitment, clerk, "Geen toezegging")
    elif status != Status.KANDIDAAT:
        change_status(commitment, status, clerk, **change)
    return Commitment.objects.get(pk=commitment.pk)


@pytest.fixture
def register(clerk, time_machine):
    """Every status, on time and late, undated, rejected, and a promise made orally."""
    time_machine.move_to(dt.datetime(2024, 5, 15, 12, 0))
    evidence = make_document("Hierbij de stand van zaken.", kamerstuk="27925-900", date=dt.date(2024, 4, 1))
    commitments = {
        "late_open": letter(1, dt.date(2024, 3, 31), Status.OPENSTAAND, clerk),
        "open": letter(2, dt.date(2024, 6, 10), Status.OPENSTAAND, clerk),
        "undated": letter(3, None, Status.OPENSTAAND, clerk),
        "late_partly": letter(4, dt.date(2024, 4, 30), Status.DEELS_VOLDAAN, clerk, evidence=evidence),
        "partly": letter(5, dt.date(2024, 8, 31), Status.DEELS_VOLDAAN, clerk, evidence=evidence),
        "late_postponed": letter(6, dt.date(2024, 1, 31), Status.UITGESTELD, clerk, new_due_date=dt.date(2024, 5, 1)),
        "postponed": letter(7, dt.date(2024, 1, 31), Status.UITGESTELD, clerk, new_due_date=dt.date(2024, 9, 30)),
        "done": letter(8, dt.date(2024, 3, 31), Status.VOLDAAN, clerk, evidence=evidence),
        "lapsed": letter(9, dt.date(2024, 3, 31), Status.VERVALLEN, clerk, note="Kabinet gevallen"),
        "candidate": letter(10, dt.date(2024, 3, 31), Status.KANDIDAAT, clerk),
        "rejected": letter(11, dt.date(2024, 3, 31), "afgewezen", clerk),
    }
    commitments["oral"] = Commitment.objects.create(
        text=f"De minister stuurt een brief over de {WORD}.", status=Status.OPENSTAAND, due_date=dt.date(2024, 2, 1),
        dossier=Dossier.objects.get(key="27925"), ministry="Minister van IenW", made_on=dt.date(2023, 12, 1))
    return commitments


def counts_on_the_register(client):
    return {state["value"]: state["count"] for state in client.get(reverse("commitments")).context["states"]}


def listed(client, state):
    return {c.pk for c in client.get(reverse("commitments"), {"status": state}).context["commitments"]}


def exported_csv(client, state):
    response = client.get(reverse("commitments_csv"), {"status": state})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")), delimiter=";"))
    return {int(row[0]) for row in rows[1:]}


def exported_xlsx(client, state):
    response = client.get(reverse("commitments_xlsx"), {"status": state})
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    return {row[0] for row in rows[1:]}


def from_the_api(client, state):
    return {c["id"] for c in client.get(reverse("api_commitments"), {"status": state, "aantal": 200}).json()["results"]}


def searched(client, state):
    results = client.get(reverse("search"), {"q": WORD, "waarin": "toezeggingen", "status": state}).context["results"]
    return {hit.obj.pk for hit in results.hits}


def on_the_timeline(client, state):
    return {c.pk for c in client.get(reverse("timeline"), {"status": state}).context["timeline"].commitments}


def test_a_late_commitment_keeps_its_status_and_is_te_laat_beside_it(register):
    late = {name for name, c in register.items() if c.is_late(TODAY)}
    assert late == {"late_open", "late_partly", "late_postponed", "oral"}
    assert register["late_partly"].state_label(TODAY) == "Deels voldaan · te laat"
    assert register["late_postponed"].state_label(TODAY) == "Uitgesteld · te laat"
    assert set(Commitment.objects.in_state(LATE, TODAY)) == {register[name] for name in late}


def test_every_list_export_feed_search_and_the_api_agree_with_the_registers_counts(staff_client, register):
    counts = counts_on_the_register(staff_client)
    assert counts == {"": 11, "kandidaat": 1, "open": 8, "te_laat": 4, "openstaand": 4, "uitgesteld": 2,
                      "deels_voldaan": 2, "voldaan": 1, "vervallen": 1}
    assert set(counts) == {"", *STATES}
    for state in STATES:
        expected = listed(staff_client, state)
        assert len(expected) == counts[state], state
        assert exported_csv(staff_client, state) == expected, state
        assert exported_xlsx(staff_client, state) == expected, state
        assert from_the_api(staff_client, state) == expected, state
        assert searched(staff_client, state) == expected, state
        assert on_the_timeline(staff_client, state) == expected, state
    # Late ones past due stay in their own status's list.
    assert {register["late_partly"].pk, register["partly"].pk} == listed(staff_client, "deels_voldaan")
    assert register["late_postponed"].pk in listed(staff_client, "uitgesteld")


def test_the_dashboard_and_the_review_queue_count_as_the_register_does(staff_client, register):
    counts = counts_on_the_register(staff_client)
    dashboard = staff_client.get(reverse("home")).context["counts"]
    assert (dashboard["open"], dashboard["overdue"], dashboard["candidates"]) == (
        counts["open"], counts["te_laat"], counts["kandidaat"])
    assert staff_client.get(reverse("review")).context["total"] == counts["kandidaat"]
    page = staff_client.get(reverse("home")).content.decode()
    assert f'href="/toezeggingen/?status=open"><strong>{counts["open"]}</strong> open</a>' in page
    soon = "?status=open&amp;termijn_van=2024-05-15&amp;termijn_tot=2024-06-14"
    assert f'href="/toezeggingen/{soon}"><strong>1</strong> termijn binnen 30 dagen' in page
    due_soon = staff_client.get(reverse("commitments") + soon.replace("&amp;", "&")).context["commitments"]
    assert [c.pk for c in due_soon] == [register["open"].pk] and dashboard["due_soon"] == 1


def test_the_calendar_labels_each_deadline_as_the_register_does(client, staff, register):
    token = FeedToken.for_user(staff).token
    calendar = icalendar.Calendar.from_ical(client.get(reverse("dossier_ics", args=[token, "27925"])).content)
    summaries = [str(event["summary"]) for event in calendar.walk("VEVENT")]
    assert sum("· te laat]" in summary for summary in summaries) == 4
    assert sum(summary.startswith("[Deels voldaan") for summary in summaries) == 2
    assert f"[Uitgesteld · te laat] {register['late_postponed'].text[:100]}" in summaries


def test_the_register_shows_its_counts_under_the_other_filters(staff_client, register):
    page = staff_client.get(reverse("commitments"), {"status": "te_laat", "termijn_tot": "2024-05-01"})
    states = {state["value"]: state for state in page.context["states"]}
    assert states["te_laat"]["current"] and states["te_laat"]["count"] == 4
    assert states["open"]["count"] == 4  # within the due period only the late ones are open
    assert 'href="?status=deels_voldaan&amp;termijn_tot=2024-05-01"' in page.content.decode()
