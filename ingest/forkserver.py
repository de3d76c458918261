"""The warm parent of the sandbox: the engine imported once, forked workers that each read files one at a time.

Starting an interpreter and importing the engine costs most of a second; forking a process that has done so
costs a millisecond or two, and a forked process that then reads its first file pays again for what it
touches of its parent's memory and for the caches the engine fills as it goes. So a worker, once forked, reads
one file after another, under its own limits (address space, CPU time per file, no core file); it writes each
result to a pipe the caller handed over with the request and tells the server it is done. The server tells the
caller on a second pipe how the file ended (after anything the worker wrote to stderr meanwhile). A worker
whose file went wrong in any way but an ExtractionError (a memory error, a crash, a kill at the caller's
wall-clock timeout), that has read MAX_FILES files, or whose memory grew by more than MAX_GROWTH_MB, is not used
again: it ends, and the next file gets a fresh one. A file that kills its worker ends with that worker's end,
as it would in a child of its own. The server kills its workers and stops when the caller goes away.

Requests arrive on a SOCK_SEQPACKET socket, one message each: JSON, with the two pipes' write ends
attached (SCM_RIGHTS). `ingest.sandbox` is the other side.

    python -m ingest.forkserver FD PID   # FD: the server's end of the socket; PID: the caller

The server dies with the process that started it, even while it is still importing the engine, and its
workers die with it.
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
# What the server writes after a file's stderr: a NUL, then how the file ended as JSON.
STATUS_MARK = b"\0"
# A worker reads at most this many files, and goes on only while its address space has grown by at most this
# much since it was forked: what the engine caches, and what a heavy file left in the heap, stays within bounds,
# and the next file has about the room under the memory limit that a fresh worker would give it.
MAX_FILES = 200
MAX_GROWTH_MB = 64
# Idle workers kept for other limits than the latest file's (a caller that changes them now and then).
MAX_IDLE = 4
# glibc's mallopt options: the free memory at the top of the heap above which it is handed back, and the size
# from which a block is mapped on its own.
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
_MMAP_THRESHOLD = 1 << 20
try:
    # Opened once, here: a worker opening it again (dlopen, dlsym) would spend half a millisecond on it.
    _LIBC = ctypes.CDLL(None, use_errno=True)
except OSError:
    _LIBC = None


def main(argv: list[str]) -> int:
    serve(socket.socket(fileno=int(argv[1])), caller=int(argv[2]))
    return 0


def serve(server: socket.socket, caller: int) -> None:
    """Hand every request to a worker until the caller (process `caller`) closes its end of `server`."""
    _die_with(caller)  # first: warming up takes a while, and the caller may be gone before it ends
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # stopped by its caller, never by a terminal's Ctrl-C
    _reuse_freed_blocks()
    _warm_up()
    with selectors.DefaultSelector() as selector:
        pool = _Pool(selector)
        selector.register(server, selectors.EVENT_READ)
        while True:
            for key, _ in selector.select():
                if key.fileobj is server:
                    request, fds = _receive(server)
                    if request is None:
                        pool.stop()
                        return
                    pool.handle(request, fds)
                else:
                    pool.event(key.data)


class _Request:
    def __init__(self, request_id: int, status: int):
        self.id, self.status = request_id, status

    def end(self, ended: dict) -> None:
        """Write how the file ended: {"exit": 0, 1 or -signal, "peak_kb": peak resident memory, "cpu_ms": the
        processor time it took, "worker": the process that read it}. Of a file that ended its worker, the
        memory and time are the worker's own, over all the files it read."""
        try:
            _write_all(self.status, STATUS_MARK + json.dumps(ended).encode())
        except OSError:
            pass  # the caller stopped waiting
        os.close(self.status)


class _Worker:
    def __init__(self, pid: int, pidfd: int, channel: socket.socket, limits: dict):
        self.pid, self.pidfd, self.channel, self.limits = pid, pidfd, channel, limits
        self.request: _Request | None = None
        self.retiring = False

    def kill(self) -> None:
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


class _Pool:
    """The server's workers: an idle one with the request's limits takes it, or a new one is forked."""

    def __init__(self, selector):
        self.selector = selector
        self.workers: list[_Worker] = []

    def handle(self, request: dict, fds: list[int]) -> None:
        if request["op"] == "kill":
            for worker in self.workers:
                if worker.request is not None and worker.request.id == request["id"]:
                    worker.kill()
            return
        result, status = fds
        worker = next((w for w in self.workers if w.request is None and not w.retiring
                       and w.limits == request["limits"]), None) or self._fork(request["limits"])
        worker.request = _Request(request["id"], status)
        try:
            socket.send_fds(worker.channel, [json.dumps(request).encode()], [result, status])
        except OSError:
            worker.kill()  # its end is reported when it is reaped
        os.close(result)

    def event(self, item: tuple[str, _Worker]) -> None:
        what, worker = item
        if worker not in self.workers:
            return  # reaped already, at its other event of the same round
        self._done(worker)  # of a worker that ended: the last word it sent before, first
        if what == "ended":
            self._reap(worker)

    def stop(self) -> None:
        for worker in self.workers:
            worker.kill()
        for worker in list(self.workers):
            self._reap(worker)

    def _fork(self, limits: dict) -> _Worker:
        idle = [w for w in self.workers if w.request is None and not w.retiring]
        for worker in idle[:max(0, len(idle) + 1 - MAX_IDLE)]:
            worker.retiring = True
            worker.channel.shutdown(socket.SHUT_WR)  # it ends when it reads that there is nothing more
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        server_pid = os.getpid()
        pid = os.fork()
        if pid == 0:
            ours.close()
            _work(theirs, Limits(**limits), keep={theirs.fileno()}, server=server_pid)
        theirs.close()
        worker = _Worker(pid, os.pidfd_open(pid), ours, limits)
        self.selector.register(worker.pidfd, selectors.EVENT_READ, ("ended", worker))
        self.selector.register(ours, selectors.EVENT_READ, ("done", worker))
        self.workers.append(worker)
        return worker

    def _done(self, worker: _Worker) -> None:
        """Read what the worker says of its file, if it said it, and pass it on."""
        try:
            data = worker.channel.recv(MAX_REQUEST, socket.MSG_DONTWAIT)
        except (BlockingIOError, ConnectionError):
            return
        if not data:
            self._unregister_channel(worker)
            return
        said = json.loads(data)
        worker.retiring = worker.retiring or said.pop("retire")
        if worker.request is not None:
            worker.request.end({**said, "worker": worker.pid})
            worker.request = None

    def _reap(self, worker: _Worker) -> None:
        """Reap an ended worker; a file it was reading ends with it."""
        _, status, usage = os.wait4(worker.pid, 0)
        if worker.request is not None:
            worker.request.end({"exit": os.waitstatus_to_exitcode(status), "peak_kb": usage.ru_maxrss,
                                "cpu_ms": 1000 * (usage.ru_utime + usage.ru_stime), "worker": worker.pid})
        self.selector.unregister(worker.pidfd)
        self._unregister_channel(worker)
        os.close(worker.pidfd)
        worker.channel.close()
        self.workers.remove(worker)

    def _unregister_channel(self, worker: _Worker) -> None:
        try:
            self.selector.unregister(worker.channel)
        except (KeyError, ValueError):
            pass


def _receive(channel: socket.socket) -> tuple[dict | None, list[int]]:
    try:
        data, fds, _, _ = socket.recv_fds(channel, MAX_REQUEST, 2)
    except ConnectionError:
        return None, []
    if not data:
        return None, []
    return json.loads(data), fds


def _work(channel: socket.socket, limits: Limits, keep: set[int], server: int) -> None:
    """In the forked worker: its limits first, then files until it is told no more or should not go on;
    never returns."""
    code = 1
    try:
        _close_all_but(keep | {0, 1, 2})
        _die_with(server)
        _limit(limits)
        quiet = os.open(os.devnull, os.O_WRONLY)
        size_at_start = _status_kb("VmSize")
        for read in range(1, MAX_FILES + 1):
            request, fds = _receive(channel)
            if request is None:
                break
            cpu_before = _cpu_seconds()
            wrote, healthy = _read_one(request, limits, *fds, cpu_before=cpu_before, quiet=quiet)
            # A file after this one must find the room a fresh worker would have.
            grown = _status_kb("VmSize") - size_at_start > MAX_GROWTH_MB * 1024
            retire = not healthy or read == MAX_FILES or grown
            channel.send(json.dumps({"exit": 0 if wrote else 1, "peak_kb": _status_kb("VmHWM"),
                                     "cpu_ms": 1000 * (_cpu_seconds() - cpu_before), "retire": retire}).encode())
            if retire:
                break
        code = 0
    except BaseException:  # noqa: BLE001 - the server reports how it ended
        traceback.print_exc()
    finally:
        os._exit(code)


def _read_one(request: dict, limits: Limits, result: int, status: int, cpu_before: float,
              quiet: int) -> tuple[bool, bool]:
    """Read one file into `result`, anything printed going to `status`: whether an answer was written, and
    whether the worker may read another file."""
    os.dup2(status, 2)  # what a crashing library prints reaches the caller before the file's end
    os.close(status)
    _reset_peak()
    _limit_cpu(cpu_before + limits.timeout + 1)
    wrote = healthy = False
    try:
        answer, healthy = _analyse(request["path"], limits)
        _write_all(result, json.dumps(answer, ensure_ascii=False).encode())
        wrote = True
    except BaseException:  # noqa: BLE001 - the traceback's last line is the reason the caller shows
        traceback.print_exc()
    finally:
        sys.stderr.flush()
        os.close(result)
        os.dup2(quiet, 2)
    return wrote, healthy


def _analyse(path: str, limits: Limits) -> tuple[dict, bool]:
    """The answer for one file, and whether reading it left the worker as it was (not after a memory error)."""
    from .pipeline import analyse_path  # imported by the server's warm-up, before any worker

    try:
        return {"analysis": analyse_path(path, limits).to_dict()}, True
    except ExtractionError as error:
        return {"error": {"code": error.code, "reason": error.reason}}, True
    except MemoryError:
        return {"error": {"code": "te-groot", "reason": (
            f"Het lezen van dit bestand vraagt meer dan {limits.max_memory_mb} MB geheugen en is afgebroken."
        )}}, False


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _limit(limits: Limits) -> None:
    memory = limits.max_memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _limit_cpu(seconds: float) -> None:
    """The processor time this process may have used when the current file is done: past it, SIGXCPU ends it.
    Only the soft limit moves, up for each file, which a process may do below its hard limit."""
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    soft = int(seconds) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (soft if hard == resource.RLIM_INFINITY else min(soft, hard), hard))


def _reset_peak() -> None:
    """Start counting peak memory anew for this file (Linux: the peak resident set of /proc/self/status)."""
    try:
        with open("/proc/self/clear_refs", "w") as clear:
            clear.write("5")
    except OSError:
        pass


def _status_kb(field: str) -> int:
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _close_all_but(keep: set[int]) -> None:
    """The server's socket, other workers' pipes: a worker holds nothing but its own."""
    low = 0
    for fd in [*sorted(keep), os.sysconf("SC_OPEN_MAX")]:
        if low < fd:  # Python 3.11's closerange closes everything when given an empty range
            os.closerange(low, fd)
        low = fd + 1


def _die_with(parent: int) -> None:
    """This process dies when `parent`, the process that started it, does: a worker when its server is killed
    (SIGKILL leaves the server no time to kill its workers), the server when its caller is (before it can
    read the caller's goodbye). A parent already gone has left this process to another: it stops at once."""
    prctl = getattr(_LIBC, "prctl", None)
    if prctl is not None:
        prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:
        os._exit(1)


def _reuse_freed_blocks() -> None:
    """Have glibc keep freed blocks of up to a megabyte in the heap, for the workers to reuse.

    Above 128 KB glibc maps every block afresh and unmaps it once freed, and PDFium's list of a page's characters
    is such a block: a worker would fault its memory in again for every page, half the page faults of a long file,
    each costly in a process just forked. A process that runs long raises the limit itself once it frees such a
    block (to its size, and the trim threshold to twice that); a worker would only after its first pages.
    """
    mallopt = getattr(_LIBC, "mallopt", None)
    if mallopt is not None:
        mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD)
        mallopt(_M_TRIM_THRESHOLD, 2 * _MMAP_THRESHOLD)


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
    """Read a small letter and a small PDF once, so that every worker starts with the readers imported and
    the engine's lazily built state (PDFium's fonts, regular expressions compiled on first use) in place."""
    from .pipeline import analyse_path
    from .readers import docx, html, pdf, text, xml_kst  # noqa: F401 - imported here, shared by every worker

    with tempfile.TemporaryDirectory() as folder:
        for name, content in (("brief.txt", _SAMPLE_TEXT.encode()), ("brief.pdf", _sample_pdf(_SAMPLE_TEXT))):
            path = os.path.join(folder, name)
            with open(path, "wb") as handle:
                handle.write(content)
            analyse_path(path, Limits.from_env())
    gc.collect()
    gc.freeze()  # the workers' collections leave the server's objects (and their shared pages) alone


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
