"""ParsedPage: one parse per page; the list reader's view opens link-holding comments in a copy."""

from __future__ import annotations

from lxml import etree

from govcrawl.extract.document import parse_page, text_content

KEPT = """<html><body><ul class="list">
<li><a href="/a/1.html">第一条新闻标题</a></li>
<!-- <li><a href="/a/2.html">第二条新闻标题</a></li> --> tail
</ul></body></html>"""


def test_link_holding_comments_are_opened_in_a_copy() -> None:
    page = parse_page(KEPT)
    opened = page.opened()
    assert [a.get("href") for a in opened.iter("a")] == ["/a/1.html", "/a/2.html"]
    assert [li.getparent().tag for li in opened.iter("li")] == ["ul", "ul"]  # in place, where the comment was
    assert "第二条新闻标题" in text_content(opened) and " tail" in text_content(opened)
    # the page's own tree, which the record reads, keeps the comment
    assert [a.get("href") for a in page.root.iter("a")] == ["/a/1.html"]
    assert len(list(page.root.iter(etree.Comment))) == 1


def test_a_page_without_such_comments_is_read_as_parsed() -> None:
    page = parse_page("<html><body><!-- 页头 --><a href='/a/1.html'>新闻</a></body></html>")
    assert page.opened() is page.root


def test_a_fragment_is_parsed_once_however_often_asked_for() -> None:
    page = parse_page("<html><body></body></html>")
    assert page.fragment("<div><a href='/x.html'>x</a></div>") is page.fragment("<div><a href='/x.html'>x</a></div>")


def test_an_xml_answer_is_no_html_tree_for_the_list_reader() -> None:
    answer = parse_page('<?xml version="1.0" encoding="UTF-8"?><datastore><nextgroup><![CDATA[<a href="/p?page=1">'
                        "</a>]]></nextgroup></datastore>")
    assert answer.html_root() is None and answer.opened() is None
    xhtml = parse_page('<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
                       "<body><a href='/a/1.html'>新闻</a></body></html>")
    assert xhtml.html_root() is xhtml.root
