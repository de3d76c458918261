"""Staff in a real browser: filter a dossier timeline without a page reload, search, download the
commitment list as CSV and subscribe to a dossier's calendar. Headless system Chromium through Playwright."""

import csv
import datetime as dt
import shutil

import icalendar
import pytest

from tests.tracker.conftest import PASSWORD
from tests.tracker.factories import make_document, promise
from tests.tracker.test_browser import ARTIFACTS, CHROMIUM, browser_page  # noqa: F401 (the fixture)
from tracker.models import Commitment

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason=f"browser tests skipped: no Chromium at {CHROMIUM}"),
]

LATE = "In maart informeer ik uw Kamer over de geluidsschermen langs de A12."
OPEN = "Na de zomer stuur ik uw Kamer de evaluatie van de inzet."


@pytest.fixture
def dossier(db):
    today = dt.date.today()
    late = make_document(LATE, kamerstuk="27925-960", date=today - dt.timedelta(days=200), title="Geluidsschermen",
                         sender="Minister van Defensie",
                         commitments=[promise(LATE, LATE, today - dt.timedelta(days=30), "in maart")])
    make_document(OPEN, kamerstuk="27925-961", date=today - dt.timedelta(days=20), title="Evaluatie inzet",
                  sender="Minister van Defensie",
                  commitments=[promise(OPEN, OPEN, today + dt.timedelta(days=90), "na de zomer")])
    Commitment.objects.update(status="openstaand")
    return late


def log_in(page, base, user, then):
    page.goto(base + then)
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(base + then)


def test_staff_filter_search_export_and_subscribe(live_server, staff, dossier, browser_page, tmp_path):  # noqa: F811
    page, base = browser_page, live_server.url
    log_in(page, base, staff, "/dossiers/27925/")

    # The timeline: a drawing above the list; filtering swaps only #timeline and puts the filter in the URL.
    assert page.locator("figure.timeline-chart svg a.marker").count() == 2
    page.evaluate("document.body.dataset.loaded = 'original'")
    page.select_option("#timeline select[name=status]", "te_laat")
    page.wait_for_url("**/dossiers/27925/?status=te_laat*")
    page.locator("figure.timeline-chart svg a.marker").nth(1).wait_for(state="detached")
    assert page.locator("ul.markers li.state-openstaand.late", has_text="geluidsschermen").is_visible()
    assert page.locator("ul.markers li:not(.late)").count() == 0
    assert page.evaluate("document.body.dataset.loaded") == "original"  # no full page load
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "timeline-filtered.png"), full_page=True)

    # Search finds the letter.
    page.goto(base + "/zoeken/")
    page.fill("input[name=q]", "geluidsschermen")
    page.keyboard.press("Enter")
    page.locator("#results a", has_text="Geluidsschermen").first.wait_for()

    # The overdue commitments as CSV, with the list's filter.
    page.goto(base + "/toezeggingen/?status=te_laat")
    with page.expect_download() as download:
        page.click("text=CSV")
    path = tmp_path / "export.csv"
    download.value.save_as(path)
    rows = list(csv.reader(path.open(encoding="utf-8-sig"), delimiter=";"))
    assert rows[0][1] == "toezegging" and [row[1] for row in rows[1:]] == [LATE]

    # The dossier's calendar, fetched as a calendar app would: without the login, with the token in the URL.
    page.goto(base + "/feeds/?dossier=27925")
    page.click("text=Sleutel maken")
    page.goto(base + "/feeds/?dossier=27925")
    address = page.locator("a[href$='/dossiers/27925.ics']").get_attribute("href")
    anonymous = page.context.browser.new_context()
    response = anonymous.request.get(address)
    assert response.status == 200
    events = icalendar.Calendar.from_ical(response.body()).walk("VEVENT")
    assert sorted(str(e["summary"]) for e in events) == [f"[Openstaand · te laat] {LATE}", f"[Openstaand] {OPEN}"]
    assert anonymous.request.get(address.replace("/feeds/", "/feeds/x")).status == 403
    anonymous.close()


def test_a_commitment_links_to_its_page_of_the_original_pdf_in_a_sandbox(live_server, staff, browser_page):  # noqa: F811
    from django.core.files.base import ContentFile

    from tests.seeds import IRAK_LETTER_PDF as IRAK_LETTER

    document = make_document(LATE, kamerstuk="27925-960", commitments=[promise(LATE, LATE)])
    document.original.save("brief.pdf", ContentFile(IRAK_LETTER.read_bytes()))
    Commitment.objects.filter(document=document).update(page=2)
    commitment = document.commitments.get()
    page, base = browser_page, live_server.url
    log_in(page, base, staff, commitment.get_absolute_url())
    with page.expect_response(lambda response: "/origineel/" in response.url) as served:
        page.click("text=pagina 2 van het origineel")
    headers = served.value.all_headers()
    assert "sandbox" in headers["content-security-policy"] and headers["x-content-type-options"] == "nosniff"
    page.wait_for_url("**/origineel/#page=2")
    # Chromium's PDF viewer shows it, the sandbox notwithstanding (the viewer's page is Chromium's own; the
    # PDF is drawn, and any script in it run, by PDFium apart from the app's pages).
    for _ in range(100):
        viewers = [frame.url for frame in page.frames if frame.url.startswith("chrome-extension://")]
        if viewers:
            break
        page.wait_for_timeout(100)
    assert viewers and viewers[0].endswith("/index.html")
    page.wait_for_timeout(1500)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "original-page-2.png"))
