"""The warm parent of the sandbox: the engine imported once, a forked child per file.

Starting an interpreter and importing the engine costs most of a second; forking a process that has
done so costs a millisecond or two. This server does nothing itself but fork and report, so nothing a
file does can reach it: each child reads one file under its own limits (address space, CPU time, no core
file), writes its result to a pipe the caller handed over with the request, and exits. The server tells
the caller on a second pipe how the child ended (after anything the child wrote to stderr), kills a child
when the caller's wall-clock timeout has passed, and kills them all and stops when the caller goes away.

Requests arrive on a SOCK_SEQPACKET socket, one message each: JSON, with the two pipes' write ends
attached (SCM_RIGHTS). `ingest.sandbox` is the other side.

    python -m ingest.forkserver FD PID   # FD: the server's end of the socket; PID: the caller

The server dies with the process that started it, even while it is still importing the engine, and its
children die with it.
"""

from __future__ import annotations

import ctypes
import gc
import json
import os
import resource
import selectors
import signal
import socket
import sys
import tempfile
import traceback

from .limits import Limits
from .model import ExtractionError

# A request is a few hundred bytes of JSON; two descriptors come with it.
MAX_REQUEST = 1 << 16
_PR_SET_PDEATHSIG = 1
# What the server writes after a child's stderr: a NUL, then the child's end as JSON.
STATUS_MARK = b"\0"
# glibc's mallopt options: the free memory at the top of the heap above which it is handed back, and the size
# from which a block is mapped on its own.
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
_MMAP_THRESHOLD = 1 << 20
try:
    # Opened once, here: a child opening it again (dlopen, dlsym) would spend half a millisecond on it.
    _LIBC = ctypes.CDLL(None, use_errno=True)
except OSError:
    _LIBC = None


def main(argv: list[str]) -> int:
    serve(socket.socket(fileno=int(argv[1])), caller=int(argv[2]))
    return 0


def serve(server: socket.socket, caller: int) -> None:
    """Fork a child for every request until the caller (process `caller`) closes its end of `server`."""
    _die_with(caller)  # first: warming up takes a while, and the caller may be gone before it ends
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # stopped by its caller, never by a terminal's Ctrl-C
    _reuse_freed_blocks()
    _warm_up()
    children: dict[int, _Child] = {}  # by pidfd
    with selectors.DefaultSelector() as selector:
        selector.register(server, selectors.EVENT_READ)
        while True:
            for key, _ in selector.select():
                if key.fileobj is server:
                    request, fds = _receive(server)
                    if request is None:
                        _stop(children)
                        return
                    _handle(request, fds, children, selector, server)
                else:
                    child = children.pop(key.fd)
                    selector.unregister(key.fd)
                    child.report()


class _Child:
    def __init__(self, request_id: int, pid: int, pidfd: int, status: int):
        self.request_id, self.pid, self.pidfd, self.status = request_id, pid, pidfd, status

    def report(self) -> None:
        """Reap the child and write how it ended: {"exit": 0 or -signal, "peak_kb": its peak resident memory,
        "cpu_ms": the processor time it used}."""
        _, status, usage = os.wait4(self.pid, 0)
        ended = {"exit": os.waitstatus_to_exitcode(status), "peak_kb": usage.ru_maxrss,
                 "cpu_ms": 1000 * (usage.ru_utime + usage.ru_stime)}
        try:
            _write_all(self.status, STATUS_MARK + json.dumps(ended).encode())
        except OSError:
            pass  # the caller stopped waiting
        os.close(self.status)
        os.close(self.pidfd)

    def kill(self) -> None:
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def _receive(server: socket.socket) -> tuple[dict | None, list[int]]:
    try:
        data, fds, _, _ = socket.recv_fds(server, MAX_REQUEST, 2)
    except ConnectionError:
        return None, []
    if not data:
        return None, []
    return json.loads(data), fds


def _handle(request: dict, fds: list[int], children: dict, selector, server: socket.socket) -> None:
    if request["op"] == "kill":
        for child in children.values():
            if child.request_id == request["id"]:
                child.kill()
        return
    result, status = fds
    server_pid = os.getpid()
    pid = os.fork()
    if pid == 0:
        _child(request, result, status, keep={result, status}, server=server_pid)
    os.close(result)
    pidfd = os.pidfd_open(pid)
    children[pidfd] = _Child(request["id"], pid, pidfd, status)
    selector.register(pidfd, selectors.EVENT_READ)


def _child(request: dict, result: int, status: int, keep: set[int], server: int) -> None:
    """In the forked child: limits first, then the file; never returns."""
    code = 1
    try:
        os.dup2(status, 2)  # what a crashing library prints reaches the caller before the exit status
        _close_all_but(keep | {0, 1, 2})
        _die_with(server)
        limits = Limits(**request["limits"])
        _limit(limits)
        _write_all(result, json.dumps(_analyse(request["path"], limits), ensure_ascii=False).encode())
        code = 0
    except BaseException:  # noqa: BLE001 - the traceback's last line is the reason the caller shows
        traceback.print_exc()
        sys.stderr.flush()
    finally:
        os._exit(code)


def _analyse(path: str, limits: Limits) -> dict:
    from .pipeline import analyse_path  # imported by the server's warm-up, before any child

    try:
        return {"analysis": analyse_path(path, limits).to_dict()}
    except ExtractionError as error:
        return {"error": {"code": error.code, "reason": error.reason}}
    except MemoryError:
        return {"error": {"code": "te-groot", "reason": (
            f"Het lezen van dit bestand vraagt meer dan {limits.max_memory_mb} MB geheugen en is afgebroken."
        )}}


def _limit(limits: Limits) -> None:
    memory = limits.max_memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    cpu = int(limits.timeout) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _close_all_but(keep: set[int]) -> None:
    """The server's socket, other children's pipes: a child holds nothing but its own."""
    low = 0
    for fd in [*sorted(keep), os.sysconf("SC_OPEN_MAX")]:
        if low < fd:  # Python 3.11's closerange closes everything when given an empty range
            os.closerange(low, fd)
        low = fd + 1


def _die_with(parent: int) -> None:
    """This process dies when `parent`, the process that started it, does: a child when its server is killed
    (SIGKILL leaves the server no time to kill its children), the server when its caller is (before it can
    read the caller's goodbye). A parent already gone has left this process to another: it stops at once."""
    prctl = getattr(_LIBC, "prctl", None)
    if prctl is not None:
        prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:
        os._exit(1)


def _reuse_freed_blocks() -> None:
    """Have glibc keep freed blocks of up to a megabyte in the heap, for the children to reuse.

    Above 128 KB glibc maps every block afresh and unmaps it once freed, and PDFium's list of a page's characters
    is such a block: a child would fault its memory in again for every page, half the page faults of a long file,
    each costly in a process just forked. A process that runs long raises the limit itself once it frees such a
    block (to its size, and the trim threshold to twice that); a child, reading one file, would not.
    """
    mallopt = getattr(_LIBC, "mallopt", None)
    if mallopt is not None:
        mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD)
        mallopt(_M_TRIM_THRESHOLD, 2 * _MMAP_THRESHOLD)


def _stop(children: dict) -> None:
    for child in children.values():
        child.kill()
    for child in children.values():
        child.report()


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


# Warming up -----------------------------------------------------------------------------------------

_SAMPLE_TEXT = (
    "Den Haag, 21 november 2023\n\nIn mijn brief van 2 oktober jl. (Kamerstuk 27 925, nr. 943) heb ik u "
    "geïnformeerd. In december informeer ik uw Kamer wederom over de voortgang.\n\nDe Minister van Defensie,\n"
)


def _warm_up() -> None:
    """Read a small letter and a small PDF once, so that every child starts with the readers imported and
    the engine's lazily built state (PDFium's fonts, regular expressions compiled on first use) in place."""
    from .pipeline import analyse_path
    from .readers import docx, html, pdf, text, xml_kst  # noqa: F401 - imported here, shared by every child

    with tempfile.TemporaryDirectory() as folder:
        for name, content in (("brief.txt", _SAMPLE_TEXT.encode()), ("brief.pdf", _sample_pdf(_SAMPLE_TEXT))):
            path = os.path.join(folder, name)
            with open(path, "wb") as handle:
                handle.write(content)
            analyse_path(path, Limits.from_env())
    gc.collect()
    gc.freeze()  # the children's collections leave the server's objects (and their shared pages) alone


def _sample_pdf(text: str) -> bytes:
    """A one-page PDF of `text` in Times-Roman, written by hand: the server needs no PDF library for it."""
    lines = [line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") for line in text.splitlines()]
    content = "BT /F1 10 Tf 70 780 Td 13 TL " + " ".join(f"({line}) '" for line in lines) + " ET"
    stream = content.encode("cp1252")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


if __name__ == "__main__":
    sys.exit(main(sys.argv))
