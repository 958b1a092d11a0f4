"""decode_html: GB labels as GB18030, lying declarations, BOMs."""

from __future__ import annotations

from govcrawl.extract import decode_html

TEXT = "发布时间：2023年07月24日 来源：天门市融媒体中心 穩增長 𠮷"


def _page(charset: str, text: str = TEXT) -> str:
    return f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}"></head><body><p>{text}</p></body></html>'


def test_gb2312_label_decodes_as_gb18030() -> None:
    body = _page("gb2312").encode("gb18030")
    assert TEXT in decode_html(body)


def test_http_gbk_label() -> None:
    body = _page("gbk").encode("gb18030")
    assert TEXT in decode_html(body, http_encoding="GBK")


def test_declared_gb2312_but_utf8_bytes() -> None:
    body = _page("gb2312").encode("utf-8")
    assert TEXT in decode_html(body, http_encoding="gb2312")


def test_header_says_utf8_over_gbk_bytes() -> None:
    text = "全市二季度项目拉练活动暨稳增长工作推进会举行，提振信心，咬定目标，加压奋进。" * 5
    body = _page("gbk", text).encode("gbk")
    assert text in decode_html(body, http_encoding="utf-8")


def test_big5_declared() -> None:
    text = "發布時間：2023年07月24日 穩增長工作推進會"
    body = _page("big5", text).encode("big5")
    assert text in decode_html(body)


def test_bom_and_str_passthrough() -> None:
    assert decode_html(b"\xef\xbb\xbf<p>\xe4\xbd\xa0</p>") == "<p>你</p>"
    assert decode_html("<p>已解码</p>") == "<p>已解码</p>"
