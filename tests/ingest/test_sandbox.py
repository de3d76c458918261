"""The sandbox reads files in workers forked from one warm server: what a worker does never reaches its caller or
the server, a worker whose file went wrong is replaced, a dead server is replaced, and a forked process (a Celery
pool process) gets a server of its own."""

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


def processor_ticks(pid: int) -> int:
    """The processor time a process has used, in clock ticks (user and system, /proc/PID/stat); -1 for one that
    has ended since it was listed (a worker replaced)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except FileNotFoundError:
        return -1
    return int(fields[11]) + int(fields[12])


def idle_workers(server: int) -> dict[int, int]:
    """The server's workers and their processor ticks once none of them uses any: a worker that has answered
    may still be tidying up after its last file."""
    deadline = time.monotonic() + 30
    while True:
        ticks = {pid: processor_ticks(pid) for pid in children_of(server)}
        time.sleep(0.1)
        if all(processor_ticks(pid) == used for pid, used in ticks.items()) or time.monotonic() > deadline:
            return ticks


def test_files_are_read_one_after_another_by_one_worker_of_one_server():
    from ingest import sandbox
    from ingest.limits import Limits

    limits = Limits.from_env()
    first = sandbox.run(IRAK_LETTER_PDF, limits)
    [server] = servers()
    for _ in range(3):
        outcome = sandbox.run(IRAK_LETTER_PDF, limits)
        assert sandbox.result_of(outcome, limits).kamerstuk == "27925-960"
        assert outcome.worker == first.worker and outcome.exit == 0 and outcome.cpu_ms > 0
    assert servers() == [server]
    assert first.worker in children_of(server)  # waiting for the next file (beside workers for other limits)


def test_a_worker_that_crashes_is_reported_and_the_server_goes_on(tmp_path):
    analyse_file(IRAK_LETTER_PDF)
    [server] = servers()
    path = text_pdf(tmp_path / "lang.pdf", pages=2000)  # about a tenth of a second of reading on a fast machine
    caught = []

    def read():
        try:
            analyse_file(path, max_pages=2000)
        except ExtractionError as error:
            caught.append(error)

    idle = idle_workers(server)
    reader = threading.Thread(target=read)
    reader.start()
    child, deadline = None, time.monotonic() + 30
    while child is None and time.monotonic() < deadline:  # the worker some hundredths of a second into the file
        child = next((pid for pid in children_of(server) if processor_ticks(pid) >= idle.get(pid, 0) + 3), None)
        time.sleep(0.005)
    os.kill(child, signal.SIGSEGV)  # as a native crash in a parser ends
    reader.join(30)
    [error] = caught
    assert error.code == "te-groot" and "geheugen" in error.reason
    assert analyse_file(IRAK_LETTER_PDF).kamerstuk == "27925-960"
    assert servers() == [server]
    assert child not in children_of(server)  # its limits' next file gets a fresh worker


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


def test_a_file_with_other_limits_gets_a_worker_of_its_own():
    from ingest import sandbox
    from ingest.limits import Limits

    usual = Limits.from_env()
    tight = Limits.from_env(max_memory_mb=500)
    before = sandbox.run(IRAK_LETTER_PDF, usual).worker
    other = sandbox.run(IRAK_LETTER_PDF, tight)
    assert other.worker != before and sandbox.result_of(other, tight).kamerstuk == "27925-960"
    assert sandbox.run(IRAK_LETTER_PDF, usual).worker == before
