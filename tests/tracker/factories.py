"""Test data as the worker leaves it, and waiting for the worker."""

import hashlib
import time
import uuid

from django.core.files.base import ContentFile

from ingest.ministries import ministries_of
from ingest.model import Analysis
from ingest.model import Commitment as FoundCommitment
from ingest.model import Reference as FoundReference
from tracker.analysis import store_analysis
from tracker.models import Document, Dossier, Following


def make_document(text="", *, kamerstuk="", date=None, title="Brief", commitments=(), references=(), sender="",
                  postponements=(), dossiers=None):
    """A document as the worker leaves it, from an Analysis written out in the test."""
    name = f"{uuid.uuid4().hex}.txt"
    document = Document(original_name=name, sha256=hashlib.sha256(name.encode()).hexdigest(), size=len(text))
    document.original.save(name, ContentFile(text.encode()), save=False)
    document.save()
    analysis = Analysis(
        kind="brief",
        date=date,
        kamerstuk=kamerstuk or None,
        dossiers=dossiers if dossiers is not None else [kamerstuk.rpartition("-")[0]] if kamerstuk else [],
        title=title,
        sender=sender,
        ministries=ministries_of(sender, date),
        signatories=[],
        pages=1,
        text=text,
        page_starts=[0],
        references=list(references),
        commitments=list(commitments),
        postponements=list(postponements),
    )
    store_analysis(document, analysis)
    document.refresh_from_db()
    return document


def read_document(path):
    """A file as the worker leaves it after reading it with the engine (in this process)."""
    from ingest.pipeline import analyse_path

    content = path.read_bytes()
    document = Document(original_name=path.name, sha256=hashlib.sha256(content).hexdigest(), size=len(content))
    document.original.save(path.name, ContentFile(content), save=False)
    document.save()
    store_analysis(document, analyse_path(path))
    document.refresh_from_db()
    return document


def promise(text, sentence, due=None, due_text=None):
    """A commitment found in `text`: the sentence `sentence`, located by its offsets."""
    start = text.index(sentence)
    return FoundCommitment(text=sentence, page=1, due=due, due_text=due_text, precision="maand" if due else "geen",
                           start=start, end=start + len(sentence))


def citation(text, cited, kamerstuk):
    start = text.index(cited)
    return FoundReference(kamerstuk=kamerstuk, dossier=kamerstuk.rpartition("-")[0],
                          number=kamerstuk.rpartition("-")[2], text=cited, page=1, start=start, end=start + len(cited))


def follow(user, *keys):
    """`user` follows the dossiers with these keys, made when they are not here yet."""
    for key in keys:
        Following.objects.get_or_create(user=user, dossier=Dossier.objects.for_key(key))


def wait_until(predicate, timeout=90, interval=0.5, what="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")
