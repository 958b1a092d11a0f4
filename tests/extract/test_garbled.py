"""Mojibake and truncated pages are rejected through extract_record; whole, clean pages never are."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import opencc
import pytest

from govcrawl.extract import Rejection, extract_record
from govcrawl.extract import garbled as gb
from govcrawl.extract.dates import CST
from tests.shared import CORPUS, needs_shared, shared_files

FETCHED_AT = datetime(2024, 6, 18, 15, 0, tzinfo=CST)
BODY = (
    "<p>6月17日，全市二季度项目拉练活动暨稳增长工作推进会举行。市委书记在会上强调，要提振信心、咬定目标、"
    "加压奋进，全力以赴抓项目、稳增长、促发展，确保完成全年目标任务。</p><p>与会人员先后来到经济开发区、"
    "高新区等地，实地察看重点项目建设进展情况，听取项目负责人汇报，现场协调解决项目推进中遇到的困难和问题。</p>"
    "<p>会议指出，今年以来，全市上下坚持项目为王，经济运行总体平稳、稳中有进，但也要清醒看到面临的困难和挑战。</p>"
)
#: a whole article page; its <meta charset> is left out where a test decides the codec itself
PAGE = """<html><head>{meta}<title>全市二季度项目拉练活动暨稳增长工作推进会举行_示例市人民政府</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/col/col1/index.html">政务动态</a></div>
<div class="main"><div class="article"><h1>全市二季度项目拉练活动暨稳增长工作推进会举行</h1>
<div class="info">发布时间：2024-06-17 来源：示例市融媒体中心</div>
<div id="zoom">{body}</div></div></div>
<div class="foot">主办单位：示例市人民政府办公室 版权所有</div>
</body></html>"""
UTF8 = PAGE.format(meta='<meta charset="utf-8">', body=BODY)
GBK = PAGE.format(meta="", body=BODY)


def _rejection(html: bytes | str, http_encoding: str | None = None) -> Rejection | None:
    return extract_record(html, fetched_at=FETCHED_AT, http_encoding=http_encoding).rejection


def _reason(html: bytes | str, http_encoding: str | None = None) -> str | None:
    rejection = _rejection(html, http_encoding)
    return rejection.reason if rejection else None


def test_clean_pages_are_articles() -> None:
    assert _rejection(UTF8.encode()) is None
    assert _rejection(GBK.encode("gbk"), http_encoding="latin-1") is None  # decoded as GB18030
    traditional = opencc.OpenCC("s2t").convert(UTF8)
    assert _rejection(traditional.encode("big5", errors="replace").replace(b"utf-8", b"big5")) is None


# --- mojibake ----------------------------------------------------------------------------------

def test_utf8_read_as_gb18030_is_mojibake() -> None:
    rejection = _rejection(UTF8.encode().decode("gb18030", errors="replace"))
    assert rejection is not None and rejection.reason == "mojibake"
    assert rejection.detail.startswith("UTF-8 read as GBK: ")


def test_traditional_utf8_read_as_gb18030_is_mojibake() -> None:
    traditional = opencc.OpenCC("s2t").convert(UTF8)
    assert _reason(traditional.encode().decode("gb18030", errors="replace")) == "mojibake"


def test_gbk_read_as_latin1_is_mojibake() -> None:
    rejection = _rejection(GBK.encode("gbk").decode("latin-1"))
    assert rejection is not None and rejection.reason == "mojibake"
    assert rejection.detail.startswith("GBK read as latin-1: ")


def test_utf8_read_as_latin1_is_mojibake() -> None:
    assert _reason(UTF8.encode().decode("latin-1")) == "mojibake"


def test_gbk_read_as_utf8_with_replacement_is_mojibake() -> None:
    rejection = _rejection(GBK.encode("gbk").decode("utf-8", errors="replace"))
    assert rejection is not None and rejection.reason == "mojibake"
    assert re.fullmatch(r"\d+ replacement characters in \d+ non-ASCII", rejection.detail)


def test_a_stray_byte_is_not_mojibake() -> None:
    body = UTF8.encode().replace("稳中有进".encode(), "稳中".encode() + b"\xff" + "有进".encode())
    fields = extract_record(body, fetched_at=FETCHED_AT, http_encoding="utf-8")
    assert fields.rejection is None and "稳中\ufffd有进" in fields.body


@pytest.mark.parametrize("char", ["鍙", "鏂", "銆", "浜", "浣", "锛", "鐨", "犲"])
def test_signature_holds_what_utf8_as_gbk_looks_like(char: str) -> None:
    assert char in gb.utf8_as_gb()


@pytest.mark.parametrize("char", ["的", "是", "个", "們", "個", "產", "經", "，", "。", "“"])
def test_signature_leaves_out_common_characters(char: str) -> None:
    assert char not in gb.utf8_as_gb()


def test_typography_is_not_latin_mojibake() -> None:
    assert gb.mojibake("温度为25°C，误差±0.5，详见下文······") is None


# --- truncation --------------------------------------------------------------------------------

@pytest.mark.parametrize(("cut_after", "detail"), [
    ("加压奋进，全力以赴", "ends in the middle of text"),
    ('<div class="info"', "ends inside a tag"),
    ("<p>与会人员", "ends in the middle of text"),
    ('<div id="zoom">', "ends on an opening <div>"),
    ("确保完成全年目标任务。</p>", "ends with 3 blocks open"),
    ("</title>", "ends before its <body>"),
])
def test_truncated_page_is_rejected(cut_after: str, detail: str) -> None:
    cut = UTF8[:UTF8.index(cut_after) + len(cut_after)]
    assert _rejection(cut.encode()) == Rejection("truncated", detail)


def test_truncated_inside_a_script_or_comment() -> None:
    page = UTF8.replace("</body>", "<!-- 统计 --><script>var _hmt = _hmt || [];\n(function() {})();</script></body>")
    assert _rejection(page[:page.index("(function")].encode()) == Rejection("truncated", "ends inside a <script>")
    assert _rejection(page[:page.index(" 统计")].encode()) == Rejection("truncated", "ends inside a comment")


def test_page_without_closing_tags_is_whole() -> None:
    page = UTF8.removesuffix("</body></html>") + "<script>var a = 1;</script>\n"
    assert _rejection(page.encode()) is None


def test_a_page_that_closes_its_html_is_whole_whatever_blocks_its_template_left_open() -> None:
    """A CMS template leaves <div>s open, then the page ends: </body></html>, a statistics script
    and the CMS's signature comment after it (ZCMS). A cut page never ends so."""
    page = UTF8.replace('<div class="main">', '<div class="main"><div class="wrap"><div>', 1).replace(
        "</body></html>", '</body></html>\n<script src="/Stat.js"></script>\n<script>\nif (s) stat("Type=Article");\n'
        "</script>\n\n<!-- Powered by ZCMS 1.4 PublishDate 2019-11-08 16:22:38-->\n")
    assert _rejection(page.encode()) is None
    cut = page[:page.index("确保完成全年目标任务。</p>") + len("确保完成全年目标任务。</p>")]
    assert _rejection(cut.encode()) == Rejection("truncated", "ends with 5 blocks open")
    trailing_text = page.replace("<!-- Powered", "<p>友情链接</p><!-- Powered")
    assert _reason(trailing_text.encode()) == "truncated"


def test_zero_width_characters_after_the_page_end_are_no_text() -> None:
    """A SiteServer template leaves a zero-width space (and a BOM) after its </html> and its hit
    counter's script (held-out coverage site longtuedu.cn): the page is whole."""
    page = UTF8 + '\n<script src="/sitefiles/services/cms/PageService.aspx?type=AddCountHits"></script>\n\n\u200b\n\ufeff'
    assert _rejection(page.encode()) is None
    assert _reason((page + "加压奋进").encode()) == "truncated"


def test_content_after_an_include_s_html_end_is_still_judged() -> None:
    # an include can carry its own </html> early in a page: the page goes on after it
    page = UTF8.replace('<div class="main">', '<div class="main"><!--#include--></html>', 1)
    assert _reason(page[:page.index("加压奋进") + 4].encode()) == "truncated"


@needs_shared(CORPUS / "pages")
@pytest.mark.parametrize("path", shared_files(CORPUS / "pages", "*.html"), ids=lambda p: p.name)
def test_corpus_page_cut_in_its_body_is_truncated(path: Path) -> None:
    fields = extract_record(path.read_bytes(), fetched_at=FETCHED_AT)
    html = path.read_bytes().decode()
    # cut inside the first body line whose middle the markup holds verbatim (no entity there)
    start = re.search(r"<body\b", html, re.I).end()
    middles = [line[len(line) // 2: len(line) // 2 + 6] for line in fields.body.split("\n") if len(line) >= 12]
    at = next((at + 3 for middle in middles if (at := html.find(middle, start)) >= 0), None)
    assert at is not None
    assert _reason(html[:at].encode()) == "truncated"


@needs_shared(CORPUS / "pages")
def test_no_corpus_page_is_truncated_or_mojibake_even_without_closing_tags() -> None:
    closing = re.compile(r"</(?:body|html)\s*>", re.I)
    found = {}
    for path in sorted((CORPUS / "pages").glob("*.html")):
        html = closing.sub("", path.read_bytes().decode())
        if rejection := _rejection(html.encode()):
            found[path.name] = rejection
    assert found == {}


def test_a_page_cut_after_an_includes_stray_html_end_and_a_script_is_still_cut() -> None:
    page = ("<html><head><title>t</title></head><body><div class='wrap'><div class='top'>"
            "<!--#include virtual='/inc/head.html'--></html><script>var nav=1;</script>")
    assert gb.truncation(page) == "ends with 2 blocks open"
