"""Run the extraction of one file in a worker process with hard limits, without starting an interpreter for it.

A hostile or broken file must not take the caller down: a PDF of a few kilobytes can inflate to
gigabytes, a damaged one can send a parser into a loop or crash it. Each file is read in a worker process
with a cap on its address space and CPU time, the caller keeps a wall-clock timeout, and whatever goes
wrong comes back as an ExtractionError with a reason a clerk understands.

The workers are forked from a server (`ingest.forkserver`) that has imported the engine once, and each reads
file after file until one goes wrong or it has grown: a file costs a message instead of an interpreter start
and its imports. Each process that reads files gets its server at its first file (or when `start_server`
is called): a fresh interpreter, started as a plain subprocess, which works inside daemonic worker processes
such as Celery's prefork pool; the command line forks it from itself instead, having imported the engine
already. A server that has died is replaced at the next file; a forked process never uses its parent's.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import os
import selectors
import signal
import socket
import subprocess
import sys
import threading
import time
import traceback
from dataclasses import dataclass

from .limits import Limits
from .model import Analysis, ExtractionError

# The directory that holds the ingest package, so the server finds it from any cwd.
_PACKAGE_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Signals with which a process dies when an allocation fails under RLIMIT_AS.
_OUT_OF_MEMORY_SIGNALS = {signal.SIGKILL, signal.SIGSEGV, signal.SIGABRT, signal.SIGBUS, signal.SIGTRAP}
# How long a child killed at its timeout, or a server that stopped answering, gets to be reported.
_GRACE_SECONDS = 10.0
_READ_SIZE = 1 << 20
_STATUS_MARK = b"\0"  # ingest.forkserver.STATUS_MARK, without importing the engine here


def analyse_file(
    path: str | os.PathLike,
    *,
    max_bytes: int | None = None,
    max_pages: int | None = None,
    timeout: float | None = None,
    max_memory_mb: int | None = None,
) -> Analysis:
    """Extract `path` in a child process; raises ExtractionError when it cannot be read."""
    limits = Limits.from_env(max_bytes=max_bytes, max_pages=max_pages, timeout=timeout, max_memory_mb=max_memory_mb)
    return result_of(run(path, limits), limits)


@dataclass
class Outcome:
    """How one file ended: what its worker wrote, its exit (0, 1, or -signal), its stderr, the peak memory and
    the processor time reading it took."""

    output: bytes
    exit: int | None  # None when its server was lost before it could say
    stderr: bytes = b""
    peak_kb: int = 0
    timed_out: bool = False
    cpu_ms: float = 0.0
    worker: int = 0  # the process that read it, which may have read others before


def run(path: str | os.PathLike, limits: Limits) -> Outcome:
    """Read `path` in a sandboxed child and say how it went; a server lost on the way is replaced once."""
    path = os.path.abspath(os.fspath(path))
    if not os.path.isfile(path):
        raise FileNotFoundError(path)
    outcome = _server().run(path, limits)
    if outcome.exit is None and not outcome.timed_out:
        outcome = _server().run(path, limits)
    return outcome


def result_of(outcome: Outcome, limits: Limits) -> Analysis:
    """The Analysis a child wrote, or the ExtractionError that says in Dutch why there is none."""
    message = None if outcome.timed_out else _message(outcome.output)
    if message is not None and "analysis" in message:
        return Analysis.from_dict(message["analysis"])
    if message is not None and "error" in message:
        raise ExtractionError(message["error"]["code"], message["error"]["reason"])
    if outcome.timed_out or outcome.exit == -signal.SIGXCPU:
        raise ExtractionError(
            "te-lang",
            f"Het lezen van dit bestand duurde langer dan {limits.timeout:g} seconden en is afgebroken.",
        )
    returncode = outcome.exit
    if (returncode is not None and returncode < 0 and -returncode in _OUT_OF_MEMORY_SIGNALS) \
            or b"MemoryError" in outcome.stderr:
        raise ExtractionError(
            "te-groot",
            f"Het lezen van dit bestand vraagt meer dan {limits.max_memory_mb} MB geheugen en is afgebroken. "
            "Mogelijk is het een zogeheten decompressiebom of een uitzonderlijk zwaar bestand.",
        )
    fallback = f"exit {returncode}" if returncode is not None else "de leesomgeving stopte onverwacht"
    detail = outcome.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [fallback]
    raise ExtractionError(
        "corrupt",
        f"Het bestand kon niet worden gelezen door een onverwachte fout ({detail[0][:200]}).",
    )


def start_server(fork: bool = False) -> None:
    """Start this process's server now instead of at its first file.

    `fork=True` forks it from this process rather than starting an interpreter: only for a process that
    is still single-threaded and holds nothing a server should not (the command line before its threads).
    """
    global _current
    with _lock:
        if _current is None or not _current.usable():
            _current = _Server(fork=fork)


def _message(output: bytes) -> dict | None:
    try:
        return json.loads(output.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None


_lock = threading.Lock()
_current: _Server | None = None


def _server() -> _Server:
    global _current
    with _lock:
        if _current is None or not _current.usable():
            _current = _Server(fork=False)
        return _current


def _forget_after_fork() -> None:
    """A forked process starts its own server: its parent's belongs to the parent."""
    global _current, _lock
    _current, _lock = None, threading.Lock()


os.register_at_fork(after_in_child=_forget_after_fork)


class _Server:
    """The caller's side of one fork server: requests go out on a socket, each child's output and end come
    back on two pipes made for it."""

    def __init__(self, fork: bool):
        self.owner = os.getpid()
        self.requests = itertools.count(1)
        self.send_lock = threading.Lock()
        self.socket, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        if fork:
            self.process = None
            self.pid = _fork_server(theirs, self.socket)
        else:
            path = os.pathsep.join(filter(None, [_PACKAGE_ROOT, os.environ.get("PYTHONPATH")]))
            self.process = subprocess.Popen(
                [sys.executable, "-m", "ingest.forkserver", str(theirs.fileno()), str(os.getpid())],
                pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                env={**os.environ, "PYTHONPATH": path},
            )
            self.pid = self.process.pid
        theirs.close()

    def usable(self) -> bool:
        return self.owner == os.getpid() and self._alive()

    def _alive(self) -> bool:
        if self.process is not None:
            return self.process.poll() is None
        try:
            return os.waitpid(self.pid, os.WNOHANG) == (0, 0)
        except ChildProcessError:
            return False

    def run(self, path: str, limits: Limits) -> Outcome:
        request_id = next(self.requests)
        result_read, result_write = os.pipe()
        status_read, status_write = os.pipe()
        try:
            sent = self._send({"op": "analyse", "id": request_id, "path": path, "limits": dataclasses.asdict(limits)},
                              [result_write, status_write])
        finally:
            os.close(result_write)
            os.close(status_write)
        try:
            if not sent:
                return Outcome(b"", None)
            return self._collect(request_id, result_read, status_read, limits.timeout)
        finally:
            os.close(result_read)
            os.close(status_read)

    def _send(self, message: dict, fds: list[int] = ()) -> bool:
        data = json.dumps(message).encode()
        with self.send_lock:
            try:
                socket.send_fds(self.socket, [data], fds) if fds else self.socket.send(data)
                return True
            except OSError:
                return False

    def _collect(self, request_id: int, result: int, status: int, timeout: float) -> Outcome:
        """Read the child's output and its end until both pipes close; kill it when its time is up."""
        output, ended = bytearray(), bytearray()
        started = time.monotonic()
        kill_at, give_up_at = started + timeout, started + timeout + _GRACE_SECONDS
        timed_out = False
        with selectors.DefaultSelector() as selector:
            selector.register(result, selectors.EVENT_READ, output)
            selector.register(status, selectors.EVENT_READ, ended)
            while selector.get_map():
                now = time.monotonic()
                reading = result in selector.get_map()  # once the whole result is in, only its end is awaited
                if reading and not timed_out and now >= kill_at:
                    timed_out = True
                    self._send({"op": "kill", "id": request_id})
                if now >= give_up_at:  # a server that does not even report a killed child is gone or stuck
                    self._abandon()
                    break
                wait = (give_up_at if timed_out or not reading else kill_at) - now
                for key, _ in selector.select(max(wait, 0)):
                    chunk = os.read(key.fd, _READ_SIZE)
                    if chunk:
                        key.data.extend(chunk)
                    else:
                        selector.unregister(key.fd)
        stderr, mark, end = bytes(ended).rpartition(_STATUS_MARK)
        if not mark:
            return Outcome(bytes(output), None, bytes(ended), timed_out=timed_out)
        report = json.loads(end)
        return Outcome(bytes(output), report["exit"], stderr, report["peak_kb"], timed_out, report["cpu_ms"],
                       report["worker"])

    def _abandon(self) -> None:
        """A server that neither ends a killed child nor answers is replaced at the next file."""
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def _fork_server(theirs: socket.socket, ours: socket.socket) -> int:
    from . import forkserver, pipeline  # noqa: F401 - the engine, imported here so that the server shares it

    sys.stdout.flush()
    sys.stderr.flush()
    caller = os.getpid()
    pid = os.fork()
    if pid:
        return pid
    code = 0
    try:
        ours.close()  # or the server would never see its caller go away
        devnull = os.open(os.devnull, os.O_RDWR)
        os.dup2(devnull, 0)
        os.dup2(devnull, 1)
        forkserver.serve(theirs, caller)
    except BaseException:  # noqa: BLE001 - whatever stops the server is printed, and it ends here
        traceback.print_exc()
        code = 1
    finally:
        os._exit(code)
