"""Notices that are only an attachment or a picture (a title, a date, a PDF) are records with an
empty body; a dated page with nothing at all is still rejected."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from govcrawl.extract.dates import CST
from govcrawl.items import article_from_page
from govcrawl.offline import SavedPageSite, extract_saved_page
from govcrawl.pipelines.hash_content import content_hash
from govcrawl.pipelines.validate import schema_errors
from govcrawl.siteserver import serve_site
from tests.conftest import FIXTURES, crawl_entry, run_cli

SITE_DIR = FIXTURES / "media-only"
PAGES = SITE_DIR / "xxgk" / "202611"
BASE = "http://www.example.gov.cn/xxgk/202611/"
FETCHED = datetime(2026, 12, 1, 9, 0, tzinfo=CST)
#: page → (images, attachments) it exports; None: rejected as invalid_body
EXPECTED: dict[str, tuple[list[str], list[str]] | None] = {
    "t20261120_101.html": ([], [f"{BASE}P020261120512345678901.pdf"]),
    "t20261121_102.html": ([f"{BASE}W020261121598765432101.png"], []),
    "t20261122_103.html": ([], [f"{BASE}P020261122300000000001.doc", f"{BASE}P020261122300000000002.xlsx"]),
    "t20261123_104.html": None,
}


@pytest.mark.parametrize(("name", "expected"), EXPECTED.items())
def test_saved_page(name: str, expected: tuple[list[str], list[str]] | None) -> None:
    record = extract_saved_page((PAGES / name).read_bytes(), BASE + name, SavedPageSite(), FETCHED)
    if expected is None:
        assert (record["rejected"], record["body"]) == ("invalid_body", "")
        assert (record["images"], record["attachments"]) == ([], [])
        return
    assert "rejected" not in record and schema_errors(record) == []
    assert record["title"] and record["published_at"].startswith("2026-11-2")
    assert (record["body"], record["body_simplified"]) == ("", "")
    images, attachments = expected
    assert ([i["url"] for i in record["images"]], [a["url"] for a in record["attachments"]]) == (images, attachments)


def test_govcrawl_extract_prints_them(tmp_path: Path) -> None:
    files = [str(PAGES / name) for name in EXPECTED]
    proc = run_cli("extract", *files, "--fetched-at", FETCHED.isoformat(), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r.get("rejected") for r in records] == [None, None, None, "invalid_body"]
    assert records[0]["attachments"][0]["name"] == "测试市财政局2026年部门预算.pdf"


def test_a_crawl_exports_them_and_rejects_the_empty_one(tmp_path: Path) -> None:
    with serve_site(SITE_DIR) as base:
        entry = (f'key = "media"\nname = "测试市人民政府"\ndomains = ["127.0.0.1"]\n'
                 f'[[columns]]\nname = "政府信息公开"\nurl = "{base}/xxgk/"\n')
        done = crawl_entry(tmp_path, entry)
    assert done.proc.returncode == 0, done.proc.stderr[-3000:]
    by_name = {r["url"].rsplit("/", 1)[-1]: r for r in done.records}
    assert set(by_name) == {name for name, expected in EXPECTED.items() if expected}
    for name, record in by_name.items():
        assert record["body"] == "" and record["column"] == "政府信息公开" and schema_errors(record) == []
        assert len(record["images"]) + len(record["attachments"]) == sum(map(len, EXPECTED[name]))
    assert done.report["outcomes"]["rejected"] == {"invalid_body": 1}


def test_a_replaced_document_changes_the_hash() -> None:
    html = (PAGES / "t20261120_101.html").read_bytes()
    first = article_from_page(html, BASE + "a.html", site="x", site_name="x", fetched_at=FETCHED)
    again = article_from_page(html.replace(b"P0202611205", b"P0202611206"), BASE + "a.html", site="x",
                              site_name="x", fetched_at=FETCHED)
    assert content_hash(first) != content_hash(again)


def test_a_list_in_a_known_container_is_no_notice() -> None:
    items = "".join(f'<li><a href="/xw/202611/t2026112{n}_{n}.html">第{n}条新闻标题</a></li>' for n in range(3))
    html = (f'<html><head><meta charset="utf-8"></head><body><h1>关于某事项的公示</h1>'
            f'<div>发布时间：2026-11-23 08:00</div><div id="zoom"><ul>{items}</ul>'
            f'<a href="/f/a.pdf">附件</a></div></body></html>').encode()
    record = extract_saved_page(html, BASE + "b.html", SavedPageSite(), FETCHED)
    assert record["attachments"] == [] and record["rejected"] == "invalid_body"
