"""The dashboard: counts, charts per ministry and dossier, next deadlines, recent documents, the review queue."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.tracker.factories import follow, make_document, promise
from tracker.models import Commitment
from tracker.workflow import change_status


def letter(number, *, due, sender="Minister van Defensie", status=None, clerk=None, evidence=None):
    text = f"Voor de zomer informeer ik uw Kamer over punt {number}."
    document = make_document(text, kamerstuk=f"27925-{number}", date=dt.date(2024, 1, 5), sender=sender,
                             commitments=[promise(text, text, due)])
    commitment = document.commitments.get()
    if status:
        change_status(commitment, status, clerk, evidence=evidence)
    return commitment


def test_it_counts_open_overdue_soon_fulfilled_and_to_review(staff_client, clerk, time_machine):
    time_machine.move_to(dt.datetime(2024, 5, 15, 12, 0))
    letter(1, due=dt.date(2024, 3, 31), status="openstaand", clerk=clerk)  # te laat
    soon = letter(2, due=dt.date(2024, 6, 1), status="openstaand", clerk=clerk)  # within 30 days
    letter(3, due=dt.date(2024, 12, 31), status="openstaand", clerk=clerk)
    follow_up = make_document("Hierbij.", kamerstuk="27925-99", date=dt.date(2024, 5, 1))
    fulfilled = letter(4, due=dt.date(2024, 6, 30), status="voldaan", clerk=clerk, evidence=follow_up)
    letter(5, due=dt.date(2024, 6, 30))  # kandidaat
    counts = staff_client.get(reverse("home")).context["counts"]
    assert counts == {"open": 3, "overdue": 1, "due_soon": 1, "fulfilled_quarter": 1, "candidates": 1}
    time_machine.move_to(dt.datetime(2024, 7, 2, 12, 0))  # a new quarter
    assert staff_client.get(reverse("home")).context["counts"]["fulfilled_quarter"] == 0
    page = staff_client.get(reverse("home")).content.decode()
    assert f'href="{reverse("review")}"' in page
    deadlines = page.split("Eerstvolgende termijnen")[1].split("Recent")[0]
    assert soon.get_absolute_url() not in deadlines  # past due by now
    assert fulfilled.get_absolute_url() not in deadlines and "punt 3." in deadlines


def test_it_draws_bars_per_ministry_and_dossier(staff_client, clerk, time_machine):
    time_machine.move_to(dt.datetime(2024, 5, 15, 12, 0))
    letter(1, due=dt.date(2024, 3, 31), status="openstaand", clerk=clerk)
    # A ministry as the Kamer's register may write one the table does not know, with markup in it.
    Commitment.objects.filter(pk=letter(2, due=dt.date(2024, 9, 30), status="openstaand", clerk=clerk).pk).update(
        ministry="Ministerie van <Zaken>")
    page = staff_client.get(reverse("home")).content.decode()
    assert page.count('<ol class="bars"') == 2
    assert 'href="/ministeries/defensie/"' in page and 'href="/dossiers/27925/"' in page
    assert ">Defensie<" in page and "Ministerie van &lt;Zaken&gt;" in page and "<Zaken>" not in page
    # The figures in words beside each bar: its text equivalent; the drawing itself is hidden from screen readers.
    assert '<a href="/ministeries/defensie/">Defensie</a><span class="figures">1 te laat</span>' in page
    # Each bar stretched to its column: the longest of a chart fills it (both letters are in dossier 27 925).
    assert page.count('<svg class="bar" viewBox="0 0 1 1"') == 2 and '<svg class="bar" viewBox="0 0 2 1"' in page
    assert "<title>1 te laat</title>" in page


def test_it_needs_the_same_queries_for_a_bigger_register(staff_client, clerk, staff):
    letter(1, due=dt.date(2024, 3, 31), status="openstaand", clerk=clerk)
    follow(staff, "27925")
    staff_client.get(reverse("home"))
    with CaptureQueriesContext(connection) as small:
        staff_client.get(reverse("home"))
    for number in range(2, 30):
        letter(number, due=dt.date(2024, 3, 31), sender=f"Minister {number}")
        follow(staff, f"3{number:04d}")
    Commitment.objects.update(status="openstaand")
    with CaptureQueriesContext(connection) as big:
        staff_client.get(reverse("home"))
    # session, user, the user's dossiers, open and fulfilled commitments per group, the dossiers' keys, two
    # counts, the clerk check, next deadlines, recent documents
    assert len(big.captured_queries) == len(small.captured_queries) <= 10


def test_it_shows_the_users_own_dossiers_first(staff_client, staff, clerk, time_machine):
    time_machine.move_to(dt.datetime(2024, 5, 15, 12, 0))
    letter(1, due=dt.date(2024, 3, 31), status="openstaand", clerk=clerk)  # te laat
    letter(2, due=dt.date(2024, 6, 30), status="openstaand", clerk=clerk)
    letter(3, due=dt.date(2024, 9, 30))  # kandidaat: not counted
    follow(staff, "27925", "36200-X")
    follow(clerk, "21501-20")  # someone else's
    page = staff_client.get(reverse("home")).content.decode()
    mine = page.split("<h2>Mijn dossiers</h2>")[1].split("</section>")[0]
    assert page.index("Mijn dossiers") < page.index("Per ministerie")
    rows = mine.split("<tr>")[2:]
    assert ["27\u00a0925" in rows[0], "36\u00a0200\u00a0X" in rows[1], len(rows)] == [True, True, 2]
    assert ">2</a>" in rows[0] and ">1</a>" in rows[0] and "30 jun 2024" in rows[0]
    assert "21\u00a0501" not in mine


def test_it_says_how_to_follow_a_dossier(staff_client):
    page = staff_client.get(reverse("home")).content.decode()
    assert "U volgt nog geen dossiers" in page


def test_it_links_a_ministry_whose_name_makes_no_slug(staff_client):
    letter(1, due=dt.date(2024, 3, 31), sender="???")
    Commitment.objects.update(status="openstaand", ministry="???")
    assert 'href="/ministeries/ministerie/"' in staff_client.get(reverse("home")).content.decode()
    assert "<h1>???</h1>" in staff_client.get("/ministeries/ministerie/").content.decode()


def test_it_counts_the_fulfilled_commitments_of_the_groups_in_the_charts(staff_client, clerk, time_machine):
    time_machine.move_to(dt.datetime(2024, 5, 15, 12, 0))
    letter(1, due=dt.date(2024, 3, 31), status="openstaand", clerk=clerk)
    follow_up = make_document("Hierbij.", kamerstuk="27925-99", date=dt.date(2024, 5, 1))
    letter(2, due=dt.date(2024, 6, 30), status="voldaan", clerk=clerk, evidence=follow_up)
    letter(3, due=dt.date(2024, 6, 30), status="voldaan", clerk=clerk, evidence=follow_up)
    page = staff_client.get(reverse("home")).content.decode()
    assert page.count("<title>2 voldaan dit kwartaal</title>") == 2  # Minister van Defensie and dossier 27 925
    assert page.count("<title>1 te laat</title>") == 2
