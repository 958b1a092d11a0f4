"""Body, dates, source, links and the 信息公开 table from small real snippets."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from govcrawl.extract import ArticleFields, as_line, extract_record, strip_chrome_lines
from govcrawl.extract.dates import CST

FIXTURES = Path(__file__).parent / "fixtures"
URL = "http://fgw.zj.gov.cn/art/2016/11/22/art_1621004_30332664.html"
FETCHED_AT = datetime(2026, 11, 26, 10, 0, tzinfo=CST)


def extract(html: str | bytes, url: str | None = None, fetched_at: datetime = FETCHED_AT) -> ArticleFields:
    """The page's record fields, fetched at a fixed time unless told."""
    return extract_record(html, url, fetched_at=fetched_at)


def test_hanweb_page() -> None:
    fields = extract((FIXTURES / "hanweb-a002.html").read_bytes(), URL)
    lines = fields.body.splitlines()
    assert fields.title == "1-10月德清县固定资产投资结构趋稳趋优"
    assert fields.source == "省发改委"
    assert lines[0].startswith("1-10月，全县固定资产投资完成246.79亿元")
    assert lines[-1].endswith("（德清县发改局）")
    # the labelled date wins over the PubDate meta (which has a time the page does not show)
    assert fields.meta["PubDate"] == "2016-11-22 09:53"
    assert fields.published_at == "2016-11-22T00:00:00+08:00"
    assert (fields.published_precision, fields.published_from) == ("day", "label")
    assert fields.meta["ContentSource"] == "省发改委"
    assert fields.canonical_url == URL
    assert not any("打印" in line or "关闭" in line for line in lines)


# Trimmed from corpus b001 (cjn.cn TRS page), b018 (henan.gov.cn) and b005 (kaili.gov.cn).
ARTICLE = """<html><head><meta charset="utf-8"><title>外媒眼中的武汉长假：蓬勃发展，欢声笑语_长江网</title></head><body>
<div class="crumb">您的当前位置：<a href="/">首页</a> &gt; <a href="/news">新闻</a></div>
<div class="art-main"><h1>外媒眼中的武汉长假：蓬勃发展，欢声笑语</h1>
<div class="art-meta">2020-10-04 20:30 <span>来源: 长江网</span></div>
<div class="share">分享到: <a href="#">微信</a> <a href="#">微博</a></div>
<div class="TRS_Editor">
<p>长江网10月4日讯（记者陈智 整合） 国庆中秋长假过半，但外媒关注武汉的热情不减，“中国”“武汉”依然频频出现在各大主流媒体的报道中。</p>
<p style="text-align:center"><img src="W020201004.jpg" alt="游客在黄鹤楼景区游览"></p>
<p style="text-align:center">游客在黄鹤楼景区游览。城市摄影队 周斌 摄</p>
<table><tr><td>指标</td><td>数值</td></tr><tr><td>游客</td><td>100万</td></tr></table>
<p>外媒注意到，武汉的夜经济在长假期间十分火爆，江滩、楚河汉街等地人气旺盛。</p>
<p><a href="./P020240627596367566427.xlsx">附件1：岗位及要求一览表.xlsx</a></p>
<p>【编辑：姚昊】</p>
<div style="display:none">相关阅读：观影、逛展、看演出</div>
</div>
<div class="pageSource">（责任编辑：周雁）</div>
</div>
<div class="footer">网站地图 | 联系我们 长江互动传媒网版权所有 鄂ICP备05019530号</div>
</body></html>"""


def test_trs_article() -> None:
    fields = extract(ARTICLE, "http://news.cjn.cn/sywh/202010/t20201004_3714581.htm")
    lines = fields.body.splitlines()
    assert fields.title == "外媒眼中的武汉长假：蓬勃发展，欢声笑语"
    assert fields.source == "长江网"
    assert lines[0].startswith("长江网10月4日讯（记者陈智 整合）")
    assert "游客在黄鹤楼景区游览。城市摄影队 周斌 摄" in lines
    assert "指标 数值" in lines
    for chrome in ("编辑：姚昊", "相关阅读", "分享到", "网站地图", "ICP", "责任编辑"):
        assert chrome not in fields.body
    assert fields.published_at == "2020-10-04T20:30:00+08:00"
    assert fields.published_precision == "minute"
    # the caption the page shows under the image (its credit too), rather than the shorter alt
    assert fields.images == [{"url": "http://news.cjn.cn/sywh/202010/W020201004.jpg",
                              "caption": "游客在黄鹤楼景区游览。城市摄影队 周斌 摄"}]
    assert fields.attachments[0]["url"].endswith("/202010/P020240627596367566427.xlsx")
    assert fields.attachments[0]["name"] == "附件1：岗位及要求一览表.xlsx"
    assert fields.editors == ["姚昊", "周雁"]  # the body's 【编辑】 and the 责任编辑 below it
    assert fields.authors == ["陈智"]  # the （记者陈智 整合） kept in the first paragraph


GOV_INFO = """<html><head><title>宜春市2022年国民经济和社会发展统计公报_宜春市人民政府</title></head><body>
<table class="xxgk"><tr><td>索 引 号：</td><td>014717475N/2023-0040295</td><td>发布机构：</td><td>宜春市统计局</td></tr>
<tr><td>发文日期：</td><td>2023-04-18</td><td>公开方式：</td><td>主动公开</td></tr>
<tr><td>发文字号：</td><td>宜统字〔2023〕3号</td><td>有效性：</td><td>有效</td></tr></table>
<h1>宜春市2022年国民经济和社会发展统计公报</h1>
<div class="bt_content"><p>宜春市统计局　国家统计局宜春调查队</p><p>（2023年4月12日）</p>
<p>2022年，在市委、市政府的坚强领导下，全市上下坚持以习近平新时代中国特色社会主义思想为指导，经济运行总体平稳。</p>
<p>全年全市地区生产总值3486.3亿元，比上年增长5.2%。</p></div></body></html>"""


def test_government_information_table() -> None:
    fields = extract(GOV_INFO)
    assert fields.document == {
        "index_no": "014717475N/2023-0040295",
        "issuer": "宜春市统计局",
        "written_on": "2023-04-18",
        "written_on_iso": "2023-04-18",
        "doc_no": "宜统字〔2023〕3号",
        "validity": "有效",
    }
    assert fields.body.startswith("2022年，在市委、市政府的坚强领导下")
    # the page shows no 发布时间: the table's 发文日期 is the date
    assert (fields.published_at, fields.published_from) == ("2023-04-18T00:00:00+08:00", "document")
    assert fields.source is None


def test_density_fallback_without_known_container() -> None:
    paragraphs = "".join(f"<p>第{i}段，这是正文内容，讲述了会议的主要精神和具体部署，要求各单位认真落实。</p>" for i in range(6))
    html = (
        "<html><head><title>某某会议召开</title></head><body><div class='nav'><a href='/'>首页</a><a href='/a'>新闻</a></div>"
        f"<h1>某某会议召开</h1><div class='mainbody'>{paragraphs}</div>"
        "<div class='links'><ul><li><a href='/1'>其他新闻标题一，内容</a></li><li><a href='/2'>其他新闻标题二</a></li></ul></div>"
        "</body></html>"
    )
    lines = extract(html).body.splitlines()
    assert len(lines) == 6 and lines[0].startswith("第0段")


def test_image_only_article_does_not_fall_back_to_footer() -> None:
    html = (
        "<html><head><title>某区产业园开园，首批企业签约入驻，打造产城融合新高地</title></head><body>"
        "<div class='xl_con'><div class='xl_tit1'>某区产业园开园，首批企业签约入驻，打造产城融合新高地</div>"
        "<div class='xl_tit2'><span>日期：2023-06-08 17:21</span><span>来源：区融媒体中心</span></div>"
        "<div class='view TRS_UEDITOR trs_paper_default'><p><img src='1.png'></p></div>"
        "<div class='xl_tit3'><div id='annex'>附件:</div><ul id='list'></ul></div></div>"
        "<div class='bot'><p>版权所有：某区人民政府 | 鄂ICP备05009168 | 政府网站标识码：4201110038<br>"
        "主办单位：某区政府办公室 | 承办单位：某区大数据中心 | 联系地址：某区某路300号 | 邮编：430070</p></div>"
        "</body></html>"
    )
    fields = extract(html)
    assert fields.body == fields.body_simplified == ""
    # the rest of the record still comes from around the headline
    assert (fields.published_at, fields.source) == ("2023-06-08T17:21:00+08:00", "区融媒体中心")


def _page_without_text(footer: str, title: str = "社会组织评估实务培训") -> str:
    """A dated page whose article has no text (its course video was not saved), then a footer."""
    return (f"<html><head><title>{title}_精选课件</title></head><body>"
            "<div class='nav'><a href='/'>首页</a> 丨 <a href='/a/'>新闻快递</a> 丨 <a href='/b/'>学院简介</a> 丨 "
            "<a href='/c/'>培训项目</a> 丨 <a href='/d/'>社区家园</a> 丨 欢迎登录!</div>"
            f"<div class='main'><h1>{title}</h1><p>发布时间：2016-06-26 21:52:10 来源：本站</p>"
            f"<div class='box'><p>{title}</p></div></div>{footer}</body></html>")


@pytest.mark.parametrize("footer", [
    "<div class='w'><p>主管：唐山市教育局 主办：唐山社区教育学院</p><p>承办：唐山市广播电视大学现代化远程教育中心</p>"
    "<p>地址：唐山市建设北路九十二号 邮编：063000 电话：0315-2059277</p></div>",
    "<div class='w main-body'><div class='footer-nav'><a href='/about/'>关于本站</a>|\n\t\t<a href='/yjfk'>意见反馈</a>"
    "|\n\t\t<a href='/mzsm/'>免责声明</a>|\n\t\t<a href='/link/'>联系我们</a></div></div>",
    "<div id='copyright'><p>Copyright 2012-2020 <a href='/'>www.example.cn</a></p>"
    "<p><b>专业搜索词：</b><span>仙游学校,仙游学校招生,福建仙游学校,福建幼儿师范学校,福建仙游专科学校学费</span></p></div>",
])
def test_a_page_without_text_does_not_take_its_footer_for_the_body(footer: str) -> None:
    """Contact rows, a link row's separators and a box the page names as its footer never
    vote for the body; nor does the headline repeated alone make one."""
    fields = extract(_page_without_text(footer), "http://www.example.cn/jpkj/2016-06-26/547.html")
    # nothing to export: the schema rejects the record (invalid_body)
    assert (fields.body, fields.images, fields.attachments) == ("", [], [])


def test_a_breadcrumb_ending_in_the_headline_is_not_the_body() -> None:
    title = "推荐课程，材料！希望大家喜欢~~~~！"
    html = (f"<html><head><title>{title} - 唐山教育网</title></head><body>"
            f"<div class='crumb'><a href='/'>总站论坛</a>&gt;<a href='/x'>学习交流</a>&gt;<a href='/y'>课程学习</a>&gt;"
            f"<span>{title}</span></div><h1>{title}</h1>"
            "<table><tr><td class='author'>小桃 注册日期：2012-10-19</td><td><div class='meta'>楼主 发表于：2012-10-20 14:49"
            "</div></td></tr></table>"
            "<div class='text'><p>瑜伽-放松排压，每天下班回家做做全身轻松，真的很好啊~！</p></div></body></html>")
    fields = extract(html, "http://space.example.cn/t-57.html")
    assert fields.body == "瑜伽-放松排压，每天下班回家做做全身轻松，真的很好啊~！"
    # 发表于 is the post's date; the poster's 注册日期 is never the page's
    assert fields.published_at == "2012-10-20T14:49:00+08:00"


def test_organisers_between_paragraphs_stay() -> None:
    lines = [
        "为深入贯彻落实有关精神，决定举办宣传教育活动。现将有关事宜通知如下。",
        "二、组织单位",
        "主办单位：教育部思想政治工作司",
        "承办单位：教育部宣传教育中心",
        "三、活动时间",
        "各地各高校根据通知精神，结合实际制定工作方案，做好动员部署。",
        "主办单位：某市人民政府办公厅",
        "附件：",
    ]
    assert [line.shown for line in strip_chrome_lines([as_line(line) for line in lines])] == lines[:6]


def test_url_date_is_not_a_published_candidate() -> None:
    # the page shows no date: the date in the URL must not be taken for one
    html = (
        "<html><head><title>监督检查发现的问题</title></head><body><h1>监督检查发现的问题</h1>"
        "<div class='TRS_Editor'><p>日前，检查组对被监督单位“四风”问题走访调查，发现问题并督促整改。</p></div>"
        "</body></html>"
    )
    fields = extract(html, "http://www.example.gov.cn/yw/202207/t20220701_202445.html")
    assert (fields.published_at, fields.published_precision, fields.published_from) == (None, None, None)


def test_source_written_by_inline_script_counts_as_shown() -> None:
    html = (
        "<html><head><title>栏目_某委员会</title><meta name='ArticleTitle' content='文旅之窗成功首秀'></head>"
        "<body><p class='tit'>文旅之窗成功首秀</p><div class='bar'><span>日期：</span><span>2021-07-13</span>"
        """<script>if("国际交流合作处"!=""){document.write('<span class="tit">来源：</span>"""
        """<span class="con">国际交流合作处</span>');}</script></div>"""
        "<div class='TRS_UEDITOR'><p>7月7日下午，文旅之窗在展示交易中心项目场地成功首秀，顺利举办设计日活动。</p></div>"
        "<script>document.write(unescape('%3Cspan id=x%3E'));</script></body></html>"
    )
    fields = extract(html)
    assert fields.source == "国际交流合作处"
    assert fields.body == "7月7日下午，文旅之窗在展示交易中心项目场地成功首秀，顺利举办设计日活动。"


def _page(info: str, body: str, title: str = "荆州长江大桥改扩建工程开工") -> str:
    """A small media-site article page around the given info row and body paragraphs."""
    return (
        f"<html><head><meta charset='utf-8'><title>{title}_湖北日报网</title></head><body>"
        f"<div class='nav'><a href='/'>首页</a> <a href='/news/'>新闻</a></div>"
        f"<h1>{title}</h1><div class='info'>{info}</div><div class='article-content'>{body}</div>"
        "<div class='foot'>湖北日报传媒集团 版权所有 鄂ICP备09012345号</div></body></html>"
    )


PARAGRAPHS = (
    "<p>3月19日，荆州长江大桥改扩建工程正式开工，总投资约40亿元，建设工期4年。</p>"
    "<p>项目建成后，将进一步提升长江两岸交通通行能力，助力荆州建设区域中心城市。</p>"
)


def test_credit_row_behind_widget_buttons() -> None:
    # news.cn: 【纠错】 shares the row with 责任编辑; a 点赞 widget shows +1
    body = PARAGRAPHS + (
        "<div class='zan-wap'><a class='zan'></a><div class='zan-i'>+1</div></div>"
        "<div class='p-tags'><a class='advise'>【纠错】</a> 责任编辑： 尹世杰</div>"
    )
    fields = extract(_page("2019-12-10 07:57:40 来源：新华网", body))
    assert fields.body.splitlines()[-1].startswith("项目建成后")
    assert fields.editors == ["尹世杰"]


def test_credit_that_lost_its_opening_bracket_leaves_the_body() -> None:
    body = PARAGRAPHS + "<p>市直各单位主要负责人参加会议。天门市融媒体中心记者吴述明)</p>"
    fields = extract(_page("发布时间：2023年07月24日 来源：天门市融媒体中心", body))
    assert fields.body.splitlines()[-1] == "市直各单位主要负责人参加会议。"
    assert fields.authors == ["吴述明"]
    assert fields.source == "天门市融媒体中心"


def test_credit_line_with_pinyin_residue_is_a_credit() -> None:
    body = PARAGRAPHS + "<p>編(biān)輯(jí)：張敏　審(shěn)核：李強</p>"
    fields = extract(_page("2024-06-18 09:15 來源：仙桃市融媒體中心", body))
    assert fields.body.splitlines()[-1].startswith("项目建成后")
    # credit lines are repaired (pinyin removed) before they are parsed; names stay as shown
    assert fields.editors == ["張敏", "李強"]
    assert fields.source == "仙桃市融媒體中心"


def test_labels_with_pinyin_residue_are_labels() -> None:
    # a 繁體 converter leaves pinyin in the labels too (see the Tianmen example's 發(fā)布時間)
    fields = extract(_page("發(fā)布時間:2023年07月24日 來(lái)源:天門市融媒體中心", PARAGRAPHS))
    assert fields.published_at == "2023-07-24T00:00:00+08:00"
    assert fields.published_from == "label"
    assert fields.source == "天門市融媒體中心"


def test_relative_date_beside_the_headline() -> None:
    page = _page("<span>3小时前</span> <span>来源：潜江市融媒体中心</span>", PARAGRAPHS)
    fields = extract(page, fetched_at=datetime(2024, 5, 20, 22, 30, tzinfo=CST))
    # 3小时前 says which day it was: the day of the fetch, 00:00 China time
    assert fields.published_at == "2024-05-20T00:00:00+08:00"
    assert (fields.published_precision, fields.published_from) == ("day", "near_title")
    # fetched again later that day: the same date; at 01:00 the next day, 3小时前 is still the 20th
    assert extract(page, fetched_at=datetime(2024, 5, 20, 23, 59, tzinfo=CST)).published_at == fields.published_at
    assert extract(page, fetched_at=datetime(2024, 5, 21, 1, 0, tzinfo=CST)).published_at == fields.published_at


def test_relative_date_with_a_time_beside_the_headline() -> None:
    page = _page("<span>昨天 14:20</span> <span>来源：潜江市融媒体中心</span>", PARAGRAPHS)
    fields = extract(page, fetched_at=datetime(2024, 5, 20, 9, 0, tzinfo=CST))
    assert fields.published_at == "2024-05-19T14:20:00+08:00"
    assert (fields.published_precision, fields.published_from) == ("minute", "near_title")


def test_a_date_the_page_shows_does_not_depend_on_the_fetch_time() -> None:
    page = _page("发布时间：2024-03-19 10:30 来源：荆州日报", PARAGRAPHS)
    early, late = (extract(page, fetched_at=datetime(2024, 3, day, tzinfo=CST)) for day in (19, 25))
    assert early == late and early.published_at == "2024-03-19T10:30:00+08:00"
    # fetched the day before it says it was published: too far in the future to be believed
    assert extract(page, fetched_at=datetime(2024, 3, 18, tzinfo=CST)).published_at is None


def test_source_stops_at_the_next_field() -> None:
    info = "发布日期：2011-05-06 &nbsp; 信息来源：温州日报 &nbsp; 浏览次数：<span id='hits'></span>"
    assert extract(_page(info, PARAGRAPHS)).source == "温州日报"
    info = "2024年03月20日 08:30 来源：天门日报 摄影：王勇"
    fields = extract(_page(info, PARAGRAPHS))
    assert fields.source == "天门日报"
    assert fields.authors == []  # a photographer is not an author


def test_gallery_counters_and_buttons_are_chrome() -> None:
    body = (
        "<div class='slide'><img src='1.jpg'><p>佛子山镇油菜花海吸引众多游客前来观赏。</p><span>1/2</span></div>"
        "<div class='slide'><img src='2.jpg'><p>游客在花海中拍照留念。</p><span>2/2</span></div>"
        "<div class='nav'><a>上一张</a> <a>下一张</a> <a>播放</a></div>" + PARAGRAPHS
    )
    lines = extract(_page("2024-03-20 来源：天门日报", body)).body.splitlines()
    assert lines[:2] == ["佛子山镇油菜花海吸引众多游客前来观赏。", "游客在花海中拍照留念。"]
    assert not any("/" in line or "上一张" in line for line in lines)


def test_paragraphs_straight_under_body_are_the_whole_body() -> None:
    """A template without a content box (each <p> a child of <body>, beside the navigation and
    footer) gives every paragraph, not the longest one alone; the 發布時間 row of a 繁體
    converter that leaves pinyin after each character (發(fā)布) is still read as the date row."""
    paragraphs = "".join(f"<p>第{n}段，我县召开会议，研究部署相关工作，要求各单位认真落实，确保按时完成。</p>\n"
                         for n in range(1, 6))
    page = f"""<html><head><meta charset="utf-8"></head><body>
<div><a href="/">首页</a> <a href="/xw/">新闻中心</a> <a href="/gk/">政务公开</a> <a href="/fw/">办事服务</a></div>
<p>某县召开2024年工作会议</p>
<p>發(fā)布時間：2024年03月05日 來源：某县融媒体中心</p>
{paragraphs}<div>版权所有：某县人民政府 备案号：鄂ICP备12345678号</div>
</body></html>"""
    fields = extract(page, "http://www.x.gov.cn/xw/202403/t20240305_1.html")
    assert fields.title == "某县召开2024年工作会议"
    assert (fields.published_at, fields.source) == ("2024-03-05T00:00:00+08:00", "某县融媒体中心")
    assert fields.body.splitlines() == [f"第{n}段，我县召开会议，研究部署相关工作，要求各单位认真落实，确保按时完成。"
                                        for n in range(1, 6)]


def test_text_the_pages_own_style_sheet_hides_is_not_body() -> None:
    """A 原标题 line hidden by a class rule (not inline), an id rule, a tag-qualified class;
    a print-only rule hides nothing on screen."""
    paragraphs = "".join(f"<p>第{n}段，记者从市里获悉，相关工作正在有序推进，群众反映良好，效果明显。</p>" for n in range(1, 4))
    page = f"""<html><head><meta charset="utf-8"><title>某市召开会议_某市新闻网</title>
<style>/* 原标题 */ .ybt, p.tip {{ display : none }} #share{{visibility:hidden}}
@media print {{ .onscreen {{ display:none }} }}</style></head><body>
<h1>某市召开会议</h1><p>2024-03-05 09:00 来源：某市日报</p>
<div class="content"><p class="ybt">原标题：某市召开全市工作会议部署全年任务</p>{paragraphs}
<p class="tip">本文仅供打印</p><div id="share">分享到微信</div><p class="onscreen">本文有删节。</p></div>
</body></html>"""
    fields = extract(page, "http://www.x.com.cn/news/2024-03/05/content_1.html")
    assert "原标题" not in fields.body and "打印" not in fields.body and "分享" not in fields.body
    assert fields.body.splitlines()[-1] == "本文有删节。"


@pytest.mark.parametrize(("markup", "caption"), [
    ('<p style="text-align:center"><img src="/a.jpg"></p><p style="text-align: center;">活动现场</p>', "活动现场"),
    ('<p align="center"><img src="/a.jpg"><br>图为会议现场</p>', "图为会议现场"),
    ("<figure><img src='/a.jpg'><figcaption>会议现场</figcaption></figure>", "会议现场"),
    ('<p>文字段落里的图片<img src="/a.jpg" alt="说明">后面还有文字。</p>', "说明"),  # text around it: the alt
    ('<p><img src="/a.jpg" alt="点击查看大图"></p><p>第九段，记者从市里获悉，工作有序推进。</p>', None),
])
def test_the_caption_shown_under_an_image_is_its_caption(markup: str, caption: str | None) -> None:
    paragraphs = "".join(f"<p>第{n}段，记者从市里获悉，相关工作正在有序推进，群众反映良好，效果明显。</p>" for n in range(1, 4))
    page = (f'<html><head><meta charset="utf-8"><title>某市召开会议</title></head><body><h1>某市召开会议</h1>'
            f'<div>2024-03-05 来源：某市日报</div><div class="content">{paragraphs}{markup}{paragraphs}</div></body></html>')
    fields = extract(page, "http://www.x.com.cn/a.html")
    assert fields.images == [{"url": "http://www.x.com.cn/a.jpg", "caption": caption}]


def test_a_video_pages_description_is_its_body_and_the_player_is_chrome() -> None:
    player = ('<div class="player"><video src="/v.mp4"></video><div>15秒会员跳过广告</div><div>00:00 / 03:25</div>'
              '<div>播放速度</div><div>0.5x</div><div>1.0x</div><div>1.5x</div><div>清晰度 高清 标清</div><div>画中画</div></div>')
    description = "<p>3月5日，某县召开春季农业生产工作会议，部署全年粮食生产和农田水利建设工作，要求各乡镇抓好落实。</p>"
    page = (f'<html><head><meta charset="utf-8"><title>某县召开春耕会议</title></head><body><h1>某县召开春耕会议</h1>'
            f'<div>2024-03-05 10:20 来源：某县融媒体中心</div><div class="content">{player}{description}</div></body></html>')
    fields = extract(page, "http://www.x.com.cn/video/2024-03/05/c_1.html")
    assert fields.body == "3月5日，某县召开春季农业生产工作会议，部署全年粮食生产和农田水利建设工作，要求各乡镇抓好落实。"


def test_a_notice_of_a_new_address_keeps_its_contact_lines() -> None:
    """A footer's contact row (地址：… 邮编：… 电话：… in one row) does not vote for the body; a
    notice whose lines are an address, a phone and a post code, one to a line, is its body."""
    lines = ["地址：某市某区人民路100号，政务服务中心三楼东侧", "电话：0715-12345678，工作日上午九点至下午五点",
             "邮编：437000，邮寄材料请注明办理事项名称"]
    html = ("<html><head><title>办公地址变更公告_某局</title></head><body><h1>办公地址变更公告</h1>"
            "<p class='info'>发布时间：2024-03-01</p><div class='text'>" + "".join(f"<p>{line}</p>" for line in lines)
            + "</div><div class='links'><a href='/a'>市政府</a> <a href='/b'>省政府</a></div>"
            "<div class='bottom'><p>主办：某局 地址：某市人民路1号 邮编：437000 电话：0715-1234567</p></div></body></html>")
    assert extract(html).body.split("\n") == lines


def test_a_theme_class_on_body_naming_a_footer_does_not_hide_the_article() -> None:
    html = ("<html><head><title>某市召开会议</title></head><body class='page-footer-fixed'><h1>某市召开会议</h1>"
            "<div class='text'><p>2024年3月1日，某市召开工作会议，部署下一阶段工作任务和具体要求。</p>"
            "<p>会议要求，各部门要压实责任，确保各项工作落到实处，取得实效。</p></div></body></html>")
    assert extract(html).body.startswith("2024年3月1日")


def test_an_event_time_row_at_the_top_of_a_notice_is_body_not_its_date() -> None:
    """时间：… at the top of a meeting notice is the meeting's; only an info row (a date with
    来源, 点击 …) dates the page."""
    html = ("<html><head><title>关于召开工作会议的通知</title></head><body><h1>关于召开工作会议的通知</h1>"
            f"<div class='nav'>{'<a href=/>首页</a> ' * 30}</div>"
            "<div class='text'><p>时间：2024年9月15日 上午9:00</p><p>地点：市政府三楼会议室</p>"
            "<p>请各单位主要负责同志准时参加会议，不得缺席，因故不能参加的须提前请假。</p></div></body></html>")
    fields = extract(html, "http://www.example.gov.cn/tzgg/1.html")
    assert fields.published_at is None
    assert fields.body.startswith("时间：2024年9月15日 上午9:00")


_MENU = ("<div class='header-list'><a href='/a/'>走进公司</a><a href='/b/'>保险商城</a><a href='/c/'>服务中心</a>"
         "<a href='/d/'>保险业务</a><a href='/e/'>公开信息披露</a></div>"
         "<div class='approach-right'><a href='/f/' class='approach-title'><span>公司简介</span></a>"
         "<a href='/g/' class='approach-title'><span>联系我们</span></a>"
         "<a href='/h/' class='approach-title'><span>集中采购公告</span></a>"
         "<a href='/i/' class='approach-title'><span>社会责任报告</span></a></div>")


def test_a_shell_page_takes_neither_a_menu_item_for_its_headline_nor_menus_or_a_banner_for_its_body() -> None:
    """A product page whose content a script loads: a <title> that is the site's name, menus of
    title-like links, a banner's slogan, an empty content box. No headline, no body: no record."""
    html = ("<html><head><title>某某人寿</title></head><body>" + _MENU +
            "<div class='bx_banner'><div class='bx_banner_word'><p class='bx_banner_title'>保险业务</p>"
            "<p class='bx_banner_desc'>以全方位寿险为核心，涵盖养老规划、少儿教育、财富管理、旅行平安等</p></div></div>"
            "<div class='bx_content bx_detail_content'><span>首页 &gt; 保险业务 &gt; <font>某某保险产品计划</font></span>"
            "<p>&nbsp;</p><p>&nbsp;</p></div></body></html>")
    fields = extract(html, "http://www.example.cn/html/42/2001/detail1567.html")
    assert fields.title == "某某人寿"  # the <title>, for want of a headline: never 集中采购公告
    # nor a list's headline inside its link (<a><p>headline</p><div>date</div></a>)
    listed = html.replace("<div class='bx_content", "<ul><li><a href='/2034/detail1698.html'><p>关于防范养老领域非法"
                          "集资的风险提示</p><div>2021-03-19</div></a></li></ul><div class='bx_content")
    assert extract(listed).title == "某某人寿"
    assert (fields.body, fields.images) == ("", [])


def test_a_menu_of_links_never_makes_the_body_of_a_page_without_text() -> None:
    html = ("<html><head><title>公司召开年度工作会议_某某人寿</title></head><body><h3>公司召开年度工作会议</h3>"
            "<p class='date'>发布时间：2019-11-08</p><div class='about_new_con'><p>&nbsp;</p></div>" + _MENU +
            "</body></html>")
    assert extract(html).body == ""


def test_a_notice_whose_text_is_a_table_of_short_cells_keeps_every_cell() -> None:
    """No paragraph for the body search and no sentence: the content box after the headline is
    the body, its first cells are no deck, and the share widget under it is chrome; a row of
    links and a view counter under the headline are not part of it."""
    title = "2018年高等教育自学考试专科专业一览表（专科）"
    rows = "".join(f"<tr><td><p>{name}</p></td><td><p>2年</p></td></tr>" for name in ("汉语言文学", "工商企业管理", "会计"))
    html = (f"<html><head><title>{title}</title></head><body><div class='st_div'>"
            f"<div class='div_title'>{title}<div class='box'><div><a href='/'>[某某教育网]</a> "
            "<a href='javascript:void(0);'>[手机版本]</a> <a href='javascript:void(0);'>[扫描分享]</a> "
            "发布时间：2019年3月1日<div class='div_viewcount'>查看:<span>5756</span></div> 来源:</div></div></div>"
            f"<div class='div_content'><div id='id_d0010f79'><table><tr><td><p>层次</p></td><td><p>专业</p></td>"
            f"<td><p>学制</p></td></tr>{rows}</table><p>（微信扫描分享）</p></div></div></div></body></html>")
    fields = extract(html, "http://www.example.cn/p/16/st_app_news_i_x2242.html")
    assert fields.title == title and fields.published_at == "2019-03-01T00:00:00+08:00"
    assert fields.body.splitlines() == ["层次", "专业", "学制", "汉语言文学", "2年", "工商企业管理", "2年", "会计", "2年"]


def test_a_deck_stands_above_prose() -> None:
    """Short lines before the first sentence are a deck (dropped) only where a sentence follows."""
    html = ("<html><head><title>全市召开安全生产会议</title></head><body><h1>全市召开安全生产会议</h1>"
            "<p>发布时间：2023-05-06</p><div class='content'><p>强化责任落实 守牢安全底线</p>"
            "<p>5月6日，全市安全生产工作会议召开，部署下一阶段重点工作。</p></div></body></html>")
    assert extract(html).body == "5月6日，全市安全生产工作会议召开，部署下一阶段重点工作。"


def test_a_share_widget_under_the_last_picture_is_no_caption() -> None:
    html = ("<html><head><title>2020年招生简介</title></head><body><h1>2020年招生简介</h1><p>发布时间：2020-07-15</p>"
            "<div class='content'><p style='text-align:center'><img src='/a1.jpg'></p>"
            "<p style='text-align:center'>2020年招生简介（一）</p><p style='text-align:center'><img src='/a2.jpg'></p>"
            "<p style='text-align:center'>（微信扫描分享）</p></div></body></html>")
    images = extract(html, "http://www.example.cn/p/16/x1.html").images
    assert [(i["url"].rsplit("/", 1)[1], i["caption"]) for i in images] == [("a1.jpg", "2020年招生简介（一）"), ("a2.jpg", None)]


def test_an_undated_card_of_short_lines_is_a_stub_not_an_article() -> None:
    """A product page: its name, a slogan, a button's label. Dated, the same text is a short
    notice; with a picture it is a picture's page; with a sentence it is text."""
    card = ("<html><head><title>某某保险产品计划</title></head><body><h1>某某保险产品计划</h1>"
            "<div class='content'><p>低保费 高保障 全面应对来自疾病与意外导致的风险</p><p>在线咨询</p>{extra}</div>"
            "</body></html>")
    fields = extract(card.format(extra=""), "http://www.example.cn/html/42/2001/detail1584.html")
    assert fields.rejection is not None and fields.rejection.reason == "stub_page"
    assert fields.rejection.detail == "undated, 29 characters of text and no sentence"
    dated = card.replace("</h1>", "</h1><p>发布时间：2021-05-27</p>")
    assert extract(dated.format(extra="")).rejection is None
    assert extract(card.format(extra="<p><img src='/p/1.jpg'></p>")).rejection is None
    assert extract(card.format(extra="<p>本产品由某某公司承保。</p>")).rejection is None


def test_a_layouts_placeholder_picture_is_no_image_and_a_clause_is_no_headline() -> None:
    html = ("<html><head><title>教务处主页</title></head><body><div class='content'>"
            "<p><img src='/images/_system/null.gif'><img src='/images/spacer.gif?v=2'><img src='/u/photo.gif'></p>"
            "<p>2、第一学期8月24日开学（8月22日和23<font class='font5'>日学生报到注册），</font>2021年1月18日放假。</p>"
            "</div></body></html>")
    fields = extract(html, "http://www.example.cn/InfoService/calender.html")
    assert [image["url"] for image in fields.images] == ["http://www.example.cn/u/photo.gif"]
    assert fields.title == "教务处主页"


def test_a_headline_may_start_with_the_date_it_names_and_that_date_dates_the_page() -> None:
    """2017年6月26日起… is a headline, not a date line; the dateline under it shows the same day,
    which the page's old sidebar dates do not make a stray."""
    headline = "2017年6月26日起北京地铁房山线试点刷手机坐地铁"
    sidebar = "".join(f"<li><a href='/beijing/news/{n}.html'>地铁新闻{n}</a> 2014-0{n}-12</li>" for n in range(1, 6))
    html = (f"<html><head><title>{headline}-某某公交北京地铁</title></head><body>"
            "<div class='city'><h1>北京地铁</h1><a href='javascript:void(0);'>[切换城市]</a></div>"
            f"<div class='news'><h1>{headline}</h1><p class='from'>2017-06-26 &nbsp;&nbsp; 某某公交地铁新闻</p>"
            "<div class='content'><p>【导语】：6月26日起，刷手机坐地铁开始在房山线试点。移动支付试水北京地铁。</p></div></div>"
            f"<div class='side'><h2>北京地铁新闻</h2><ul>{sidebar}</ul></div></body></html>")
    fields = extract(html, "http://www.example.cn/beijing/news/142441.html")
    assert (fields.title, fields.published_at) == (headline, "2017-06-26T00:00:00+08:00")


def test_a_photo_storys_slides_in_a_banner_box_are_its_body() -> None:
    """Only a banner's slogan (no sentence) never wins: a photo story's slides may sit in a box
    named banner too."""
    slides = "".join(f"<li><img src='/p/{n}.jpg'><p>{text}</p></li>" for n, text in enumerate(
        ["6月1日，市长在某某镇调研防汛工作，详细了解堤坝加固情况。", "调研组一行察看了某某水库的防汛物资储备情况。",
         "市长强调，要立足防大汛、抗大洪，确保人民群众生命财产安全。"]))
    html = ("<html><head><title>图片新闻：市长调研防汛工作_某某市人民政府</title></head><body>"
            "<h1>图片新闻：市长调研防汛工作</h1><p>发布时间：2024-06-02 来源：市政府办</p>"
            f"<div class='photo-banner'><ul>{slides}</ul></div><div class='footer'>版权所有 某某市人民政府</div>"
            "</body></html>")
    fields = extract(html)
    assert fields.body.splitlines()[0].startswith("6月1日") and len(fields.images) == 3


@pytest.mark.parametrize(("text", "url"), [
    ("经研究决定，任命张三同志为办公室主任", "http://www.example.gov.cn/rsxx/list/123.html"),
    ("端午节放假1天.请各单位做好值班工作.", "http://www.example.gov.cn/tzgg/list/124.html"),
    ("The office is closed on Monday. Call 12345", "http://www.example.gov.cn/en/list/125.html"),
    ("市政府办公室值班安排 值班电话 0000-12345678", "http://www.example.gov.cn/tzgg/202406/t20240601_123.html"),
])
def test_a_short_undated_notice_with_punctuation_or_a_dated_url_is_no_stub(text: str, url: str) -> None:
    html = (f"<html><head><title>关于某事项的通知</title></head><body><h1>关于某事项的通知</h1>"
            f"<div class='content'><p>{text}</p></div></body></html>")
    fields = extract(html, url)
    assert fields.rejection is None and fields.body == text


def test_an_empty_notice_keeps_its_viewer_pdf_over_the_metadata_table_after_its_headline() -> None:
    cells = [("主题分类", "财政"), ("发布机构", "某某市财政局"), ("成文日期", "2024年03月01日"), ("文号", "某财预〔2024〕5号")]
    table = "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in cells)
    html = ("<html><head><title>关于2024年度预算公开的公告</title></head><body><h1>关于2024年度预算公开的公告</h1>"
            f"<p>发布时间：2024-03-01</p><div class='detail-meta'><table>{table}</table></div>"
            "<div class='article-content'><iframe src='/pdfjs/web/viewer.html?file=/u/ys2024.pdf'></iframe></div>"
            "<p>附件：<a href='/u/ys2024.pdf'>2024年度部门预算.pdf</a></p></body></html>")
    fields = extract(html, "http://www.example.gov.cn/art/2024/3/1/art_1_1.html")
    assert (fields.body, [a["name"] for a in fields.attachments]) == ("", ["2024年度部门预算.pdf"])


def test_a_date_in_a_tables_cell_below_the_sixth_line_is_no_info_row_but_a_labelled_one_is() -> None:
    head, rows = ["序号", "姓名", "工作单位", "拟任职务", "开始时间"], [("1", "张三", "某某市财政局", "副局长", "2023年12月1日")]
    cells = "".join("<tr>" + "".join(f"<td><p>{c}</p></td>" for c in row) + "</tr>" for row in [head, *rows])
    html = ("<html><head><title>干部任前公示_某某市委组织部</title></head><body><h1>干部任前公示</h1>"
            f"<div class='content'><table>{cells}</table><p>公示期间，如有意见，请向市委组织部反映。</p></div></body></html>")
    assert extract(html).published_at is None
    fields = "".join(f"<li><span>{k}：</span>{v}</li>" for k, v in [
        ("作品内容", "Life is To Be Whole"), ("参赛选手", "田敏"), ("所在学校", "眉山电大"), ("作品类别", "英语"),
        ("最终得分", ""), ("播放次数", "12 次"), ("发布时间", "2016年09月05日 16:42")])
    work = ("<html><head><title>Life is To Be Whole</title></head><body><div class='videoBox_Info_title'>"
            f"Life is To Be Whole</div><div class='videoBox_art'><ul>{fields}</ul></div></body></html>")
    assert extract(work, "http://www.example.cn/info/1021/1260.html").published_at == "2016-09-05T16:42:00+08:00"


def test_a_headline_that_links_to_its_own_page_is_still_the_headline() -> None:
    body = "<div class='content'><p>5月6日，全市安全生产工作会议召开，部署下一阶段重点工作。</p></div>"
    html = ("<html><head><title>某某市人民政府</title></head><body><h1><a href='./t20240506_1.html'>全市召开安全生产"
            f"工作会议</a></h1><p>发布时间：2024-05-06 来源：市应急局</p>{body}</body></html>")
    assert extract(html, "http://www.example.gov.cn/xw/202405/t20240506_1.html").title == "全市召开安全生产工作会议"


def test_a_table_above_a_note_keeps_its_head_row() -> None:
    """A word or two in a line is a table's cell, never a deck, even above a sentence."""
    head, rows = ["序号", "姓名", "工作单位", "拟任职务"], [("1", "张三", "某某市财政局", "副局长")]
    cells = "".join("<tr>" + "".join(f"<td><p>{c}</p></td>" for c in row) + "</tr>" for row in [head, *rows])
    html = ("<html><head><title>干部任前公示_某某市委组织部</title></head><body><h1>干部任前公示</h1>"
            "<p>发布时间：2024-06-01</p>"
            f"<div class='content'><table>{cells}</table><p>公示期间，如有意见，请向市委组织部反映。</p></div></body></html>")
    assert extract(html).body.splitlines()[:4] == head
