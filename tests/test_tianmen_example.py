"""The record the mission promises for the Tianmen article that a naive scraper mangled.

The page is rebuilt from the naive scrape's own lines (../shared/examples: the HTML itself is
not available) in the layout of the site's article pages, and goes through exactly what
`govcrawl extract` runs. The expected record is ../shared/examples/expected-tianmen.json.
"""

from __future__ import annotations

import html
import json
from datetime import datetime

import pytest

from govcrawl.extract.dates import CST
from govcrawl.offline import SavedPageSite, extract_saved_page
from tests.conftest import ROOT

EXAMPLES = ROOT.parent / "shared" / "examples"
URL = "https://www.tianmen.gov.cn/xwzx/tmxw/202307/t20230724_5000001.shtml"
SITE = SavedPageSite(key="tianmen", name="天门市人民政府")
FETCHED_AT = datetime(2026, 11, 26, 10, 0, tzinfo=CST)

pytestmark = pytest.mark.skipif(not (EXAMPLES / "expected-tianmen.json").exists(),
                                reason="../shared/examples not beside the repository")


def rebuilt_page(naive: str) -> bytes:
    """The naive scrape's lines, back in a TRS-like article layout with its chrome."""
    lines = naive.splitlines()
    title, published, source = lines[0], lines[2], lines[3]
    start = lines.index("字體:") + 1
    end = next(i for i, line in enumerate(lines) if line.startswith("掃描二維碼"))
    paragraphs = "".join(f"<p>{html.escape(p.strip())}</p>\n" for p in lines[start:end] if p.strip())
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>{html.escape(title)}_天門市人民政府</title></head><body>
<div class="crumb">當前位置：首頁 &gt; 新聞中心 &gt; 天門新聞</div>
<div class="article"><h1>{html.escape(title)}</h1>
<div class="info"><span>{published}</span> <span>{source}</span>
<span>打?。?span id="printapp">]</span> <span>字體:<a>大</a> <a>中</a> <a>小</a></span></div>
<div class="TRS_Editor">{paragraphs}</div>
<div class="qr">掃描二維碼<br>在您的設備上瀏覽本頁</div></div>
<div class="footer">網站簡介廣告服務標識說明聯系方式法律聲明建議投訴</div>
</body></html>""".encode()


def test_tianmen_record_is_the_promised_one() -> None:
    naive = (EXAMPLES / "naive-scrape-tianmen.txt").read_text(encoding="utf-8")
    expected = json.loads((EXAMPLES / "expected-tianmen.json").read_text(encoding="utf-8"))
    record = extract_saved_page(rebuilt_page(naive), URL, SITE, FETCHED_AT)
    assert "rejected" not in record, record.get("detail")
    for field in ("title", "published_at", "published_precision", "source", "authors", "editors",
                  "body", "body_simplified", "title_simplified"):
        assert record[field] == expected[field], field
    assert (record["site"], record["site_name"], record["url"]) == ("tianmen", "天门市人民政府", URL)
    assert record["crawled_at"] == record["first_seen"] == "2026-11-26T02:00:00+00:00"
    assert record["revision"] == 1 and len(record["content_hash"]) == 64
