"""A transport that asks each host at a polite pace and waits out its "too many requests" and "unavailable".

The Tweede Kamer and KOOP answer a burst with 429 or 503 and a Retry-After; asking again at once only gets
the same answer. Pace and waiting live at the transport, below every fetch, so no caller can forget them.
"""

from __future__ import annotations

import email.utils
import threading
import time
from dataclasses import dataclass

import httpx

# Answers that say "later", not "no".
RETRIED_STATUSES = frozenset({429, 502, 503, 504})


@dataclass(frozen=True)
class Politeness:
    requests_per_second: float = 2.0  # per host, from this process
    attempts: int = 4  # in all, for an answer that says "later"
    max_wait: float = 120.0  # seconds; a longer Retry-After is cut to this
    backoff: float = 1.0  # the first wait without a Retry-After; doubled each time


class _Pace:
    """The earliest moment each host may be asked again; shared by every client in the process."""

    def __init__(self):
        self._lock = threading.Lock()
        self._next: dict[str, float] = {}

    def wait_turn(self, host: str, interval: float) -> None:
        with self._lock:
            now = time.monotonic()
            turn = max(now, self._next.get(host, now))
            self._next[host] = turn + interval
        if turn > now:
            time.sleep(turn - now)


PACE = _Pace()


class PoliteTransport(httpx.BaseTransport):
    def __init__(self, politeness: Politeness, inner: httpx.BaseTransport | None = None):
        self.politeness = politeness
        self.inner = inner or httpx.HTTPTransport()
        self.waited: list[float] = []  # the waits before asking again, for whoever wants to know

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        polite = self.politeness
        interval = 1.0 / polite.requests_per_second if polite.requests_per_second > 0 else 0.0
        for attempt in range(1, max(polite.attempts, 1) + 1):
            PACE.wait_turn(request.url.netloc.decode("ascii"), interval)
            response = self.inner.handle_request(request)
            if response.status_code not in RETRIED_STATUSES or attempt >= polite.attempts:
                return response
            wait = retry_after(response.headers.get("Retry-After"))
            wait = min(polite.max_wait, wait if wait is not None else polite.backoff * 2 ** (attempt - 1))
            response.close()
            self.waited.append(wait)
            time.sleep(wait)
        raise AssertionError("unreachable: the last attempt returns")

    def close(self) -> None:
        self.inner.close()


def retry_after(value: str | None) -> float | None:
    """Retry-After in seconds ("120") or as an HTTP date; None when absent or unreadable."""
    if not value or not value.strip():
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, moment.timestamp() - time.time())
