"""A clerk uploads files: each becomes a document at once, queued for the worker, the original kept."""

import threading

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse

from tests.seeds import IRAK_LETTER_PDF as IRAK_LETTER
from tests.tracker.badfiles import BAD_NAMES
from tracker.filenames import printable
from tracker.intake import receive
from tracker.models import Document


def upload(client, *files, captured=None):
    return client.post(reverse("document_upload"), {"files": list(files)}, follow=True)


def test_it_makes_a_document_per_file_marked_bezig(clerk_client, django_capture_on_commit_callbacks):
    pdf = SimpleUploadedFile("brief.pdf", IRAK_LETTER.read_bytes(), content_type="application/pdf")
    text = SimpleUploadedFile("nota.txt", b"In december informeer ik uw Kamer.", content_type="text/plain")
    with django_capture_on_commit_callbacks() as queued:
        response = upload(clerk_client, pdf, text)
    assert response.status_code == 200
    documents = Document.objects.order_by("original_name")
    assert [d.original_name for d in documents] == ["brief.pdf", "nota.txt"]
    assert all(d.state == "bezig" for d in documents)
    assert len(queued) == 2  # one analysis task per file, sent after commit
    assert "brief.pdf is ontvangen en wordt verwerkt." in response.content.decode()


def test_it_keeps_the_original_file(clerk_client, django_capture_on_commit_callbacks):
    content = IRAK_LETTER.read_bytes()
    with django_capture_on_commit_callbacks():
        upload(clerk_client, SimpleUploadedFile("brief.pdf", content))
    document = Document.objects.get()
    with document.original.open("rb") as handle:
        assert handle.read() == content
    assert document.size == len(content)
    served = clerk_client.get(reverse("document_original", args=[document.pk]))
    assert served["Content-Type"] == "application/pdf"
    assert b"".join(served.streaming_content) == content


def test_it_recognises_the_same_file_uploaded_twice(clerk_client, django_capture_on_commit_callbacks):
    content = IRAK_LETTER.read_bytes()
    with django_capture_on_commit_callbacks() as queued:
        upload(clerk_client, SimpleUploadedFile("brief.pdf", content))
        response = upload(clerk_client, SimpleUploadedFile("kopie.pdf", content))
    assert Document.objects.count() == 1
    assert len(queued) == 1
    assert "kopie.pdf was al eerder ontvangen" in response.content.decode()


def test_it_refuses_a_file_over_the_size_limit(clerk_client, settings):
    settings.MAX_UPLOAD_MB = 1
    response = upload(clerk_client, SimpleUploadedFile("groot.pdf", b"%PDF-" + b"0" * (1024 * 1024 + 1)))
    assert Document.objects.count() == 0
    assert "het maximum is 1 MB" in response.content.decode()


def test_it_asks_for_a_file_when_none_is_chosen(clerk_client):
    response = clerk_client.post(reverse("document_upload"), {}, follow=True)
    assert "Kies een of meer bestanden" in response.content.decode()


def test_it_downloads_anything_but_a_pdf_instead_of_showing_it(clerk_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks():
        upload(clerk_client, SimpleUploadedFile("brief.html", b"<script>alert(1)</script>", content_type="text/html"))
    served = clerk_client.get(reverse("document_original", args=[Document.objects.get().pk]))
    assert served["Content-Type"] == "application/octet-stream"
    assert served["Content-Disposition"].startswith("attachment")


def stored_files():
    return sorted(path for path in settings.MEDIA_ROOT.rglob("*") if path.is_file())


def test_one_bad_file_never_costs_the_others(clerk_client, settings, django_capture_on_commit_callbacks):
    settings.MAX_UPLOAD_MB = 1
    with django_capture_on_commit_callbacks():
        response = upload(clerk_client, SimpleUploadedFile("leeg.txt", b""),
                          SimpleUploadedFile("goed.txt", b"In december informeer ik uw Kamer."),
                          SimpleUploadedFile("groot.pdf", b"%PDF-" + b"0" * (1024 * 1024 + 1)),
                          SimpleUploadedFile("ook-goed.txt", b"Voor de zomer informeer ik uw Kamer."))
    page = response.content.decode()
    assert sorted(Document.objects.values_list("original_name", flat=True)) == ["goed.txt", "ook-goed.txt"]
    assert "leeg.txt is leeg" in page and "groot.pdf is 1 MB; het maximum is 1 MB" in page
    assert "goed.txt is ontvangen" in page


def test_too_many_files_at_once_are_refused_in_dutch(client, clerk, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 3
    strict = Client(enforce_csrf_checks=True)  # as a browser: the CSRF check reads the upload first
    strict.force_login(clerk)
    files = [SimpleUploadedFile(f"{number}.txt", f"Brief {number}".encode()) for number in range(4)]
    response = strict.post(reverse("document_upload"), {"files": files})
    assert response.status_code == 400
    assert "Te veel bestanden in één keer: ten hoogste 3. Upload ze in delen." in response.content.decode()
    assert not Document.objects.exists()


def upload_as_named(client, name, content):
    """An upload as a browser sends it; the test client would shorten the name first, as Django does."""
    body = (f'--grens\r\nContent-Disposition: form-data; name="files"; filename="{name}"\r\n'
            'Content-Type: text/plain\r\n\r\n').encode() + content + b"\r\n--grens--\r\n"
    return client.post(reverse("document_upload"), body, content_type="multipart/form-data; boundary=grens",
                       follow=True)


def test_a_name_too_long_to_read_is_refused_in_dutch(clerk_client):
    response = upload_as_named(clerk_client, "brief" + "e" * 2000 + ".txt", b"Een brief.")
    assert response.status_code == 400
    assert "een bestandsnaam is te lang" in response.content.decode()


@pytest.mark.parametrize("size", [100, 6 * 1024 * 1024])  # kept in memory, and in a temporary file
def test_a_long_extension_keeps_the_start_of_the_name(clerk_client, size, django_capture_on_commit_callbacks):
    name = "brief." + "p" * 300
    with django_capture_on_commit_callbacks():
        response = upload_as_named(clerk_client, name, b"Voor de zomer informeer ik uw Kamer. " * (size // 37))
    assert response.status_code == 200
    document = Document.objects.get()
    assert document.original_name.startswith("brief.ppp") and len(document.original_name) == 255
    assert "brief.ppp" in response.content.decode()


def test_two_clerks_uploading_one_file_at_once_leave_one_document_and_one_copy(transactional_db):
    content = b"Voor de zomer informeer ik uw Kamer over de voortgang."
    before = stored_files()
    first_stored, commit_first = threading.Event(), threading.Event()

    def first_clerk():
        with transaction.atomic():
            receive(ContentFile(content), "eerste.txt", queue=False)
            first_stored.set()
            commit_first.wait(10)  # the first upload's row exists, not yet committed
        connection.close()

    thread = threading.Thread(target=first_clerk)
    thread.start()
    assert first_stored.wait(10)
    threading.Timer(1.0, commit_first.set).start()
    second = receive(ContentFile(content), "tweede.txt", queue=False)  # waits on the first's row, then loses
    thread.join()
    assert not second.created and second.document.original_name == "eerste.txt"
    assert Document.objects.count() == 1
    assert len(stored_files()) == len(before) + 1


def pdf_with_open_action_javascript():
    """A one-page PDF that runs JavaScript when opened."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
               b"<< /Type /Action /S /JavaScript /JS (app.alert(document.cookie)) >>"]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref


@pytest.mark.parametrize("name, content", [("actie.pdf", pdf_with_open_action_javascript()),
                                           ("brief.html", b"<script>alert(1)</script>")])
def test_originals_are_served_in_a_sandbox(clerk_client, name, content, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks():
        upload(clerk_client, SimpleUploadedFile(name, content))
    served = clerk_client.get(reverse("document_original", args=[Document.objects.get().pk]))
    policy = [part.strip() for part in served["Content-Security-Policy"].split(";")]
    assert "sandbox" in policy and "default-src 'none'" in policy
    assert served["X-Content-Type-Options"] == "nosniff"


def test_pages_have_a_content_security_policy(clerk_client):
    policy = clerk_client.get(reverse("documents"))["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "object-src 'none'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


@pytest.mark.parametrize("name, stored", BAD_NAMES)
def test_every_name_is_stored_safely_or_refused_in_dutch(clerk_client, name, stored,
                                                         django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks():
        response = upload_as_named(clerk_client, name, f"Een brief met de naam {len(name)}.".encode())
    if stored is None:
        assert response.status_code == 400 and "<h1>Ongeldig verzoek</h1>" in response.content.decode()
        assert not Document.objects.exists()
    else:
        assert response.status_code == 200
        kept = Document.objects.get().original_name
        assert kept.startswith(stored) and kept == printable(kept) and len(kept) <= 255
