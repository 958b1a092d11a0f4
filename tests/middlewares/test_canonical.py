"""Crawls of a site whose links carry a per-view session id: each article is requested and
exported once, and a second incremental run finds nothing new."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from govcrawl import request_meta as meta
from govcrawl.middlewares.canonical import CanonicalUrlMiddleware
from govcrawl.pipelines.validate import schema_errors
from tests.conftest import FAST_SETTINGS, crawl_entry, read_jsonl, run_cli
from tests.sessionsite import NAMES, article_urls, entry_toml, serve_session_site


def _run(tmp_path: Path, entry: Path) -> dict:
    """``govcrawl run`` on the entry with one state; the run's report."""
    args = ["run", str(entry), "--state", str(tmp_path / "state.sqlite"), "--out", str(tmp_path / "out")]
    for setting in FAST_SETTINGS:
        args += ["-s", setting]
    proc = run_cli(*args, cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr[-4000:]
    reports = sorted((tmp_path / "out").glob("*/*/*.report.json"), key=lambda p: p.stat().st_mtime_ns)
    return json.loads(reports[-1].read_text(encoding="utf-8"))


def test_full_crawl_exports_each_article_once(tmp_path: Path) -> None:
    with serve_session_site() as base:
        done = crawl_entry(tmp_path, entry_toml(base))
    assert done.proc.returncode == 0, done.proc.stderr[-4000:]
    urls = [r["url"] for r in done.records]
    assert sorted(urls) == sorted(article_urls(base))  # canonical, and each once
    assert len({r["id"] for r in done.records}) == len(urls)
    assert all(schema_errors(r) == [] for r in done.records)
    assert {r["column"] for r in done.records} <= set(NAMES.values())
    outcomes = done.report["outcomes"]
    assert outcomes["unaccounted"] == 0 and outcomes["links_found"] == len(urls)  # /old/7.html for /art/7.html


def test_second_incremental_run_exports_nothing(tmp_path: Path) -> None:
    entry = tmp_path / "sess.toml"
    with serve_session_site() as base:
        entry.write_text(entry_toml(base), encoding="utf-8")
        first = _run(tmp_path, entry)
        second = _run(tmp_path, entry)
    exports = sorted((tmp_path / "out").glob("*/*/*.jsonl"))
    assert len(exports) == 1  # the second run published no export file
    records = read_jsonl(exports[0])
    assert sorted(r["url"] for r in records) == sorted(article_urls(base))
    assert first["new"] == len(records) and first["outcomes"]["unaccounted"] == 0
    assert (second["exported"], second["new"], second["changed"]) == (0, 0, 0)
    assert second["outcomes"]["unaccounted"] == 0


def test_requests_and_their_column_are_rewritten() -> None:
    middleware = CanonicalUrlMiddleware.from_crawler(get_crawler())
    column = "http://www.example.gov.cn/col/index.html;jsessionid=AB12"
    listed = Request(f"{column}?utm_source=x#top", meta={meta.COLUMN_URL: column})
    clean = Request("http://www.example.gov.cn/art/1.html")
    response = HtmlResponse("http://www.example.gov.cn/", body=b"")
    [out, same, item] = middleware.process_spider_output(response, [listed, clean, {"an": "item"}])
    meta_url = "http://www.example.gov.cn/col/index.html"
    assert out.url == meta_url
    assert out.meta[meta.COLUMN_URL] == meta_url
    assert same is clean and item == {"an": "item"}

    async def start():
        yield Request("HTTP://WWW.EXAMPLE.GOV.CN:80/x?sid=8f3a9c0d2b7e4f61a5c3")

    async def collect():
        return [r.url async for r in middleware.process_start(start())]

    assert asyncio.run(collect()) == ["http://www.example.gov.cn/x"]
