"""The sandbox forks a child per file from one warm server: what a child does never reaches its caller or
the server, a dead server is replaced, and a forked process (a Celery pool process) gets a server of its own."""

import os
import signal
import threading
import time
import zlib
from pathlib import Path

import pytest

from ingest import ExtractionError, analyse_file
from tests.ingest.test_bad_input import deflated_spaces, raw_pdf, text_pdf
from tests.seeds import IRAK_LETTER_PDF


def servers() -> list[int]:
    """This process's fork servers, as the kernel lists its children."""
    found = []
    for task in Path(f"/proc/{os.getpid()}/task").iterdir():
        for pid in (task / "children").read_text().split():
            if b"ingest.forkserver" in Path(f"/proc/{pid}/cmdline").read_bytes():
                found.append(int(pid))
    return found


def children_of(pid: int) -> list[int]:
    return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def test_every_file_is_read_by_a_child_of_one_server():
    analyse_file(IRAK_LETTER_PDF)
    [server] = servers()
    for _ in range(3):
        assert analyse_file(IRAK_LETTER_PDF).kamerstuk == "27925-960"
    assert servers() == [server]
    assert children_of(server) == []  # each child is gone, and reaped, once its file is read


def test_a_child_that_crashes_is_reported_and_the_server_goes_on(tmp_path):
    analyse_file(IRAK_LETTER_PDF)
    [server] = servers()
    path = text_pdf(tmp_path / "lang.pdf", pages=1500)
    caught = []

    def read():
        try:
            analyse_file(path, max_pages=2000)
        except ExtractionError as error:
            caught.append(error)

    reader = threading.Thread(target=read)
    reader.start()
    deadline = time.monotonic() + 30
    while not children_of(server) and time.monotonic() < deadline:
        time.sleep(0.005)
    [child] = children_of(server)
    os.kill(child, signal.SIGSEGV)  # as a native crash in a parser ends
    reader.join(30)
    [error] = caught
    assert error.code == "te-groot" and "geheugen" in error.reason
    assert analyse_file(IRAK_LETTER_PDF).kamerstuk == "27925-960"
    assert servers() == [server]


def test_a_server_that_died_is_replaced_at_the_next_file():
    analyse_file(IRAK_LETTER_PDF)
    [server] = servers()
    os.kill(server, signal.SIGKILL)
    os.waitpid(server, 0)
    assert analyse_file(IRAK_LETTER_PDF).kamerstuk == "27925-960"
    [replacement] = servers()
    assert replacement != server


def test_a_forked_process_reads_with_a_server_of_its_own():
    analyse_file(IRAK_LETTER_PDF)
    [parents] = servers()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # as a Celery pool process is forked from its worker
        code = 1
        try:
            kamerstuk = analyse_file(IRAK_LETTER_PDF).kamerstuk
            os.write(write, f"{kamerstuk} {' '.join(map(str, servers()))}".encode())
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    answer = os.read(read, 1000).decode().split()
    os.waitpid(pid, 0)
    os.close(read)
    assert answer[0] == "27925-960"
    assert [int(p) for p in answer[1:]] != [parents] and len(answer) == 2
    assert analyse_file(IRAK_LETTER_PDF).kamerstuk == "27925-960" and servers() == [parents]


@pytest.mark.parametrize("limit, code", [({"max_memory_mb": 400}, "te-groot"), ({"timeout": 0.002}, "te-lang")])
def test_each_file_gets_the_limits_it_was_given(tmp_path, limit, code):
    bomb = raw_pdf(tmp_path / "bom.pdf", zlib.compress(deflated_spaces(1200), 9), "[/FlateDecode /FlateDecode]")
    with pytest.raises(ExtractionError) as caught:
        analyse_file(bomb if code == "te-groot" else IRAK_LETTER_PDF, **limit)  # a real letter: tens of ms
    assert caught.value.code == code
    # the next file, without those limits, is read as usual
    assert analyse_file(IRAK_LETTER_PDF).kamerstuk == "27925-960"
