"""A county portal crawled from its home page alone (issue #18): its TRS columns, the Hanweb
column whose records only the data proxy serves, and the 政府信息公开 catalogue whose category
lists load into an iframe from a zTree (and one from a ``document.write`` menu item)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from urllib.parse import unquote

from govcrawl.siteserver import serve_site
from tests.conftest import FAST_SETTINGS, crawl_entry, run_cli
from tests.stylesites import PORTAL, build_site, entry_toml


def test_home_only_crawl_of_a_county_portal(tmp_path: Path) -> None:
    site = tmp_path / "site"
    truth = build_site(PORTAL, site)
    seen: list[tuple[str, str]] = []
    with serve_site(site, seen=seen) as base:
        crawl = crawl_entry(tmp_path, entry_toml(truth, base, key="county"))
    requested = [unquote(path) for path, _ in seen]
    assert crawl.proc.returncode == 0, crawl.proc.stderr[-3000:]
    urls = [r["url"].removeprefix(base) for r in crawl.records]
    assert not [url for url, n in Counter(urls).items() if n > 1]  # each page exported once
    # every news article with its title and column
    news = sorted((r["url"].removeprefix(base), r["title"], r["column"]) for r in crawl.records
                  if "/zwgk/xxgk/" not in r["url"])
    assert news == sorted((a.path, a.title, a.column) for a in truth.articles)
    # every catalogue document, under the category its zTree node (or menu item) names
    documents = sorted((r["url"].removeprefix(base), r["title"], r["column"]) for r in crawl.records
                       if "/zwgk/xxgk/" in r["url"])
    assert documents == sorted((d.path, d.title, d.column) for d in truth.documents)
    # the run report names every column and category found, the Hanweb column's page included
    found = {(c["name"], c["url"].removeprefix(base)) for c in crawl.report["columns_discovered"]}
    assert {(c.name, c.path) for c in [*truth.columns, *truth.catalogue]} <= found
    # the 信息公开指南 (a zTree node and a navigation link) is read on the way, never exported
    assert set(truth.nav_pages) & set(requested)
    assert not set(urls) & {*truth.nav_pages, *truth.list_pages, "/zwgk/xxgk/index.html"}
    # every page of every list: TRS pages, both groups of proxy records, every category page
    lists = {*truth.list_pages, *(p for c in truth.catalogue for p in c.pages)}
    assert lists <= set(requested), sorted(lists - set(requested))
    assert not sorted({p for p in requested if not _exists(site, p)})
    assert crawl.report["outcomes"]["unaccounted"] == 0


def test_county_portal_is_sized_as_meant_and_deterministic(tmp_path: Path) -> None:
    truth = build_site(PORTAL, tmp_path / "a")
    build_site(PORTAL, tmp_path / "b")
    # as in the issue: 28 TRS articles, 11 from the data proxy, 20 documents
    assert [len(c.articles) for c in truth.columns] == [10, 9, 9, 11] and len(truth.documents) == 20
    assert len({a.title for a in [*truth.articles, *truth.documents]}) == 59
    hanweb = (tmp_path / "a" / "col" / "col1235" / "index.html").read_text(encoding="utf-8")
    assert "<record>" not in hanweb and "dataproxy.jsp" in hanweb  # the records come from the proxy only
    catalogue = (tmp_path / "a" / "zwgk" / "xxgk" / "index.html").read_text(encoding="utf-8")
    assert "detail.jsp" not in catalogue and "<iframe" in catalogue and "zNodes" in catalogue
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    for file in files:
        assert (tmp_path / "a" / file).read_bytes() == (tmp_path / "b" / file).read_bytes()


def _exists(root: Path, path: str) -> bool:
    name, _, query = path.lstrip("/").partition("?")
    target = root / (f"{name}@{query}" if query else name)
    return target.is_file() or (target / "index.html").is_file() or path == "/robots.txt"


def test_check_shows_the_lists_a_catalogue_page_loads(tmp_path: Path) -> None:
    site = tmp_path / "site"
    truth = build_site(PORTAL, site)
    with serve_site(site) as base:
        entry = tmp_path / "county.toml"
        entry.write_text(entry_toml(truth, base, key="county"), encoding="utf-8")
        proc = run_cli("check", str(entry), "--json", *(a for s in FAST_SETTINGS for a in ("-s", s)), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    [found] = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    columns = {c["url"].removeprefix(base): c for c in found["columns"]}
    catalogue = columns["/zwgk/xxgk/index.html"]
    assert catalogue["kind"] == "other" and any("list.jsp?cat=1" in url for url in catalogue["loads"])
    hanweb = columns["/col/col1235/index.html"]
    assert any("dataproxy.jsp" in url for url in hanweb["loads"])
    # a page that loads its lists is no silent news column
    assert not any("/zwgk/xxgk/" in w["problem"] or "col1235" in w["problem"] for w in found["warnings"])
