"""article_from_page: a fetched page to the item the pipelines get, every page field finished."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, datetime

from govcrawl.extract import ArticleFields, FieldSelectors, PageFields, extract_record
from govcrawl.extract.dates import CST
from govcrawl.items import EXPORT_FIELDS, PAGE_FIELDS, Article, article_from_page, article_id

URL = "https://www.tianmen.gov.cn/xwzx/tmxw/202307/t20230724_1.shtml"
FETCHED_AT = datetime(2026, 11, 26, 10, 0, tzinfo=CST)
#: what the naive scrape of the Tianmen article saw, as a page: a 繁體 page with pinyin residue
PAGE = """<html><head><meta charset="utf-8">
<meta name="PubDate" content="2023-07-25 10:00"><meta name="ColumnName" content="天門新聞">
<meta name="Keywords" content="穩增長，項目建設; 推進會">
<title>全市二季度項目拉練活動暨穩(wěn)增長工作推進會舉行_天門市人民政府</title></head><body>
<div class="crumb">當前位置：首頁 &gt; 新聞中心</div>
<h1>全市二季度項目拉練活動暨穩(wěn)增長工作推進會舉行</h1>
<div class="info">發布時間:2023年07月24日 來源:天門市融媒體中心</div>
<div class="TRS_Editor"><p>打?。?span id="printapp">]</p><p>字體:</p>
<p>7月21日,我市舉行二季度項目拉練活動暨穩(wěn)增長工作推進會。</p>
<p>市政協主席劉藝新出席會議。（天門市融媒體中心記者吳述明）</p>
<p>掃描二維碼</p><p>在您的設備上瀏覽本頁</p></div>
<div class="editor">责任编辑：张三</div>
<div class="footer">網站簡介廣告服務標識說明聯系方式法律聲明建議投訴</div></body></html>""".encode()
BODY = "7月21日,我市舉行二季度項目拉練活動暨穩增長工作推進會。\n市政協主席劉藝新出席會議。（天門市融媒體中心記者吳述明）"


def from_page(page: bytes = PAGE, **kwargs: object) -> Article:
    return article_from_page(page, URL, **{"site": "tianmen", "site_name": "天门市人民政府",
                                           "fetched_at": FETCHED_AT, **kwargs})


def test_published_label_beats_meta_and_url() -> None:
    item = from_page()
    assert item.published_at == "2023-07-24T00:00:00+08:00"
    assert (item.published_precision, item.published_from) == ("day", "label")


def test_published_missing_is_none() -> None:
    page = PAGE.replace("發布時間:2023年07月24日".encode(), b"").replace(b'<meta name="PubDate"', b'<meta name="x"')
    item = from_page(page)
    assert (item.published_at, item.published_precision, item.published_from) == (None, None, None)


def test_source_and_trailing_byline() -> None:
    item = from_page()
    assert item.source == "天門市融媒體中心"
    assert item.authors == ["吳述明"]
    assert item.editors == ["张三"]


def test_chrome_and_pinyin_stripped_from_title_and_body() -> None:
    item = from_page()
    assert item.title == "全市二季度項目拉練活動暨穩增長工作推進會舉行"
    assert item.body == BODY


def test_simplified_copies() -> None:
    item = from_page()
    assert item.title_simplified == "全市二季度项目拉练活动暨稳增长工作推进会举行"
    assert item.body_simplified.splitlines()[1] == "市政协主席刘艺新出席会议。（天门市融媒体中心记者吴述明）"


def test_the_crawls_fields() -> None:
    item = from_page(fetched_at=datetime(2026, 11, 26, 10, 0, 30, 123456, tzinfo=CST))
    assert (item.id, item.url, item.site, item.site_name) == (article_id(URL), URL, "tianmen", "天门市人民政府")
    assert item.crawled_at == item.first_seen == "2026-11-26T02:00:30+00:00"
    assert (item.revision, item.previous_hash, item.content_hash, item.record) == (1, None, "", None)
    assert (item.etag, item.last_modified, item.listed_url) == (None, None, None)
    assert item.keywords == ["穩增長", "項目建設", "推進會"]


def test_column_from_the_entry_else_from_the_meta() -> None:
    assert from_page(column="天门新闻").column == "天门新闻"
    assert from_page().column == "天門新聞"
    assert from_page(PAGE.replace(b'name="ColumnName"', b'name="x"')).column is None


def test_http_encoding_and_selectors_reach_extraction() -> None:
    page = PAGE.replace(b'<meta charset="utf-8">', b"").decode().encode("gb18030")
    assert from_page(page, http_encoding="gbk").body == BODY
    selectors = FieldSelectors(title="div.crumb", source="//div[@class='footer']")
    item = from_page(selectors=selectors)
    assert (item.title, item.source) == ("當前位置：首頁 > 新聞中心", "網站簡介廣告服務標識說明聯系方式法律聲明建議投訴")


def test_same_page_same_fields_whenever_fetched() -> None:
    first = from_page()
    again = from_page(fetched_at=datetime(2027, 3, 1, 8, 0, tzinfo=UTC))
    assert again.crawled_at != first.crawled_at
    assert (again.title, again.published_at, again.source, again.body) == (
        first.title, first.published_at, first.source, first.body)


def test_article_id_is_stable_across_scheme_fragment_and_query_order() -> None:
    a = article_id("https://www.tianmen.gov.cn/list.jsp?id=7&col=2#top")
    b = article_id("http://www.tianmen.gov.cn/list.jsp?col=2&id=7")
    assert a == b and len(a) == 16
    assert a != article_id("http://www.tianmen.gov.cn/list.jsp?col=2&id=8")


def test_the_record_is_declared_once() -> None:
    page_fields = {f.name for f in fields(PageFields)}
    assert issubclass(Article, PageFields) and issubclass(ArticleFields, PageFields)
    # neither declares a page field again
    assert not page_fields & (set(Article.__annotations__) | set(ArticleFields.__annotations__))
    assert EXPORT_FIELDS[:6] == ["id", "url", "site", "site_name", "column", "title"]
    assert EXPORT_FIELDS[-5:] == ["crawled_at", "content_hash", "first_seen", "revision", "previous_hash"]


def test_the_item_carries_every_page_field_as_extracted() -> None:
    page = extract_record(PAGE, URL, fetched_at=FETCHED_AT)
    item = from_page()
    assert {name: getattr(item, name) for name in PAGE_FIELDS} == {name: getattr(page, name) for name in PAGE_FIELDS}
    assert "has_media" in PAGE_FIELDS and "has_media" not in EXPORT_FIELDS
