"""A clerk in a real browser: upload a seed letter, wait for its commitment, mark it Voldaan,
and find it fulfilled on the dossier timeline. Headless Chromium from the system, driven by Playwright."""

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings

from tests.tracker.conftest import IRAK_LETTER, PASSWORD
from tests.tracker.factories import make_document

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(settings.BASE_DIR) / "artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.worker,
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason=f"browser tests skipped: no Chromium at {CHROMIUM}"),
]


@pytest.fixture
def browser_page(monkeypatch):
    from playwright.sync_api import sync_playwright

    # Playwright's synchronous API runs an event loop; the test's own database calls are still synchronous.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--disable-quic"],
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="nl-NL")
        page.set_default_timeout(60_000)
        yield page
        browser.close()


def test_a_clerk_marks_the_irak_commitment_fulfilled(live_server, celery_worker, clerk, browser_page):
    follow_up = make_document("Hierbij informeer ik uw Kamer over de veiligheidssituatie in Irak.",
                              kamerstuk="27925-962", date=dt.date(2023, 12, 15), title="Veiligheidssituatie Irak, december")
    page = browser_page

    page.goto(live_server.url + "/")
    assert "/inloggen/" in page.url
    page.fill("input[name=username]", clerk.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(live_server.url + "/")

    page.click("text=Documenten")
    page.set_input_files("input[name=files]", str(IRAK_LETTER))
    page.click("text=Uploaden")
    page.wait_for_selector("text=is ontvangen en wordt verwerkt")
    page.click(f"a:has-text('{IRAK_LETTER.name}')")

    # The page polls until the worker is done, then shows the commitments.
    commitment = page.locator("section.commitments a", has_text="In december informeer ik uw Kamer")
    commitment.wait_for()
    assert page.locator("mark.commitment").count() >= 1
    assert page.locator("a.reference").count() >= 2
    commitment.click()

    page.select_option("select[name=status]", "voldaan")
    page.select_option("select[name=evidence]", str(follow_up.pk))
    page.fill("textarea[name=note]", "Stand van zaken van 15 december")
    page.click("text=Opslaan")
    page.wait_for_selector("ol.history >> text=Voldaan")
    history = page.inner_text("ol.history")
    assert "Kandidaat → Voldaan" in history and "Stand van zaken van 15 december" in history

    page.click("text=dossier 27")
    fulfilled = page.locator("ul.markers li.state-voldaan", has_text="In december informeer ik uw Kamer")
    fulfilled.wait_for()
    assert "nagekomen in" in fulfilled.inner_text()
    assert fulfilled.locator("a", has_text="Veiligheidssituatie Irak, december").get_attribute("href") == (
        follow_up.get_absolute_url())
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "timeline.png"), full_page=True)
