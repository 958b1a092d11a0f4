"""Serve a saved whole site on loopback, with links to its original hosts pointed at loopback.

A saved copy still links to ``http://www.example.cn/…`` in places; a crawler following those
would leave the copy, so page bodies have every ``http://``, ``https://`` and ``//`` prefix of an
original host replaced by the loopback origin. The replacement is done on the bytes (host names
are ASCII), so the page keeps its own encoding. Missing files get a 404. Every request path is
recorded, so the bench can count what each tool fetched.

    python bench/siteserve.py tztvu_com_cn     # serve one site until Ctrl-C
"""

from __future__ import annotations

import re
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench" / "sites"))

from truth import SITES, load, locate  # noqa: E402

from govcrawl.siteserver import SavedSiteHandler  # noqa: E402

CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)
TEXT_TYPES = {".html": "text/html", ".htm": "text/html", ".shtml": "text/html", ".js": "application/javascript",
              ".json": "application/json", ".xml": "text/xml"}


@dataclass
class Hits:
    """What was requested from the server: every path, in order (shared with the handler)."""

    paths: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, path: str) -> None:
        """Record one request."""
        with self.lock:
            self.paths.append(path)

    def take(self) -> list[str]:
        """The paths recorded since the last take, and forget them."""
        with self.lock:
            taken, self.paths[:] = list(self.paths), []
        return taken


def rewrite(body: bytes, hosts: list[str], origin: str) -> bytes:
    """Point absolute links to the original hosts at ``origin`` (no trailing slash)."""
    for host in hosts:
        pattern = re.compile(rb"(?:https?:)?//" + re.escape(host.encode()) + rb"(?::\d+)?(?=[/\"'\s?#>]|$)",
                             re.IGNORECASE)
        body = pattern.sub(origin.encode(), body)
    return body


def content_type(file: Path, body: bytes) -> str:
    """Content-Type for a saved file: its kind, and for a page the charset it declares."""
    kind = TEXT_TYPES.get(file.suffix.lower(), "text/html")
    declared = CHARSET.search(body[:4096]) if kind == "text/html" else None
    return f"{kind}; charset={declared.group(1).decode()}" if declared else kind


class CopyHandler(SavedSiteHandler):
    """Answers from the saved copy through ``truth.locate``, the lookup the ground truth uses."""

    root: ClassVar[Path]
    hosts: ClassVar[list[str]]
    hits: ClassVar[Hits]

    def do_GET(self) -> None:
        self._answer(with_body=True)

    def do_HEAD(self) -> None:
        self._answer(with_body=False)

    def _answer(self, *, with_body: bool) -> None:
        self.hits.add(self.path)
        path, _, query = self.path.partition("?")
        file = locate(self.root, path.split("#")[0], query)
        if file is None:
            self.send_error(404)
            return
        origin = f"http://{self.headers.get('Host') or self.server.server_address[0]}"
        body = rewrite(file.read_bytes(), self.hosts, origin)
        self.send_response(200)
        self.send_header("Content-Type", content_type(file, body))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if with_body:
            self.wfile.write(body)


@contextmanager
def serve_copy(key: str, hits: Hits | None = None, port: int = 0) -> Iterator[str]:
    """Serve site ``key`` on 127.0.0.1; yields the base URL (no trailing slash)."""
    site = load(key)
    attrs = {"root": SITES / key, "hosts": site.hosts, "hits": hits if hits is not None else Hits()}
    handler = type("Handler", (CopyHandler,), attrs)
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(handler, directory=str(SITES / key)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def main() -> int:
    """Serve one site until interrupted."""
    key = sys.argv[1]
    with serve_copy(key, port=int(sys.argv[2]) if len(sys.argv) > 2 else 0) as base:
        print(f"{key}: {base}/{load(key).home}", flush=True)
        threading.Event().wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
