"""SiteSpider.parse_article on one response: the item it yields and the field stats it counts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from govcrawl.items import Article
from govcrawl.sites import SiteEntry
from govcrawl.spiders.site import SiteSpider
from tests.conftest import opened_run

LISTED = "http://www.tianmen.gov.cn/xwzx/tmxw/202307/t20230724_1.shtml"
URL = "https://www.tianmen.gov.cn/xwzx/tmxw/202307/t20230724_1.shtml"
PARAGRAPH = "<div class='TRS_Editor'><p>7月21日，我市举行二季度项目拉练活动暨稳增长工作推进会。</p></div>"


def spider() -> SiteSpider:
    entry = SiteEntry(key="tianmen", name="天门市人民政府", domains=["www.tianmen.gov.cn"],
                      start_urls=["http://www.tianmen.gov.cn/xwzx/tmxw/"])
    crawler = get_crawler(SiteSpider.for_entry(entry))
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
