"""One article from the spider's parse_article to its JSON line: decoded once, parsed once,
dates matched once, chrome stripped once, each text converted to simplified script once, the
export dict built once. Counted by wrapping the functions that do each step."""

from __future__ import annotations

import io
import json
from collections import Counter
from pathlib import Path

import lxml.etree
import pytest
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

import govcrawl.extract.body as body
import govcrawl.extract.dates as dates
import govcrawl.extract.document as document
import govcrawl.extract.text as text
import govcrawl.pipelines.validate as validate
from govcrawl.extensions import run as run_component
from govcrawl.pipelines.assign_revision import AssignRevisionPipeline
from govcrawl.pipelines.hash_content import HashContentPipeline
from govcrawl.sites import SiteEntry
from govcrawl.spiders.site import SiteSpider
from tests.conftest import opened_run

PAGE = Path(__file__).parent / "extract" / "fixtures" / "hanweb-a002.html"
URL = "http://www.deqing.gov.cn/art/2023/11/24/art_1229515032_59044862.html"


class _CountingConverter:
    """Wraps the OpenCC converter and remembers every text it converts."""

    def __init__(self, inner, seen: list[str]):
        self.inner, self.seen = inner, seen

    def convert(self, value: str) -> str:
        self.seen.append(value)
        return self.inner.convert(value)


def _count(monkeypatch: pytest.MonkeyPatch, counts: Counter, module, name: str) -> None:
    original = getattr(module, name)

    def counted(*args, **kwargs):
        counts[name] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)


def test_one_article_is_built_in_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    counts: Counter = Counter()
    converted: list[str] = []
    for module, name in [(document, "decode_html"), (lxml.etree, "fromstring"), (lxml.etree, "HTML"),
                         (dates, "_parse_absolute"), (body, "strip_chrome_lines"),
                         (validate, "export_dict"), (run_component, "export_dict")]:
        _count(monkeypatch, counts, module, name)
    converter = _CountingConverter(text._converter(), converted)
    monkeypatch.setattr(text, "_converter", lambda: converter)

    entry = SiteEntry(key="deqing", name="德清县人民政府", domains=["www.deqing.gov.cn"], start_urls=[URL])
    crawler = get_crawler(SiteSpider.for_entry(entry), {"TELNETCONSOLE_ENABLED": False})
    ctx = opened_run(crawler)
    response = HtmlResponse(URL, body=PAGE.read_bytes(), request=Request(URL),
                            headers={"Content-Type": "text/html; charset=utf-8"})
    [item] = list(crawler.spider.parse_article(response, column_name="县政府动态"))
    for pipeline in (HashContentPipeline(), AssignRevisionPipeline(crawler), validate.ValidateArticlePipeline()):
        item = pipeline.process_item(item)
    export = run_component.RunComponent(crawler, exports=True)
    export.ctx, export.out = ctx, io.StringIO()
    export.item_scraped(item)

    line = json.loads(export.out.getvalue())
    assert line["title"] == "1-10月德清县固定资产投资结构趋稳趋优" and line["published_from"] == "label"
    assert counts["decode_html"] == 1
    assert counts["fromstring"] + counts["HTML"] == 1  # selectors, when set, use the same tree
    assert counts["_parse_absolute"] == 0  # the labelled date was read where it was matched
    assert counts["strip_chrome_lines"] == 1
    assert counts["export_dict"] == 1
    assert converted and [t for t, n in Counter(converted).items() if n > 1] == []
