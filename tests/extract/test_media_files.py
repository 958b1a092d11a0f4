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
