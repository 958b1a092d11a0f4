"""List pages: article links and pagination in the forms these sites use."""

from __future__ import annotations

import pytest

from govcrawl.extract.listing import ListRequest, extract_listing, hanweb_proxy_requests
from tests.conftest import CORPUS, SAMPLE_SITE

BASE = "http://www.tianmen.gov.cn/zwgk/zc/tzgg/"


def test_trs_create_page_html_expands_to_every_page() -> None:
    html = '<script>createPageHTML(4, 0, "index", "shtml");</script>'
    page = extract_listing(html, BASE + "index.shtml")
    assert [r.url for r in page.list_requests] == [
        BASE + "index_1.shtml", BASE + "index_2.shtml", BASE + "index_3.shtml"]


def test_trs_variant_with_element_id_first() -> None:
    html = "<script>createPageHTML('page_div',3, 1,'index','html',25);</script>"
    page = extract_listing(html, BASE + "index_1.html")
    assert [r.url for r in page.list_requests] == [BASE + "index_2.html"]


def test_article_shapes_recognised_and_navigation_ignored() -> None:
    html = """
    <a href="/zwgk/zc/qtzdgk/t_5947092.shtml">a</a>
    <a href="/zjtm/tmwh/tmms/201604/t20160419_1930964.shtml">b</a>
    <a href="/art/2023/7/24/art_1234_567890.html">c</a>
    <a href="/zwgk/">column</a> <a href="javascript:void(0)">js</a> <a href="#top">top</a>
    <a href="/images/logo.png">logo</a>"""
    page = extract_listing(html, BASE)
    assert page.article_urls == [
        "http://www.tianmen.gov.cn/zwgk/zc/qtzdgk/t_5947092.shtml",
        "http://www.tianmen.gov.cn/zjtm/tmwh/tmms/201604/t20160419_1930964.shtml",
        "http://www.tianmen.gov.cn/art/2023/7/24/art_1234_567890.html",
    ]
    assert page.list_requests == []


def test_hanweb_records_in_cdata() -> None:
    html = """<script type="text/xml"><datastore><recordset>
    <record><![CDATA[<li><a href="/art/2023/7/24/art_1001_1.html">x</a></li>]]></record>
    <record><![CDATA[<li><a href="/art/2023/7/25/art_1001_2.html">y</a></li>]]></record>
    </recordset></datastore></script>"""
    page = extract_listing(html, "http://fgw.zj.gov.cn/col/col1001/index.html")
    assert [u.rsplit("/", 1)[1] for u in page.article_urls] == ["art_1001_1.html", "art_1001_2.html"]


def test_hanweb_data_proxy_pages() -> None:
    html = """<script>var url = '/module/web/jpage/dataproxy.jsp';
    {columnid:'1001',unitid:'4567',webid:'12',perpage:'15'}</script>
    <script type="text/xml"><datastore><totalrecord>40</totalrecord></datastore></script>"""
    requests = hanweb_proxy_requests(html, "http://x.gov.cn/col/col1001/index.html")
    assert [r.url.split("?")[1] for r in requests] == [
        "startrecord=1&endrecord=15&perpage=15",
        "startrecord=16&endrecord=30&perpage=15",
        "startrecord=31&endrecord=45&perpage=15",
    ]
    assert requests[0].formdata["columnid"] == "1001"
    assert requests[0].formdata["unitid"] == "4567"


def test_plain_next_and_last_links() -> None:
    html = '<a href="list_2.html">下一页</a> <a href="list_9.html">尾页</a> <a href="a.html">上一页</a>'
    page = extract_listing(html, "http://x.gov.cn/zwgk/list_1.html")
    assert page.list_requests == [
        ListRequest("http://x.gov.cn/zwgk/list_2.html", rel="next"),
        ListRequest("http://x.gov.cn/zwgk/list_9.html", rel="last")]


def test_page_numbers_known_from_url_or_text() -> None:
    html = '<a href="index_1.html">2</a> <a href="?page=3">3</a>'
    page = extract_listing(html, "http://x.gov.cn/zwgk/index.html", list_pattern=r"page=\d+")
    assert [(r.url.rsplit("/", 1)[1], r.page) for r in page.list_requests] == [
        ("index_1.html", 2), ("index.html?page=3", 3)]


def test_site_pattern_overrides_detection() -> None:
    html = '<a href="/news/view?id=77">x</a> <a href="/zwgk/202301/t20230101_1.html">y</a>'
    page = extract_listing(html, "http://x.gov.cn/", article_pattern=r"/news/view\?id=\d+")
    assert page.article_urls == ["http://x.gov.cn/news/view?id=77"]


def test_sample_site_trs_column() -> None:
    html = (SAMPLE_SITE / "xwzx/sxyw/index.html").read_text(encoding="utf-8")
    page = extract_listing(html, "http://127.0.0.1:1/xwzx/sxyw/")
    assert len(page.article_urls) == 6  # four articles, one off-site, one robots-forbidden
    assert [r.url for r in page.list_requests] == [
        "http://127.0.0.1:1/xwzx/sxyw/index_1.html", "http://127.0.0.1:1/xwzx/sxyw/index_2.html"]


@pytest.mark.skipif(not CORPUS.exists(), reason="labelled corpus not beside the repository")
def test_corpus_json_list_page() -> None:
    html = (CORPUS / "lists" / "bl001.html").read_text(encoding="utf-8")
    page = extract_listing(html, "https://sthjt.jiangxi.gov.cn/jxssthjt/col/col42150/index.html")
    assert len(page.article_urls) >= 10


@pytest.mark.skipif(not CORPUS.exists(), reason="labelled corpus not beside the repository")
def test_corpus_trs_search_list_with_numbered_pages() -> None:
    html = (CORPUS / "lists" / "bl002.html").read_text(encoding="utf-8")
    page = extract_listing(html, "http://www.ccdi.gov.cn/search?page=1",
                           list_pattern=r"/search\?page=\d+")
    assert len([u for u in page.article_urls if "/t20" in u]) >= 10
    assert any("page=17" in r.url for r in page.list_requests)


def test_create_page_html_definition_is_not_the_call() -> None:
    html = """<script>function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt){
    }</script><div><script>createPageHTML(3, 0, "index", "shtml");</script></div>"""
    page = extract_listing(html, BASE)
    assert [r.url for r in page.list_requests] == [BASE + "index_1.shtml", BASE + "index_2.shtml"]


def test_odd_digit_link_text_does_not_break_the_page() -> None:
    html = '<a href="/zwgk/202301/t20230101_1.html">①</a> <a href="list_2.html">²</a>'
    page = extract_listing(html, "http://x.gov.cn/zwgk/")
    assert len(page.article_urls) == 1


def test_hanweb_proxy_with_bad_perpage_falls_back() -> None:
    html = """dataproxy.jsp {columnid:'9',perpage:'0'}<totalrecord>20</totalrecord>"""
    requests = hanweb_proxy_requests(html, "http://x.gov.cn/col/col9/index.html")
    assert [r.page for r in requests] == [1, 2]


def test_list_pattern_links_without_number_are_sub_columns() -> None:
    html = '<a href="/zwgk/tzgg/">通知公告</a> <a href="/zwgk/zcjd/">政策解读</a>'
    page = extract_listing(html, "http://x.gov.cn/zwgk/", list_pattern=r"/zwgk/\w+/$")
    assert [(r.rel, r.page) for r in page.list_requests] == [("list", None), ("list", None)]


UNKNOWN_SHAPES = """<html><body>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
<li><a href="/xwzx/">新闻中心</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
<div class="side"><h3>热点</h3><ul>
<li><a href="/zwgk/zcjd/content/post_900001.html">关于做好今年防汛工作的政策解读</a></li>
<li><a href="/zwgk/zcjd/content/post_900002.html">一图读懂市政府工作报告要点</a></li></ul></div>
<div class="main"><table>
<tr><td><a href="/xwzx/content/post_4100825.html">市政府召开第十次常务会议部署冬季安全生产</a></td><td>2026-11-20</td></tr>
<tr><td><a href="/xwzx/content/post_4100824.html">全市秋冬季森林防火工作会议召开</a></td><td>2026-11-19</td></tr>
<tr><td><a href="/xwzx/content/post_4100823.html">我市举办2026年就业创业服务月活动</a></td><td>2026-11-18</td></tr>
<tr><td><a href="/xwzx/content/post_4100822.html">市领导调研城市更新项目推进情况</a></td><td>2026-11-17</td></tr>
</table>
<div class="page"><a href="/xwzx/index_2.html">2</a> <a href="/xwzx/index_2.html">下一页</a></div></div>
<div class="links"><a href="http://www.gd.gov.cn/">广东省人民政府门户网站</a></div>
</body></html>"""


def test_a_list_of_unknown_url_shapes_is_found_by_its_structure() -> None:
    page = extract_listing(UNKNOWN_SHAPES, "http://www.example.gov.cn/xwzx/")
    assert page.article_urls == [f"http://www.example.gov.cn/xwzx/content/post_41008{n}.html" for n in (25, 24, 23, 22)]
    assert [r.url for r in page.list_requests] == ["http://www.example.gov.cn/xwzx/index_2.html"]


def test_known_url_shapes_still_decide_and_a_pattern_overrides() -> None:
    known = UNKNOWN_SHAPES.replace("/content/post_41008", "/202611/t20261120_41008")
    assert len(extract_listing(known, "http://www.example.gov.cn/xwzx/").article_urls) == 4
    custom = extract_listing(UNKNOWN_SHAPES, "http://www.example.gov.cn/xwzx/", article_pattern=r"/zcjd/")
    assert [u.rsplit("/", 1)[1] for u in custom.article_urls] == ["post_900001.html", "post_900002.html"]


def test_menus_alone_are_no_list() -> None:
    menu = "<html><body><ul>" + "".join(f'<li><a href="/c{n}/">栏目{n}</a></li>' for n in range(8)) + "</ul></body></html>"
    assert extract_listing(menu, "http://www.example.gov.cn/").article_urls == []
