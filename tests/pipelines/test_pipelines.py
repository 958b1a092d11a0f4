"""Each item pipeline on items built from a page, the pipelines built the way Scrapy builds them.

Everything the page decides (dates, source, credits, chrome, script) is extraction's work and is
tested in tests/extract and tests/test_items.py; the pipelines only hash, assign revisions and
validate.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, UsageError
from scrapy.utils.conf import build_component_list
from scrapy.utils.misc import build_from_crawler, load_object
from scrapy.utils.test import get_crawler

from govcrawl import settings
from govcrawl.exceptions import RejectItem, UnchangedArticle
from govcrawl.extract.dates import CST
from govcrawl.items import EXPORT_FIELDS, INTERNAL_FIELDS, Article, article_from_page
from govcrawl.offline import SavedPageSite, extract_saved_page
from govcrawl.pipelines.assign_revision import AssignRevisionPipeline
from govcrawl.pipelines.hash_content import HashContentPipeline
from govcrawl.pipelines.validate import ValidateArticlePipeline, export_dict
from govcrawl.run_context import RunContext
from govcrawl.sites import SiteEntry
from govcrawl.spiders.site import SiteSpider
from govcrawl.state.base import ArticleState, RunRecord
from govcrawl.state.factory import open_state
from tests.conftest import StateStore, opened_run

URL = "https://www.tianmen.gov.cn/xwzx/tmxw/202307/t20230724_1.shtml"
FETCHED_AT = datetime(2026, 11, 26, 10, 0, tzinfo=CST)
PAGE = """<html><head><meta charset="utf-8"><title>穩增長工作推進會舉行_天門市人民政府</title></head><body>
<h1>穩增長工作推進會舉行</h1><div class="info">發布時間:2023年07月24日 來源:天門市融媒體中心</div>
<div class="TRS_Editor"><p>7月21日，我市舉行二季度項目拉練活動暨穩增長工作推進會。</p>
<p>市直各單位主要負責人參加會議。（天門市融媒體中心記者吳述明）</p></div></body></html>""".encode()


def project_crawler(spidercls: type | None = None, **overrides: object) -> Crawler:
    """A crawler with govcrawl's settings (and the overrides), never started."""
    project = {name: getattr(settings, name) for name in dir(settings) if name.isupper()}
    return get_crawler(spidercls, settings_dict={**project, "TELNETCONSOLE_ENABLED": False, **overrides})


@pytest.fixture
def crawler() -> Crawler:
    return project_crawler()


def make_item(page: bytes = PAGE, fetched_at: datetime = FETCHED_AT, **changes: object) -> Article:
    """An item as the spider yields it for the page, with some fields changed."""
    item = article_from_page(page, URL, site="tianmen", site_name="天门市人民政府", fetched_at=fetched_at)
    return dataclasses.replace(item, **changes)


def run(crawler: Crawler, item: Article, *classes: type) -> Article:
    for cls in classes:
        item = build_from_crawler(cls, crawler).process_item(item)
    return item


# HashContentPipeline


def test_hash_is_filled(crawler: Crawler) -> None:
    item = run(crawler, make_item(), HashContentPipeline)
    assert len(item.content_hash) == 64 and set(item.content_hash) <= set("0123456789abcdef")


@pytest.mark.parametrize(("name", "value"), [
    ("title", "另一个标题"), ("published_at", "2023-07-25T00:00:00+08:00"), ("source", "天门日报"),
    ("body", "另一段正文。"),
])
def test_hash_changes_with_what_a_reader_sees(crawler: Crawler, name: str, value: str) -> None:
    first = run(crawler, make_item(), HashContentPipeline)
    second = run(crawler, make_item(**{name: value}), HashContentPipeline)
    assert first.content_hash != second.content_hash


def test_hash_ignores_the_crawl(crawler: Crawler) -> None:
    first = run(crawler, make_item(), HashContentPipeline)
    later = make_item(fetched_at=datetime(2026, 12, 1, 8, 0, tzinfo=UTC), column="天门新闻", etag='"x"')
    assert run(crawler, later, HashContentPipeline).content_hash == first.content_hash


def test_relative_date_fetched_twice_on_one_day_hashes_the_same(crawler: Crawler) -> None:
    page = PAGE.replace("發布時間:2023年07月24日".encode(), "3小時前".encode())
    morning = run(crawler, make_item(page, datetime(2026, 11, 26, 9, 0, tzinfo=CST)), HashContentPipeline)
    evening = run(crawler, make_item(page, datetime(2026, 11, 26, 21, 30, tzinfo=CST)), HashContentPipeline)
    assert morning.published_at == evening.published_at == "2026-11-26T00:00:00+08:00"
    assert morning.content_hash == evening.content_hash


# AssignRevisionPipeline


def test_without_state_an_article_stays_new(crawler: Crawler) -> None:
    item = run(crawler, make_item(), HashContentPipeline, AssignRevisionPipeline)
    assert (item.revision, item.first_seen, item.previous_hash) == (1, item.crawled_at, None)


KNOWN_FIRST_SEEN = "2026-01-05T03:00:00+00:00"


@pytest.fixture
def state_crawler(state_store: StateStore) -> Iterator[Crawler]:
    """A crawler of the tianmen spider with a state file, as `govcrawl run` has."""
    entry = SiteEntry(key="tianmen", name="天门市人民政府", domains=["www.tianmen.gov.cn"],
                      start_urls=["https://www.tianmen.gov.cn/xwzx/tmxw/"])
    crawler = project_crawler(SiteSpider.for_entry(entry), GOVCRAWL_STATE_PATH=state_store.location,
                              GOVCRAWL_EXPORT_DIR=str(state_store.tmp / "exports"))
    opened_run(crawler)
    yield crawler
    RunContext.for_crawler(crawler).state.close()


def remember(crawler: Crawler, content_hash: str, revision: int = 2) -> None:
    """Commit an earlier run's record of URL to the crawler's state file."""
    state = open_state(crawler.settings)
    state.begin_run(RunRecord(run_id="earlier", site="tianmen", export_path="earlier.jsonl"))
    state.stage_many("earlier", [ArticleState(url=URL, site="tianmen", first_seen=KNOWN_FIRST_SEEN,
                                              last_seen=KNOWN_FIRST_SEEN, content_hash=content_hash,
                                              revision=revision)])
    state.publish_run("earlier", {"site": "tianmen"})
    state.close()


def known(crawler: Crawler) -> ArticleState:
    state = open_state(crawler.settings)
    try:
        return state.articles([URL])[URL]
    finally:
        state.close()


def test_unknown_url_in_the_state_is_revision_1(state_crawler: Crawler) -> None:
    item = run(state_crawler, make_item(), HashContentPipeline, AssignRevisionPipeline)
    assert (item.revision, item.first_seen, item.previous_hash) == (1, item.crawled_at, None)


def test_changed_article_is_the_next_revision(state_crawler: Crawler) -> None:
    remember(state_crawler, "0" * 64, revision=2)
    item = make_item()
    item.known = known(state_crawler)  # what the spider copies from the request's meta
    item = run(state_crawler, item, HashContentPipeline, AssignRevisionPipeline)
    assert (item.revision, item.first_seen, item.previous_hash) == (3, KNOWN_FIRST_SEEN, "0" * 64)
    assert item.content_hash != "0" * 64


def test_a_known_article_without_its_state_on_the_item_is_not_looked_up_again(state_crawler: Crawler) -> None:
    remember(state_crawler, "0" * 64, revision=2)  # the middleware looked it up: it was not known then
    item = run(state_crawler, make_item(), HashContentPipeline, AssignRevisionPipeline)
    assert item.revision == 1


def test_a_redirected_article_is_looked_up_under_its_own_url(state_crawler: Crawler) -> None:
    remember(state_crawler, "0" * 64, revision=2)
    item = make_item(listed_url=URL.replace(".shtml", "_old.shtml"))
    item = run(state_crawler, item, HashContentPipeline, AssignRevisionPipeline)
    assert (item.revision, item.previous_hash) == (3, "0" * 64)


def test_unchanged_article_is_dropped_and_touched(state_crawler: Crawler) -> None:
    item = run(state_crawler, make_item(etag='"v1"', last_modified="Tue, 25 Jul 2023 02:00:00 GMT"),
               HashContentPipeline)
    remember(state_crawler, item.content_hash)
    item.known = known(state_crawler)
    with pytest.raises(UnchangedArticle) as dropped:
        run(state_crawler, item, AssignRevisionPipeline)
    assert isinstance(dropped.value, DropItem) and not isinstance(dropped.value, RejectItem)
    assert state_crawler.stats.get_value("govcrawl/state/unchanged") == 1
    assert known(state_crawler).last_seen == KNOWN_FIRST_SEEN  # staged: counts once published
    ctx = RunContext.for_crawler(state_crawler)
    ctx.state.begin_run(RunRecord(run_id=ctx.run_id, site="tianmen", export_path="now.jsonl"))
    ctx.state.publish_run(ctx.run_id, {"site": "tianmen"})
    after = known(state_crawler)
    assert (after.last_seen, after.etag, after.last_modified) == (
        item.crawled_at, '"v1"', "Tue, 25 Jul 2023 02:00:00 GMT")
    assert (after.first_seen, after.revision) == (KNOWN_FIRST_SEEN, 2)


# ValidateArticlePipeline


def test_valid_item_gets_its_record(crawler: Crawler) -> None:
    item = make_item(etag='"v1"', listed_url=URL + "?from=list")
    item = run(crawler, item, HashContentPipeline, AssignRevisionPipeline, ValidateArticlePipeline)
    assert item.record == export_dict(item)
    assert list(item.record) == EXPORT_FIELDS
    assert not INTERNAL_FIELDS & set(item.record)
    assert item.record["published_at"] == "2023-07-24T00:00:00+08:00"
    assert item.record["body"].startswith("7月21日，我市舉行")


@pytest.mark.parametrize(("changes", "reason"), [
    ({"title": None}, "invalid_title"),
    ({"body": ""}, "invalid_body"),
    ({"body": '正文<span id="printapp">'}, "invalid_body"),
    ({"published_at": "2023-07-24"}, "invalid_published_at"),
    ({"source": ""}, "invalid_source"),
    ({"site": "Tian Men"}, "invalid_site"),
])
def test_invalid_item_rejected_with_reason(crawler: Crawler, changes: dict, reason: str) -> None:
    item = run(crawler, make_item(**changes), HashContentPipeline, AssignRevisionPipeline)
    with pytest.raises(RejectItem) as err:
        run(crawler, item, ValidateArticlePipeline)
    assert err.value.reason == reason
    assert err.value.detail.startswith(reason.removeprefix("invalid_"))
    assert item.record is None


# the pipelines together


def test_the_crawls_pipelines_give_the_record_govcrawl_extract_gives(crawler: Crawler) -> None:
    paths = build_component_list(crawler.settings.getwithbase("ITEM_PIPELINES"))
    assert paths == list(settings.ITEM_PIPELINES)
    item = make_item()
    for path in paths:
        item = build_from_crawler(load_object(path), crawler).process_item(item)
    site = SavedPageSite(key="tianmen", name="天门市人民政府")
    assert item.record == extract_saved_page(PAGE, URL, site, FETCHED_AT)


# The export line is built once, by the last pipeline: a contract, refused when broken


def test_validate_is_the_last_pipeline_of_a_crawl() -> None:
    crawler = project_crawler()
    ValidateArticlePipeline.from_crawler(crawler)  # govcrawl's own order
    later = {**settings.ITEM_PIPELINES, "govcrawl.pipelines.hash_content.HashContentPipeline": 900}
    with pytest.raises(UsageError, match="HashContentPipeline come after it"):
        ValidateArticlePipeline.from_crawler(project_crawler(ITEM_PIPELINES=later))
