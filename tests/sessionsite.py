"""A loopback site whose links carry a session id that changes on every page view, as Java
and ASP sites do: ``;jsessionid=…`` in the path, ``?sid=…`` in the query. The server, like
theirs, answers a page whatever session its URL names."""

from __future__ import annotations

import re
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

from tests.sitegen import ARTICLE

PER_PAGE = 5
#: column → the article numbers it lists, newest first; column "b" repeats some of "a"
COLUMNS = {"a": list(range(12, 0, -1)), "b": [3, 2, 1, 13, 14]}
NAMES = {"a": "通知公告", "b": "政策文件"}
_SESSION = re.compile(r";jsessionid=[^/?#]*", re.I)


def session_link(path: str, n: int) -> str:
    """``path`` with a fresh session: in the path for odd n, as ``?sid=`` for even n."""
    token = uuid.uuid4().hex
    return f"{path};jsessionid={token.upper()}" if n % 2 else f"{path}?sid={token}&from=singlemessage"


class SessionSiteHandler(BaseHTTPRequestHandler):
    """Column pages ``/<col>/index[_N].html`` and articles ``/art/<n>.html`` (one redirect:
    ``/old/7.html`` answers with a session added to its new address)."""

    protocol_version = "HTTP/1.1"
    #: every path requested, as sent
    seen: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.seen.append(self.path)
        path = _SESSION.sub("", self.path.split("?", 1)[0])
        if path == "/robots.txt":
            return self._send("User-agent: *\nAllow: /\n", "text/plain")
        if path == "/old/7.html":
            return self._redirect(f"/art/7.html;jsessionid={uuid.uuid4().hex.upper()}")
        if match := re.fullmatch(r"/art/(\d+)\.html", path):
            return self._send(_article(int(match[1])))
        if match := re.fullmatch(r"/([ab])/index(?:_(\d+))?\.html", path) or re.fullmatch(r"/([ab])/()", path):
            return self._send(_list(match[1], int(match[2] or 0)))
        self.send_error(404)

    def _send(self, text: str, kind: str = "text/html") -> None:
        data = text.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: Scrapy logs every request."""


def _article(n: int) -> str:
    day = f"2026-11-{n:02d}"
    return ARTICLE.format(title=f"关于第{n}号事项的通知", day=day, lead=f"这是第{n}号通知的正文。")


def _list(column: str, page: int) -> str:
    numbers = COLUMNS[column][page * PER_PAGE:(page + 1) * PER_PAGE]
    items = "\n".join(
        f'<li><a href="{session_link("/old/7.html" if n == 7 else f"/art/{n}.html", n + page)}">'
        f"关于第{n}号事项的通知</a><span>2026-11-{n:02d}</span></li>" for n in numbers)
    more = len(COLUMNS[column]) > (page + 1) * PER_PAGE
    pager = f'<a href="{session_link(f"/{column}/index_{page + 1}.html", 1)}">下一页</a>' if more else ""
    return (f'<html><head><meta charset="utf-8"><title>{NAMES[column]}</title></head><body>'
            f'<ul class="list">\n{items}\n</ul><div class="pager">{pager}</div></body></html>')


def entry_toml(base: str, key: str = "sess") -> str:
    """The site's entry: its two named columns."""
    columns = "".join(f'\n[[columns]]\nname = "{NAMES[c]}"\nurl = "{base}/{c}/"\n' for c in COLUMNS)
    return f'key = "{key}"\nname = "会话市人民政府"\ndomains = ["127.0.0.1"]\n{columns}'


def article_urls(base: str) -> set[str]:
    """Every article's canonical URL."""
    return {f"{base}/art/{n}.html" for numbers in COLUMNS.values() for n in numbers}


@contextmanager
def serve_session_site() -> Iterator[str]:
    """Serve the site on a free loopback port; yields its base URL."""
    handler = type("Handler", (SessionSiteHandler,), {"seen": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
