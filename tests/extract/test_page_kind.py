"""A page read as an article that is really a list (a sub-column, a search result) says so."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

from govcrawl.extract import decode_html, extract_record
from govcrawl.extract.listing import extract_listing
from govcrawl.extract.page_kind import read_page, reads_as_article
from tests.shared import CORPUS, needs_shared

LISTS = CORPUS / "lists"
REAL = Path(__file__).parent / "fixtures" / "lists" / "real"
NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)

RELATED = "".join(f'<li><a href="/xwzx/202611/t2026110{n % 9 + 1}_{n}.html">相关新闻标题第{n}条内容</a>'
                  f"<span>2026-11-0{n % 9 + 1}</span></li>" for n in range(12))
SHORT_ARTICLE = f"""<html><head><meta charset="utf-8"><title>停水通知_示例市</title></head><body>
<div class="nav"><a href="/">首页</a></div>
<h1>停水通知</h1><div class="info">发布时间：2026-11-20 来源：示例市水务局</div>
<div class="content"><p>因管网维修，11月21日城区部分区域停水一天。</p></div>
<div class="related"><h3>相关新闻</h3><ul>{RELATED}</ul></div></body></html>"""
COLUMN = f"""<html><head><meta charset="utf-8"><title>部门动态_示例市</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/xwzx/">新闻中心</a></div>
<div class="main"><h2>部门动态</h2><ul class="list">{RELATED}</ul>
<div class="page"><a href="index_1.html">下一页</a></div></div></body></html>"""


def _reason(html: str, url: str = "http://www.example.gov.cn/xwzx/bmdt/") -> str | None:
    found = extract_record(html, url, fetched_at=NOW).rejection
    return found.reason if found else None


def test_a_column_page_is_a_list_page_not_an_article() -> None:
    found = extract_record(COLUMN, "http://www.example.gov.cn/xwzx/bmdt/", fetched_at=NOW).rejection
    assert found is not None and found.reason == "list_page"
    assert found.detail.startswith("a list of 12 article links such as http://www.example.gov.cn/xwzx/202611/")


def test_a_short_article_beside_a_long_related_list_stays_an_article() -> None:
    assert _reason(SHORT_ARTICLE, "http://www.example.gov.cn/xwzx/202611/t20261120_1.html") is None


def test_a_saved_list_page_without_its_url_is_still_a_list_page() -> None:
    assert _reason(COLUMN, None) == "list_page"


def _labelled(folder: Path) -> list[tuple[Path, dict]]:
    lines = (folder / "labels.jsonl").read_text(encoding="utf-8").splitlines()
    return [(folder / label["file"], label) for label in map(json.loads, lines)]


@needs_shared(LISTS)
def test_every_shared_list_page_is_a_list_page_and_the_article_is_not() -> None:
    for path, label in _labelled(LISTS):
        reason = extract_record(path.read_bytes(), label["url"], fetched_at=NOW).rejection
        assert (reason is not None and reason.reason == "list_page") == (label["kind"] == "list"), path.name


def test_every_real_list_page_is_a_list_page_and_articles_are_not() -> None:
    for path, label in _labelled(REAL):
        found = extract_record(path.read_bytes(), label["url"], fetched_at=NOW).rejection
        reason = found.reason if found else None
        if label["kind"] == "list":
            assert reason == "list_page", path.name
        elif "article page" in label["cms"]:
            assert reason is None, path.name


RELATED_6 = "".join(f'<li><a href="/xwzx/202611/t202611{n:02d}_{n}.html">我市召开第{n}次乡村振兴工作推进会议</a>'
                    f"<span>2026-11-{n:02d}</span></li>" for n in range(1, 7))


def test_a_dated_video_with_a_one_line_caption_and_related_news_is_an_article() -> None:
    html = f"""<html><head><meta charset="utf-8"><title>市长调研_测试市</title></head><body>
    <div class="article"><h1>【视频】市长调研乡村振兴工作</h1><div class="info">发布时间：2026-11-20 09:00 来源：测试市融媒体中心</div>
    <div class="content"><video src="/v/1.mp4" controls></video><p>视频：市长深入田间地头调研乡村振兴工作</p></div></div>
    <div class="related"><h3>相关新闻</h3><ul>{RELATED_6}</ul></div></body></html>"""
    assert _reason(html, "http://x.gov.cn/xwzx/202611/t20261120_20.html") is None


def test_a_list_loaded_by_a_script_under_an_update_time_is_not_an_article() -> None:
    html = """<html><head><meta charset="utf-8"><title>通知公告_测试市</title></head><body>
    <div class="main"><h2 class="lm">通知公告</h2><div class="info">更新时间：2026-11-20 09:00</div>
    <p>本栏目发布市政府及各部门的通知公告。</p><ul id="list"></ul>
    <script>$.getJSON("/api/list?col=12", function(d){ });</script></div></body></html>"""
    fields = extract_record(html, "http://x.gov.cn/tzgg/", fetched_at=NOW)
    listing = extract_listing(html, "http://x.gov.cn/tzgg/")
    assert not reads_as_article(listing.kind, published_from=fields.published_from, body=fields.body,
                                has_media=fields.has_media)


def test_a_column_with_a_long_introduction_is_no_article_and_its_list_is_still_read() -> None:
    intro = "".join(f"<p>本专题集中展示全市各地各部门推进乡村振兴的工作动态和经验做法，第{n}部分。欢迎社会各界关注。</p>"
                    for n in range(6))
    items = "".join(f'<li><a href="/zt/202611/t202611{n:02d}_{n}.html">乡村振兴专题第{n}期工作动态</a>'
                    f"<span>2026-11-{n:02d}</span></li>" for n in range(1, 9))
    html = f'<html><body><div class="main"><div class="intro">{intro}</div><ul class="list">{items}</ul></div></body></html>'
    fields = extract_record(html, "http://x.gov.cn/zt/", fetched_at=NOW)
    listing = extract_listing(html, "http://x.gov.cn/zt/")
    assert not reads_as_article(listing.kind, published_from=fields.published_from, body=fields.body,
                                has_media=fields.has_media)
    assert len(extract_listing(html, "http://x.gov.cn/zt/", as_list=True).article_urls) == 8


def _reading(body: bytes, url: str) -> str:
    return read_page(decode_html(body), url, lambda page: extract_record(page, url, fetched_at=NOW)).kind


@needs_shared(CORPUS / "labels.jsonl")
def test_the_one_page_decision_reads_labelled_articles_as_articles() -> None:
    """What check, scrapy parse, a start URL and discovery make of an article page: an article,
    related lists, 上一篇/下一篇 and 政务公开 tables beside it or not."""
    provenance = {json.loads(line)["file"]: json.loads(line)
                  for line in (CORPUS / "provenance.jsonl").read_text(encoding="utf-8").splitlines() if line}
    not_articles = []
    for line in (CORPUS / "labels.jsonl").read_text(encoding="utf-8").splitlines():
        file = json.loads(line)["file"]
        url = (provenance.get(file) or {}).get("page_url") or "http://localhost/saved/page.html"
        if _reading((CORPUS / "pages" / file).read_bytes(), url if "://" in url else f"http://{url}") != "article":
            not_articles.append(file)
    # a015: an undated article beside a 33-item list reads as that list (a floor: never more)
    assert not_articles == ["a015.html"]


@needs_shared(LISTS)
def test_the_one_page_decision_reads_real_list_pages_as_lists() -> None:
    for path, label in [*_labelled(REAL), *_labelled(LISTS)]:
        assert (_reading(path.read_bytes(), label["url"]) == "list") == (label["kind"] == "list"), path.name



def test_a_home_page_whose_teasers_are_dt_headlines_over_dated_summaries_is_no_article() -> None:
    """A news site's home (held-out coverage site 21cn-highway.com, its saved copy in bench/sites):
    its <title> is the site's name, and each teaser is a <dl> whose <dt> headline sits over a
    summary that starts with a date; the page is no article (it was one when a <dt> could be a
    headline without <title> saying so)."""
    home = Path(__file__).parents[2] / "bench" / "sites" / "21cn-highway_com" / "index1.html"
    url = "http://www.21cn-highway.com/index1.html"
    reading = read_page(decode_html(home.read_bytes()), url, lambda page: extract_record(page, url, fetched_at=NOW))
    assert reading.kind == "list"


def test_a_column_whose_items_show_a_summary_a_byline_and_a_date_is_a_list() -> None:
    """A news column (held-out coverage site 21cn-highway.com, focus/22.html in bench/sites): its
    <title> is the column's name and its first item's summary, 作者 and 时间 read like a short
    article; the article reading took its text from the list's own items, so the page is the list."""
    column = Path(__file__).parents[2] / "bench" / "sites" / "21cn-highway_com" / "focus" / "22.html"
    url = "http://www.21cn-highway.com/focus/22.html"
    reading = read_page(decode_html(column.read_bytes()), url, lambda page: extract_record(page, url, fetched_at=NOW))
    assert reading.kind == "list" and len(reading.listing.article_urls) == 8


def test_a_dated_roundup_of_links_beside_a_related_list_is_an_article() -> None:
    """An article whose body is an introduction and a table of links to its parts (各市试题汇总,
    held-out site 5iedu.com.cn), dated by its headline, with a 相关推荐 list beside it: the list
    lies outside the body, so the page is the article (read both ways, the list is followed too)."""
    parts = "".join(f'<tr><td><a href="/zhongkao/58090{n:02d}.html">2019年第{n}市中考试题答案（各科目）</a></td></tr>'
                    for n in range(12))
    related = "".join(f'<li><a href="/zhongkao/5809{n}80.html">2019年第{n}省中考试题及答案（各市汇）</a>'
                      f"<span>2019-06-0{n % 5 + 1}</span></li>" for n in range(8))
    html = f"""<html><head><meta charset="utf-8"><title>2019年湖北中考试题及答案（各市汇） - 精品学习网</title></head>
<body><div class="nav"><a href="/">首页</a> <a href="/zhongkao/">中考</a></div>
<div class="clearfix"><h2>2019年湖北中考试题及答案（各市汇）</h2><p class="time">2019-06-06 10:39:04</p></div>
<div id="endText"><p>2019年湖北省中考已经结束，中考频道整理出了各市的试题和答案。希望可以帮助到有需要的同学！</p>
<table>{parts}</table><p>以上就是本栏目整理的全部内容，请大家保持关注。</p></div>
<div class="nr-xgtj">相关推荐</div><ul>{related}</ul></body></html>"""
    url = "http://www.example.com.cn/zhongkao/5809857.html"
    record = extract_record(html, url, fetched_at=NOW)
    assert record.rejection is None and record.published_at == "2019-06-06T10:39:04+08:00"
    assert read_page(html, url, lambda page: extract_record(page, url, fetched_at=NOW)).kind == "article"
    # the same table as a column's list, under a column heading and no date: a list page
    column = html.replace('<p class="time">2019-06-06 10:39:04</p>', "")
    assert _reason(column, url) == "list_page"


def test_a_column_of_cards_with_a_share_script_in_each_is_a_list() -> None:
    """A column whose items (held-out site 5iedu.com.cn) are blocks of a dated headline, a summary
    with 【详情】 and a tag row holding a share button's inline configuration script, after a
    breadcrumb block of the same look: the script is no text of the item, the breadcrumb's 首页 and
    the share button's ``index.html#`` no article; the page is the list of its ten headlines."""
    script = "<script>window._bd_share_config=" + '{"common":{"bdSnsKey":{},"bdText":""}};' * 20 + "</script>"
    items = "".join(
        f'<div class="news_edit3"><h2><a href="shijian/56628{n}.html">江苏省2017年小高考第{n}场考试安排已经公布</a>'
        f"<em>2017-04-2{n}</em></h2><p>近日，江苏省教育考试院正式发布了第{n}场考试的时间安排，请考生注意查看。"
        f'<span><a href="shijian/56628{n}.html">【详情】</a></span></p><h3><span>标签：<a href="javascript:;">小高考</a>'
        f'</span><em><a href="../../index.html#" class="bds_more">分享</a>{script}</em></h3></div>' for n in range(10))
    html = f"""<html><head><meta charset="utf-8"><title>小高考_精品学习网</title></head><body>
<div class="nav"><a href="../../index.html">首页</a></div><div class="pdlblt">
<div class="nr-dqwz"><a href="../../index.html">首页</a> &gt; <a href="../index.html">高中</a></div>
<ul class="tabs"><li><div><span><a href="javascript:;">小高考时间</a></span></div></li>
<li><div><span><a href="javascript:;">小高考真题</a></span></div></li></ul>
<div class="nr-dqwz1"><p>最新动态</p></div>{items}</div></body></html>"""
    url = "http://www.example.com.cn/gaozhong/xiaogaokao/index.html"
    reading = read_page(html, url, lambda page: extract_record(page, url, fetched_at=NOW))
    assert reading.kind == "list"
    assert reading.listing.article_urls == [f"http://www.example.com.cn/gaozhong/xiaogaokao/shijian/56628{n}.html"
                                            for n in range(10)]


def test_an_article_reading_taken_from_the_lists_items_under_tab_names_is_the_list() -> None:
    """The article reading of a column of cards (held-out site 5iedu.com.cn) takes one card's
    headline and date, and a body whose first lines are the column's tab names (小高考真题, 最新动态)
    before the items' own text: read from the list's items, so the page is the list."""
    items = "".join(
        f'<div class="card"><h2><a href="xw/56174{n:02d}.html">江苏省2017年小高考第{n}场考试安排已经公布</a>'
        f"<em>2017-03-{n + 1:02d}</em></h2><p>江苏教育局发布了第{n}场考试的安排，全省共设考点248个，考场15448场。</p></div>"
        for n in range(8))
    html = f'<html><body><div class="tabs">小高考真题</div><div class="list">{items}</div></body></html>'
    body = "\n".join(["小高考真题", "最新动态"] + [f"江苏省2017年小高考第{n}场考试安排已经公布 2017-03-{n + 1:02d}\n"
                                                f"江苏教育局发布了第{n}场考试的安排，全省共设考点248个，考场15448场。"
                                                for n in range(1, 8)])
    card = SimpleNamespace(published_from="near_title", body=body, has_media=False, rejection=None)
    reading = read_page(html, "http://www.example.com.cn/gaozhong/xiaogaokao/index.html", lambda page: card)
    assert reading.kind == "list" and len(reading.listing.article_urls) == 8
