"""The displayed headline, not <title> with its site suffix."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from govcrawl.extract import ArticleFields, extract_record
from govcrawl.extract.dates import CST

FETCHED_AT = datetime(2026, 11, 26, 10, 0, tzinfo=CST)


def extract(html: str | bytes) -> ArticleFields:
    """The page's record fields, fetched at a fixed time."""
    return extract_record(html, fetched_at=FETCHED_AT)


# Snippets copied from corpus pages (b020 wsjkw.sh.gov.cn, a006 kepu.gov.cn, a012 ccdi.gov.cn, a015, a003).
CASES = [
    (
        "<html><head><title>关于开展2024年“世界家庭医生日”主题宣传活动的通知__上海市卫生健康委员会</title></head><body>"
        '<h2 id="ivs_title" class="Article-title">关于开展2024年“世界家庭医生日”主题宣传活动的通知\n'
        '<small id="ivs_date" class="Article-time">( 2024-05-11)</small></h2></body></html>',
        "关于开展2024年“世界家庭医生日”主题宣传活动的通知",
    ),
    (
        "<html><head><title>习近平主持召开深入推进长三角一体化发展座谈会-中国科普网</title></head><body>"
        '<div class="title title-noline homer-title">中国科普网 &gt; 时政新闻 &gt;</div>'
        '<div class="detil-new-title"><div>习近平主持召开深入推进长三角一体化发展座谈会</div>'
        "<ul><li>来源：新华社</li><li>作者：</li><li>2023-12-01 14:43</li></ul></div></body></html>",
        "习近平主持召开深入推进长三角一体化发展座谈会",
    ),
    (
        "<html><head><title>评论——中央纪委国家监委网站</title></head><body>"
        '<h2 class="tit">广安观潮丨科学精准打好作风建设持久战</h2><h4>微信扫一扫：分享</h4></body></html>',
        "广安观潮丨科学精准打好作风建设持久战",
    ),
    (
        "<html><head><title>在党和国家工作大局中把握职责使命本刊记者杨巨帅--中国纪检监察杂志</title></head><body>"
        '<div class="tit"><p>在党和国家工作大局中把握职责使命&nbsp;</p>'
        '<p><span style="font-size: 16px;">本刊记者&nbsp; 杨巨帅</span></p></div></body></html>',
        "在党和国家工作大局中把握职责使命",
    ),
    (
        "<html><head><title>全国人民代表大会常务委员会关于批准财政部发行特别国债购买外汇及调整2007\u3000年末国债余额限额的决议"
        "__2007年第23号国务院公报_中国政府网</title></head><body><div id='UCAP-CONTENT'>"
        '<p align="center"><font><strong>全国人民代表大会常务委员会<br>\n关于批准财政部发行特别国债购买外汇及<br>\n'
        "调整2007年末国债余额限额的决议</strong></font><br>\n（2007年6月29日第十届全国人民代表大会常务委员会第二十八次会议通过）</p>"
        "<p>第十届全国人民代表大会常务委员会第二十八次会议，听取了财政部部长金人庆代表国务院对议案作的说明，并对议案进行了审议。</p>"
        "</div></body></html>",
        "全国人民代表大会常务委员会关于批准财政部发行特别国债购买外汇及调整2007年末国债余额限额的决议",
    ),
    (
        # a <dl> headline (a news site's template, held-out coverage site 21cn-highway.com) whose
        # only <h2> is the sidebar's WeChat box
        "<html><head><title>三网三圈多枢纽，威海“十四五”期间交通将大变样</title></head><body>"
        '<div class="left"><dl><dt>三网三圈多枢纽，威海“十四五”期间交通将大变样</dt>'
        "<dd><span>来源：威海日报</span><span>时间：2021-01-02</span></dd></dl>"
        "<p>交通是地区发展的“动脉”。“十三五”以来，我市以民生交通项目作为经济社会发展的重要抓手。</p></div>"
        '<div class="right_bo"><h2>关注一下，不做时代的旁观者</h2><p>微信公众号</p></div></body></html>',
        "三网三圈多枢纽，威海“十四五”期间交通将大变样",
    ),
    (
        # the same template, its <dt> worded a little differently from <title>
        "<html><head><title>方案初定！2019年底前取消全省9处高速公路省界收费站</title></head><body>"
        '<div class="left"><dl><dt>方案初定！2019年底前取消四川省9处高速公路省界收费站</dt>'
        "<dd><span>时间：2019-05-20</span></dd></dl><p>记者从四川省交通运输厅获悉，方案已经初步确定。</p></div>"
        '<div class="right_bo"><h2>关注一下，不做时代的旁观者</h2><p>微信公众号</p></div></body></html>',
        "方案初定！2019年底前取消四川省9处高速公路省界收费站",
    ),
    (
        # the logo's heading is the site's name, <title>'s longer segment (held-out sdhjnl.cn)
        "<html><head><title>美国国家男子篮球队_山东黄金金狮俱乐部网</title></head><body>"
        '<h2><a href="../index.html">山东黄金金狮俱乐部网</a></h2><h2>篮球队</h2>'
        '<h1 class="news-title-h1">美国国家男子篮球队</h1><p>时间：2020-12-18 11:52:03</p>'
        "<p>美国国家男子篮球队成立于1936年，由美国篮球协会拥有。</p></body></html>",
        "美国国家男子篮球队",
    ),
]


@pytest.mark.parametrize(("html", "expected"), CASES)
def test_displayed_headline(html: str, expected: str) -> None:
    assert extract(html).title == expected


def test_a_phone_number_in_a_heading_is_no_headline() -> None:
    """A contact box's <h3> with a number is a widget: the photo's own heading is the headline."""
    html = (
        "<html><head><title>福建幼儿师范学校、仙游学校怎么样</title></head><body>"
        "<div class='side'><h3 class='tel'>18382171257</h3><p>周一至周五 8:30-18:30</p></div>"
        "<div class='main'><h3>仙游学校学生宿舍</h3><p><img src='/1.jpg'></p></div></body></html>"
    )
    assert extract(html).title == "仙游学校学生宿舍"


@pytest.mark.parametrize("headline", ["亲情", "张敏子"])
def test_a_headline_too_short_to_compare_is_the_heading_that_leads_title(headline: str) -> None:
    """An art work's or a teacher's page (held-out coverage site sz1cz.gusuedu.cn, and tztvu):
    <title> is the headline, then the site; the heading shows the headline alone."""
    html = (
        f"<html><head><title>{headline}-苏州市第一初级中学</title></head><body>"
        "<div class='nav'><h3>学生作品</h3><a href='/'>首页</a></div>"
        f"<div class='art-title'><h3>{headline}</h3><p><span>发布日期：2023-02-13</span></p></div>"
        "<div class='v_news_content'><p>亲情，是一根无形的线。即使是再锋利的匕首，也切不断那紧紧束缚家人的线。</p></div>"
        "</body></html>"
    )
    record = extract(html)
    assert record.title == headline and record.published_at is not None
    assert record.body.startswith("亲情，是一根无形的线。")


def test_a_short_heading_that_links_elsewhere_is_no_headline() -> None:
    """<title> leads with 通知, as a sidebar's heading over its column does: the page's
    ArticleTitle is the headline, and a short line that begins with it in the text stays text."""
    html = (
        "<html><head><title>通知-示例中学</title>"
        "<meta name='ArticleTitle' content='关于2024年寒假放假安排的通知'></head><body>"
        "<div class='side'><h3><a href='/tz/'>通知</a></h3></div><table><tr><td>发布时间：2024-01-10</td></tr>"
        "<tr><td><font>关于2024年寒假放假安排的通知</font></td></tr>"
        "<tr><td><p>通知如下：</p><p>根据上级安排，我校寒假自1月20日开始，2月18日开学，请各位家长做好安排。</p></td></tr>"
        "</table></body></html>"
    )
    assert extract(html).title == "关于2024年寒假放假安排的通知"


def test_the_site_name_on_the_logo_is_no_headline() -> None:
    """<title> ends with the site's name, which the logo box shows too: that box is never the
    headline, even when nothing else on the page agrees with <title>."""
    html = (
        "<html><head><title>街道风采 - 唐山教育网</title></head><body>"
        "<div id='spb-logo'><a href='/index1.html'>唐山教育网</a></div>"
        "<div class='box'><p>社区/街道名称：友谊里街道</p><p>创建时间：2012-10-20</p>"
        "<p>为弘扬中华民族尊师重教的优良传统，9月10日，唐山市乔屯楼小学举行了教师节系列庆祝活动。</p></div>"
        "</body></html>"
    )
    assert extract(html).title != "唐山教育网"


def test_meta_article_title_helps_pick_heading() -> None:
    html = (
        '<html><head><meta name="ArticleTitle" content="绵阳开展“服务企业活动月”系列活动">'
        "<title>四川省人民政府网站</title></head><body><h1>四川省人民政府</h1>"
        "<h2>绵阳开展“服务企业活动月”系列活动</h2></body></html>"
    )
    assert extract(html).title == "绵阳开展“服务企业活动月”系列活动"


def test_headline_leads_title_with_longer_site_name() -> None:
    # <title>标题_站名</title> where the site name is the longer segment and also sits in the footer
    html = (
        "<html><head><title>从信息社会迈向智能社会_中央网络安全和信息化委员会办公室</title></head><body>"
        '<div class="main-title"><h1 class="title">\n从信息社会迈向智能社会\n</h1>'
        '<div class="info"><span id="pubtime">2020年02月18日 09:15</span><span id="source">来源：人民日报</span></div></div>'
        "<div class='main-content'><p>人工智能是指在机器上实现类似乃至超越人类的感知、认知、行为等智能的系统。</p></div>"
        '<div class="footer"><p class="footer-first">中央网络安全和信息化委员会办公室</p></div></body></html>'
    )
    fields = extract(html)
    assert fields.title == "从信息社会迈向智能社会"
    assert (fields.published_at, fields.published_from) == ("2020-02-18T09:15:00+08:00", "near_title")
    assert fields.source == "人民日报"


def test_date_and_font_widget_inside_heading_stay_out() -> None:
    html = (
        "<html><head><title>第十届出版传媒论坛在沪召开</title></head><body>"
        '<h2 class="Article-title">第十届出版传媒论坛在沪召开\n<small class="Article-time">2023-08-19\n'
        '<span>来源：解放日报</span></small><div class="zihao"><span>字号：</span>'
        '<div class="controls"><a href="#">大</a> <a href="#">中</a> <a href="#">小</a></div></div></h2>'
        "<div><p>以推进出版传媒业高质量发展为主题的论坛近日在沪召开，专家学者发表主旨演讲。</p></div></body></html>"
    )
    fields = extract(html)
    assert fields.title == "第十届出版传媒论坛在沪召开"
    assert fields.source == "解放日报"
    assert fields.published_at == "2023-08-19T00:00:00+08:00"


def test_empty_page() -> None:
    fields = extract(b"")
    assert fields.rejection is not None and fields.rejection.reason == "empty_page"
    assert replace(fields, rejection=None) == ArticleFields()


def test_heading_with_its_date_row_beats_earlier_footer_heading() -> None:
    # <title> names only the column and site; the headline is an <h5> followed by its 发布时间 row
    # (gsc.org.cn style), while a 友情链接 <h3> and a contact-box <h5> carry no such row.
    html = (
        "<html><head><title>新闻动态--中国地理学会官网</title></head><body>"
        '<div class="se_nav"><h3>首页 - 新闻动态</h3></div>'
        '<div class="xq_fonts"><h5>2019年中国人文地理学术年会在重庆成功举行！</h5>'
        '<div class="ly"><b>发布时间：2019-05-18</b> <i>来源：中国地理学会</i></div>'
        "<div><p>5月10-12日，2019年中国人文地理学术年会在重庆举行，600余名专家学者参会。</p></div></div>"
        '<div class="cont"><h4>联系我们</h4><h5>中国地理学会</h5><p>地 址：北京市朝阳区大屯路甲11号</p></div>'
        '<div class="title_l"><h3>友情链接 / <i>Friendship link</i></h3></div></body></html>'
    )
    assert extract(html).title == "2019年中国人文地理学术年会在重庆成功举行！"


def test_a_styled_paragraph_over_its_time_row_is_the_headline_when_the_title_is_the_site() -> None:
    # EmpireCMS templates and table layouts: <title> is the site's name on every page, and the
    # headline a centred <p> with no heading tag, right above its 时间/来源 row.
    html = (
        "<html><head><title>福建信息网-福建民间组织信息网</title></head><body>"
        '<div class="nav"><a href="/">首页</a> <a href="/xwzx/">新闻中心</a></div>'
        '<div class="main"><p align="center" style="font-size:18px">省慈善总会为仙游屏山小学赠送电脑</p>'
        '<p align="center">时间：2017-06-28 11:08:33&nbsp;&nbsp;来源：福建省慈善总会</p>'
        "<p>6月22日上午，省慈善总会一行前往仙游县屏山小学看望师生，并赠送一批教学电脑。</p></div>"
        '<div class="footer"><p>福建民间组织信息网 版权所有</p></div></body></html>'
    )
    found = extract(html)
    assert found.title == "省慈善总会为仙游屏山小学赠送电脑"
    assert found.published_at == "2017-06-28T11:08:33+08:00" and found.source == "福建省慈善总会"
