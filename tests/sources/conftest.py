"""Recorded responses, and a local HTTP server that plays them back to the real fetch code."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest

RECORDED = Path(__file__).parent / "recorded"


def read_recorded(name: str) -> bytes:
    return (RECORDED / name).read_bytes()


@pytest.fixture
def recorded():
    """recorded("tk/feed_document_page1.xml") -> the bytes as the service sent them."""
    return read_recorded


@dataclass
class Reply:
    """One answer: a recorded file (or a body) with a status and headers; `truncate_to` sends only that many
    bytes of it while announcing the whole length, as a connection that breaks off does."""

    file: str | None = None
    content_type: str = "application/xml"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None
    truncate_to: int | None = None

    def content(self) -> bytes:
        return self.body if self.body is not None else read_recorded(self.file) if self.file else b""


@dataclass
class Playback:
    """A server on 127.0.0.1 that answers only the requests it was given a recording for; a route given several
    replies answers with them in turn, the last one from then on."""

    base_url: str
    # (path, sorted query items) -> the replies still to give
    routes: dict[tuple[str, tuple], list[Reply]] = field(default_factory=dict)
    requests: list[tuple[str, dict, str]] = field(default_factory=list)  # (path, query, user agent)
    moments: list[float] = field(default_factory=list)  # when each request came in (time.monotonic)

    def add(self, path: str, file: str, content_type: str = "application/xml", **query: str) -> None:
        self.misbehave(path, Reply(file, content_type), **query)

    def misbehave(self, path: str, *replies: Reply, **query: str) -> None:
        self.routes[(path, tuple(sorted(query.items())))] = list(replies)

    def asked(self, path: str) -> int:
        return sum(1 for asked, _, _ in self.requests if asked == path)


@pytest.fixture
def playback():
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            url = urlsplit(self.path)
            query = dict(parse_qsl(url.query))
            server.playback.moments.append(time.monotonic())
            server.playback.requests.append((url.path, query, self.headers.get("User-Agent", "")))
            replies = server.playback.routes.get((url.path, tuple(sorted(query.items()))))
            if not replies:
                self.send_error(404)
                return
            reply = replies.pop(0) if len(replies) > 1 else replies[0]
            body = reply.content()
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body[: reply.truncate_to] if reply.truncate_to is not None else body)

        def log_message(self, *args):
            pass  # keep test output clean

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.playback = Playback(base_url=f"http://127.0.0.1:{server.server_address[1]}")
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield server.playback
    server.shutdown()
    server.server_close()
