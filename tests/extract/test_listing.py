"""List pages: article links and pagination in the forms these sites use."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest

from govcrawl.extract.listing import ListRequest, extract_listing, hanweb_proxy_requests
from govcrawl.extract.listing.structure import items_at
from tests.conftest import SAMPLE_SITE
from tests.shared import CORPUS, needs_shared

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


def test_a_search_link_among_the_items_is_no_article() -> None:
    """A community app's list whose last item links a street's search page (风采名称 →
    ``Search-13020209.html``, held-out site tslnedu.com.cn): the search is no article, and its
    "no result" page would read as a short undated notice."""
    items = "".join(f'<li><a href="/StreetStyle-{n}.html">社区第{n}次志愿服务活动纪实</a><span>2026-11-0{n}</span></li>'
                    for n in range(1, 6))
    items += '<li><a href="/Search-13020209.html">唐山路南学南街道国防楼社区表彰道德模范</a><span>2026-11-06</span></li>'
    page = extract_listing(f'<html><body><ul class="list">{items}</ul></body></html>', "http://www.a.cn/ListEvents.html")
    assert page.article_urls == [f"http://www.a.cn/StreetStyle-{n}.html" for n in range(1, 6)]


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


@needs_shared(CORPUS / "lists" / "bl001.html")
def test_corpus_json_list_page() -> None:
    html = (CORPUS / "lists" / "bl001.html").read_text(encoding="utf-8")
    page = extract_listing(html, "https://sthjt.jiangxi.gov.cn/jxssthjt/col/col42150/index.html")
    assert len(page.article_urls) >= 10


@needs_shared(CORPUS / "lists" / "bl002.html")
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


# --- the main list found by structure -------------------------------------------------------

LISTS = Path(__file__).parent / "fixtures" / "lists"
MENU = """<div class="nav"><ul>
<li><a href="/zwgk/202301/t20230101_9.html">政务公开信息专栏目录导航</a></li>
<li><a href="/xwzx/202301/t20230102_9.html">新闻中心要闻动态专栏导航</a></li>
<li><a href="/bsfw/202301/t20230103_9.html">办事服务网上大厅专栏导航</a></li></ul></div>"""
SIDEBAR = """<div class="sidebar"><ul>
<li><a href="/rmyh/105145/index.html">走进示例区人民政府机构</a></li>
<li><a href="/rmyh/105146/index.html">示例区领导之窗与分工</a></li>
<li><a href="/rmyh/105147/index.html">示例区政府工作报告汇编</a></li></ul></div>"""


def _names(urls: list[str]) -> list[str]:
    return [u.split("://", 1)[1].split("/", 1)[1] for u in urls]


@pytest.mark.parametrize("name", sorted(json.loads((LISTS / "expected.json").read_text("utf-8"))))
def test_synthetic_list_pages(name: str) -> None:
    expected = json.loads((LISTS / "expected.json").read_text("utf-8"))[name]
    page = extract_listing((LISTS / name).read_text(encoding="utf-8"), expected["url"])
    assert ["/" + u for u in _names(page.article_urls)] == expected["articles"]
    assert {"/" + u for u in _names([r.url for r in page.list_requests])} == set(expected["pages"])


def test_menus_and_sidebars_with_headline_links_are_not_the_list() -> None:
    html = f"""<body>{MENU}{SIDEBAR}<div class="list"><ul>
    <li><a href="/a/p1.html">全市春耕备耕工作现场会召开</a><span>2024-03-01</span></li>
    <li><a href="/a/p2.html">市政府常务会议研究部署重点工作</a><span>2024-02-28</span></li>
    </ul></div></body>"""
    page = extract_listing(html, "http://x.gov.cn/a/")
    assert _names(page.article_urls) == ["a/p1.html", "a/p2.html"]


def test_table_list_rows() -> None:
    rows = "".join(f'<tr><td><a href="show.php?id={n}">第{n}号关于做好防汛工作的通知</a></td>'
                   f"<td>2024-06-0{n}</td></tr>" for n in range(1, 5))
    html = f'<body>{MENU}<table><tr><th>标题</th><th>日期</th></tr>{rows}</table></body>'
    page = extract_listing(html, "http://x.gov.cn/list.php")
    assert _names(page.article_urls) == [f"show.php?id={n}" for n in range(1, 5)]


def test_dd_list_of_folder_articles_beside_a_dd_menu() -> None:
    html = f"""<body><dl class="leftnav"><dd><a href="/zwgk/">政务公开信息专栏目录</a></dd>
    <dd><a href="/xwzx/">新闻中心要闻动态专栏</a></dd></dl>{SIDEBAR}<dl class="art">
    <dd><a href="/bmdt/2188837/index.html">区市场监管局开展食品安全检查</a>2026-02-28</dd>
    <dd><a href="/bmdt/2188702/index.html">区教育局召开开学工作部署会</a>2026-02-25</dd></dl></body>"""
    page = extract_listing(html, "http://x.gov.cn/bmdt/")
    assert _names(page.article_urls) == ["bmdt/2188837/index.html", "bmdt/2188702/index.html"]


def test_div_items_and_bare_links_with_dates() -> None:
    divs = "".join(f'<div class="row"><a href="/n/{n}.html">县委常委会召开第{n}次会议</a>'
                   f"<i>2025/01/0{n}</i></div>" for n in range(1, 4))
    page = extract_listing(f"<body>{MENU}<div>{divs}</div></body>", "http://x.cn/n/")
    assert _names(page.article_urls) == ["n/1.html", "n/2.html", "n/3.html"]
    bare = "".join(f'<a href="/n/{n}.html">县委常委会召开第{n}次会议</a> 01-0{n}<br>' for n in range(1, 4))
    page = extract_listing(f"<body>{MENU}<div>{bare}</div></body>", "http://x.cn/n/")
    assert _names(page.article_urls) == ["n/1.html", "n/2.html", "n/3.html"]


def test_list_kept_in_a_comment_and_in_document_write() -> None:
    items = "".join(f'<li><a href="/c/{n}.html">乡镇动态信息第{n}条标题</a>2024-01-0{n}</li>' for n in (1, 2))
    page = extract_listing(f"<body>{MENU}<!--<ul>{items}</ul>--></body>", "http://x.cn/c/")
    assert _names(page.article_urls) == ["c/1.html", "c/2.html"]
    script = f"<script>document.write('<ul>{items}</ul>');</script>"
    page = extract_listing(f"<body>{MENU}{script}</body>", "http://x.cn/c/")
    assert _names(page.article_urls) == ["c/1.html", "c/2.html"]


def test_json_list_is_the_largest_run_of_one_url_shape() -> None:
    html = """<script>var menu = [{"url": "/col/col1/index.html"}, {"url": "/col/col2/index.html"}];
    var listData = {articleList: [{"pc": "/col/col9/content/content_101.html"},
    {"pc": "/col/col9/content/content_102.html"}, {"pc": "/col/col9/content/content_103.html"}]};</script>"""
    page = extract_listing(html, "http://x.gov.cn/col/col9/index.html")
    assert _names(page.article_urls) == [f"col/col9/content/content_{n}.html" for n in (101, 102, 103)]


# --- pagination ----------------------------------------------------------------------------

def test_onclick_and_javascript_pagers_carry_the_url() -> None:
    html = """<div class="page"><a href="javascript:;" onclick="queryArticleByCondition(this,'/x/17081-2.html')">2</a>
    <a href="javascript:goPage('list_3.html')">3</a></div>"""
    page = extract_listing(html, "http://x.gov.cn/x/17081.html")
    assert [(r.url, r.page) for r in page.list_requests] == [
        ("http://x.gov.cn/x/17081-2.html", 2), ("http://x.gov.cn/x/list_3.html", 3)]


def test_sidebar_years_are_not_pages() -> None:
    years = "".join(f'<li><a href="/tzgg/{y}/">{y}</a></li>' for y in range(2024, 2007, -1))
    html = f'<div class="side"><ul>{years}</ul></div><div class="pages"><a href="index_1.html">2</a></div>'
    page = extract_listing(html, "http://x.gov.cn/tzgg/index.html")
    assert [r.url for r in page.list_requests] == ["http://x.gov.cn/tzgg/index_1.html"]


@pytest.mark.parametrize(("pager", "expected"), [
    ('共4页 <a href="list.jsp?pageNo=2">2</a>', [f"list.jsp?pageNo={n}" for n in (2, 3, 4)]),
    ('<span>1/3页</span> <a href="index_1.html">下一页</a> <a href="index_1.html">2</a>',
     ["index_1.html", "index_2.html"]),
    ('<a href="?page=2">2</a><script>var pageCount = 3;</script>', ["list?page=2", "list?page=3"]),
])
def test_page_count_with_a_url_template(pager: str, expected: list[str]) -> None:
    page = extract_listing(f'<div class="pager">{pager}</div>', "http://x.gov.cn/a/list")
    assert sorted(r.url.rsplit("/", 1)[1] for r in page.list_requests) == sorted(expected)


def test_trs_pager_script_inside_a_comment() -> None:
    html = '<!-- <div class="page"><script>createPageHTML(3, 0, "index", "html");</script></div> -->'
    page = extract_listing(html, BASE)
    assert [r.url for r in page.list_requests] == [BASE + "index_1.html", BASE + "index_2.html"]


def test_a_list_cut_into_blocks_is_read_whole() -> None:
    def block(start: int) -> str:
        return "<ul class='l'>" + "".join(
            f'<li><a href="/b/{n}.html">街道办事处第{n}季度工作简报</a>2024-0{start}-01</li>'
            for n in range(start, start + 3)) + "</ul><div class='line'></div>"
    page = extract_listing(f"<body>{MENU}<div>{block(1)}{block(4)}</div></body>", "http://x.cn/b/")
    assert _names(page.article_urls) == [f"b/{n}.html" for n in range(1, 7)]


def test_module_is_split_but_imports_stay() -> None:
    from govcrawl.extract import listing

    assert {"extract_listing", "ListRequest", "ListingPage", "hanweb_proxy_requests"} <= set(dir(listing))


def test_article_page_related_reading_is_not_a_list() -> None:
    body = "".join(f"<p>{'本次会议强调要坚持问题导向，压实各方责任，确保各项任务落到实处。' * 3}</p>" for _ in range(4))
    related = "".join(f'<li><a href="/a/202401/t20240101_{n}.html">相关阅读第{n}篇文章标题</a>2024-01-01</li>'
                      for n in range(1, 5))
    page = extract_listing(f"<body><div class='zoom'>{body}</div><ul>{related}</ul></body>", "http://x.cn/a/")
    assert page.article_urls == []


def test_script_concatenation_in_href_is_not_a_url() -> None:
    html = """<ul><li><a href='"+content[2]+"'>上一篇文章的标题在这里</a></li>
    <li><a href='"+content[3]+"'>下一篇文章的标题在这里</a></li></ul>"""
    assert extract_listing(html, "http://x.cn/a/").article_urls == []


def test_script_pager_with_only_a_page_number_uses_the_page_url() -> None:
    html = '<div class="page"><a href="javascript:goPage(2)">2</a> <a onclick="toPage(\'3\')">3</a></div>'
    page = extract_listing(html, "http://x.gov.cn/list.jsp?cid=7&pageNo=1")
    assert [r.url for r in page.list_requests] == [
        "http://x.gov.cn/list.jsp?cid=7&pageNo=2", "http://x.gov.cn/list.jsp?cid=7&pageNo=3"]


def test_list_cut_into_wrapped_blocks_is_read_whole() -> None:
    block = '<div class="cnt"><ul class="list_txt">{}</ul></div><span class="hr"></span>'
    item = '<li><span>(2020-08-16 22:{0:02d})</span><a href="/20/0816/22/ART{0:04d}.html">滚动新闻标题第{0}条</a></li>'
    rows = [item.format(n) for n in range(12)]
    html = "<div id='panel'>" + "".join(block.format("".join(rows[i:i + 3])) for i in range(0, 12, 3)) + "</div>"
    page = extract_listing(html, "http://news.example.com/latest/")
    assert [u.rsplit("/", 1)[1] for u in page.article_urls] == [f"ART{n:04d}.html" for n in range(12)]


def test_article_outweighing_its_related_list_gives_no_articles() -> None:
    body = "".join(f"<p>{'正文内容段落，讲述一件事情的来龙去脉。' * 4}</p>" for _ in range(8))
    related = "".join(f'<li><a href="/cj/2020/07-10/92348{n:02d}.shtml">相关新闻标题第{n}条内容</a>'
                      f'<span>07-10</span></li>' for n in range(10))
    html = f'<div class="left_zw">{body}</div><ul class="related">{related}</ul>'
    assert extract_listing(html, "http://www.example.com/gn/2020/07-04/9229545.shtml").article_urls == []


def test_script_pager_callback_builds_every_page() -> None:
    html = """<div class="pagination"></div><script>$(".pagination").pagination({totalPage: 4,
    callBack: function (currPage) { var i = currPage;
      if (i == 1) location.href = 'index.html'; else location.href = 'index_' + i + '.html'; }});
    </script>"""
    page = extract_listing(html, "https://x.gov.cn/yqtb/index.html")
    assert [(r.url.rsplit("/", 1)[1], r.page) for r in page.list_requests] == [
        ("index_2.html", 2), ("index_3.html", 3), ("index_4.html", 4)]


# --- found by the generated sites of tests/stylesites.py --------------------------------------

HOT = """<div class="box-r"><h3>热点文章</h3><ul>""" + "".join(
    f'<li><a href="/a/h{n}.html" title="市政府召开第{n}次常务会议研究部署工作">市政府召开第{n}次常务会议研究部署工作</a></li>'
    for n in range(1, 6)) + "</ul></div>"


def test_an_undated_hot_list_beside_a_shorter_dated_list_is_not_the_list() -> None:
    items = "".join(f'<li><a href="/a/{n}.html">镇政府开展第{n}次安全生产检查</a><span>2024-05-0{n}</span></li>'
                    for n in (1, 2))
    page = extract_listing(f"<body>{MENU}{HOT}<ul class='list-ul'>{items}</ul></body>", "http://x.cn/a/")
    assert _names(page.article_urls) == ["a/1.html", "a/2.html"]


def test_a_last_page_with_one_article_beside_a_hot_list_is_read_where_page_one_had_its_list() -> None:
    items = "".join(f'<li><a href="/a/{n}.html">镇政府开展第{n}次安全生产检查</a><span>2024-05-0{n}</span></li>'
                    for n in (1, 2))
    first = extract_listing(f"<body>{MENU}{HOT}<ul class='list-ul'>{items}</ul></body>", "http://x.cn/a/")
    assert first.shape is not None and first.shape.endswith(" > ul.list-ul > li")
    item = '<li><a href="/a/9.html">镇政府开展第9次安全生产检查</a><span>2024-05-09</span></li>'
    last = f"<body>{MENU}{HOT}<ul class='list-ul'>{item}</ul></body>"
    assert _names(extract_listing(last, "http://x.cn/a/index_4.html", shape=first.shape).article_urls) == ["a/9.html"]
    # without the first page's word, a lone item is no list: the 热点 block wins
    assert _names(extract_listing(last, "http://x.cn/a/index_4.html").article_urls) != ["a/9.html"]


def test_a_shape_two_blocks_share_gives_no_hint() -> None:
    block = "<ul class='list'><li><a href='/a/{n}.html'>镇政府开展第{n}次安全生产检查</a><span>2024-05-0{n}</span></li></ul>"
    html = f"<body><div class='m'>{block.format(n=1)}</div><div class='m'>{block.format(n=2)}</div></body>"
    assert items_at(lxml.html.fromstring(html), "div.m > ul.list > li", "http://x.cn/a/") == []


def test_json_list_of_hash_file_names_is_one_shape() -> None:
    hashes = ("9f3c2a7be1d04c6f", "0b7e41d2aa93c85e", "5d2f07c1e8b6a493")
    data = ", ".join(f'{{"title": "第{n}条", "url": "/xxgk/tzgg/202405/{h}.html"}}' for n, h in enumerate(hashes))
    page = extract_listing(f"<script>var listData = {{articleList: [{data}]}};</script>", "http://x.cn/xxgk/tzgg/")
    assert _names(page.article_urls) == [f"xxgk/tzgg/202405/{h}.html" for h in hashes]


def test_index_n_is_page_n_where_the_pager_says_so() -> None:
    # Guangdong: index.html, index_2.html, index_3.html (TRS would write index_1, index_2)
    pager = ('<div class="pagination"><a href="index.html">首页</a> <a href="index_2.html">上一页</a> '
             '<a href="index.html">1</a> <a href="index_2.html">2</a> <span>3</span> '
             '<a href="index_3.html">尾页</a> 共3页</div>')
    page = extract_listing(pager, "http://x.gov.cn/tzgg/index_3.html")
    assert sorted((r.url.rsplit("/", 1)[1], r.page) for r in page.list_requests) == [
        ("index.html", 1), ("index_2.html", 2)]
    trs = '<div class="page"><a href="index_1.html">上一页</a> <a href="index_1.html">2</a> 共3页</div>'
    page = extract_listing(trs, "http://x.gov.cn/tzgg/index_2.html")
    assert sorted((r.url.rsplit("/", 1)[1], r.page) for r in page.list_requests) == [("index_1.html", 2)]


def _block(name: str, column: str, n: int, style: str = "news") -> str:
    items = "".join(f'<li><a href="/{column}/202310/t2023100{k}_{k}{n}.html">{name}第{k}条新闻的完整标题</a>'
                    f"<span>10-0{k}</span></li>" for k in range(1, n + 1))
    return f'<div class="box"><h3>{name}</h3><a href="/{column}/">更多</a><ul class="{style}">{items}</ul></div>'


def test_a_home_page_of_short_blocks_of_like_weight_is_not_a_list() -> None:
    # 中国宜春: 政务要闻, 通知公告 and 政策解读 side by side, each with its 更多 link
    nav = '<div class="nav"><a href="/zwgk/">政务公开</a><a href="/zmhd/">政民互动</a></div>'
    blocks = _block("政务要闻", "zwyw", 8) + _block("通知公告", "tzgg", 7) + _block("政策解读", "zcjd", 7)
    page = extract_listing(f"<body>{nav}<div class='main'>{blocks}</div></body>", "http://x.gov.cn/")
    assert (page.kind, page.article_urls) == ("other", [])


def test_a_short_column_list_beside_one_more_block_is_still_a_list() -> None:
    # a column's last page: one short list, and a 热点 block with its 更多 link
    page = extract_listing(f"<body><div class='main'>{_block('通知公告', 'tzgg', 5)}"
                           f"{_block('热点新闻', 'rdxw', 4, 'hot-news')}</div></body>", "http://x.gov.cn/tzgg/index_3.html")
    assert page.kind == "list" and len(page.article_urls) == 5


def test_an_article_body_in_a_cms_tag_of_its_own_outweighs_prev_next_links() -> None:
    # 开普云/UCAP wraps the body in <ucapcontent>; 上一篇/下一篇 links are no list
    body = "".join(f"<p>{'全县地区生产总值比上年增长百分之五，规模以上工业增加值稳步增长。' * 2}</p>" for _ in range(5))
    nav = ('<div class="article-nav"><p>上一篇：<a href="/tjgb/201705/a1.shtml">万载县2016年国民经济统计公报</a></p>'
           '<p>下一篇：<a href="/tjgb/201412/b2.shtml">万载县2014年国民经济统计公报</a></p></div>')
    page = extract_listing(f"<body><div id='zoomcon'><ucapcontent>{body}</ucapcontent></div>{nav}</body>",
                           "http://www.wanzai.gov.cn/tjgb/201705/c3.shtml")
    assert (page.kind, page.article_urls) == ("article", [])


def test_a_later_page_keeps_its_short_headlines_where_the_first_page_had_its_list() -> None:
    def page(items: list[tuple[int, str]]) -> str:
        lis = "".join(f'<li><a href="/xw/202611/t2026110{n}_{n}.html">{t}</a><span>2026-11-0{n}</span></li>' for n, t in items)
        return f'<body>{MENU}<div class="main"><ul class="list-ul">{lis}</ul></div>{HOT}</body>'
    first = extract_listing(page([(1, "关于第一号事项的通知"), (2, "关于第二号事项的通知"), (3, "关于第三号事项的通知")]),
                            "http://x.gov.cn/xw/")
    later = extract_listing(page([(4, "停水通知"), (5, "关于第五号事项的通知")]), "http://x.gov.cn/xw/index_1.html",
                            shape=first.shape)
    assert _names(later.article_urls) == ["xw/202611/t20261104_4.html", "xw/202611/t20261105_5.html"]


def test_items_that_are_each_a_table_of_their_own_make_one_list() -> None:
    # 中国人民银行: one <table> per item, a timestamp-id folder per article; the left menu's
    # column folders (113469/index.html) are no list
    items = "".join(f'<table><tr><td width="15"></td><td height="22"><font class="newslist_style">'
                    f'<a href="/goutongjiaoliu/113456/113469/20260810181323291{n:02d}/index.html" istitle="true">'
                    f'中国人民银行第{n}条新闻发布的标题</a></font><span class="hui12">2026-08-{n:02d}</span></td></tr></table>'
                    for n in range(1, 16))
    menu = "".join(f'<tr><td><a href="/goutongjiaoliu/113456/11346{n}/index.html">栏目名称{n}</a></td></tr>'
                   for n in range(6))
    page = extract_listing(f'<body><table class="lm">{menu}</table><div><td>{items}</td></div></body>',
                           "https://www.pbc.gov.cn/goutongjiaoliu/113456/113469/index.html")
    assert page.kind == "list" and len(page.article_urls) == 15
    assert all(u.endswith("/index.html") and "11346" not in u.rsplit("/", 2)[1] for u in page.article_urls)


def test_a_byline_outside_the_related_list_makes_a_short_article() -> None:
    # 证券时报: one short block of text, 来源/作者 under the headline, 10 related headlines below
    related = "".join(f'<li><a href="http://kuaixun.stcn.com/2019/0930/1541{n:04d}.shtml">相关快讯第{n}条的完整标题</a></li>'
                      for n in range(10))
    html = (f'<body><h2>午间公告：某公司中标项目</h2><div class="info">2019-09-26 12:11<span>来源：证券时报网</span>'
            f'<span>作者：李四</span></div><div class="txt_con">证券时报e公司讯，某公司确认中标。<p></p></div>'
            f'<div class="pinglun"><ul class="list">{related}</ul></div></body>')
    page = extract_listing(html, "http://kuaixun.stcn.com/2019/0926/15409036.shtml")
    assert (page.kind, page.article_urls) == ("article", [])


def test_neighbour_labels_make_an_article_of_a_page_of_pictures() -> None:
    # a picture article: no running text, 上一篇/下一篇 links and a dated 相关链接 sidebar of 10
    side = "".join(f'<li><span>2020-09-{n:02d}</span><a href="../../917/2020-09-{n:02d}/content-42{n:02d}.html">'
                   f'学院第{n}条新闻的完整标题</a></li>' for n in range(1, 11))
    html = (f'<body><div class="actitle">学生宿舍</div><div class="acontent"><p><img src="a.jpg"></p></div>'
            f'<div class="change"><ul><li><font>上一篇：</font><a href="../2019-10-31/content-3638.html">图书馆</a></li>'
            f'<li><font>下一篇：</font>没有了</li></ul></div><div class="relink"><ul class="sidelist">{side}</ul></div></body>')
    page = extract_listing(html, "http://www.wgxy.org.cn/html/909/2019-03-01/content-3636.html")
    assert (page.kind, page.article_urls) == ("article", [])


def test_a_lone_block_under_a_more_link_to_another_column_is_a_home_page_block() -> None:
    # a school's home page: 通知公告 (5) and 校园动态 (3) in blocks of different shapes, each under its 更多
    page = extract_listing(f"<body><div class='main'>{_block('通知公告', 'tzgg', 5)}"
                           f"{_block('校园动态', 'xydt', 3, 'pics')}</div></body>", "http://x.edu.cn/index.html")
    assert (page.kind, page.article_urls) == ("other", [])


def test_a_short_last_page_beats_a_longer_sidebar_of_the_sites_latest_headlines() -> None:
    # page 3 of 通知公告: three dated items in the column's folder, beside a 最新发布 block of ten
    # dated headlines from every column of the site
    own = "".join(f'<li><a href="./202305/t2023050{n}_{n}.html">关于第{n}项工作安排的通知公告</a><span>2023-05-0{n}</span></li>'
                  for n in range(1, 4))
    latest = "".join(f'<li><a href="/{col}/202311/t202311{n:02d}_{n}.html">{col}栏目第{n}条最新发布的新闻标题</a>'
                     f"<span>2023-11-{n:02d}</span></li>" for n, col in enumerate(["xwdt", "zwyw", "bmdt"] * 4, 1)
                     if n <= 10)
    html = (f'<body><div class="wrap"><div class="box"><h3>最新发布</h3><ul class="list">{latest}</ul></div>'
            f'<div class="box"><h3>通知公告</h3><ul class="list">{own}</ul>'
            f'<div class="page"><a href="index_1.html">上一页</a></div></div></div></body>')
    page = extract_listing(html, "http://x.gov.cn/tzgg/index_2.html")
    assert _names(page.article_urls) == [f"tzgg/202305/t2023050{n}_{n}.html" for n in range(1, 4)]


def test_a_list_of_cards_each_one_link_around_headline_summary_and_date_is_a_list() -> None:
    """A card list (held-out coverage site sdyp.com.cn): the summary is the article's whole text,
    yet each card is one item, its headline the card's first block."""
    summary = "日前，国新办就“十四五”时期有关情况举行发布会。" * 40
    cards = "".join(
        f'<a href="getPro-report_public_show_{n}ab.html"><div class="artical">'
        f'<div class="artical_tit">第{n}条信用动态的标题文字</div><div class="artical_con">{summary}</div>'
        f'<div class="artical_footer">中信网 | <span class="time">2021-04-0{n}</span></div></div></a>'
        for n in range(1, 6))
    html = f'<html><body><div class="nav"><a href="/">首页</a></div><div class="right_con">{cards}</div></body></html>'
    page = extract_listing(html, "http://www.example.cn/a/propaganda/getPro2-creditDynamic_fe2.html")
    assert page.kind == "list"
    assert page.article_urls == [f"http://www.example.cn/a/propaganda/getPro-report_public_show_{n}ab.html"
                                 for n in range(1, 6)]


def _catalogue(items: str) -> str:
    return f'<html><body><div class="nav"><a href="/">首页</a></div><ul class="list">{items}</ul></body></html>'


PRODUCTS = "".join(f'<li><a href="/cp/detail{n}.html">团体意外伤害保险{n}款产品介绍</a></li>' for n in range(1, 8))
NOTICES = "".join(f'<li><a href="/tzgg/detail{n}.html">关于第{n}号事项的通知公告</a><span>2024-05-0{n}</span></li>'
                  for n in range(1, 8))
CARDS = "".join(f'<div class="card"><img src="/p{n}.png"><a href="/xwzx/202405/t20240501_{n}.html">卡片</a>'
                f'{date}</div>' for n, date in ((1, ""), (2, "<i>2024-05-01</i>")))


@pytest.mark.parametrize(("html", "undated"), [
    (_catalogue(PRODUCTS), True),  # a catalogue of products: no item shows a date
    (_catalogue(NOTICES), False),
    (_catalogue(PRODUCTS.replace("</a></li>", "</a><span>2024-05-01</span></li>", 1)), False),  # one is dated
    (_catalogue(""), False),  # no list at all: nothing is known of its dates
    (f"<html><body>{CARDS}</body></html>", False),  # cards read by their URLs' shape, one dated
    (f"<html><body>{CARDS.replace('<i>2024-05-01</i>', '')}</body></html>", True),
])
def test_a_list_that_dates_none_of_its_items_is_undated(html: str, undated: bool) -> None:
    assert extract_listing(html, "http://x.gov.cn/cp/index.html").undated is undated


def test_the_pages_after_the_next_are_the_numbered_ones_a_pager_shows_never_its_last() -> None:
    """Where a nightly walk goes on when the next page fails: pages 3, 4, 5 of the pager, in
    order; 尾页 (the last page) would pass over every page between, and a sub-column is no page."""
    from govcrawl.extract.listing.pagination import later_pages

    pager = [ListRequest("http://x.gov.cn/l?page=1", rel="back", page=1),
             ListRequest("http://x.gov.cn/l?page=2", rel="next", page=2),
             *(ListRequest(f"http://x.gov.cn/l?page={n}", rel="page", page=n) for n in (6, 4, 3, 5)),
             ListRequest("http://x.gov.cn/l?page=50", rel="last", page=50),
             ListRequest("http://x.gov.cn/sub/", rel="list")]
    assert later_pages(pager, 2) == [[f"http://x.gov.cn/l?page={n}", n] for n in (3, 4, 5)]
    assert later_pages([ListRequest("http://x.gov.cn/l_2.html", rel="next"),
                        ListRequest("http://x.gov.cn/l_9.html", rel="last", page=9)], 2) == []
