"""Run the extraction of one file in a child process with hard limits.

A hostile or broken file must not take the caller down: a PDF of a few
kilobytes can inflate to gigabytes, a damaged one can send a parser into a
loop. The child gets a cap on its address space and CPU time, the parent a
wall-clock timeout; whatever goes wrong comes back as an ExtractionError with
a reason a clerk understands. A plain subprocess (not multiprocessing) works
inside daemonic worker processes such as Celery's prefork pool.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys

from .limits import Limits
from .model import Analysis, ExtractionError

# The directory that holds the ingest package, so the child finds it from any cwd.
_PACKAGE_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Signals with which a process dies when an allocation fails under RLIMIT_AS.
_OUT_OF_MEMORY_SIGNALS = {signal.SIGKILL, signal.SIGSEGV, signal.SIGABRT, signal.SIGBUS, signal.SIGTRAP}


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
    path = os.path.abspath(os.fspath(path))
    if not os.path.isfile(path):
        raise FileNotFoundError(path)
    command = [
        sys.executable, "-m", "ingest", "_child",
        "--max-bytes", str(limits.max_bytes), "--max-pages", str(limits.max_pages),
        "--max-memory-mb", str(limits.max_memory_mb), path,
    ]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [_PACKAGE_ROOT, os.environ.get("PYTHONPATH")]))}
    child = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        preexec_fn=lambda: _limit_child(limits),
    )
    try:
        out, err = child.communicate(timeout=limits.timeout)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        raise _too_slow(limits) from None
    return _result(child.returncode, out, err, limits)


def _limit_child(limits: Limits) -> None:
    """Runs in the child between fork and exec."""
    memory = limits.max_memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    cpu = int(limits.timeout) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _result(returncode: int, out: bytes, err: bytes, limits: Limits) -> Analysis:
    message = _message(out)
    if message is not None and "analysis" in message:
        return Analysis.from_dict(message["analysis"])
    if message is not None and "error" in message:
        raise ExtractionError(message["error"]["code"], message["error"]["reason"])
    if returncode == -signal.SIGXCPU:
        raise _too_slow(limits)
    if (returncode < 0 and -returncode in _OUT_OF_MEMORY_SIGNALS) or b"MemoryError" in err:
        raise ExtractionError(
            "te-groot",
            f"Het lezen van dit bestand vraagt meer dan {limits.max_memory_mb} MB geheugen en is afgebroken. "
            "Mogelijk is het een zogeheten decompressiebom of een uitzonderlijk zwaar bestand.",
        )
    detail = err.decode("utf-8", "replace").strip().splitlines()[-1:] or [f"exit {returncode}"]
    raise ExtractionError(
        "corrupt",
        f"Het bestand kon niet worden gelezen door een onverwachte fout ({detail[0][:200]}).",
    )


def _message(out: bytes) -> dict | None:
    try:
        return json.loads(out.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None


def _too_slow(limits: Limits) -> ExtractionError:
    return ExtractionError(
        "te-lang",
        f"Het lezen van dit bestand duurde langer dan {limits.timeout:g} seconden en is afgebroken.",
    )


def run_child(path: str, limits: Limits) -> int:
    """The child's side: analyse in this process, write one JSON object to stdout."""
    from .pipeline import analyse_path

    try:
        message = {"analysis": analyse_path(path, limits).to_dict()}
    except ExtractionError as error:
        message = {"error": {"code": error.code, "reason": error.reason}}
    except MemoryError:
        message = {"error": {"code": "te-groot", "reason": (
            f"Het lezen van dit bestand vraagt meer dan {limits.max_memory_mb} MB geheugen en is afgebroken."
        )}}
    sys.stdout.write(json.dumps(message, ensure_ascii=False))
    sys.stdout.flush()
    return 0
