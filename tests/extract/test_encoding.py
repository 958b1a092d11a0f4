"""decode_html: GB labels as GB18030, lying declarations, BOMs, stray bytes."""

from __future__ import annotations

from pathlib import Path

import pytest

from govcrawl.extract import decode_html
from tests.shared import CORPUS, needs_shared, shared_files

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


# --- a stray byte costs that byte, not the page ------------------------------------------------

UTF8_PAGE = _page("utf-8", "来源：天门市融媒体中心 “稳增长” 穩增長 𠮷")


@pytest.mark.parametrize(("stray", "replaced"), [
    (b"\xff", "来源：天门市融媒体中心 “稳增长” 穩增長 \ufffd𠮷"),  # a byte UTF-8 never uses
    (b"\x93", "来源：天门市融媒体中心 “稳增长” 穩增長 \ufffd𠮷"),  # a cp1252 opening quote
])
def test_utf8_page_with_a_stray_byte(stray: bytes, replaced: str) -> None:
    body = UTF8_PAGE.encode("utf-8").replace(" 𠮷".encode(), b" " + stray + "𠮷".encode())
    assert decode_html(body, http_encoding="utf-8") == _page("utf-8", replaced)


def test_utf8_page_with_cp1252_quotes_around_a_word() -> None:
    body = UTF8_PAGE.encode("utf-8").replace("“稳增长”".encode(), b"\x93" + "稳增长".encode() + b"\x94")
    assert decode_html(body) == _page("utf-8", "来源：天门市融媒体中心 \ufffd稳增长\ufffd 穩增長 𠮷")


def test_utf8_page_cut_inside_its_last_character() -> None:
    text = UTF8_PAGE.removesuffix("</p></body></html>")
    body = text.encode("utf-8") + "中".encode()[:2]
    assert decode_html(body, http_encoding="utf-8") == text + "\ufffd"


@needs_shared(CORPUS / "pages")
@pytest.mark.parametrize("path", shared_files(CORPUS / "pages", "*.html"), ids=lambda p: p.name)
def test_corpus_page_with_a_stray_byte_stays_utf8(path: Path) -> None:
    body = path.read_bytes()
    middle = body.index(b"<", len(body) // 2)  # a tag's start: never inside a character
    broken = body[:middle] + b"\xff" + body[middle:]
    assert decode_html(broken) == body[:middle].decode() + "\ufffd" + body[middle:].decode()


def test_gbk_page_behind_utf8_header_and_meta() -> None:
    text = "全市二季度项目拉练活动暨稳增长工作推进会举行，提振信心，咬定目标，加压奋进。"
    body = _page("utf-8", text).encode("gbk")
    assert decode_html(body, http_encoding="utf-8") == _page("utf-8", text)


def test_gbk_page_with_a_stray_byte() -> None:
    text = "全市二季度项目拉练活动暨稳增长工作推进会举行，提振信心。"
    body = _page("gbk", text).encode("gbk").replace("举行".encode("gbk"), "举".encode("gbk") + b"\xff")
    assert decode_html(body, http_encoding="utf-8") == _page("gbk", text.replace("举行", "举\ufffd"))


@pytest.mark.parametrize(("bom", "codec"), [(b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le")])
def test_bom_beats_header_and_meta(bom: bytes, codec: str) -> None:
    page = _page("gb2312")
    assert decode_html(bom + page.encode(codec), http_encoding="gbk") == page


def test_big5_page_exactly() -> None:
    page = _page("big5", "發布時間：2023年07月24日 穩增長工作推進會 來源：天門市")
    assert decode_html(page.encode("big5"), http_encoding="big5") == page


def test_latin1_header_over_gbk_page_without_meta() -> None:
    # servers send ISO-8859-1 as a default; any bytes decode in it, so it proves nothing
    page = "<html><body><p>全市二季度项目拉练活动暨稳增长工作推进会举行</p></body></html>"
    assert decode_html(page.encode("gbk"), http_encoding="latin-1") == page


def test_latin1_header_over_a_latin1_page() -> None:
    # a page no multi-byte codec reads is believed to be what its header says
    page = "<html><body><p>Très bien, la délégation française a visité Genève à l'été.</p></body></html>"
    assert decode_html(page.encode("latin-1"), http_encoding="iso-8859-1") == page


def test_utf16_label_without_bom_is_not_believed() -> None:
    page = _page("utf-16", "全市二季度项目拉练活动暨稳增长工作推进会举行。")
    assert decode_html(page.encode("gbk"), http_encoding="utf-16") == page
