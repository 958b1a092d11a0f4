"""A Hanweb JCMS column: first records inline, the rest served by the dataproxy.jsp endpoint."""

from __future__ import annotations

from pathlib import Path

from govcrawl.siteserver import serve_site
from tests.conftest import FAST_SETTINGS, read_jsonl, run_cli
from tests.sitegen import ARTICLE

TOTAL, PER_PAGE = 7, 3


def article_path(n: int) -> str:
    return f"/art/2024/3/{n}/art_2001_{9000 + n}.html"


def record(n: int) -> str:
    return (f'<record><![CDATA[<li><a href="{article_path(n)}" target="_blank">关于第{n}号事项的通知'
            f"</a><span>2024-03-{n:02d}</span></li>]]></record>")


def build_site(root: Path) -> None:
    """A column page with the first page of records inline, and one proxy answer per page."""
    for n in range(1, TOTAL + 1):
        page = root / article_path(n).lstrip("/")
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(ARTICLE.format(title=f"关于第{n}号事项的通知", day=f"2024-03-{n:02d}",
                                       lead=f"这是第{n}号通知的正文。"), encoding="utf-8")
    inline = "".join(record(n) for n in range(1, PER_PAGE + 1))
    column = root / "col" / "col2001"
    column.mkdir(parents=True)
    (column / "index.html").write_text(
        '<html><head><meta charset="utf-8"><title>通知公告</title></head><body><div id="2001">'
        '<script type="text/xml"><datastore><nextgroup><![CDATA[<a href="/module/web/jpage/'
        'dataproxy.jsp?page=1&appid=1&webid=12&path=/&columnid=2001&unitid=4567&webname=x'
        f'&permissiontype=0"></a>]]></nextgroup><recordset>{inline}</recordset></datastore></script>'
        "<script>var cfg = {columnid:'2001',unitid:'4567',webid:'12',perpage:'3'};"
        f"</script><totalrecord>{TOTAL}</totalrecord></div></body></html>", encoding="utf-8")
    proxy = root / "module" / "web" / "jpage"
    proxy.mkdir(parents=True)
    for start in range(1, TOTAL + 1, PER_PAGE):
        end = start + PER_PAGE - 1
        records = "".join(record(n) for n in range(start, min(end, TOTAL) + 1))
        name = f"dataproxy.jsp@startrecord={start}&endrecord={end}&perpage={PER_PAGE}"
        (proxy / name).write_text(f'<?xml version="1.0" encoding="UTF-8"?><datastore>'
                                  f"<totalrecord>{TOTAL}</totalrecord><recordset>{records}"
                                  "</recordset></datastore>", encoding="utf-8")
    (root / "robots.txt").write_text("User-agent: *\nAllow: /\n", encoding="utf-8")


def test_hanweb_data_proxy_column(tmp_path: Path) -> None:
    site = tmp_path / "site"
    build_site(site)
    seen: list[tuple[str, str]] = []
    with serve_site(site, seen=seen) as base:
        entry = tmp_path / "hw.toml"
        entry.write_text(f'key = "hw"\nname = "汉威测试"\ndomains = ["127.0.0.1"]\n'
                         f'start_urls = ["{base}/col/col2001/index.html"]\n', encoding="utf-8")
        args = ["crawl", str(entry), "-O", str(tmp_path / "out.jsonl")]
        for setting in FAST_SETTINGS:
            args += ["-s", setting]
        proc = run_cli(*args, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    urls = sorted(r["url"] for r in read_jsonl(tmp_path / "out.jsonl"))
    assert urls == sorted(base + article_path(n) for n in range(1, TOTAL + 1))
    proxied = [path for path, _ in seen if "dataproxy.jsp" in path]
    assert len(proxied) == -(-TOTAL // PER_PAGE)  # one POST per page of records
