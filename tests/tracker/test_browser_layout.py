"""Every main page at a phone's width (390 px) and a laptop's (1280 px): nothing wider than the screen; tables
scroll inside their box. Headless system Chromium through Playwright; screenshots in artifacts/layout/."""

import datetime as dt
import shutil

import pytest
from django.utils import timezone

from tests.ingest.fixtures.annexes import OBK_XML
from tests.tracker.conftest import PASSWORD
from tests.tracker.factories import follow, make_document, promise, read_document
from tests.tracker.test_browser import ARTIFACTS, CHROMIUM, browser_page  # noqa: F401 (the fixture)
from tracker.models import Commitment, Dossier, Source, Status, SyncRun
from tracker.workflow import change_status

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason=f"browser tests skipped: no Chromium at {CHROMIUM}"),
]

WIDTHS = {"telefoon": 390, "laptop": 1280}
TITLE = ("Bestrijding internationaal terrorisme; Brief regering; Voortgangsrapportage over de inzet van "
         "Nederlandse militairen in de anti-ISIS-coalitie in Irak en Syrië")


@pytest.fixture
def archive(clerk, tmp_path):
    """A dossier as a clerk works with it: long titles, every state, an oral promise, a failed sync, a ministry's
    overview of its toezeggingen."""
    today = dt.date.today()
    text = ("In december informeer ik uw Kamer wederom over de veiligheidssituatie in Irak en over de "
            "voortgang van de trainingsmissie. Voor de zomer stuur ik uw Kamer de evaluatie van de inzet.")
    first, second = text.split(". ")
    letter = make_document(text, kamerstuk="27925-960", date=today - dt.timedelta(days=300), title=TITLE,
                           sender="Minister van Buitenlandse Zaken en Minister van Defensie",
                           commitments=[promise(text, first + ".", today - dt.timedelta(days=30), "in december"),
                                        promise(text, second, today + dt.timedelta(days=60), "voor de zomer")])
    answer = make_document("Hierbij informeer ik uw Kamer over de stand van zaken.", kamerstuk="27925-962",
                           date=today - dt.timedelta(days=200), title="Stand van zaken trainingsmissie Irak",
                           sender="Minister van Defensie")
    found = "Ik zal uw Kamer uiterlijk in het voorjaar informeren over de uitkomsten van het onderzoek naar de munitie."
    make_document(found, kamerstuk="27925-970", date=today - dt.timedelta(days=5), title="Munitievoorraden",
                  sender="Staatssecretaris van Defensie", commitments=[promise(found, found, None, "in het voorjaar")])
    # a file name as clerks receive them: long, without a space to break at
    type(letter).objects.filter(pk=letter.pk).update(
        original_name="Kamerbrief_over_de_voortgang_van_de_trainingsmissie_in_Irak_en_de_evaluatie_van_de_inzet.pdf")
    late, later = letter.commitments.order_by("start")
    change_status(late, Status.DEELS_VOLDAAN, clerk, evidence=answer, note="Het eerste deel")
    change_status(later, Status.OPENSTAAND, clerk)
    Commitment.objects.create(text="De minister stuurt voor het commissiedebat een brief over de exportvergunningen.",
                              status=Status.OPENSTAAND, due_date=today + dt.timedelta(days=10),
                              dossier=Dossier.objects.get(key="27925"), ministry="Minister van Defensie",
                              made_on=today - dt.timedelta(days=40), origin="Commissiedebat Irak en Syrië")
    Dossier.objects.filter(key="27925").update(titel="Bestrijding internationaal terrorisme")
    follow(clerk, "27925")
    SyncRun.objects.create(source="tk_opendata", finished_at=timezone.now(), failed=1, failures=[{
        "what": "feed Document", "reason": "geen verbinding met gegevensmagazijn.tweedekamer.nl",
        "detail": "ConnectError: [Errno 111] Connection refused (GET https://gegevensmagazijn.tweedekamer.nl"
                  "/SyncFeed/2.0/Feed?category=Document&skiptoken=8123456)"}])
    overview = tmp_path / "kst-31293-712.xml"
    overview.write_text(OBK_XML, encoding="utf-8")
    read_document(overview)
    return {"letter": letter, "commitment": late,
            "reported": Commitment.objects.filter(source=Source.MINISTRY).order_by("pk").first()}


def pages(archive):
    letter, commitment = archive["letter"], archive["commitment"]
    return {
        "overzicht": "/",
        "documenten": "/documenten/",
        "document": letter.get_absolute_url(),
        "beoordelen": "/beoordelen/",
        "beoordelen-ministerie": "/beoordelen/?bron=ministerie",
        "toezegging-ministerie": archive["reported"].get_absolute_url(),
        "toezeggingen": "/toezeggingen/",
        "toezegging": commitment.get_absolute_url(),
        "bewerken": f"/toezeggingen/{commitment.pk}/bewerken/",
        "invoeren": "/toezeggingen/nieuw/",
        "tijdlijn": "/tijdlijn/",
        "dossiers": "/dossiers/",
        "dossier": "/dossiers/27925/",
        "ministerie": "/ministeries/bz/",
        "zoeken": "/zoeken/?q=Irak",
        "bronnen": "/bronnen/",
        "feeds": "/feeds/",
        "sleutels": "/sleutels/",
        "profiel": "/profiel/",
        "wachtwoord": "/profiel/wachtwoord/",
        "rappel": "/rappel/",
        "rappel-ministerie": "/rappel/bz/",
        "niet-gevonden": "/bestaat-niet/",
    }


def too_wide(page):
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


@pytest.mark.parametrize("role", ["clerk", "staff"])
def test_no_page_is_wider_than_the_screen(live_server, archive, browser_page, role, request):  # noqa: F811
    page, folder, user = browser_page, ARTIFACTS / "layout", request.getfixturevalue(role)
    folder.mkdir(parents=True, exist_ok=True)
    page.goto(live_server.url + "/inloggen/")
    for device, width in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(live_server.url + "/inloggen/")
        assert too_wide(page) <= 0, f"inloggen, {width} px"
        page.screenshot(path=str(folder / f"inloggen-{device}.png"), full_page=True)
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(live_server.url + "/")
    wide = []
    for device, width in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": 900})
        for name, path in pages(archive).items():
            page.goto(live_server.url + path)
            page.screenshot(path=str(folder / f"{name}-{role}-{device}.png"), full_page=True)
            if too_wide(page) > 0:
                wide.append(f"{name} at {width} px: {too_wide(page)} px too wide")
    assert wide == []


def test_at_phone_width_the_navigation_wraps_tables_scroll_and_fields_stay_in_their_cards(
        live_server, clerk, archive, browser_page):  # noqa: F811
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(live_server.url + "/toezeggingen/")
    page.fill("input[name=username]", clerk.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(live_server.url + "/toezeggingen/")
    links = page.locator("header.site nav a")
    assert links.count() == 10
    for index in range(links.count()):
        box = links.nth(index).bounding_box()
        assert links.nth(index).is_visible() and 0 <= box["x"] and box["x"] + box["width"] <= 390
    # A table wider than the phone scrolls inside its own box instead of widening the page, and says so.
    box = page.locator(".table-scroll", has=page.locator("table.commitments"))
    assert box.evaluate("box => getComputedStyle(box).overflowX") == "auto"
    assert box.evaluate("box => box.getBoundingClientRect().right") <= 390 and too_wide(page) <= 0
    assert box.locator("caption .scroll-hint").is_visible()
    page.set_viewport_size({"width": 1280, "height": 800})  # wide enough for the table: no hint
    page.wait_for_function("() => !document.querySelector('.table-scroll').classList.contains('scrolls')")
    assert not box.locator("caption .scroll-hint").is_visible()
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(live_server.url + "/toezeggingen/nieuw/")
    card = page.locator("form.status-form").bounding_box()
    fields = page.locator("form.status-form :is(input, select, textarea, button)")
    for index in range(fields.count()):
        field = fields.nth(index).bounding_box()
        if field:  # hidden inputs have none
            assert card["x"] <= field["x"] and field["x"] + field["width"] <= card["x"] + card["width"] + 0.5
    # The dashboard's bars: each name, bar and figure inside the screen, the bar as wide as it has room for.
    page.goto(live_server.url + "/")
    rows = page.locator("ol.bars li > :is(a, svg, .figures)")
    assert rows.count() >= 6
    for index in range(rows.count()):
        box = rows.nth(index).bounding_box()
        assert 0 <= box["x"] and box["x"] + box["width"] <= 390 and box["width"] > 0
    # The drawn timeline keeps its own size, says it scrolls and opens at its right end, on the latest months,
    # with its caption in view.
    page.goto(live_server.url + "/dossiers/27925/")
    drawing = page.locator("figure.timeline-chart")
    page.wait_for_function("() => document.querySelector('figure.timeline-chart').scrollLeft > 0")
    assert drawing.evaluate("f => f.scrollLeft + f.clientWidth >= f.scrollWidth - 1")
    assert drawing.locator("svg.chart").evaluate("svg => svg.getBoundingClientRect().width") >= 960
    hint = drawing.locator("figcaption .scroll-hint")
    assert hint.is_visible() and 0 <= hint.bounding_box()["x"] <= 390
    legend = drawing.locator("figcaption ul.bar-legend li")  # what the markers mean, in view beside the drawing
    assert legend.count() == 8
    for index in range(legend.count()):
        box = legend.nth(index).bounding_box()
        assert 0 <= box["x"] and box["x"] + box["width"] <= 390
    # The timeline's list keeps its dates and cards inside the screen.
    for selector in ("ol.timeline li.event > time", "ol.timeline .card"):
        box = page.locator(selector).first.bounding_box()
        assert 0 <= box["x"] and box["x"] + box["width"] <= 390, selector
