"""`manage.py ingest PATH...`: folders and globs in, a summary out; running it twice adds nothing."""

import os
import shutil

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from tests.seeds import SEED_PDFS as SEEDS_PDF
from tests.tracker.factories import wait_until
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


def stored_files():
    return sorted(path for path in settings.MEDIA_ROOT.rglob("*") if path.is_file())


def test_a_name_that_is_no_utf8_is_imported_and_printed_safely(db, tmp_path):
    folder = tmp_path / "map"
    folder.mkdir()
    (folder / "a.txt").write_text("Voor de zomer informeer ik uw Kamer.")
    with open(os.path.join(os.fsencode(folder), b"brief\xff\x1b[31m.txt"), "wb") as handle:
        handle.write(b"In december informeer ik uw Kamer.")
    (folder / "z.txt").write_text("Voor de herfst informeer ik uw Kamer.")
    before = stored_files()
    code, out, err = run(str(folder), "--wait")
    assert "nieuw: 3, al bekend: 0, mislukt: 0" in out and code == 0
    assert "\x1b" not in out + err  # an escape code in a name never reaches the terminal
    names = set(Document.objects.values_list("original_name", flat=True))
    assert names == {"a.txt", "brief\\xff\\x1b[31m.txt", "z.txt"}
    assert len(stored_files()) == len(before) + 3  # one kept original per document, none left over


def test_a_failing_name_is_reported_escaped(db, tmp_path):
    path = tmp_path / "leeg\x1b]0;titel\x07.txt"
    path.write_bytes(b"")
    code, out, _ = run(str(path), "--wait")
    assert code == 1 and "\x1b" not in out and "\x07" not in out
    assert "leeg\\x1b]0;titel\\x07.txt: Het bestand is leeg" in out


def test_links_out_of_the_folder_are_not_followed(db, tmp_path, folder):
    outside = tmp_path / "elders"
    outside.mkdir()
    (outside / "geheim.txt").write_text("Geheime notitie die niet in de map hoort.")
    (folder / "passwd-symlink.txt").symlink_to("/etc/passwd")
    (folder / "elders").symlink_to(outside, target_is_directory=True)
    (folder / "nota-kopie.txt").symlink_to(folder / "nota.txt")  # inside: the same file, imported once
    for arguments in ([str(folder)], [str(folder / "**" / "*.txt")]):
        code, out, _ = run(*arguments, "--wait")
        assert "passwd-symlink.txt: verwijst naar een bestand buiten de opgegeven map en is overgeslagen" in out
        assert "overgeslagen" in out
    assert not Document.objects.filter(text__contains="root:").exists()
    assert not Document.objects.filter(text__contains="Geheime notitie").exists()
    assert Document.objects.filter(original_name__startswith="nota").count() == 1


def test_imported_documents_are_marked_as_imported_by_whom(db, folder, clerk):
    run(str(folder / "nota.txt"), "--wait", "--user", clerk.username)
    document = Document.objects.get()
    assert (document.origin, document.uploaded_by) == ("import", clerk)
    run(str(folder / "leeg.pdf"))
    assert Document.objects.get(original_name="leeg.pdf").uploaded_by is None


def test_an_unknown_user_is_refused_before_anything_is_imported(db, folder):
    with pytest.raises(CommandError, match="Gebruiker niemand bestaat niet"):
        call_command("ingest", str(folder), "--user", "niemand")
    assert not Document.objects.exists()


@pytest.mark.worker
def test_wait_analyses_here_while_a_worker_runs(start_worker, tmp_path, folder):
    worker = start_worker()
    log = tmp_path / "worker-0.log"
    wait_until(lambda: "ready" in log.read_text(), what="the worker to be ready")
    (folder / "leeg.pdf").unlink()
    code, out, _ = run(str(folder), "--wait")
    assert "nieuw: 3, al bekend: 0, mislukt: 0" in out and code == 0, out
    assert set(Document.objects.values_list("state", "attempts")) == {("klaar", 1)}
    assert worker.poll() is None and "received" not in log.read_text()  # nothing was queued
