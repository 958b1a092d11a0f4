"""A home-only entry on a site with traps: a site search whose pager never ends, an archive
column whose 下一页 leads on to empty pages without end, and a new session id in every link.
The crawl ends by itself within its bounds, says which it reached, exports no non-article and
no article twice over two runs."""

from __future__ import annotations

import re
import secrets
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import FAST_SETTINGS, read_jsonl, run_cli
from tests.sitegen import ARTICLE

NAV = ('<div class="nav"><a href="/">首页</a> <a href="/xwzx/index.html;jsessionid={sid}">新闻中心</a> '
       '<a href="/search/index.jsp?keyword=&page=1">站内搜索</a> <a href="/wqhg/index.html">往期回顾</a></div>')
ITEM = '<li><a href="/xwzx/202405/t202405{n:02d}_{n}.html;jsessionid={sid}">关于第{n}号事项的通知</a><span>2024-05-{n:02d}</span></li>'


def _page(body: str) -> str:
    return (f'<html><head><meta charset="utf-8"><title>测试市</title></head><body>{NAV.format(sid=_sid())}'
            f"{body}</body></html>")


def _sid() -> str:
    return secrets.token_hex(8).upper()


def _list(numbers: range, next_href: str | None) -> str:
    items = "".join(ITEM.format(n=n, sid=_sid()) for n in numbers)
    pager = f'<div class="page"><a href="{next_href}">下一页</a></div>' if next_href else ""
    return _page(f'<ul class="list">{items}</ul>{pager}')


class TrapSite(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    seen: list[str]

    def do_GET(self) -> None:
        self.seen.append(self.path)
        path = self.path.split(";", 1)[0]
        self._send(self._answer(path))

    def _answer(self, path: str) -> str | None:
        if path in ("/", "/index.html"):
            return _page("<h2>首页</h2>")
        if path == "/xwzx/index.html":
            return _list(range(1, 7), f"/xwzx/index_1.html;jsessionid={_sid()}")
        if path == "/xwzx/index_1.html":
            return _list(range(7, 11), None)
        if match := re.fullmatch(r"/wqhg/index(?:_(\d+))?\.html", path):  # then empty pages without end
            page = int(match.group(1) or 0)
            return _list(range(1, 4) if page == 0 else range(0), f"/wqhg/index_{page + 1}.html")
        if match := re.fullmatch(r"/search/index\.jsp\?keyword=&page=(\d+)", path):
            return _list(range(1, 11), f"/search/index.jsp?keyword=&page={int(match.group(1)) + 1}")
        if match := re.fullmatch(r"/xwzx/202405/t202405\d\d_(\d+)\.html", path):
            n = int(match.group(1))
            return ARTICLE.format(title=f"关于第{n}号事项的通知", day=f"2024-05-{n:02d}", lead=f"这是第{n}号通知的正文。")
        return None

    def _send(self, html: str | None) -> None:
        body = (html or "not found").encode("utf-8")
        self.send_response(200 if html else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture
def trap_site() -> Iterator[tuple[str, list[str]]]:
    seen: list[str] = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), type("Handler", (TrapSite,), {"seen": seen}))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", seen
    finally:
        server.shutdown()
        server.server_close()


def test_traps_are_bounded_and_each_article_is_exported_once_over_two_runs(
        tmp_path: Path, trap_site: tuple[str, list[str]]) -> None:
    base, seen = trap_site
    entry = tmp_path / "trap.toml"
    entry.write_text(f'key = "trap"\nname = "测试市"\ndomains = ["127.0.0.1"]\nhome = "{base}/"\n', encoding="utf-8")
    args = ["run", str(entry), "--state", str(tmp_path / "state.sqlite"), "--out", str(tmp_path / "out"),
            *(a for s in FAST_SETTINGS for a in ("-s", s))]
    first = run_cli(*args, cwd=tmp_path, timeout=120)
    assert first.returncode == 0, first.stderr[-3000:]
    second = run_cli(*args, cwd=tmp_path, timeout=120)
    assert second.returncode == 0, second.stderr[-3000:]
    records = [r for f in sorted((tmp_path / "out").glob("trap/*/*.jsonl")) for r in read_jsonl(f)]
    urls = [r["url"] for r in records]
    assert sorted(urls) == sorted(f"{base}/xwzx/202405/t202405{n:02d}_{n}.html" for n in range(1, 11))
    assert not any(path.startswith("/search/") for path in seen)  # a site search is no column
    # the first written: two runs may start within one second ("started")
    first_file = min((tmp_path / "out").glob("trap/*/*.report.json"), key=lambda p: p.stat().st_mtime_ns)
    first_report = __import__("json").loads(first_file.read_text(encoding="utf-8"))
    assert first_report["bounds_reached"] == {"empty": [f"{base}/wqhg/index.html"]}
    archive = next(c for c in first_report["columns"] if c["url"].endswith("/wqhg/index.html"))
    assert archive["list_pages"] == 11 and archive["links"] == 3  # its page, then 10 empty ones
    news = next(c for c in first_report["columns"] if "/xwzx/" in c["url"])
    assert news["list_pages"] == 2 and news["links"] == 10 and news["outcomes"] == {"exported_new": 10}
