"""`manage.py ingest PATH...`: folders and globs in, a summary out; running it twice adds nothing."""

import shutil

import pytest
from django.core.management import call_command

from tests.tracker.conftest import SEEDS_PDF
from tracker.models import Document


@pytest.fixture
def folder(tmp_path):
    nested = tmp_path / "brieven" / "2023"
    nested.mkdir(parents=True)
    for seed in sorted(SEEDS_PDF.glob("*.pdf"))[:2]:
        shutil.copy(seed, nested / seed.name)
    (tmp_path / "brieven" / "nota.txt").write_text("Den Haag, 1 maart 2024\n\nVoor de zomer informeer ik uw Kamer.")
    (tmp_path / "brieven" / "leeg.pdf").write_bytes(b"")
    (tmp_path / "brieven" / "foto.jpg").write_bytes(b"\xff\xd8\xff")
    return tmp_path / "brieven"


def run(*args):
    from io import StringIO

    out, err = StringIO(), StringIO()
    try:
        call_command("ingest", *args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exit:
        code = exit.code
    return code, out.getvalue(), err.getvalue()


def test_it_imports_a_folder_and_analyses_it_with_wait(db, folder):
    code, out, err = run(str(folder), "--wait")
    assert "nieuw: 4, al bekend: 0, mislukt: 1" in out
    assert "leeg.pdf: Het bestand is leeg (0 bytes)." in out
    assert code == 1  # a failure is reported in the exit status
    assert "4/4" in err  # the progress bar reached the end
    assert Document.objects.filter(state="klaar").count() == 3
    assert Document.objects.get(original_name="nota.txt").commitments.get().due_date.isoformat() == "2024-06-30"


def test_running_it_twice_creates_nothing_new(db, folder):
    run(str(folder), "--wait")
    code, out, _ = run(str(folder), "--wait")
    assert "nieuw: 0, al bekend: 4" in out
    assert Document.objects.count() == 4


def test_without_wait_it_queues_the_work(db, folder, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as queued:
        code, out, _ = run(str(folder / "**" / "*.pdf"))
    assert "nieuw: 3, al bekend: 0, mislukt: 0" in out and "wachtrij" in out
    assert len(queued) == 3 and code == 0
    assert set(Document.objects.values_list("state", flat=True)) == {"bezig"}


def test_it_names_a_path_that_does_not_exist(db, folder):
    code, out, _ = run(str(folder / "nota.txt"), str(folder / "weg.pdf"), "--wait")
    assert "weg.pdf: bestand niet gevonden" in out and code == 1
