"""The nightly run walks every column to its end by the crawl's own next-page rule.

A 融媒体-style site (``tests/mediasite.py``) in three pagination styles, entered by its home page:
``?page=N`` under a pager of 首页 (``?page=1``), 上一页, numbers and 尾页 without 下一页;
``list_N.html`` with 下一页; a GBK ``index_N.htm`` with 共N页.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govcrawl.siteserver import serve_site
from tests.conftest import read_jsonl
from tests.mediasite import MediaSite
from tests.test_incremental import Runner


class MediaRunner(Runner):
    def __init__(self, tmp: Path, base: str, site: MediaSite, seen: list[tuple[str, str]]):
        self.tmp, self.base, self.site, self.seen = tmp, base, site, seen
        self.entry = tmp / "gen.toml"
        self.entry.write_text(site.entry_toml(base, key="gen"), encoding="utf-8")
        self.state, self.out = tmp / "state" / "state.sqlite", tmp / "exports"


@pytest.fixture
def media(tmp_path: Path):
    site = MediaSite(tmp_path / "site")
    site.add(33)
    seen: list[tuple[str, str]] = []
    with serve_site(site.root, seen=seen) as base:
        yield MediaRunner(tmp_path, base, site, seen)


def test_first_nightly_run_exports_every_article_with_its_column(media: MediaRunner) -> None:
    media.run()
    [export] = media.published()
    records = read_jsonl(export)
    by_url = {r["url"]: r for r in records}
    assert len(records) == 33 == len(by_url)
    for article in media.site.articles:
        assert by_url[media.base + article.path]["column"] == media.site.column_name(article.column)
    requested = {path for path, _ in media.seen}
    assert set(media.site.list_pages()) <= requested
    report = media.reports()[-1]
    assert report["exported"] == 33
    assert "govcrawl/list/repeated_pages" not in json.dumps(report)


def test_later_plain_run_exports_the_edits_and_additions_with_their_columns(media: MediaRunner) -> None:
    media.run()
    media.site.edit(30)
    media.site.edit(31)
    added = media.site.add(3)
    media.run()
    records = read_jsonl(media.published()[-1])
    by_url = {r["url"]: r for r in records}
    changed = [media.site.articles[29], media.site.articles[30], *added]
    assert set(by_url) == {media.base + a.path for a in changed}
    for article in changed:
        record = by_url[media.base + article.path]
        assert record["column"] == media.site.column_name(article.column)
        assert record["revision"] == (2 if article.n in (30, 31) else 1)


def test_a_nightly_walk_goes_on_past_a_page_that_fails(tmp_path: Path) -> None:
    """Page 2 of the ?page=N column answers 404: the walk goes on to page 3, which the pager of
    page 1 showed, and the failed page is a rejection in the report, as in the crawl."""
    site = MediaSite(tmp_path / "site")
    site.add(60)  # 20 to a column, 4 pages each
    statuses = {"/bdxw/list.html?page=2": 404}
    with serve_site(site.root, statuses) as base:
        runner = MediaRunner(tmp_path, base, site, [])
        runner.run(check=False)
    [export] = runner.published()
    exported = {r["url"].removeprefix(base) for r in read_jsonl(export)}
    # all but the failed page's five (which other articles' 相关新闻 may still link)
    assert exported >= {a.path for a in site.articles} - {a.path for a in site.in_column("bdxw")[5:10]}
    assert runner.reports()[-1]["rejected"] == {"http_404": 1}
