"""Lists a page loads but does not link: frames, zTree and JSON menus, ``document.write`` menu
items, and a Hanweb column's first data-proxy request."""

from __future__ import annotations

import pytest

from govcrawl.extract.listing.embedded import embedded_lists
from govcrawl.extract.listing.pagination import ListRequest, hanweb_first_request, hanweb_proxy_requests

PAGE = "http://www.qh.gov.cn/zwgk/xxgk/index.html"
ZTREE = """<script>var zNodes = [
  {id:1, pId:0, name:"政府信息公开指南", url:"/zwgk/xxgkzn/index.html", target:"_blank"},
  {id:2, pId:0, name:"法定主动公开内容", open:true},
  {id:21, pId:2, name:"规划计划", url:"list.jsp?cat=1&page=1", target:"listFrame"},
  {id:22, pId:2, name:"政策文件", url:"list.jsp?cat=2&page=1", target:"listFrame"}];</script>"""
JPAGE = """<div id="8822"></div><script>$('#8822').jpage({dataStore: null, perPage: 15, groupSize: 3,
  proxyUrl: '/module/web/jpage/dataproxy.jsp', ajaxParam: {col: 1, appid: 1, webid: 3, path: '/',
  columnid: 1235, sourceContentType: 1, unitid: 8822, webname: '清河县人民政府', permissiontype: 0}});</script>"""
PROXY = "http://www.qh.gov.cn/module/web/jpage/dataproxy.jsp"


@pytest.mark.parametrize(("html", "expected"), [
    # the catalogue's iframe and the zTree nodes it loads (and the guide: the list reader says no)
    ('<iframe name="listFrame" src="list.jsp?cat=1&page=1"></iframe>' + ZTREE,
     [("/zwgk/xxgk/list.jsp?cat=1&page=1", "规划计划"), ("/zwgk/xxgkzn/index.html", "政府信息公开指南"),
      ("/zwgk/xxgk/list.jsp?cat=2&page=1", "政策文件")]),
    # a frameset's frames, named by their titles
    ('<frameset cols="200,*"><frame src="menu.html"><frame src="/xxgk/list.do?id=3" title="公开目录"></frameset>',
     [("/zwgk/xxgk/menu.html", ""), ("/xxgk/list.do?id=3", "公开目录")]),
    # JSON menus (quoted keys, escaped slashes), and a catalogue on a sister host
    ('<script>var menu = [{"title": "通知公告", "url": "\\/zwgk\\/tzgg\\/"}, '
     '{"name": "信息公开", "href": "http://xxgk.qh.gov.cn/list?cat=9"}];</script>',
     [("/zwgk/tzgg/", "通知公告"), ("http://xxgk.qh.gov.cn/list?cat=9", "信息公开")]),
    # a menu item and a frame written by script
    ("""<script>document.write('<li><a href="list.jsp?cat=4&page=1" target="listFrame">政府信息公开年报</a></li>');
     document.write("<iframe src=\\"/zwgk/bmxx/list.html\\"></iframe>");</script>""",
     [("/zwgk/bmxx/list.html", ""), ("/zwgk/xxgk/list.jsp?cat=4&page=1", "政府信息公开年报")]),
])
def test_lists_a_page_loads(html: str, expected: list[tuple[str, str]]) -> None:
    found = embedded_lists(html, PAGE)
    assert [(r.url.removeprefix("http://www.qh.gov.cn"), r.name) for r in found] == expected
    assert {r.rel for r in found} == {"list"} and all(r.formdata is None for r in found)


@pytest.mark.parametrize("html", [
    '<a href="list.jsp?cat=1&page=1">规划计划</a>',  # a plain link is the link reader's
    '<iframe src="https://map.baidu.com/?x=1"></iframe><iframe src="//www.gov.cn/list.html"></iframe>',  # off-site
    '<iframe src="about:blank"></iframe><iframe src="javascript:false"></iframe><iframe src=""></iframe>',
    '<iframe src="/count.jsp" width="0" height="0"></iframe><iframe src="/c.jsp" style="display: none"></iframe>',
    '<iframe src="/player/video.mp4"></iframe><iframe src="/files/2024yusuan.pdf"></iframe>',  # files
    '<iframe src="index.html#top"></iframe>',  # the page itself
    # an inline article list: dated objects, article URLs
    '<script>var listData = {articleList: [{title: "关于做好防汛工作的通知", url: "/zwgk/tzgg/content_88.html", '
    'pubDate: "2024-05-20"}, {title: "x", url: "/a/list.html", time: "2024-05-19"}]};</script>',
    # URLs a script concatenates are no URLs; a node without a name is no menu item
    """<script>var n = [{name: "a", url: 'list.jsp?cat=' + id}]; $.ajax({url: "/api/visit.jsp", type: "post"});
    document.write('<a href="' + base + '/list.html">更多</a>');</script>""",
    # a headline written by script is a list item, not a list
    """<script>document.write('<a href="/zwgk/tzgg/notice88.html">关于做好2024年度安全生产工作的通知</a>');</script>""",
])
def test_not_lists(html: str) -> None:
    assert embedded_lists(html, PAGE) == []


def test_hanweb_column_without_records_asks_the_proxy_for_its_first_group() -> None:
    found = embedded_lists(JPAGE, "http://www.qh.gov.cn/col/col1235/index.html")
    assert found == [ListRequest(f"{PROXY}?startrecord=1&endrecord=45&perpage=15", {
        "col": "1", "appid": "1", "permissiontype": "0", "sourceContentType": "1", "columnid": "1235",
        "unitid": "8822", "webid": "3", "webname": "清河县人民政府", "path": "/"}, rel="page", page=1)]


@pytest.mark.parametrize(("html", "query"), [
    (JPAGE, "startrecord=1&endrecord=45&perpage=15"),
    # no perPage or groupSize: jpage's 15 × 3
    ("<script>var p = {proxyUrl: '/module/web/jpage/dataproxy.jsp', columnid: '77', unitid: '5'};</script>",
     "startrecord=1&endrecord=45&perpage=15"),
    # the script names the range it asks for
    ("<script>$.post('/module/web/jpage/dataproxy.jsp?startrecord=1&endrecord=60&perpage=20', "
     "{col: 1, columnid: 77, unitid: 5});</script>", "startrecord=1&endrecord=60&perpage=20"),
    # records inline (a <nextgroup> naming the column) but no total: the proxy's answer tells it
    ('<script type="text/xml"><datastore><nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1'
     '&webid=3&path=/&columnid=77&unitid=5&webname=%E6%B8%85"></a>]]></nextgroup><recordset><record><![CDATA['
     '<li><a href="/art/2024/5/1/art_77_1.html">x</a></li>]]></record></recordset></datastore></script>'
     "<script>$('#5').jpage({perPage: 10});</script>", "startrecord=1&endrecord=30&perpage=10"),
])
def test_hanweb_first_request(html: str, query: str) -> None:
    request = hanweb_first_request(html, "http://www.qh.gov.cn/col/col77/index.html")
    assert request is not None and request.url == f"{PROXY}?{query}" and request.page == 1


@pytest.mark.parametrize(("html", "url"), [
    # the page tells the total: hanweb_proxy_requests pages it already
    (JPAGE + "<totalrecord>30</totalrecord>", "http://www.qh.gov.cn/col/col1235/index.html"),
    # no column named
    ("<script>var proxyUrl = '/module/web/jpage/dataproxy.jsp';</script>", "http://www.qh.gov.cn/col/col1/index.html"),
    # a proxy answer is never asked again for its own first group
    (JPAGE, f"{PROXY}?startrecord=1&endrecord=45&perpage=15"),
])
def test_no_hanweb_first_request(html: str, url: str) -> None:
    assert hanweb_first_request(html, url) is None


def answer(total: int) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?><datastore><nextgroup><![CDATA[<a href="/module/web/jpage/'
            'dataproxy.jsp?page=1&appid=1&webid=3&path=/&columnid=1235&unitid=8822&webname=%E6%B8%85%E6%B2%B3'
            f'&permissiontype=0"></a>]]></nextgroup><recordset></recordset><totalrecord>{total}</totalrecord>'
            "</datastore>")


@pytest.mark.parametrize(("total", "expected"), [
    (11, [("startrecord=1&endrecord=9&perpage=3", 1), ("startrecord=10&endrecord=18&perpage=3", 4)]),
    (9, [("startrecord=1&endrecord=9&perpage=3", 1)]),
    (19, [("startrecord=1&endrecord=9&perpage=3", 1), ("startrecord=10&endrecord=18&perpage=3", 4),
          ("startrecord=19&endrecord=27&perpage=3", 7)]),
])
def test_a_proxy_answer_pages_in_groups_like_the_one_asked(total: int, expected: list[tuple[str, int]]) -> None:
    requests = hanweb_proxy_requests(answer(total), f"{PROXY}?startrecord=1&endrecord=9&perpage=3")
    assert [(r.url.split("?")[1], r.page) for r in requests] == expected
    assert requests[0].formdata is not None and requests[0].formdata["columnid"] == "1235"
    assert requests[0].formdata["webname"] == "清河"  # the answer's link is URL-encoded; the form is not


def test_a_proxy_answer_without_its_column_pages_nothing() -> None:
    html = "<datastore><recordset></recordset><totalrecord>40</totalrecord></datastore>"
    assert hanweb_proxy_requests(html, f"{PROXY}?startrecord=1&endrecord=15&perpage=15") == []
