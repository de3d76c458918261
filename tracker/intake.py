"""A file coming in (upload, import, sync): kept as it arrived, one document per distinct file, queued for the
worker."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import File
from django.db import IntegrityError, transaction

from tracker.filenames import display_name, storage_name
from tracker.models import Document
from tracker.tasks import analyse_document


@dataclass
class Received:
    document: Document
    created: bool  # False: the same file (by sha256) was already here


class TooLarge(Exception):
    pass


def receive(file: File, name: str, user=None, *, queue: bool = True, **fields) -> Received:
    """Store `file` as a new document (state bezig) and, with `queue`, queue its analysis.

    `name` may come from any file system or browser; `fields` are what a source already knows of the
    document (origin, metadata). The stored copy never outlives a document that was not made."""
    limit = settings.MAX_UPLOAD_MB * 1024 * 1024
    if file.size > limit:
        raise TooLarge(f"{display_name(name)} is {file.size / 1024 / 1024:.0f} MB; "
                       f"het maximum is {settings.MAX_UPLOAD_MB} MB.")
    digest = _sha256(file)
    existing = Document.objects.filter(sha256=digest).first()
    if existing:
        return Received(existing, created=False)
    document = Document(original_name=display_name(name), sha256=digest, size=file.size, uploaded_by=user, **fields)
    document.original.save(storage_name(name), file, save=False)
    try:
        with transaction.atomic():
            document.save()
            if queue:
                queue_analysis(document)
    except IntegrityError:
        # Uploaded twice at the same moment: the other request stored it, and keeps its copy.
        document.original.delete(save=False)
        return Received(Document.objects.get(sha256=digest), created=False)
    except BaseException:
        document.original.delete(save=False)
        raise
    return Received(document, created=True)


def queue_analysis(document: Document) -> None:
    # Sent only when the row is committed, so the worker always finds it.
    analyse_document.delay_on_commit(document.pk)


def _sha256(file: File) -> str:
    digest = hashlib.sha256()
    for chunk in file.chunks():
        digest.update(chunk)
    file.seek(0)
    return digest.hexdigest()
