"""A loopback HTTP server that misbehaves on purpose: each article path fails in its own way.

The site is a route table, path → behaviour. ``/list/`` links to every ``/art/…`` path in it
(and to any extra absolute URLs), so that one crawl of the list meets every behaviour once.
Behaviours are plain functions of the request handler, built by the factories below.
"""

from __future__ import annotations

import gzip
import socket
import struct
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

from tests.sitegen import ARTICLE

Behaviour = Callable[["HostileHandler"], None]
LIST_PATH = "/list/"
ARTICLE_PREFIX = "/art/"
CHUNK = 64 * 1024


class HostileHandler(BaseHTTPRequestHandler):
    """Answers each path with the behaviour its route names; 404 for anything else."""

    protocol_version = "HTTP/1.1"
    routes: ClassVar[dict[str, Behaviour]] = {}
    #: every path requested, in order: tests check what a run fetched (and what it did not)
    seen: ClassVar[list[str]] = []
    #: set when the server stops, so that stalled answers end
    stopping: ClassVar[threading.Event]

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        self.seen.append(path)
        try:
            self.routes.get(path, not_found)(self)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client gave up on a huge or stalled answer

    def send_head(self, status: int, headers: dict[str, str]) -> None:
        """Status line and headers, flushed: what follows is up to the behaviour."""
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.flush()

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet: Scrapy's log already shows every request."""


# Behaviours ------------------------------------------------------------------------------


def page(body: bytes, *, status: int = 200, content_type: str = "text/html; charset=utf-8",
         headers: dict[str, str] | None = None) -> Behaviour:
    """A whole, well-formed answer."""

    def answer(handler: HostileHandler) -> None:
        head = {"Content-Type": content_type, "Content-Length": str(len(body)), **(headers or {})}
        handler.send_head(status, head)
        handler.wfile.write(body)

    return answer


def not_found(handler: HostileHandler) -> None:
    page(b"<html><body>404</body></html>", status=404)(handler)


def redirect(location: str, status: int = 302) -> Behaviour:
    return page(b"", status=status, headers={"Location": location})


def gzip_bomb(inflated: int) -> Behaviour:
    """A few kilobytes of gzip that inflate to ``inflated`` bytes of blanks."""
    return page(gzip.compress(b" " * inflated, compresslevel=9), headers={"Content-Encoding": "gzip"})


def huge(size: int, *, announced: bool) -> Behaviour:
    """``size`` bytes of HTML, streamed; with a Content-Length, or delimited by the close."""

    def answer(handler: HostileHandler) -> None:
        head = {"Content-Type": "text/html; charset=utf-8"}
        head |= {"Content-Length": str(size)} if announced else {"Connection": "close"}
        handler.close_connection = True
        handler.send_head(200, head)
        filler = (b"<p>" + "大文件".encode() * 1000 + b"</p>\n") * 8
        for _ in range(0, size, len(filler)):
            handler.wfile.write(filler)

    return answer


def stall(*, announced: int = 4096) -> Behaviour:
    """Headers that promise a body, then nothing until the client gives up or the server stops."""

    def answer(handler: HostileHandler) -> None:
        handler.close_connection = True
        handler.send_head(200, {"Content-Type": "text/html; charset=utf-8", "Content-Length": str(announced)})
        handler.stopping.wait(30)

    return answer


def cut_short(body: bytes, *, announced: int | None) -> Behaviour:
    """``body``, then a clean close: before the announced length, or (None) with no length
    at all, so that only the page itself shows it is cut."""

    def answer(handler: HostileHandler) -> None:
        head = {"Content-Type": "text/html; charset=utf-8"}
        head |= {"Content-Length": str(announced)} if announced is not None else {"Connection": "close"}
        handler.close_connection = True
        handler.send_head(200, head)
        handler.wfile.write(body)

    return answer


def reset(body: bytes, *, announced: int | None) -> Behaviour:
    """``body`` (after headers announcing ``announced`` bytes), then a TCP reset; with
    ``announced=None``, a reset before any answer at all."""

    def answer(handler: HostileHandler) -> None:
        if announced is not None:
            handler.send_head(200, {"Content-Type": "text/html; charset=utf-8", "Content-Length": str(announced)})
            handler.wfile.write(body)
        handler.close_connection = True
        # SO_LINGER with a zero timeout turns close() into an RST instead of a FIN
        handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        handler.connection.close()

    return answer


# The site --------------------------------------------------------------------------------


def article_html(title: str, lead: str, *, day: str = "2024-03-01", charset: str = "utf-8") -> str:
    """An article page in the style of tests/sitegen.py."""
    html = ARTICLE.format(title=title, day=day, lead=lead)
    return html.replace('<meta charset="utf-8">', f'<meta charset="{charset}">')


def list_page(links: list[str]) -> Behaviour:
    items = "\n".join(f'<li><a href="{url}">通知{n}</a><span>2024-03-01</span></li>'
                      for n, url in enumerate(links, 1))
    html = (f'<html><head><meta charset="utf-8"><title>通知公告</title></head><body>'
            f'<ul class="list">\n{items}\n</ul></body></html>')
    return page(html.encode())


@contextmanager
def serve_hostile(
    routes: dict[str, Behaviour], extra_links: list[str] | None = None
) -> Iterator[tuple[str, list[str]]]:
    """Serve ``routes`` (plus robots.txt and the list page) on 127.0.0.1; yields the base
    URL and the list of paths requested so far."""
    articles = sorted(p for p in routes if p.startswith(ARTICLE_PREFIX))
    table = {"/robots.txt": page(b"User-agent: *\nAllow: /\n", content_type="text/plain"),
             LIST_PATH: list_page([*articles, *(extra_links or [])]), **routes}
    seen: list[str] = []
    stopping = threading.Event()
    handler = type("Handler", (HostileHandler,), {"routes": table, "seen": seen, "stopping": stopping})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", seen
    finally:
        stopping.set()
        server.shutdown()
        server.server_close()
