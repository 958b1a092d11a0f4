"""A dated page whose only content is a player: the recording it plays is the record's attachment."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from govcrawl.offline import SavedPageSite, extract_saved_page

NOW = datetime(2026, 12, 7, tzinfo=UTC)
PAGE = """<html><head><meta charset="utf-8"><title>示例学院</title></head><body>
<div class="nav"><a href="/">首页</a></div>
<div class="box"><div class="layout_title">主讲教师：信息工程学院 胡老师</div>
<div class="layout_info">{date}</div>
<div class="layout_content">{player}</div></div>
<div class="footer">版权所有 示例学院</div></body></html>"""
FLASH = ('<object width="480" height="400"><param name="movie" value="/player/flvplayer.swf">'
         '<param name="flashvars" value="file=https://media.example.edu.cn/video/hu.flv&autostart=true">'
         '<embed type="application/x-shockwave-flash" src="/player/flvplayer.swf" '
         'flashvars="file=https://media.example.edu.cn/video/hu.flv&autostart=true"></object>')
HTML5 = '<video controls><source src="/upload/2024/lesson.mp4" type="video/mp4"></video>'


@pytest.mark.parametrize(("player", "expected"), [
    (FLASH, "https://media.example.edu.cn/video/hu.flv"),
    (HTML5, "http://www.example.edu.cn/upload/2024/lesson.mp4"),
])
def test_a_dated_video_page_is_a_record_of_its_recording(player: str, expected: str) -> None:
    record = _record(PAGE.format(date="发布时间：2019-04-28 15:50", player=player))
    assert "rejected" not in record, record.get("detail")
    assert record["body"] == "" and [a["url"] for a in record["attachments"]] == [expected]


def test_an_undated_page_with_a_player_is_no_record() -> None:
    record = _record(PAGE.format(date="", player=FLASH))
    assert record["attachments"] == [] and record["rejected"] == "invalid_body"


def _record(html: str) -> dict:
    """What ``govcrawl extract`` (and a crawl without state) makes of the page."""
    return extract_saved_page(html.encode("utf-8"), "http://www.example.edu.cn/2019_04/content-1.html",
                              SavedPageSite(), NOW)


#: a VSB (博达) notice that is only its PDF, from a whole saved site (bench/sites); the copy
#: replaced the download link with javascript:, the live site serves it through download.jsp
VSB_PAGE = Path(__file__).parents[2] / "bench" / "sites" / "hcdd_cq_cn" / "info" / "1055" / "1198.html"
DOWNLOAD = "/system/_content/download.jsp?urltype=news.DownloadAttachUrl&wbfileid=123"


def _vsb_notice(*, dated: bool) -> str:
    html = VSB_PAGE.read_bytes().decode("utf-8")
    html = html.replace('<a href="javascript:;" target="_blank">2019年春季', f'<a href="{DOWNLOAD}" target="_blank">2019年春季')
    return html if dated else html.replace("2019年11月07日 17:21", "")


def test_a_dated_notice_whose_body_is_its_named_attachment_is_a_record() -> None:
    # VSB serves files through download.jsp: the link's text names the file, not its URL
    record = _record(_vsb_notice(dated=True))
    assert "rejected" not in record, record.get("detail")
    assert record["attachments"] == [{"url": f"http://www.example.edu.cn{DOWNLOAD}",
                                      "name": "2019年春季国家开放大学招生公告.pdf"}]


def test_an_undated_page_with_a_named_file_is_no_record() -> None:
    assert _record(_vsb_notice(dated=False))["rejected"] == "invalid_body"


#: a notice in a CMS none of the known containers names (held-out site wgxy.org.cn): headline, a
#: date row, then the body's box, 上一篇/下一篇 and a centred footer holding the 备案 badge
NOTICE = """<html><head><meta charset="utf-8"><title>{title}_财务信息_示例学院</title></head><body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/cwxx/">财务信息</a></div>
<div class="contentbox"><div class="layout_txtcontent_title">{title}</div>
<div class="layout_txtcontent_info">{date} 发布人：xxgk</div>
<div class="layout_txtcontent_content">{body}</div>
<div class="change"><ul><li>上一篇：没有了</li><li>下一篇：<a href="/2020_11/07_09/content-21783.html"
title="3-19-43 收入预算表">3-19-43 收入预算表...</a></li></ul></div></div>
<div class="footer2 text-center"><p>版权所有 © 示例学院 <a href="/beian/"><img src="/images/gabeian.png">
鄂公网安备 42010702000258 号</a></p></div></body></html>"""
PICTURES = "".join(f'<p style="text-align:center"><img src="/Uploadfile/images/2019090410{n}.png"><br></p>'
                   for n in range(3))


def test_a_dated_notice_that_is_only_pictures_in_an_unknown_box_is_a_record_of_them() -> None:
    record = _record(NOTICE.format(title="关于申报大学生创业项目资助的通知", date="日期：2019-09-04 10:18:13",
                                   body=PICTURES))
    assert "rejected" not in record, record.get("detail")
    assert [i["url"].rsplit("/", 1)[-1] for i in record["images"]] == [f"2019090410{n}.png" for n in range(3)]


def test_a_dated_notice_of_one_short_sentence_is_a_record_of_it() -> None:
    record = _record(NOTICE.format(title="2-19-44 支出预算表", date="日期：2020-11-07 09:44:11",
                                   body="<p>我校无财政拨款。<br></p>"))
    assert "rejected" not in record, record.get("detail")
    assert record["body"] == "我校无财政拨款。" and record["images"] == []


def test_an_undated_page_of_one_short_sentence_is_no_record() -> None:
    record = _record(NOTICE.format(title="2-19-44 支出预算表", date="", body="<p>我校无财政拨款。<br></p>"))
    assert record["rejected"] == "invalid_body"


def test_a_picture_notice_whose_headline_cell_holds_the_whole_layout_is_a_record_of_its_picture() -> None:
    """A VSB (博达) notice laid out in tables (held-out coverage site hcdd.cq.cn): the headline's
    cell holds the date row and the body's box too, and the picture carries a class named for
    content (``img_vsb_content``): the box, not the picture, is the body."""
    html = """<html><head><meta charset="utf-8"><title>2020年工作要点-示例电大</title></head><body>
<table><tr><td class="titlestyle">2020年工作要点</td></tr><tr><td>
<table><tr><td>文章来源： 发布时间：2020-03-10 19:55:26 阅读次数：</td></tr></table>
<div class="v_news_content"><p style="text-align:center"><img width="500" class="img_vsb_content"
src="../../__local/5/78/59/1426BB0FC8A7.jpg"></p><p></p></div></td></tr></table>
<table><tr><td>网站声明：转载或引用本文,须注明本文出处</td></tr></table></body></html>"""
    record = _record(html.replace('<td class="titlestyle">2020年工作要点</td></tr><tr><td>',
                                  '<td class="titlestyle">2020年工作要点\n'))
    assert "rejected" not in record, record.get("detail")
    assert [i["url"] for i in record["images"]] == ["http://www.example.edu.cn/__local/5/78/59/1426BB0FC8A7.jpg"]


def test_a_dated_notice_shown_in_a_document_viewer_is_a_record_of_its_document() -> None:
    """VSB (博达) shows an attached document in a FlexPaper Flash viewer (held-out coverage site
    hcdd.cq.cn): the viewer's ``SwfFile`` is the notice's document, not the viewer itself."""
    viewer = ('<embed type="application/x-shockwave-flash" src="/system/resource/swf/FlexPaperViewer.swf" '
              'flashvars="SwfFile=/__local/C/A1/F3/35E4691AD5D0B4278743A640E70_B5DD6464_4030C.swf?e=.swf'
              '&amp;Scale=0.6&amp;InitViewMode=Portrait">')
    record = _record(PAGE.format(date="发布时间：2019-11-26 11:13", player=viewer))
    assert "rejected" not in record, record.get("detail")
    assert [a["url"] for a in record["attachments"]] == [
        "http://www.example.edu.cn/__local/C/A1/F3/35E4691AD5D0B4278743A640E70_B5DD6464_4030C.swf?e=.swf"]


@pytest.mark.parametrize(("viewer", "expected"), [
    # VSB (博达) writes the PDF into a frame by a script call (coverage site hcdd.cq.cn)
    ('<p><script>var vsb_pdf_image_data = ["/__local/1/4A/B6/10703A77CEB8.jpg"];'
     'showVsbpdfIframe("/__local/F/B2/FE/30D0124CC05F.pdf","100%","600","0","border: 1px solid",'
     'vsb_pdf_image_data);</script></p>', "http://www.example.edu.cn/__local/F/B2/FE/30D0124CC05F.pdf"),
    # pdf.js's viewer in a frame
    ('<iframe src="/static/pdfjs/web/viewer.html?file=/upload/2020/notice.pdf" width="100%"></iframe>',
     "http://www.example.edu.cn/upload/2020/notice.pdf"),
])
def test_a_dated_notice_whose_pdf_a_viewer_shows_is_a_record_of_its_pdf(viewer: str, expected: str) -> None:
    """The headline repeated in the page is no body; the document shown under it is the notice."""
    record = _record(PAGE.format(date="发布时间：2020-12-16 16:43:03", player=viewer))
    assert "rejected" not in record, record.get("detail")
    assert record["body"] == "" and [a["url"] for a in record["attachments"]] == [expected]


def test_a_pdf_named_in_a_script_above_the_headline_is_not_the_notices() -> None:
    html = PAGE.format(date="发布时间：2020-12-16 16:43:03", player="").replace(
        '<div class="nav">', '<script>var guide = "/files/guide.pdf";</script><div class="nav">')
    assert _record(html)["rejected"] == "invalid_body"


def test_a_video_page_beside_a_list_of_other_videos_is_a_record_of_its_recording() -> None:
    """The player gives no text, so the densest box is the list of other videos beside it: its
    links are not the page's body, and the page stays the recording's record."""
    others = "".join(f'<li><a href="/{n}.html">唐山市社区教育第{n}期培训班开班典礼暨动员大会</a></li>' for n in range(5))
    html = PAGE.format(date="2019-04-28", player=HTML5).replace(
        '<div class="footer">', f'<div class="related"><ul>{others}</ul></div><div class="footer">')
    record = _record(html)
    assert "rejected" not in record, record.get("detail")
    assert [a["url"] for a in record["attachments"]] == ["http://www.example.edu.cn/upload/2024/lesson.mp4"]


@pytest.mark.parametrize("box", ['<div class="acontent">', '<div class="describe htmledit" id="infoContent">'])
def test_a_dated_picture_notice_in_a_box_with_a_compound_name_is_a_record_of_its_pictures(box: str) -> None:
    """Names such as ``acontent`` and ``infoContent`` (coverage sites wgxy.org.cn, gzfuying.com)
    name the body's box as ``content`` does; the headline's box (``…_title``) is none."""
    html = NOTICE.format(title="产教融合推进动态（一）", date="日期：2019-08-30 15:05:32", body="").replace(
        '<div class="layout_txtcontent_content"></div>', f"{box}{PICTURES}</div>").replace(
        "layout_txtcontent_", "ac")
    record = _record(html)
    assert "rejected" not in record, record.get("detail")
    assert len(record["images"]) == 3 and record["body"] == ""


def test_a_vsb_video_page_is_a_record_of_its_video_and_its_counters_are_chrome() -> None:
    """VSB (博达) plays a video by <script name="_videourl" vurl="…mp4"> (coverage site
    tztvu.com.cn); the rows under it name the work (作品内容：<headline>), its date and a play
    counter: the date is the page's, and none of the rows is body text."""
    player = ('<p><script name="_videourl" vurl="/_mediafile/weike/2015/09/25/2h26iolua5.mp4" vwidth="640">'
              'showVsbVideo("/_mediafile/weike/2015/09/25/2h26iolua5.mp4","height=480");</script></p>')
    rows = ("<ul><li><span>作品内容：</span>主讲教师：信息工程学院 胡老师</li>"
            "<li><span>发布时间：</span>2015年09月25日 10:34</li>"
            "<li><span>播放次数：</span><script>_showDynClicks(1626)</script> 次</li></ul>")
    record = _record(PAGE.format(date="", player=player).replace('<div class="footer">', rows + '<div class="footer">'))
    assert "rejected" not in record, record.get("detail")
    assert record["body"] == "" and record["published_at"] == "2015-09-25T10:34:00+08:00"
    assert [a["url"] for a in record["attachments"]] == [
        "http://www.example.edu.cn/_mediafile/weike/2015/09/25/2h26iolua5.mp4"]


def test_a_sidebar_named_for_content_is_not_a_picture_notices_box() -> None:
    """``rightContent`` or ``relatedArticle`` name a sidebar: its banner is not the notice."""
    sidebar = '<div class="rightContent"><a href="/zt/1.html"><img src="/banner/zt1.jpg"></a></div>'
    html = NOTICE.format(title="产教融合推进动态（一）", date="日期：2019-08-30 15:05:32", body=PICTURES).replace(
        '<div class="layout_txtcontent_content">', sidebar + '<div class="layout_txtcontent_content">')
    record = _record(html)
    assert [i["url"].rsplit("/", 1)[1] for i in record["images"]] == [f"2019090410{n}.png" for n in range(3)]


def test_an_undated_page_of_pictures_alone_is_no_record() -> None:
    """A gallery's photo page (a caption heading, the photo, a contact box's phone numbers) is
    no publication: pictures make a record under a dated headline only, and digits are no text."""
    html = NOTICE.format(title="仙游学校学生宿舍", date="", body=PICTURES).replace(
        '<div class="footer2', '<div class="contact"><p>18382171257</p><p>0594-8888888</p></div><div class="footer2')
    record = _record(html)
    assert record["rejected"] == "invalid_body" and record["images"] == []
    dated = _record(NOTICE.format(title="仙游学校学生宿舍", date="日期：2019-08-30 15:05:32", body=PICTURES))
    assert "rejected" not in dated and len(dated["images"]) == 3


def test_a_poster_notice_whose_box_holds_its_headline_and_date_is_a_record_of_the_poster() -> None:
    """A hospital CMS (held-out coverage site gzfuying.com) puts the headline, the date line and
    the notice's one poster in one ``content_info`` box: the part after the headline is the body.
    A box with a list beside the headline is no notice's body."""
    html = """<html><head><meta charset="utf-8"><title>特需人群接种门诊-示例医院</title></head><body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/zkdt/">专科动态</a></div>
<div class="content_info"><div class="Specialli Specialtitle">宝宝生病了能打疫苗吗？特需人群接种门诊开诊</div>
<div class="Specialli">发布日期：2020-12-25</div><div class="Specialli Specialdian"></div>
<img src="../../cms/20201225/202012250546124480.png" alt=""><div class="clear"></div>{more}</div>
<div class="footer">版权所有 示例医院</div></body></html>"""
    record = _record(html.format(more=""))
    assert "rejected" not in record, record.get("detail")
    assert [i["url"] for i in record["images"]] == ["http://www.example.edu.cn/cms/20201225/202012250546124480.png"]
    listed = _record(html.format(more='<ul><li><a href="/a/1.html">专科动态一</a></li><li><a href="/a/2.html">专科动态二</a>'
                                      "</li></ul>"))
    assert listed["images"] == []


#: a VSB notice's text box, then its files in a list under 附件【…】 outside the box (held-out
#: coverage site yjszs.cqjtu.edu.cn, saved by Teleport Ultra, which turned each file link it did
#: not save into ``javascript:if(confirm('<address>  This file was not retrieved …'))``)
VSB_NOTICE = """<html><head><meta charset="utf-8"><title>{title}-研究生招生信息网</title></head><body>
<div class="nav"><a href="/">首页</a> &gt;&gt; <a href="/zsxx1/bsyjs.htm">博士研究生</a> &gt;&gt; 正文</div>
<form name="_newscontent_fromname"><div><div class="title">{title}</div><div class="time">2020-12-30</div>
<div class="text"><div id="vsb_content"><div class="v_news_content">{text}</div></div>
<ul>{files}</ul></div></div></form>
<div class="footer">版权所有 示例大学 <a href="/xzzx.htm">下载中心：报名表.doc</a></div></body></html>"""
COPIER = ("javascript:if(confirm(%27http://yjszs.example.edu.cn/system/_content/download.jsp?urltype=news.DownloadAttachUrl"
          "&wbfileid={n} \\n\\nThis file was not retrieved by Teleport Ultra. \\n\\nDo you want to open it from the server?%27))"
          "window.location=%27http://yjszs.example.edu.cn/system/_content/download.jsp?wbfileid={n}%27")


def test_a_notice_keeps_the_files_listed_under_its_text_and_the_sentence_that_names_its_headline() -> None:
    files = "".join(f'<li>附件【<a href="{COPIER.format(n=n)}">土木工程专业基础{n}.docx</a>】已下载<span></span>次</li>'
                    for n in (1, 2))
    title = "2021年博士招生专业基础考试大纲"
    record = _record(VSB_NOTICE.format(title=title, text=f"<p>{title}公布见附件，以供参考！</p>", files=files))
    assert "rejected" not in record, record.get("detail")
    assert record["body"] == f"{title}公布见附件，以供参考！"
    # the files under 附件, by the address the copier kept; the footer's download link is no file of it
    assert [(a["url"].rsplit("=", 1)[-1], a["name"]) for a in record["attachments"]] == [
        ("1", "土木工程专业基础1.docx"), ("2", "土木工程专业基础2.docx")]


def test_file_links_that_a_script_opens_are_attachments_by_the_file_they_name() -> None:
    """A script link is read for the file it opens (a copier's confirm(), window.open); one that
    opens none is no attachment, and the record is never rejected for it."""
    links = ('<p class="vsbcontent_start"><a href="javascript:if(confirm(%27http://yjszs.example.edu.cn/upload/2016-09/a.doc'
             '  \\n\\nThis file was not retrieved by Teleport Ultra%27))window.location=%27http://yjszs.example.edu.cn/upload/'
             "2016-09/a.doc%27\"></a></p>"
             '<p><a href="javascript:window.open(\'/upload/2016-09/b.xls\')">2018年招生专业目录</a></p>'
             '<p><a href="javascript:void(0)">参考书目.doc</a></p>')
    record = _record(VSB_NOTICE.format(title="2018年硕士招生专业目录及参考书目", text=links, files=""))
    assert "rejected" not in record, record.get("detail")
    # VSB marks the first paragraph vsbcontent_start: the notice's files are the whole box's
    assert [a["url"] for a in record["attachments"]] == ["http://yjszs.example.edu.cn/upload/2016-09/a.doc",
                                                          "http://www.example.edu.cn/upload/2016-09/b.xls"]


def test_a_line_of_the_headline_and_a_stop_or_a_deck_is_still_no_text() -> None:
    title = "学前教育专业主干课程简介"
    text = f"<p>{title}！</p><p>{title}？本专业开设哪些课程？</p><p>学前心理学：本课程是学前教育专业的一门专业理论课，属于专业基础必修课。</p>"
    record = _record(VSB_NOTICE.format(title=title, text=text, files=""))
    assert record["body"] == "学前心理学：本课程是学前教育专业的一门专业理论课，属于专业基础必修课。"


LABELLED = """<html><head><meta charset="utf-8"><title>关于开展安全检查的通知_示例学校</title></head><body>
<div class="nav"><a href="/">首页</a></div><h1>关于开展安全检查的通知</h1><div class="info">发布时间：2024-05-01</div>
<div class="content"><p>各部门：为做好安全工作，现开展安全检查，请各部门认真组织，按时完成检查并报送结果。</p></div>
{files}<div class="side"><h3>相关附件</h3><ul><li><a href="/xz/1.doc">学生请假条.doc</a></li></ul></div></body></html>"""


@pytest.mark.parametrize(("files", "expected"), [
    ('<p>附件：<a href="/f/a.doc">检查表.doc</a>、<a href="/f/b.xls">汇总表.xls</a></p>', ["a.doc", "b.xls"]),
    ('<p>附件：</p><p>1.<a href="/f/a.doc">检查表.doc</a></p><p>2.<a href="/f/b.xls">汇总表.xls</a></p>',
     ["a.doc", "b.xls"]),
    ('<p>附件一：<a href="/f/a.doc">检查表.doc</a></p>', ["a.doc"]),
    ("<p>附件：<a>检查表.docx</a></p>", []),  # no address: the page itself is no file of it
    ('<p>附件：<a href="#" onclick="dl(1)">检查表.docx</a></p>', []),
    ("", []),  # a sidebar's 相关附件 are other pages' files
])
def test_the_files_listed_under_a_notice_are_its_own_and_a_sidebar_s_are_not(files: str, expected: list[str]) -> None:
    record = _record(LABELLED.format(files=files))
    assert "rejected" not in record, record.get("detail")
    assert [a["url"].rsplit("/", 1)[-1] for a in record["attachments"]] == expected


POSTER = ('<html><head><meta charset="utf-8"><title>招生海报_示例大学</title></head><body><h1>招生海报</h1>'
          '<div class="info">发布时间：2024-05-01</div>{box}<div class="footer">版权所有</div></body></html>')


@pytest.mark.parametrize("box", [
    # a script link that opens no file (查看原图) takes nothing from a poster notice
    '<div class="v_news_content"><p><img src="/upload/poster.jpg"></p>'
    "<p><a href=\"javascript:openImg('/upload/poster_big.jpg')\">查看原图</a></p></div>",
    # VSB's box of media is v_news_content: share icons and a QR code beside it are no pictures of it
    '<div class="main-content"><div class="v_news_content"><p class="vsbcontent_start"><img src="/upload/poster.jpg">'
    '</p></div><div class="share"><a href="http://weibo.com"><img src="/weibo.png"></a></div>'
    '<div class="qrcode"><img src="/qrcode.jpg"></div></div>',
])
def test_a_poster_notice_is_a_record_of_its_poster_alone(box: str) -> None:
    record = _record(POSTER.format(box=box))
    assert "rejected" not in record, record.get("detail")
    assert [i["url"] for i in record["images"]] == ["http://www.example.edu.cn/upload/poster.jpg"]


@pytest.mark.parametrize(("link", "expected"), [
    # the link fetches nothing and shows its file's address: that address is the file
    ('<a href="javascript:;">https://img.example.cn/download/2019082001.docx</a>',
     ["https://img.example.cn/download/2019082001.docx"]),
    # a script that opens nothing, and words that are no file's address: no file
    ('<a href="javascript:;">https://img.example.cn/download/</a>', []),
])
def test_a_file_link_that_fetches_nothing_may_show_its_address(link: str, expected: list[str]) -> None:
    """A hospital's notice (held-out coverage site gzfuying.com): 点击链接下载申请表： and a link
    whose words are the form's address, its href ``javascript:;``."""
    html = NOTICE.format(title="进修申请表（护理专业、管理专业申请表）", date="日期：2020-03-17 10:18:13",
                         body=f"<p>点击链接下载申请表：{link}</p>")
    record = _record(html)
    assert [a["url"] for a in record["attachments"]] == expected
