"""canonical_url: session ids and tracking go, whatever selects content stays."""

from __future__ import annotations

import pytest

from govcrawl.extract.urls import canonical_url
from govcrawl.items import article_id

BASE = "http://www.example.gov.cn"


@pytest.mark.parametrize(("url", "expected"), [
    # already canonical: untouched
    (f"{BASE}/xwzx/202307/t20230724_1234567.html", f"{BASE}/xwzx/202307/t20230724_1234567.html"),
    # Java session in the path, any case, before a query or at the end
    (f"{BASE}/art/1.html;jsessionid=ABC123", f"{BASE}/art/1.html"),
    (f"{BASE}/art/1.html;JSESSIONID=abc.node1?id=5", f"{BASE}/art/1.html?id=5"),
    (f"{BASE}/view.jsp?id=5;jsessionid=ABC", f"{BASE}/view.jsp?id=5"),
    # session keys in the query
    (f"{BASE}/view.jsp?id=5&jsessionid=ABC", f"{BASE}/view.jsp?id=5"),
    (f"{BASE}/view.php?PHPSESSID=0123abcd&id=5", f"{BASE}/view.php?id=5"),
    (f"{BASE}/a.asp?ASPSESSIONIDQQSRTBCA=KLMNOP&docid=9", f"{BASE}/a.asp?docid=9"),
    (f"{BASE}/a.cfm?id=3&CFID=1234&CFTOKEN=5678", f"{BASE}/a.cfm?id=3"),
    (f"{BASE}/a.do?sessionid=x1&session_id=x2&id=3", f"{BASE}/a.do?id=3"),
    (f"{BASE}/a.do?id=3&sid=8f3a9c0d2b7e4f61a5c3", f"{BASE}/a.do?id=3"),
    # a short or numeric sid is a site or section id: kept
    (f"{BASE}/a.do?sid=12&id=3", f"{BASE}/a.do?sid=12&id=3"),
    (f"{BASE}/a.do?sid=1234567890123456789", f"{BASE}/a.do?sid=1234567890123456789"),
    # tracking and share marks
    (f"{BASE}/a.html?utm_source=wx&utm_medium=share&id=1", f"{BASE}/a.html?id=1"),
    (f"{BASE}/a.html?spm=a2c4g.11186623&id=1", f"{BASE}/a.html?id=1"),
    (f"{BASE}/a.html?from=singlemessage&isappinstalled=0", f"{BASE}/a.html"),
    (f"{BASE}/a.html?from=timeline", f"{BASE}/a.html"),
    # "from" with any other value may select content (a date, a source)
    (f"{BASE}/list.jsp?from=2024-01-01&page=2", f"{BASE}/list.jsp?from=2024-01-01&page=2"),
    # content keys stay, in their order and encoding; blank values too
    (f"{BASE}/list.jsp?page=2&columnid=7&docid=3&id=", f"{BASE}/list.jsp?page=2&columnid=7&docid=3&id="),
    (f"{BASE}/s.jsp?q=%E9%80%9A%E7%9F%A5&sid=abcdefABCDEF012345", f"{BASE}/s.jsp?q=%E9%80%9A%E7%9F%A5"),
    (f"{BASE}/s.jsp?q=a+b&utm_campaign=x", f"{BASE}/s.jsp?q=a+b"),
    # fragment, scheme and host case, default ports
    (f"{BASE}/a.html#top", f"{BASE}/a.html"),
    ("HTTP://WWW.Example.GOV.CN:80/A.html", f"{BASE}/A.html"),
    ("https://www.example.gov.cn:443/a", "https://www.example.gov.cn/a"),
    ("http://127.0.0.1:8080/a?x=1", "http://127.0.0.1:8080/a?x=1"),
    ("http://[::1]:80/a", "http://[::1]/a"),
    # only noise in the query: no "?" left
    (f"{BASE}/a.html?utm_source=x", f"{BASE}/a.html"),
    # not http(s): as it is
    ("file:///tmp/saved.html#x", "file:///tmp/saved.html#x"),
    ("javascript:void(0)", "javascript:void(0)"),
    ("http://[::1/a", "http://[::1/a"),
])
def test_canonical_url(url: str, expected: str) -> None:
    assert canonical_url(url) == expected
    assert canonical_url(expected) == expected  # idempotent


def test_article_id_ignores_session_and_tracking() -> None:
    plain = article_id(f"{BASE}/view.jsp?id=5&page=1")
    assert article_id(f"{BASE}/view.jsp;jsessionid=X?page=1&sid=8f3a9c0d2b7e4f61a5c3&id=5#c") == plain
    assert article_id(f"{BASE}/view.jsp?id=6&page=1") != plain
