"""Older Word documents (.doc): read by antiword, or refused with a reason that says what is missing."""

import pytest

from ingest.limits import Limits
from ingest.model import ExtractionError
from ingest.readers import read
from ingest.readers.doc import OLE2_MAGIC

LIMITS = Limits(max_bytes=10 * 1024 * 1024, max_pages=100, timeout=30, max_memory_mb=512)


def ole2_file(tmp_path, name="brief.doc"):
    """An OLE2 container as .xls and .ppt are too: antiword's to judge, not ours."""
    path = tmp_path / name
    path.write_bytes(OLE2_MAGIC + bytes(504) + b"\x00" * 4096)
    return path


def test_without_antiword_a_doc_is_refused_saying_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # a machine without antiword
    with pytest.raises(ExtractionError) as refused:
        read(str(ole2_file(tmp_path)), LIMITS)
    assert refused.value.code == "doc-lezer-ontbreekt"
    assert "ouder Word-document (.doc)" in refused.value.reason and "apt-get install antiword" in refused.value.reason


def test_a_doc_antiword_cannot_read_is_refused_in_dutch(tmp_path):
    with pytest.raises(ExtractionError) as refused:
        read(str(ole2_file(tmp_path)), LIMITS)
    assert refused.value.code == "corrupt"
    assert refused.value.reason.startswith("Dit oudere Word-document (.doc) is beschadigd")
