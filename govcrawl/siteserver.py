"""A loopback HTTP server for saved sites: the demo's sample site and the tests' fixtures."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar


class SavedSiteHandler(SimpleHTTPRequestHandler):
    """Serves files from a folder; ``statuses`` forces an HTTP status for chosen paths (a path
    with its query names one page of ``list.html?page=N``, one without it every query).

    A POST (a Hanweb data proxy, say) is answered with the saved file ``<path>@<query>``, so
    that each page of records a site serves can be saved as a file of its own; so is a GET with
    a query when that file exists (``ItemDetail.html?docId=1``, ``list.html?page=2``).
    """

    # Keep-alive, as real servers do: with HTTP/1.0 a client may reuse a connection that the
    # server is closing, and a POST on it is not retried.
    protocol_version = "HTTP/1.1"
    statuses: ClassVar[dict[str, int]] = {}
    delay: float = 0.0
    #: a delay for chosen paths: one page slower than the rest
    delays: ClassVar[dict[str, float]] = {}
    #: (path, User-Agent) of every request, for tests that check how they were crawled
    seen: ClassVar[list[tuple[str, str]]] = []
    #: when set, every answer waits until the event is: a site that hangs until the test lets it go
    hold: ClassVar[threading.Event | None] = None
    # Saved pages carry their own charset declarations (some of them lies, as on real sites).
    extensions_map: ClassVar[dict[str, str]] = {
        ".html": "text/html", ".shtml": "text/html", ".htm": "text/html",
        ".txt": "text/plain", ".toml": "text/plain", ".jsonl": "text/plain"}

    def do_GET(self) -> None:
        self.seen.append((self.path, self.headers.get("User-Agent", "")))
        if delay := self.delays.get(self.path.split("?", 1)[0], self.delay):
            time.sleep(delay)  # a slow site, so that tests can interrupt a crawl
        if self.hold is not None:
            self.hold.wait()
        status = self.statuses.get(self.path, self.statuses.get(self.path.split("?", 1)[0]))
        if status is not None:
            self.send_error(status)
            return
        path, _, query = self.path.partition("?")
        if query and Path(self.translate_path(f"{path}@{query}")).is_file():
            self.path = f"{path}@{query}"
        super().do_GET()

    def guess_type(self, path: str) -> str:
        # CMS endpoints (.jsp, .do, saved as path@query) answer HTML or XML fragments
        guessed = super().guess_type(path)
        return "text/html" if guessed == "application/octet-stream" else guessed

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)  # the form: the saved answer depends on the query only
        path, _, query = self.path.partition("?")
        self.path = f"{path}@{query}" if query else path
        self.do_GET()

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet: Scrapy's log already shows every request."""


class LoopbackServer(ThreadingHTTPServer):
    """A threading HTTP server that takes a client's hang-up as the client's business."""

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a crawl cut or stopped mid-answer
            super().handle_error(request, client_address)


@contextmanager
def serve_site(
    root: Path,
    statuses: dict[str, int] | None = None,
    delay: float = 0.0,
    seen: list[tuple[str, str]] | None = None,
    *,
    host: str = "127.0.0.1",
    hold: threading.Event | None = None,
    delays: dict[str, float] | None = None,
) -> Iterator[str]:
    """Serve ``root`` on ``host`` (any 127.x.y.z is loopback) on a free port; yields the base URL
    (no trailing slash)."""
    # The dicts are shared, not copied: a test may break or mend a page between runs.
    attrs = {"statuses": statuses if statuses is not None else {}, "delay": delay,
             "seen": seen if seen is not None else [], "hold": hold, "delays": delays or {}}
    handler = type("Handler", (SavedSiteHandler,), attrs)
    server = LoopbackServer((host, 0), partial(handler, directory=str(root)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
