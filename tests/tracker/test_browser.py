"""A clerk in a real browser: upload a seed letter, wait for its commitment, mark it Voldaan,
and find it fulfilled on the dossier timeline. Headless Chromium from the system, driven by Playwright."""

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings

from tests.seeds import IRAK_LETTER_PDF as IRAK_LETTER
from tests.tracker.conftest import PASSWORD
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
        # Every page must work under the Content-Security-Policy: Chromium reports what it blocks on the console.
        blocked = []
        page.on("console", lambda message: blocked.append(message.text)
                if "Content Security Policy" in message.text else None)
        yield page
        browser.close()
    assert not blocked, blocked


def test_a_clerk_marks_the_irak_commitment_fulfilled(live_server, celery_worker, clerk, browser_page):
    follow_up = make_document("Hierbij informeer ik uw Kamer over de veiligheidssituatie in Irak.",
                              kamerstuk="27925-962", date=dt.date(2023, 12, 15),
                              title="Veiligheidssituatie Irak, december")
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
    # The text below the list may still be arriving after the page's reload: wait for the page to be whole.
    page.wait_for_load_state("load")
    assert page.locator("mark.commitment").count() >= 1
    assert page.locator("a.reference").count() >= 2
    commitment.click()

    page.select_option("select[name=status]", "voldaan")
    # The picker: typing words of the title narrows the list to that letter (and the empty choice).
    page.fill("input[name=brief]", "irak december")
    page.wait_for_function("document.querySelectorAll('#id_evidence option').length === 2")
    page.select_option("select[name=evidence]", str(follow_up.pk))
    page.fill("textarea[name=note]", "Stand van zaken van 15 december")
    page.click("text=Opslaan")
    page.wait_for_selector("ol.history >> text=Voldaan")
    history = page.inner_text("ol.history")
    assert "Kandidaat → Voldaan" in history and "Stand van zaken van 15 december" in history
    # the quote above the panel takes the new status's colour without a reload, once htmx has settled the swap (it
    # keeps the old attributes for a moment, for transitions)
    page.wait_for_selector("#promise-quote.state-voldaan:not(.htmx-settling)")
    assert page.get_attribute("#promise-quote", "class") == "promise state-voldaan"

    page.click("text=dossier 27")
    fulfilled = page.locator("ul.markers li.state-voldaan", has_text="In december informeer ik uw Kamer")
    fulfilled.wait_for()
    assert "nagekomen in" in fulfilled.inner_text()
    assert fulfilled.locator("a", has_text="Veiligheidssituatie Irak, december").get_attribute("href") == (
        follow_up.get_absolute_url())
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "timeline.png"), full_page=True)


def test_a_clerk_reviews_postpones_and_fulfils_a_commitment(live_server, clerk, browser_page):
    from tests.tracker.factories import citation, promise

    text = "In december informeer ik uw Kamer wederom over de veiligheidssituatie in Irak."
    letter = make_document(text, kamerstuk="27925-960", date=dt.date(2023, 11, 21), sender="Minister van Defensie",
                           commitments=[promise(text, text, dt.date(2023, 12, 31), "In december")])
    answer = ("Zoals toegezegd in mijn brief van 21 november 2023 (Kamerstuk 27 925, nr. 960) informeer ik u hierbij "
              "over de veiligheidssituatie in Irak.")
    follow_up = make_document(answer, kamerstuk="27925-975", date=dt.date(2024, 3, 1), sender="Minister van Defensie",
                              title="Veiligheidssituatie Irak, maart",
                              references=[citation(answer, "Kamerstuk 27 925, nr. 960", "27925-960")])
    commitment = letter.commitments.get()
    page = browser_page

    page.goto(live_server.url + "/beoordelen/")
    page.fill("input[name=username]", clerk.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(live_server.url + "/beoordelen/")

    # Keyboard review: j selects the first candidate, a accepts it without a page reload.
    row = page.locator(f"#candidate-{commitment.pk}")
    assert "veiligheidssituatie in Irak" in row.locator("mark.commitment").inner_text()
    page.keyboard.press("j")
    page.keyboard.press("a")
    page.locator(f"#candidate-{commitment.pk} >> text=Geaccepteerd").wait_for()
    row.locator("a", has_text="toezegging").click()

    page.select_option("select[name=status]", "uitgesteld")
    page.fill("input[name=new_due_date]", "2024-03-31")
    page.fill("form.status-form textarea[name=note]", "Uitgesteld naar het eerste kwartaal")
    page.click("text=Opslaan")
    page.wait_for_selector("ol.history >> text=Uitgesteld")

    suggestion = page.locator("ul.suggestions li", has_text="Veiligheidssituatie Irak, maart")
    assert "haalt Kamerstuk" in suggestion.inner_text()
    suggestion.locator("button", has_text="Voldaan met deze brief").click()
    page.wait_for_selector("ol.history >> text=Voldaan")

    history = page.inner_text("ol.history")
    assert "Kandidaat → Openstaand" in history
    assert "Openstaand → Uitgesteld" in history and "31 december 2023 → 31 maart 2024" in history
    assert "Uitgesteld → Voldaan" in history and "Veiligheidssituatie Irak, maart" in history
    assert f"/documenten/{follow_up.pk}/" in page.locator("ol.history a").last.get_attribute("href")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "commitment-history.png"), full_page=True)
