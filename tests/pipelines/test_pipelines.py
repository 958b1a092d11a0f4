"""Each item pipeline on hand-made drafts, built the way Scrapy builds it."""

from __future__ import annotations

import pytest
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler

from govcrawl.article import article_id
from govcrawl.extensions.rejects import RejectItem
from govcrawl.extract import ArticleDraft, DateCandidate
from govcrawl.items import Article
from govcrawl.pipelines.hash_content import HashContentPipeline
from govcrawl.pipelines.normalize_published import NormalizePublishedPipeline
from govcrawl.pipelines.parse_source import ParseSourcePipeline
from govcrawl.pipelines.record_state import RecordStatePipeline
from govcrawl.pipelines.simplify_script import SimplifyScriptPipeline
from govcrawl.pipelines.strip_chrome import StripChromePipeline
from govcrawl.pipelines.validate import ValidateArticlePipeline

URL = "https://www.tianmen.gov.cn/xwzx/tmxw/202307/t20230724_1.shtml"


@pytest.fixture
def crawler():
    return get_crawler(settings_dict={"TELNETCONSOLE_ENABLED": False})


TITLE = "全市二季度項目拉練活動暨穩(wěn)增長工作推進會舉行"


def make_item(draft: ArticleDraft, title: str | None = TITLE) -> Article:
    return Article(id=article_id(URL), url=URL, site="tianmen", site_name="天门市人民政府",
                   title=title, crawled_at="2026-11-25T09:00:00+00:00", draft=draft)


def run(crawler, item: Article, *classes) -> Article:
    for cls in classes:
        item = build_from_crawler(cls, crawler).process_item(item)
    return item


def test_published_label_beats_meta_and_url(crawler) -> None:
    draft = ArticleDraft(date_candidates=[
        DateCandidate("發布時間:2023年07月24日", "label"),
        DateCandidate("2023-07-25 10:00", "meta"),
        DateCandidate(URL, "url"),
    ])
    item = run(crawler, make_item(draft), NormalizePublishedPipeline)
    assert item.published_at == "2023-07-24T00:00:00+08:00"
    assert (item.published_precision, item.published_from) == ("day", "label")
    assert crawler.stats.get_value("govcrawl/published/from_label") == 1


def test_published_missing_is_counted(crawler) -> None:
    item = run(crawler, make_item(ArticleDraft()), NormalizePublishedPipeline)
    assert item.published_at is None
    assert crawler.stats.get_value("govcrawl/published/missing") == 1


def test_source_and_trailing_byline(crawler) -> None:
    draft = ArticleDraft(source_text="天門市融媒體中心",
                         credit_lines=["（天門市融媒體中心記者吳述明）", "责任编辑：张三"])
    item = run(crawler, make_item(draft), ParseSourcePipeline)
    assert item.source == "天門市融媒體中心"
    assert item.authors == ["吳述明"]
    assert item.editors == ["张三"]


def test_chrome_and_pinyin_stripped_from_body(crawler) -> None:
    draft = ArticleDraft(body_lines=[
        "打?。?span id=\"printapp\">", "字體:",
        "7月21日,我市舉行二季度項目拉練活動暨穩(wěn)增長工作推進會。",
        "掃描二維碼", "在您的設備上瀏覽本頁", "網站簡介廣告服務標識說明聯系方式法律聲明建議投訴",
    ])
    item = run(crawler, make_item(draft), StripChromePipeline)
    assert item.title == "全市二季度項目拉練活動暨穩增長工作推進會舉行"
    assert item.body == "7月21日,我市舉行二季度項目拉練活動暨穩增長工作推進會。"
    assert crawler.stats.get_value("govcrawl/chrome/lines_removed") == 5


def test_simplified_copies(crawler) -> None:
    item = make_item(ArticleDraft(), title="穩增長工作推進會舉行")
    item.body = "市政協主席劉藝新出席會議。"
    item = run(crawler, item, SimplifyScriptPipeline)
    assert item.title_simplified == "稳增长工作推进会举行"
    assert item.body_simplified == "市政协主席刘艺新出席会议。"


def test_hash_changes_with_the_body(crawler) -> None:
    first = make_item(ArticleDraft())
    first.body = "甲"
    second = make_item(ArticleDraft())
    second.body = "乙"
    run(crawler, first, HashContentPipeline)
    run(crawler, second, HashContentPipeline)
    assert len(first.content_hash) == 64 and first.content_hash != second.content_hash


def test_valid_record_passes_and_loses_its_draft(crawler) -> None:
    draft = ArticleDraft(date_candidates=[DateCandidate("2023-07-24 10:30", "label")],
                         body_lines=["正文第一段。"])
    item = run(crawler, make_item(draft), NormalizePublishedPipeline, StripChromePipeline,
               SimplifyScriptPipeline, HashContentPipeline, RecordStatePipeline,
               ValidateArticlePipeline)
    assert item.draft is None
    assert (item.revision, item.first_seen, item.previous_hash) == (1, item.crawled_at, None)
    assert item.published_at == "2023-07-24T10:30:00+08:00"


@pytest.mark.parametrize(("title", "body", "reason"), [
    (None, "正文。", "invalid_title"),
    ("标题", "", "invalid_body"),
    ("标题", "正文<span id=\"printapp\">", "invalid_body"),
])
def test_invalid_record_rejected_with_reason(crawler, title, body, reason) -> None:
    item = make_item(ArticleDraft(), title=title)
    item.body = body
    item = run(crawler, item, HashContentPipeline, RecordStatePipeline)
    with pytest.raises(RejectItem) as err:
        run(crawler, item, ValidateArticlePipeline)
    assert err.value.reason == reason


def test_article_id_is_stable_across_scheme_fragment_and_query_order() -> None:
    a = article_id("https://www.tianmen.gov.cn/list.jsp?id=7&col=2#top")
    b = article_id("http://www.tianmen.gov.cn/list.jsp?col=2&id=7")
    assert a == b and len(a) == 16
    assert a != article_id("http://www.tianmen.gov.cn/list.jsp?col=2&id=8")
