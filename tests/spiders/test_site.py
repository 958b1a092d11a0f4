"""SiteSpider.parse_article on one response: the item it yields and the field stats it counts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
from scrapy import Request
from scrapy.exceptions import DontCloseSpider
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from govcrawl import settings
from govcrawl.items import Article
from govcrawl.sites import SiteEntry
from govcrawl.spiders.site import SiteSpider
from tests.conftest import opened_run

LISTED = "http://www.tianmen.gov.cn/xwzx/tmxw/202307/t20230724_1.shtml"
URL = "https://www.tianmen.gov.cn/xwzx/tmxw/202307/t20230724_1.shtml"
PARAGRAPH = "<div class='TRS_Editor'><p>7月21日，我市举行二季度项目拉练活动暨稳增长工作推进会。</p></div>"


def spider(project_settings: bool = False) -> SiteSpider:
    """The spider of a Tianmen entry, opened; with govcrawl's settings when ``project_settings``."""
    entry = SiteEntry(key="tianmen", name="天门市人民政府", domains=["www.tianmen.gov.cn"],
                      start_urls=["http://www.tianmen.gov.cn/xwzx/tmxw/"])
    chosen = {k: v for k, v in vars(settings).items() if k.isupper()} if project_settings else None
    crawler = get_crawler(SiteSpider.for_entry(entry), chosen)
    opened_run(crawler)
    return crawler.spider


def parse(site: SiteSpider, info: str, **headers: str) -> Article:
    html = f"<html><head><title>推进会举行</title></head><body><h1>推进会举行</h1>{info}{PARAGRAPH}</body></html>"
    request = Request(URL, meta={"redirect_urls": [LISTED]})
    response = HtmlResponse(URL, body=html.encode(), encoding="utf-8", headers=headers, request=request)
    [article] = site.parse_article(response, column_name="天门新闻")
    return article


def test_article_carries_what_the_crawl_knows() -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    article = parse(spider(), "<div>发布时间：2023-07-24 来源：天门市融媒体中心</div>",
                    ETag='"abc"', **{"Last-Modified": "Mon, 24 Jul 2023 02:00:00 GMT"})
    assert (article.url, article.site, article.column, article.listed_url) == (URL, "tianmen", "天门新闻", LISTED)
    assert (article.etag, article.last_modified) == ('"abc"', "Mon, 24 Jul 2023 02:00:00 GMT")
    assert (article.published_at, article.source) == ("2023-07-24T00:00:00+08:00", "天门市融媒体中心")
    crawled = datetime.fromisoformat(article.crawled_at)
    assert before <= crawled <= datetime.now(UTC) + timedelta(seconds=1)


def test_where_dates_came_from_and_what_pages_lack_are_counted() -> None:
    site = spider()
    parse(site, "<div>发布时间：2023-07-24 来源：天门市融媒体中心</div>")
    parse(site, "<div>发布时间：2023-07-25</div>")
    parse(site, "<div>来源：天门日报</div>")
    parse(site, "<div>2023-07-26 09:30</div>")
    stats = site.crawler.stats.get_stats()
    assert {k: v for k, v in stats.items() if k.startswith(("govcrawl/published/", "govcrawl/source/"))} == {
        "govcrawl/published/from_label": 2,
        "govcrawl/published/from_near_title": 1,
        "govcrawl/published/missing": 1,
        "govcrawl/source/missing": 2,
    }
    assert stats["govcrawl/article/pages"] == 4


def test_a_page_the_columns_pager_links_is_never_requested_as_an_article() -> None:
    """The nightly run walks a pager one page at a time and may stop early (an empty page, a
    page of known articles): a later page that a home block or an article links is still the
    column's page, never an article, as in the crawl, which requests every pager link as a list
    page first (held-out hrbbus_cn: its 地铁新闻 pager pages were exported by the run only)."""
    site = spider(project_settings=True)  # the paging rules read govcrawl's settings
    requested: list[Request] = []
    site.crawler.engine = SimpleNamespace(crawl=requested.append)  # what the spider hands the engine
    column = "http://www.tianmen.gov.cn/xwzx/tmxw/"
    items = "".join(f"<li><a href='{column}202307/t202307{n:02d}_{n}.shtml'>天门市第{n}次工作推进会召开</a>"
                    f"<span>2023-07-{n:02d}</span></li>" for n in range(1, 6))
    pager = f"<div class='page'><a href='{column}index_1.shtml'>下一页</a> <a href='{column}index_9.shtml'>尾页</a></div>"
    html = f"<html><head><title>天门新闻</title></head><body><ul class='list'>{items}</ul>{pager}</body></html>"
    response = HtmlResponse(column, body=html.encode(), encoding="utf-8", request=Request(column))
    list(site.parse_list(response, column_name="天门新闻", page_no=1))
    headline = "http://www.tianmen.gov.cn/xwzx/tpxw/202307/t20230730_9.shtml"
    site._headlines.update({f"{column}index_9.shtml": True, headline: False})
    with pytest.raises(DontCloseSpider):
        site._request_headlines()
    assert [r.url for r in requested] == [headline]
