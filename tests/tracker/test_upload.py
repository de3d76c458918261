"""A clerk uploads files: each becomes a document at once, queued for the worker, the original kept."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.tracker.conftest import IRAK_LETTER
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
