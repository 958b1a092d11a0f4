"""The whole-site coverage bench measures what it says: truth, serving, scoring, a real crawl.

It does not hold govcrawl to a recall figure; bench/README.md reports those.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "bench" / "sites"))

import truth
from siteserve import Hits, rewrite, serve_copy

# by path: "coverage" is also the name of coverage.py, which pytest plugins may have imported
_spec = importlib.util.spec_from_file_location("govcrawl_bench_coverage", ROOT / "bench" / "coverage.py")
assert _spec is not None and _spec.loader is not None
coverage = sys.modules[_spec.name] = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(coverage)

#: the smallest collected site: quick to crawl for real
SMALL = "hcdd_cq_cn"


def test_every_site_has_truth_with_articles_under_its_rule() -> None:
    """Every site's truth holds articles under its rule; those whose saved pages are on disk hold
    every one of them. A copy that is not in git (the third batch: fetched pages, rebuilt with
    collect.py) may be absent, and then says where to rebuild it from."""
    keys = truth.site_keys()
    provenance = {json.loads(line)["key"] for line in (ROOT / "bench" / "sites" / "provenance.jsonl")
                  .read_text(encoding="utf-8").splitlines() if line.strip()}
    present = [key for key in keys if (truth.load(key).root / truth.load(key).home).is_file()]
    assert len(present) >= 5 and set(keys) <= provenance
    for key in keys:
        site = truth.load(key)
        assert site.articles == sorted(set(site.articles)), key
        assert site.articles and all(site.article.search(p) for p in site.articles), key
        assert site.articles_main and set(site.articles_main) <= set(site.articles), key
        if key in present:
            assert all(truth.locate(site.root, p) is not None for p in site.articles), key
        else:
            assert "collect.py" in coverage.rebuild_hint(key), key


def test_truth_of_the_small_site_is_what_the_script_derives() -> None:
    site = truth.load(SMALL)
    assert truth.derive(site) == site.articles


@pytest.mark.parametrize(("href", "expected"), [
    ("../info/1002/1.html", ("/info/1002/1.html", "")),
    ("http://www.hcdd.cq.cn/index/tzgg.html?x=1", ("/index/tzgg.html", "x=1")),
    ("//hcdd.cq.cn/", ("/", "")),
    ("http://elib.cqdd.cq.cn/index.html", None),
    ("javascript:void(0)", None),
    ("#top", None),
])
def test_links_resolve_to_paths_on_the_copy_only(href: str, expected: tuple[str, str] | None) -> None:
    assert truth.to_path(href, "http://www.hcdd.cq.cn/index/xyxw.html", ["www.hcdd.cq.cn", "hcdd.cq.cn"]) == expected


def test_raw_links_read_scripts_and_trs_pagers_but_not_comments() -> None:
    page = (b'<a href="a.html">a</a><!-- <a href="hidden.html">x</a> -->'
            b'<span onclick="window.open(\'b.html\')">b</span>'
            b'<script>createPageHTML(3, 0, "index", "html");</script>')
    assert set(truth.raw_links(page)) == {"a.html", "b.html", "index_1.html", "index_2.html"}


def test_score_counts_hits_misses_and_extras() -> None:
    result = coverage.score({"/a.html", "/b.html", "/list.html"}, {"/a.html", "/b.html", "/c.html", "/d.html"})
    assert (result.found, result.exported, result.truth) == (2, 3, 4)
    assert result.recall == 0.5
    assert result.precision == pytest.approx(2 / 3)
    assert result.misses == ["/c.html", "/d.html"]
    assert result.false_positives == ["/list.html"]
    assert coverage.score(set(), {"/a.html"}).precision == 1.0  # nothing exported, nothing wrong
    main = coverage.score({"/a.html", "/sub.html"}, {"/a.html", "/b.html", "/sub.html"}, {"/a.html", "/b.html"})
    assert (main.recall, main.recall_main, main.found_main, main.truth_main) == (2 / 3, 0.5, 1, 2)


def test_main_site_truth_stops_at_merged_in_sub_sites() -> None:
    site = truth.load(SMALL)
    main = truth.reachable(site, main_only=True)
    assert "/index.html" in main and not any(re.fullmatch(r"/index\d+\.html", p) for p in main)
    assert sorted(p for p in main if site.article.search(p)) == site.articles_main
    assert all(p.startswith("/info/") for p in site.articles_main)  # the 学分银行 app is a sub-site


def test_rewrite_points_original_hosts_at_loopback_and_keeps_the_bytes() -> None:
    body = '<a href="http://www.x.cn/a.html">甲</a><a href="https://x.cn:8080/b">乙</a><a href="//www.x.cn">丙</a>'
    gbk = body.encode("gbk")
    out = rewrite(gbk, ["www.x.cn", "x.cn"], "http://127.0.0.1:9")
    assert out.decode("gbk") == ('<a href="http://127.0.0.1:9/a.html">甲</a><a href="http://127.0.0.1:9/b">乙</a>'
                                 '<a href="http://127.0.0.1:9">丙</a>')
    assert rewrite(b'<a href="http://www.x.cn.evil/">', ["www.x.cn"], "http://h") == b'<a href="http://www.x.cn.evil/">'


def test_server_answers_the_copy_with_rewritten_links_and_404s() -> None:
    hits = Hits()
    with serve_copy(SMALL, hits) as origin:
        with urllib.request.urlopen(f"{origin}/index.html") as response:
            body = response.read()
            assert response.headers["Content-Type"].startswith("text/html")
        assert b"www.hcdd.cq.cn" not in body
        assert f"{origin}/".encode() in body
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(f"{origin}/no-such-page.html")
        assert missing.value.code == 404
        missing.value.close()
        with urllib.request.urlopen(f"{origin}/") as response:  # a directory is its index page
            assert response.read() == body
    assert hits.take() == ["/index.html", "/no-such-page.html", "/"]


def test_site_paths_of_loopback_urls() -> None:
    site = truth.load(SMALL)
    assert coverage.to_site_path(site, "http://127.0.0.1:5/info/1002/12069.html", "http://127.0.0.1:5") == \
        "/info/1002/12069.html"
    assert coverage.to_site_path(site, "http://127.0.0.1:5/", "http://127.0.0.1:5") == "/index.html"
    assert coverage.to_site_path(site, "http://127.0.0.1:6/", "http://127.0.0.1:5") is None


def test_a_real_govcrawl_crawl_of_the_small_site_is_scored(tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    # A subprocess: Scrapy warns at import, and pytest turns warnings into errors.
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "coverage.py"), "--site", SMALL, "--tool", "crawl",
                           "--json", str(out), "--keep", str(tmp_path / "work"), "--show-misses", "2"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert re.search(rf"^{SMALL}\s+81\s", proc.stdout, re.MULTILINE)
    run = json.loads(out.read_text(encoding="utf-8"))["sites"][SMALL][0]
    exported = coverage.exported_urls(tmp_path / "work" / SMALL / "crawl" / "out")
    assert run["score"]["exported"] == len(set(exported))  # every record counted once
    assert run["score"]["found"] == len(set(truth.load(SMALL).articles)) - len(run["score"]["misses"])
    assert run["stats"]["govcrawl/discovery/pages"] >= 1
    assert run["requests"] >= run["stats"]["downloader/request_count"] - 1  # the server saw what Scrapy sent
