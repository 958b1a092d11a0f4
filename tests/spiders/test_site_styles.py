"""Home-only crawls of generated sites in the list and URL styles of Chinese government sites:
every article exported once, no navigation or list page exported, every list page followed."""

from __future__ import annotations

from pathlib import Path
from subprocess import CompletedProcess
from urllib.parse import unquote

import pytest

from govcrawl.siteserver import serve_site
from tests.conftest import crawl_entry
from tests.stylesites import STYLES, SiteTruth, build_site, entry_toml


def _crawl(tmp_path: Path, truth_root: Path, style: str) -> tuple[SiteTruth, CompletedProcess[str], list[dict], dict,
                                                                 list[str], str]:
    """Build the site, serve it and crawl it from its home page: (truth, process, records, report,
    requested paths, base URL)."""
    truth = build_site(STYLES[style], truth_root)
    seen: list[tuple[str, str]] = []
    with serve_site(truth_root, seen=seen) as base:
        crawl = crawl_entry(tmp_path, entry_toml(truth, base))
    paths = [unquote(path) for path, _ in seen]
    return truth, crawl.proc, crawl.records, crawl.report, paths, base


@pytest.mark.parametrize("style", sorted(STYLES))
def test_home_only_crawl_of_a_site_in_each_style(style: str, tmp_path: Path) -> None:
    site = tmp_path / "site"
    truth, proc, records, report, requested, base = _crawl(tmp_path, site, style)
    assert proc.returncode == 0, proc.stderr[-3000:]
    exported = [(r["url"].removeprefix(base), r["title"], r["column"]) for r in records]
    # every article once, with its title and column; nothing else (no list, navigation or channel page)
    assert sorted(exported) == sorted((a.path, a.title, a.column) for a in truth.articles)
    assert not {url for url, *_ in exported} & {*truth.nav_pages, *truth.list_pages}
    assert set(truth.nav_pages) & set(requested)  # 政府信息公开指南 is met on the way, and read
    assert report["outcomes"]["unaccounted"] == 0
    # every list page of every column requested; nothing requested that the site lacks
    # (sidebar years taken for pages, say)
    assert set(truth.list_pages) <= set(requested), sorted(set(truth.list_pages) - set(requested))
    missing = sorted({p for p in requested if not _exists(site, p)})
    assert not missing
    found = {(c["name"], c["url"].removeprefix(base)) for c in report["columns_discovered"]}
    assert found == {(c.name, c.path) for c in truth.columns}


def _exists(root: Path, path: str) -> bool:
    name, _, query = path.lstrip("/").partition("?")
    target = root / (f"{name}@{query}" if query else name)
    return target.is_file() or (target / "index.html").is_file() or path == "/robots.txt"


def test_generated_sites_are_sized_as_meant_and_deterministic(tmp_path: Path) -> None:
    for name, style in STYLES.items():
        truth = build_site(style, tmp_path / name / "a")
        build_site(style, tmp_path / name / "b")
        assert 10 <= len(truth.articles) <= 30 and 2 <= len(truth.columns) <= 3, name
        assert all(len(c.pages) >= 3 for c in truth.columns), name
        assert len({a.title for a in truth.articles}) == len(truth.articles), name
        files = sorted(p.relative_to(tmp_path / name / "a") for p in (tmp_path / name / "a").rglob("*") if p.is_file())
        for file in files:
            assert (tmp_path / name / "a" / file).read_bytes() == (tmp_path / name / "b" / file).read_bytes()
