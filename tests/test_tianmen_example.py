"""The record the mission promises for the Tianmen article that a naive scraper mangled.

The input is the naive scrape itself (../shared/examples/naive-scrape-tianmen.txt), each of its
lines one paragraph of an otherwise empty page: no <title>, no headline tag, no template
classes, nothing that says which line is the title, the date, the source or the body. The
page goes through exactly what `govcrawl extract` runs, and every field must be found from the
text alone: the pinyin groups removed, the 發布時間/來源 rows read, the broken 打印 widget,
字體, 掃描二維碼 and the footer row dropped, the byline glued to the last paragraph split off.
The expected record is ../shared/examples/expected-tianmen.json.
"""

from __future__ import annotations

import html
import json
from datetime import datetime

from govcrawl.extract.dates import CST
from govcrawl.offline import SavedPageSite, extract_saved_page
from tests.shared import EXAMPLES, needs_shared

URL = "https://www.tianmen.gov.cn/xwzx/tmxw/202307/t20230724_5000001.shtml"
SITE = SavedPageSite(key="tianmen", name="天门市人民政府")
FETCHED_AT = datetime(2026, 11, 26, 10, 0, tzinfo=CST)
FIELDS = ("title", "published_at", "published_precision", "source", "authors", "editors",
          "body", "body_simplified", "title_simplified")


def as_paragraphs(text: str) -> bytes:
    """The text as a page shows lines: one paragraph each (escaped: its stray markup stays text)."""
    paragraphs = "".join(f"<p>{html.escape(line)}</p>\n" for line in text.splitlines())
    return f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body>\n{paragraphs}</body></html>".encode()


@needs_shared(EXAMPLES / "expected-tianmen.json")
def test_tianmen_record_from_the_naive_scrape_is_the_promised_one() -> None:
    naive = (EXAMPLES / "naive-scrape-tianmen.txt").read_text(encoding="utf-8")
    expected = json.loads((EXAMPLES / "expected-tianmen.json").read_text(encoding="utf-8"))
    record = extract_saved_page(as_paragraphs(naive), URL, SITE, FETCHED_AT)
    assert "rejected" not in record, record.get("detail")
    assert {field: record[field] for field in FIELDS} == {field: expected[field] for field in FIELDS}
    assert (record["site"], record["site_name"], record["url"]) == ("tianmen", "天门市人民政府", URL)
    assert record["crawled_at"] == record["first_seen"] == "2026-11-26T02:00:00+00:00"
    assert record["revision"] == 1 and len(record["content_hash"]) == 64
