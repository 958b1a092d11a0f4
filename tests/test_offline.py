"""extract_saved_page: the record a crawl without state exports for a saved page."""

from __future__ import annotations

from datetime import datetime

from govcrawl.extract.dates import CST
from govcrawl.items import EXPORT_FIELDS
from govcrawl.offline import SavedPageSite, extract_saved_page
from govcrawl.pipelines.validate import schema_errors

URL = "http://www.example.gov.cn/xwzx/202405/t20240520_1.html"
SITE = SavedPageSite(key="qianjiang", name="潜江市人民政府", column="要闻")
PAGE = """<html><head><meta charset="utf-8"><title>潜江召开防汛工作会议</title></head><body>
<h1>潜江召开防汛工作会议</h1><div class="info"><span>3小时前</span> 来源：潜江市融媒体中心</div>
<div class="TRS_Editor"><p>5月20日，全市防汛工作会议召开，部署今年汛期各项防汛准备工作。</p></div>
</body></html>""".encode()


def test_valid_page_gives_the_exported_record() -> None:
    record = extract_saved_page(PAGE, URL, SITE, datetime(2024, 5, 20, 22, 30, tzinfo=CST))
    assert list(record) == EXPORT_FIELDS and schema_errors(record) == []
    assert (record["site"], record["site_name"], record["column"]) == ("qianjiang", "潜江市人民政府", "要闻")
    assert record["published_at"] == "2024-05-20T00:00:00+08:00"
    assert record["crawled_at"] == "2024-05-20T14:30:00+00:00"


def test_same_page_same_day_same_record_but_for_the_fetch_time() -> None:
    morning = extract_saved_page(PAGE, URL, SITE, datetime(2024, 5, 20, 9, 0, tzinfo=CST))
    evening = extract_saved_page(PAGE, URL, SITE, datetime(2024, 5, 20, 22, 30, tzinfo=CST))
    fetch_times = {"crawled_at", "first_seen"}
    assert {k: v for k, v in morning.items() if k not in fetch_times} == {
        k: v for k, v in evening.items() if k not in fetch_times}


def test_rejected_page_gives_the_record_so_far_and_why() -> None:
    html = "<html><head><title>市政府召开常务会议</title></head><body><h1>市政府召开常务会议</h1></body></html>"
    record = extract_saved_page(html.encode("utf-8"), URL, SITE, datetime(2024, 5, 20, tzinfo=CST))
    assert record["rejected"] == "invalid_body"
    assert record["detail"].startswith("body: ")
    assert record["url"] == URL and record["content_hash"] and record["title"] == "市政府召开常务会议"


def test_a_page_that_is_not_an_article_gives_only_why() -> None:
    record = extract_saved_page(b"<html><body></body></html>", URL, SITE, datetime(2024, 5, 20, tzinfo=CST))
    assert record == {"url": URL, "rejected": "empty_page", "detail": record["detail"]}
