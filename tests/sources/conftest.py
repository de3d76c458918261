"""Recorded responses, and a local HTTP server that plays them back to the real fetch code."""

from __future__ import annotations

import threading
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
class Playback:
    """A server on 127.0.0.1 that answers only the requests it was given a recording for."""

    base_url: str
    # (path, sorted query items) -> (recorded file, content type)
    routes: dict[tuple[str, tuple], tuple[str, str]] = field(default_factory=dict)
    requests: list[tuple[str, dict, str]] = field(default_factory=list)  # (path, query, user agent)

    def add(self, path: str, file: str, content_type: str = "application/xml", **query: str) -> None:
        self.routes[(path, tuple(sorted(query.items())))] = (file, content_type)


@pytest.fixture
def playback():
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            url = urlsplit(self.path)
            query = dict(parse_qsl(url.query))
            server.playback.requests.append((url.path, query, self.headers.get("User-Agent", "")))
            route = server.playback.routes.get((url.path, tuple(sorted(query.items()))))
            if route is None:
                self.send_error(404)
                return
            file, content_type = route
            body = read_recorded(file)
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass  # keep test output clean

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.playback = Playback(base_url=f"http://127.0.0.1:{server.server_address[1]}")
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield server.playback
    server.shutdown()
    server.server_close()
