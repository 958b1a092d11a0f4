#!/usr/bin/env python3
"""Build data/sample-site/ from the labelled corpus in ../shared/corpus.

The sample site is a small municipal site (示例市人民政府) with three columns in the three
pagination styles govcrawl meets on real sites, linking to real article pages copied from the
corpus. It also writes expected.jsonl: what a correct crawl must export for each article.
Run it again after the corpus changes; its output is committed so the demo works offline.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SITE = ROOT / "data" / "sample-site"

# (column path, style, corpus files): TRS createPageHTML, Hanweb <record> CDATA, plain 下一页
COLUMNS = [
    ("xwzx/sxyw", "trs", "示例要闻",
     ["a001", "a004", "a006", "a012", "b008", "b010", "b011", "b018", "b019", "b024"]),
    ("col/col1001", "hanweb", "通知公告", ["a002", "b013", "a011"]),
    ("zwgk/zcjd", "plain", "政策解读", ["b003", "b027", "b026"]),
]
PER_PAGE = 4
#: re-encoded as GB18030 and served so, as many older sites do
GBK_PAGES = {"a001"}


def article_path(column: str, style: str, label: dict, n: int) -> str:
    """A URL path in the CMS family's own shape, carrying the page's shown date."""
    day = (label["published"] or "2020-01-01")[:10].replace("-", "")
    if style == "hanweb":
        y, m, d = day[:4], int(day[4:6]), int(day[6:])
        return f"/art/{y}/{m}/{d}/art_1001_{5000 + n}.html"
    return f"/{column}/{day[:6]}/t{day}_{7000 + n}.html"


def list_page(title: str, items: list[tuple[str, str]], pager: str) -> str:
    lis = "\n".join(f'<li><a href="{href}">{html.escape(t)}</a></li>' for href, t in items)
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title}_示例市人民政府</title></head>
<body><div class="nav"><a href="/index.html">首页</a> <a href="/xwzx/sxyw/">示例要闻</a>
<a href="/col/col1001/index.html">通知公告</a> <a href="/zwgk/zcjd/">政策解读</a></div>
<h2>{title}</h2><ul class="list">
{lis}
</ul>
{pager}
<div class="footer"><a href="http://www.example.org/about.html">网站简介</a>
版权所有：示例市人民政府</div>
</body></html>
"""


def write_trs(column: str, name: str, items: list[tuple[str, str]]) -> None:
    pages = [items[i:i + PER_PAGE] for i in range(0, len(items), PER_PAGE)]
    for n, chunk in enumerate(pages):
        # Real TRS lists also link off-site and into paths robots.txt forbids.
        extra = [("http://www.example.org/xwzx/202301/t20230101_1.html", "外站文章"),
                 ("/private/202301/t20230101_2.html", "内部文章")] if n == 0 else []
        pager = (f'<script>createPageHTML({len(pages)}, {n}, "index", "html");</script>')
        name_n = "index.html" if n == 0 else f"index_{n}.html"
        (SITE / column / name_n).write_text(list_page(name, chunk + extra, pager), "utf-8")


def write_hanweb(column: str, name: str, items: list[tuple[str, str]]) -> None:
    records = "\n".join(
        f'<record><![CDATA[<li><a href="{h}" target="_blank">{html.escape(t)}</a></li>]]></record>'
        for h, t in items)
    store = (f'<script type="text/xml"><datastore><nextgroup><![CDATA[]]></nextgroup>'
             f"<recordset>\n{records}\n</recordset></datastore></script>")
    (SITE / column / "index.html").write_text(list_page(name, [], store), "utf-8")


def write_plain(column: str, name: str, items: list[tuple[str, str]]) -> None:
    first, rest = items[:2], items[2:]
    (SITE / column / "index.html").write_text(
        list_page(name, first, '<div class="page"><a href="list_2.html">下一页</a></div>'), "utf-8")
    (SITE / column / "list_2.html").write_text(
        list_page(name, rest, '<div class="page"><a href="index.html">上一页</a></div>'), "utf-8")


def copy_article(file: str, path: str) -> None:
    target = SITE / path.lstrip("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    raw = (CORPUS / "pages" / f"{file}.html").read_bytes()
    if file in GBK_PAGES:
        text = raw.decode("utf-8")
        text = re.sub(r'charset=["\']?utf-8', "charset=gb2312", text, count=1, flags=re.I)
        raw = text.encode("gb18030")
    target.write_bytes(raw)


def _index(style: str) -> str:
    return "index.html" if style == "hanweb" else ""


def site_entry() -> str:
    """The sample site's entry; {base} is filled in with the loopback server's address."""
    columns = "".join(
        f'\n[[columns]]\nname = "{name}"\nurl = "{{base}}/{path}/{_index(style)}"\n'
        for path, style, name, _ in COLUMNS)
    return ('# The bundled sample site, served on loopback by `govcrawl demo`.\n'
            'key = "sample"\nname = "示例市人民政府"\ndomains = ["127.0.0.1"]\n' + columns)


def main() -> None:
    labels = {json.loads(line)["file"][:-5]: json.loads(line)
              for line in (CORPUS / "labels.jsonl").read_text("utf-8").splitlines() if line}
    if SITE.exists():
        shutil.rmtree(SITE)
    expected = []
    n = 0
    writers = {"trs": write_trs, "hanweb": write_hanweb, "plain": write_plain}
    for column, style, name, files in COLUMNS:
        (SITE / column).mkdir(parents=True, exist_ok=True)
        items = []
        for file in files:
            n += 1
            label = labels[file]
            path = article_path(column, style, label, n)
            copy_article(file, path)
            items.append((path, label["title"]))
            expected.append({"path": path, "column": name, "corpus_file": f"{file}.html",
                             **{k: label[k] for k in ("title", "published", "source",
                                                      "must_exclude")}})
        writers[style](column, name, items)
    (SITE / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n", "utf-8")
    (SITE / "index.html").write_text(list_page("首页", [], ""), "utf-8")
    (SITE / "site.toml").write_text(site_entry(), "utf-8")
    with (SITE / "expected.jsonl").open("w", encoding="utf-8") as out:
        for row in expected:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(expected)} articles to {SITE}")


if __name__ == "__main__":
    main()
