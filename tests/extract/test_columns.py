"""Column links of a home page: what a home-only site entry starts from."""

from __future__ import annotations

import pytest

from govcrawl.extract.listing.columns import ColumnLink, block_headlines, column_links, headline_links
from govcrawl.extract.listing.related import related_articles

HOME = """<html><head><meta charset="utf-8"><title>示例市人民政府</title></head><body>
<div class="top"><a href="/">首页</a> <a href="/xwzx/">新闻中心</a> <a href="/tzgg/">通知公告</a>
<a href="/zwgk/">政务公开</a> <a href="/jgsz/">机构设置</a> <a href="/sitemap.html">网站地图</a>
<a href="/login.jsp">登录</a> <a href="http://www.other.gov.cn/xwzx/">外站新闻</a></div>
<div class="block"><div class="hd"><span>部门动态</span><a href="/xwzx/bmdt/" class="more">更多&gt;&gt;</a></div>
<ul><li><a href="/xwzx/bmdt/202611/t20261120_9.html">市水务局召开冬季供水保障工作会议</a></li>
<li><a href="/xwzx/bmdt/202611/t20261119_8.html">市交通局部署冬季道路安全工作</a></li></ul></div>
<div class="footer"><a href="/files/guide.pdf">指南</a> <a href="/lxwm/">联系我们</a></div>
</body></html>"""


def test_every_column_of_the_home_page_news_and_notices_first_in_page_order() -> None:
    found = column_links(HOME, "http://www.example.gov.cn/", ["www.example.gov.cn"])
    assert found == [
        ColumnLink("新闻中心", "http://www.example.gov.cn/xwzx/", True),
        ColumnLink("通知公告", "http://www.example.gov.cn/tzgg/", True),
        ColumnLink("政务公开", "http://www.example.gov.cn/zwgk/", True),
        ColumnLink("部门动态", "http://www.example.gov.cn/xwzx/bmdt/", True, more=True),  # its block's 更多
        # named for neither news nor notices, and a column all the same (its page decides)
        ColumnLink("机构设置", "http://www.example.gov.cn/jgsz/", False),
    ]


def test_furniture_is_known_by_its_url_whatever_it_is_called() -> None:
    html = ('<div class="menu"><a href="/search/index.jsp?keyword=&page=1">站内查询</a><a href="/en/">Eng</a>'
            '<a href="/print.jsp?id=3">打印本页</a><a href="/rili.html?date=2024-05-01">活动日历</a>'
            '<a href="/kysq/">课题研究</a><a href="/xxgk/2017/">2017</a>'
            '<a href="/Search-13020206.html">街道查询</a><a href="/news/print-2024-8.html">打印页面</a></div>')
    found = column_links(html, "http://x.gov.cn/", ["x.gov.cn"])
    assert [link.url for link in found] == ["http://x.gov.cn/kysq/"]


def test_articles_a_home_page_links_from_its_blocks() -> None:
    found = headline_links(HOME, "http://www.example.gov.cn/", ["www.example.gov.cn"])
    assert found == ["http://www.example.gov.cn/xwzx/bmdt/202611/t20261120_9.html",
                     "http://www.example.gov.cn/xwzx/bmdt/202611/t20261119_8.html"]


def test_a_featured_story_is_linked_by_its_detail_link_under_its_heading() -> None:
    """A home page's featured story (held-out coverage site 21cn-highway.com): a heading that is
    no link, a picture, a summary and a [详情] link to an article-shaped URL; a [详情] to a column
    or a page of no article shape is no headline."""
    html = ('<div class="oneD"><h6>产品</h6><h1>中交西筑“服务全球行”巡检活动再次启航</h1><img src="a.jpg">'
            '<p>3月18日，中交西安筑路机械有限公司开启了历时180天的巡检活动。</p>'
            '<a href="article/62782.html">[详情]</a> <a href="zt/index.html">[详情]</a>'
            '<a href="about.html">【查看详细】</a></div>')
    found = headline_links(html, "http://www.example.com/index1.html", ["www.example.com"])
    assert found == ["http://www.example.com/article/62782.html"]


def test_without_news_words_every_column_like_link_is_a_candidate() -> None:
    html = '<div><a href="/a/">专题一</a><a href="/b/">专题二</a><a href="/">首页</a></div>'
    found = column_links(html, "http://x.gov.cn/", ["x.gov.cn"])
    assert [link.url for link in found] == ["http://x.gov.cn/a/", "http://x.gov.cn/b/"]
    assert not any(link.news for link in found)


def test_article_links_files_and_other_sites_are_not_columns() -> None:
    urls = {link.url for link in column_links(HOME, "http://www.example.gov.cn/", ["www.example.gov.cn"])}
    assert not any("t2026" in u or u.endswith(".pdf") or "other.gov.cn" in u for u in urls)


def test_blocks_of_headlines_give_the_articles_that_share_a_url_template_and_no_named_page() -> None:
    rows = "".join(f"<div class='l_list'><a href='/a/getPro2-report_public_show_{n}e6{n}.html'>"
                   f"海淀将推动个人诚信分落地应用第{n}条</a></div>" for n in range(5))
    named = "".join(f"<li><a href='/{name}.html'>中国基督教两会{name}全文内容</a></li>"
                    for name in ("rules", "declare", "tougao", "service"))
    html = f'<html><body><div class="l_item">{rows}</div><div class="about"><ul>{named}</ul></div></body></html>'
    found = block_headlines(html, "http://www.example.cn/index.html", ["www.example.cn"])
    assert found == [f"http://www.example.cn/a/getPro2-report_public_show_{n}e6{n}.html" for n in range(5)]


ARTICLE_WITH_KIN = """<html><head><meta charset="utf-8"><title>英超第32轮前瞻</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/EPL/index.html">英超</a> <a href="/about.html">关于我们</a></div>
<h1>英超第32轮前瞻</h1><div class="content"><p>正文。</p></div>
<div class="change">上一篇：<a href="/EPL/1024.html">英超第31轮：曼城客场取胜</a>
下一篇：<a href="/EPL/1026.html">下一篇</a></div>
<div class="otherlink"><ul><li><a href="/NBA/1603.html">湖人主场击败勇士 詹姆斯砍下三双</a></li>
<li><a href="/NBA/index_2.html">更多篮球新闻与赛事报道</a></li>
<li><a href="/EPL/2020/05/1100.html">英超复赛时间表公布 各队积极备战</a></li>
<li><a href="/EPL/1025.html">英超第32轮前瞻（本页）</a></li>
<li><a href="/print/1025.html">打印本页面内容以便阅读</a></li>
<li><a href="http://other.example.com/EPL/1.html">外站的英超新闻报道标题</a></li></ul></div></body></html>"""


def test_an_articles_kin_are_headlines_over_urls_of_its_own_shape() -> None:
    found = related_articles(ARTICLE_WITH_KIN, "http://www.example.cn/EPL/1025.html", ["www.example.cn"])
    # 上一篇 and another column's article of the same shape; not a bare 下一篇, a column's page,
    # an article of another shape, the page itself, a print view or another site
    assert found == ["http://www.example.cn/EPL/1024.html", "http://www.example.cn/NBA/1603.html"]


def test_a_page_whose_url_holds_no_id_has_no_kin() -> None:
    assert related_articles(ARTICLE_WITH_KIN, "http://www.example.cn/EPL/about.html", ["www.example.cn"]) == []


def _found(body: str) -> list[ColumnLink]:
    html = f'<html><head><meta charset="utf-8"></head><body>{body}</body></html>'
    return column_links(html, "http://www.example.gov.cn/", ["www.example.gov.cn"])


def test_a_picture_that_says_nothing_beside_a_block_heading_is_the_block_s_more_link() -> None:
    # the block's only way to its column: an arrow picture in the heading row, no words, no alt
    found = _found('<table><tr><td><img src="/i/dot.gif"></td><td class="t">通知公告</td>'
                   '<td><a href="/tzgg/index.html"><img src="/i/c05.gif" width="37" height="13"></a></td></tr></table>'
                   '<ul><li><a href="/tzgg/202009/t20200922_1.html">关于公开招聘的公示</a></li></ul>')
    assert found == [ColumnLink("通知公告", "http://www.example.gov.cn/tzgg/index.html", True, more=True)]


def test_a_banner_or_a_picture_far_from_any_heading_is_no_column() -> None:
    far = _found('<div class="main"><p>欢迎</p><div><div><div><div>'
                 '<a href="/zt/2024/"><img src="/i/more.gif"></a></div></div></div></div></div>')
    # a banner under a block of headlines leads to a sub-site or a topic, not to the block's list
    banner = _found('<div class="side"><div class="hd"><h2>新闻快递</h2><a href="/xwkd.html">更多</a></div>'
                    '<ul><li><a href="/3243945.html">唐山市社区教育指导中心关于组织开展实验项目的通知</a></li></ul>'
                    '<p><a href="/index2.html"><img src="/i/rightbanner01.jpg" width="256" height="64"></a></p></div>')
    assert far == [] and [link.url for link in banner] == ["http://www.example.gov.cn/xwkd.html"]


def test_a_picture_link_is_named_by_its_alt_text() -> None:
    found = _found('<div class="nav"><a href="/kpjd/"><img src="/i/kp.png" alt="科普基地"></a></div>')
    assert found == [ColumnLink("科普基地", "http://www.example.gov.cn/kpjd/", False)]


def test_a_long_name_without_a_headline_s_punctuation_in_a_menu_is_a_column() -> None:
    menu = ('<ul class="menu"><li><a href="/wyj/hmb/index.html">13.7米毫米波望远镜</a></li>'
            '<li><a href="/xw/cdcx/index.html">超导成像频谱仪（多波束系统）最新观测结果</a></li>'
            '<li><a href="/xw/xw/index.html">新闻</a></li><li><a href="/xw/tp/index.html">图片新闻</a></li>'
            '<li><a href="/xw/sz/index.html">市长：全力推进项目建设</a></li></ul>')
    # a list of headlines whose URLs say nothing: long names among long names, none a column
    headlines = "".join(f'<li><a href="/vip_doc/1874650{n}.html">第{n}期教师教育能力提升培训班顺利开班</a></li>'
                        for n in range(4))
    found = _found(f'{menu}<ul class="list">{headlines}</ul>')
    assert [link.name for link in found] == ["新闻", "图片新闻", "13.7米毫米波望远镜", "超导成像频谱仪（多波束系统）最新观测结果"]


@pytest.mark.parametrize(("img", "more"), [
    ('<img src="/i/c05.gif" height="13px" alt="查看更多内容">', True),  # an icon whatever its alt says
    ('<img src="/i/icon_more.png">', True),
    ('<img src="/more/banner.jpg" height="auto">', False),
    ('<img src="/i/c05.gif" height="③">', False),
])
def test_an_icon_is_told_by_its_height_or_its_file_name(img: str, more: bool) -> None:
    found = _found(f'<table><tr><td class="t">通知公告</td><td><a href="/tzgg/index.html">{img}</a></td></tr></table>')
    assert [(link.name, link.more) for link in found] == ([("通知公告", True)] if more else [])


def test_a_name_outside_a_menu_or_of_one_character_is_none() -> None:
    nav = "".join(f'<a href="/c{n}/">栏目{n}</a>' for n in range(5))
    found = _found(f'<div class="nav">{nav}</div><div><a href="/hy/x.html">市委常委会召开会议传达学习全会精神</a></div>'
                   '<ul class="menu"><li><a href="/z/">中</a></li><li><a href="/a/">政务公开</a></li>'
                   '<li><a href="/b/">办事服务</a></li></ul>')
    assert "市委常委会召开会议传达学习全会精神" not in [link.name for link in found]
    assert "中" not in [link.name for link in found]
