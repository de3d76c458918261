"""WCAG 2.1 AA, the standard for Dutch government web applications: axe-core checks every main page, as a clerk
and as staff, at a phone's width and a laptop's, and the test fails on any serious or critical violation. The
keyboard reaches the content through a skip link, sees where it is, and scrolls tables; the console stays clean.
axe-core is kept in tests/vendor/ and injected by Playwright, so the check needs no network."""

import datetime as dt
import shutil
from pathlib import Path

import pytest

from tests.tracker.conftest import PASSWORD
from tests.tracker.factories import make_document
from tests.tracker.test_browser import ARTIFACTS, CHROMIUM, browser_page  # noqa: F401 (the fixture)
from tests.tracker.test_browser_layout import WIDTHS, archive, pages  # noqa: F401 (the fixture)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason=f"browser tests skipped: no Chromium at {CHROMIUM}"),
]

AXE = Path(__file__).resolve().parents[1] / "vendor" / "axe-core-4.14.1" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
MAIN_PAGES = ("overzicht", "documenten", "document", "beoordelen", "toezeggingen", "toezegging", "dossier",
              "ministerie", "zoeken", "bronnen", "feeds", "sleutels")


@pytest.fixture
def checked_page(browser_page):  # noqa: F811
    """The browser page with axe-core loaded into every document before the page's own scripts (an init script
    is the browser's own, so the page's Content-Security-Policy does not block it) and every console error,
    warning and uncaught exception collected."""
    browser_page.add_init_script(path=str(AXE))
    console = []
    browser_page.on("console", lambda message: console.append(f"{message.type}: {message.text} ({browser_page.url})")
                    if message.type in ("error", "warning") else None)
    browser_page.on("pageerror", lambda error: console.append(f"exception: {error} ({browser_page.url})"))
    browser_page.console = console
    return browser_page


def serious_violations(page, name):
    """axe-core's serious and critical findings on the current page, one readable line per element."""
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA)
    lines = []
    for violation in result["violations"]:
        if violation["impact"] in ("serious", "critical"):
            for node in violation["nodes"]:
                summary = " ".join(node["failureSummary"].split())
                lines.append(f"{name}: {violation['id']} ({violation['impact']}) {violation['help']}\n"
                             f"    at {' '.join(node['target'])}: {summary}")
    return lines


def log_in(page, base, user):
    page.goto(base + "/inloggen/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(base + "/")


@pytest.mark.parametrize("role", ["clerk", "staff"])
def test_every_main_page_passes_axe_core_without_serious_violations(
        live_server, archive, checked_page, role, request):  # noqa: F811
    page, base = checked_page, live_server.url
    found = []
    for width in WIDTHS.values():
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(base + "/inloggen/")
        found += serious_violations(page, f"inloggen, {width} px")
    log_in(page, base, request.getfixturevalue(role))
    addresses = pages(archive)
    for width in WIDTHS.values():
        page.set_viewport_size({"width": width, "height": 900})
        for name in MAIN_PAGES:
            page.goto(base + addresses[name])
            found += serious_violations(page, f"{name} as {role}, {width} px")
    assert not found, "axe-core found serious or critical violations:\n" + "\n".join(found)
    assert not page.console, "the console is not clean:\n" + "\n".join(page.console)


def test_the_keyboard_skips_to_the_content_sees_its_focus_and_scrolls_tables(
        live_server, clerk, archive, checked_page):  # noqa: F811
    page, base = checked_page, live_server.url
    log_in(page, base, clerk)
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(base + "/toezeggingen/")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.inner_text() == "Naar de inhoud" and skip.is_visible()
    assert skip.evaluate("link => getComputedStyle(link).outlineStyle") != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"
    # The list's table is wider than a phone: its box is labelled, says it scrolls, and takes the arrow keys.
    region = page.locator("[role=region]", has=page.locator("table.commitments"))
    assert region.get_attribute("tabindex") == "0" and region.get_attribute("aria-labelledby")
    assert page.locator(f"#{region.get_attribute('aria-labelledby')}").is_visible()
    assert region.evaluate("box => box.scrollWidth > box.clientWidth")
    region.focus()
    assert region.evaluate("box => getComputedStyle(box).outlineStyle") != "none"
    page.keyboard.press("ArrowRight")
    page.wait_for_function("box => box.scrollLeft > 0", arg=region.element_handle())
    assert not page.console, "the console is not clean:\n" + "\n".join(page.console)


def test_a_clerk_reviews_and_fulfils_by_keyboard_alone_and_hears_each_result(
        live_server, clerk, archive, checked_page):  # noqa: F811
    make_document("Hierbij informeer ik uw Kamer over de munitie.", kamerstuk="27925-980", date=dt.date.today(),
                  title="Uitkomsten onderzoek munitie", sender="Staatssecretaris van Defensie")
    page, base = checked_page, live_server.url
    log_in(page, base, clerk)
    page.goto(base + "/beoordelen/")
    total = page.locator("#review-total")
    assert total.inner_text() == "1 te beoordelen." and total.get_attribute("role") == "status"
    page.keyboard.press("j")
    page.keyboard.press("a")
    page.locator("tr.candidate", has_text="Geaccepteerd").wait_for()
    assert total.inner_text() == "0 te beoordelen."  # swapped in out of band with the row
    (ARTIFACTS / "layout").mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "layout" / "beoordeeld-clerk-laptop.png"), full_page=True)

    # The accepted commitment marked Voldaan with only the keyboard: its letter typed by number, saved with Enter.
    page.locator("tr.candidate a", has_text="toezegging").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/toezeggingen/*/")
    page.locator("#status-wijzigen input[name=kamerstuk]").focus()
    page.keyboard.type("27925-980")
    page.keyboard.press("Enter")
    notice = page.locator(".notice.saved")
    notice.wait_for()
    assert page.evaluate("document.activeElement.classList.contains('saved')")  # focused, so it is read out
    letter = "27\u00a0925, nr.\u00a0980 · Uitkomsten onderzoek munitie"
    assert f"Openstaand → Voldaan · bewijs: {letter}" in notice.inner_text()
    (ARTIFACTS / "layout").mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "layout" / "opgeslagen-clerk-laptop.png"), full_page=True)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == letter
    notice.locator("a", has_text="Heropenen").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#heropenen"
    assert not page.console, "the console is not clean:\n" + "\n".join(page.console)
