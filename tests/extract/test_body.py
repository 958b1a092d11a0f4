"""Body, dates, source, links and the 信息公开 table from small real snippets."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from govcrawl.extract import choose_published, extract_article, parse_credits, repair_text, strip_chrome_lines
from govcrawl.extract.dates import CST

FIXTURES = Path(__file__).parent / "fixtures"
URL = "http://fgw.zj.gov.cn/art/2016/11/22/art_1621004_30332664.html"


def test_hanweb_page() -> None:
    draft = extract_article((FIXTURES / "hanweb-a002.html").read_bytes(), URL)
    assert draft.title == "1-10月德清县固定资产投资结构趋稳趋优"
    assert draft.source_text == "省发改委"
    assert draft.body_lines[0].startswith("1-10月，全县固定资产投资完成246.79亿元")
    assert draft.body_lines[-1].endswith("（德清县发改局）")
    # the URL repeats the labelled date, so its candidate is folded into the first
    assert [c.origin for c in draft.date_candidates] == ["label", "meta"]
    published = choose_published(draft.date_candidates)
    assert published is not None and published.value.isoformat() == "2016-11-22T00:00:00+08:00"
    assert draft.meta["ContentSource"] == "省发改委"
    assert draft.canonical_url == URL
    assert not any("打印" in line or "关闭" in line for line in draft.body_lines)


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
    draft = extract_article(ARTICLE, "http://news.cjn.cn/sywh/202010/t20201004_3714581.htm")
    body = "\n".join(draft.body_lines)
    assert draft.title == "外媒眼中的武汉长假：蓬勃发展，欢声笑语"
    assert draft.source_text == "长江网"
    assert draft.body_lines[0].startswith("长江网10月4日讯（记者陈智 整合）")
    assert "游客在黄鹤楼景区游览。城市摄影队 周斌 摄" in draft.body_lines
    assert "指标 数值" in draft.body_lines
    for chrome in ("编辑：姚昊", "相关阅读", "分享到", "网站地图", "ICP", "责任编辑"):
        assert chrome not in body
    assert "【编辑：姚昊】" in draft.credit_lines
    published = choose_published(draft.date_candidates)
    assert published is not None and published.value.isoformat() == "2020-10-04T20:30:00+08:00"
    assert [i.url for i in draft.images] == ["http://news.cjn.cn/sywh/202010/W020201004.jpg"]
    assert draft.attachments[0].url.endswith("/202010/P020240627596367566427.xlsx")
    assert draft.attachments[0].text == "附件1：岗位及要求一览表.xlsx"
    credits = parse_credits(draft.source_text, draft.credit_lines)
    assert credits.editors == ["姚昊", "周雁"]  # the body's 【编辑】 and the 责任编辑 below it


GOV_INFO = """<html><head><title>宜春市2022年国民经济和社会发展统计公报_宜春市人民政府</title></head><body>
<table class="xxgk"><tr><td>索 引 号：</td><td>014717475N/2023-0040295</td><td>发布机构：</td><td>宜春市统计局</td></tr>
<tr><td>发文日期：</td><td>2023-04-18</td><td>公开方式：</td><td>主动公开</td></tr>
<tr><td>发文字号：</td><td>宜统字〔2023〕3号</td><td>有效性：</td><td>有效</td></tr></table>
<h1>宜春市2022年国民经济和社会发展统计公报</h1>
<div class="bt_content"><p>宜春市统计局　国家统计局宜春调查队</p><p>（2023年4月12日）</p>
<p>2022年，在市委、市政府的坚强领导下，全市上下坚持以习近平新时代中国特色社会主义思想为指导，经济运行总体平稳。</p>
<p>全年全市地区生产总值3486.3亿元，比上年增长5.2%。</p></div></body></html>"""


def test_government_information_table() -> None:
    draft = extract_article(GOV_INFO)
    assert draft.document == {
        "index_no": "014717475N/2023-0040295",
        "issuer": "宜春市统计局",
        "written_on": "2023-04-18",
        "doc_no": "宜统字〔2023〕3号",
        "validity": "有效",
    }
    assert draft.body_lines[0].startswith("2022年，在市委、市政府的坚强领导下")
    published = choose_published(draft.date_candidates)
    assert published is not None and published.value.date().isoformat() == "2023-04-18"
    assert draft.source_text is None


def test_density_fallback_without_known_container() -> None:
    paragraphs = "".join(f"<p>第{i}段，这是正文内容，讲述了会议的主要精神和具体部署，要求各单位认真落实。</p>" for i in range(6))
    html = (
        "<html><head><title>某某会议召开</title></head><body><div class='nav'><a href='/'>首页</a><a href='/a'>新闻</a></div>"
        f"<h1>某某会议召开</h1><div class='mainbody'>{paragraphs}</div>"
        "<div class='links'><ul><li><a href='/1'>其他新闻标题一，内容</a></li><li><a href='/2'>其他新闻标题二</a></li></ul></div>"
        "</body></html>"
    )
    draft = extract_article(html)
    assert len(draft.body_lines) == 6 and draft.body_lines[0].startswith("第0段")


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
    assert extract_article(html).body_lines == []


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
    assert strip_chrome_lines(lines) == lines[:6]


def test_url_date_is_not_a_published_candidate() -> None:
    # the page shows no date: the date in the URL must not be taken for one
    html = (
        "<html><head><title>监督检查发现的问题</title></head><body><h1>监督检查发现的问题</h1>"
        "<div class='TRS_Editor'><p>日前，检查组对被监督单位“四风”问题走访调查，发现问题并督促整改。</p></div>"
        "</body></html>"
    )
    draft = extract_article(html, "http://www.example.gov.cn/yw/202207/t20220701_202445.html")
    assert draft.date_candidates == []


def test_source_written_by_inline_script_counts_as_shown() -> None:
    html = (
        "<html><head><title>栏目_某委员会</title><meta name='ArticleTitle' content='文旅之窗成功首秀'></head>"
        "<body><p class='tit'>文旅之窗成功首秀</p><div class='bar'><span>日期：</span><span>2021-07-13</span>"
        """<script>if("国际交流合作处"!=""){document.write('<span class="tit">来源：</span>"""
        """<span class="con">国际交流合作处</span>');}</script></div>"""
        "<div class='TRS_UEDITOR'><p>7月7日下午，文旅之窗在展示交易中心项目场地成功首秀，顺利举办设计日活动。</p></div>"
        "<script>document.write(unescape('%3Cspan id=x%3E'));</script></body></html>"
    )
    draft = extract_article(html)
    assert draft.source_text == "国际交流合作处"
    assert draft.body_lines == ["7月7日下午，文旅之窗在展示交易中心项目场地成功首秀，顺利举办设计日活动。"]


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
    draft = extract_article(_page("2019-12-10 07:57:40 来源：新华网", body))
    assert draft.body_lines[-1].startswith("项目建成后")
    assert parse_credits(None, draft.credit_lines).editors == ["尹世杰"]


def test_credit_that_lost_its_opening_bracket_leaves_the_body() -> None:
    body = PARAGRAPHS + "<p>市直各单位主要负责人参加会议。天门市融媒体中心记者吴述明)</p>"
    draft = extract_article(_page("发布时间：2023年07月24日 来源：天门市融媒体中心", body))
    assert draft.body_lines[-1] == "市直各单位主要负责人参加会议。"
    assert parse_credits(None, draft.credit_lines).authors == ["吴述明"]


def test_credit_line_with_pinyin_residue_is_a_credit() -> None:
    body = PARAGRAPHS + "<p>編(biān)輯(jí)：張敏　審(shěn)核：李強</p>"
    draft = extract_article(_page("2024-06-18 09:15 來源：仙桃市融媒體中心", body))
    assert draft.body_lines[-1].startswith("项目建成后")
    # the pipeline repairs credit lines before parsing them
    credits = parse_credits(None, [repair_text(line) for line in draft.credit_lines])
    assert credits.editors == ["張敏", "李強"]


def test_relative_date_beside_the_headline() -> None:
    draft = extract_article(_page("<span>3小时前</span> <span>来源：潜江市融媒体中心</span>", PARAGRAPHS))
    assert [(c.text, c.origin) for c in draft.date_candidates] == [("3小时前", "near_title")]
    now = datetime(2024, 5, 20, 22, 30, tzinfo=CST)
    published = choose_published(draft.date_candidates, now=now)
    assert published is not None and published.value == datetime(2024, 5, 20, 19, 30, tzinfo=CST)


def test_source_stops_at_the_next_field() -> None:
    info = "发布日期：2011-05-06 &nbsp; 信息来源：温州日报 &nbsp; 浏览次数：<span id='hits'></span>"
    assert extract_article(_page(info, PARAGRAPHS)).source_text == "温州日报"
    info = "2024年03月20日 08:30 来源：天门日报 摄影：王勇"
    assert extract_article(_page(info, PARAGRAPHS)).source_text == "天门日报"


def test_gallery_counters_and_buttons_are_chrome() -> None:
    body = (
        "<div class='slide'><img src='1.jpg'><p>佛子山镇油菜花海吸引众多游客前来观赏。</p><span>1/2</span></div>"
        "<div class='slide'><img src='2.jpg'><p>游客在花海中拍照留念。</p><span>2/2</span></div>"
        "<div class='nav'><a>上一张</a> <a>下一张</a> <a>播放</a></div>" + PARAGRAPHS
    )
    lines = strip_chrome_lines(extract_article(_page("2024-03-20 来源：天门日报", body)).body_lines)
    assert lines[:2] == ["佛子山镇油菜花海吸引众多游客前来观赏。", "游客在花海中拍照留念。"]
    assert not any("/" in line or "上一张" in line for line in lines)
