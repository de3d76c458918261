"""A clerk in a real browser edits a commitment and corrects a document without losing anything, and uploads a
batch with a bad file among good ones. Headless system Chromium through Playwright."""

import datetime as dt
import shutil

import pytest

from tests.seeds import SEED_PDFS
from tests.tracker.factories import make_document, promise
from tests.tracker.test_browser import CHROMIUM, browser_page  # noqa: F401 (the fixture)
from tests.tracker.test_browser_views import log_in
from tracker.models import Commitment, Document, DocumentChange

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason=f"browser tests skipped: no Chromium at {CHROMIUM}"),
]

TEXT = "Eind november stuur ik uw Kamer de evaluatie van de inzet."


def test_editing_only_the_text_keeps_the_due_date(live_server, clerk, browser_page):  # noqa: F811
    letter = make_document(TEXT, kamerstuk="27925-960", date=dt.date(2019, 11, 1), sender="Minister van Defensie",
                           commitments=[promise(TEXT, TEXT, dt.date(2019, 11, 30), "eind november")])
    commitment = letter.commitments.get()
    page = browser_page
    log_in(page, live_server.url, clerk, f"/toezeggingen/{commitment.pk}/bewerken/")
    assert page.input_value("input[name=due_date]") == "2019-11-30"
    page.fill("textarea[name=text]", TEXT + " Met de bevindingen.")
    page.click("button:has-text('Opslaan')")
    page.wait_for_url(live_server.url + commitment.get_absolute_url())
    commitment.refresh_from_db()
    assert commitment.due_date == dt.date(2019, 11, 30) and commitment.text.endswith("Met de bevindingen.")
    assert commitment.ministry == "Defensie"
    history = page.inner_text("ol.history")
    assert "tekst:" in history and "termijn" not in history.split("tekst:")[1]


def test_a_clerk_corrects_a_documents_number_in_the_browser(live_server, clerk, browser_page):  # noqa: F811
    letter = make_document(TEXT, date=dt.date(2024, 3, 1), sender="Minister van Defensie",
                           commitments=[promise(TEXT, TEXT)])
    page = browser_page
    log_in(page, live_server.url, clerk, letter.get_absolute_url())
    page.click("text=Gegevens corrigeren")
    assert page.input_value("input[name=date]") == "2024-03-01"
    page.fill("input[name=kamerstuk]", "27 925, nr. 991")
    page.click("button:has-text('Opslaan')")
    page.wait_for_selector("text=De gegevens van het document zijn bijgewerkt")
    assert "Kamerstuknummer: — → 27925-991" in page.inner_text("section.history")
    letter.refresh_from_db()
    assert letter.dossier.key == "27925" and DocumentChange.objects.filter(document=letter).count() == 1
    assert Commitment.objects.get(document=letter).dossier.key == "27925"


def test_a_batch_with_a_bad_file_stores_the_good_ones(live_server, clerk, browser_page, tmp_path):  # noqa: F811
    empty = tmp_path / "leeg.txt"
    empty.write_bytes(b"")
    page = browser_page
    log_in(page, live_server.url, clerk, "/documenten/")
    good = sorted(SEED_PDFS.glob("*.pdf"))[:2]
    page.set_input_files("input[name=files]", [str(good[0]), str(empty), str(good[1])])
    page.click("text=Uploaden")
    page.wait_for_selector("text=leeg.txt")
    messages = page.inner_text("main")
    assert "leeg.txt" in messages and "leeg" in messages.split("leeg.txt", 1)[1][:80]
    assert set(Document.objects.values_list("original_name", flat=True)) == {good[0].name, good[1].name}
