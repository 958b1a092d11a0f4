"""``govcrawl check`` on saved pages and on a loopback site, and ``scrapy parse`` on an article."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from govcrawl import __version__
from govcrawl.check import suggest_pattern
from govcrawl.settings import GOVCRAWL_CONTACT_URL as CONTACT
from govcrawl.siteserver import serve_site
from tests.conftest import FAST_SETTINGS, ROOT, SAMPLE_SITE, run_cli

REAL_LISTS = ROOT / "tests" / "extract" / "fixtures" / "lists" / "real"
ARTICLE = SAMPLE_SITE / "xwzx" / "sxyw" / "201909" / "t20190918_7001.html"
FOLDER_ITEMS = "".join(f'<li><a href="/xw/{n}/">第{n}期工作简报全文发布</a></li>' for n in range(101, 106))
NO_LIST = (f'<html><head><meta charset="utf-8"><title>工作简报</title></head><body>'
           f'<div class="main"><ul class="items">{FOLDER_ITEMS}</ul></div></body></html>')


def _check(*args: str, cwd: Path) -> tuple[int, list[dict]]:
    proc = run_cli("check", "--json", *args, *[a for s in FAST_SETTINGS for a in ("-s", s)], cwd=cwd)
    assert proc.returncode in (0, 5), proc.stderr[-3000:]
    return proc.returncode, [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]


def test_a_saved_list_page_shows_its_list_and_its_next_page(tmp_path: Path) -> None:
    code, [found] = _check(str(REAL_LISTS / "r02.html"), "--url", "http://www.hrfund.com.cn/news/information_2.html",
                           cwd=tmp_path)
    assert code == 0 and found["kind"] == "list"
    lines = (REAL_LISTS / "labels.jsonl").read_text(encoding="utf-8").splitlines()
    labels = {label["file"]: label for label in map(json.loads, lines)}
    assert found["list_items"] == len(labels["r02.html"]["articles"])
    assert found["examples"] == labels["r02.html"]["articles"][:3]
    assert found["page_2"] == labels["r02.html"]["next_page"]


def test_a_saved_article_is_an_article_with_its_fields(tmp_path: Path) -> None:
    code, [found] = _check(str(ARTICLE), cwd=tmp_path)
    assert code == 0 and found["kind"] == "article"
    [sample] = found["articles"]
    assert sample["title"] == "山西品牌丝路行（南美站）正式启动" and sample["source"] == "山西日报"
    assert any("is an article page, not a list" in w["problem"] for w in found["warnings"])


def test_a_page_whose_articles_look_like_folders_gets_a_pattern_to_try(tmp_path: Path) -> None:
    page = tmp_path / "list.html"
    page.write_text(NO_LIST, encoding="utf-8")
    code, [found] = _check(str(page), "--url", "http://www.example.gov.cn/xw/", cwd=tmp_path)
    assert code == 5 and found["list_items"] == 0
    [warning] = found["warnings"]
    assert warning["problem"].startswith("no article found on http://www.example.gov.cn/xw/: the largest link "
                                         "block is ul.items with 5 links like http://www.example.gov.cn/xw/101/")
    assert warning["remedy"] == r"if these are the articles, try article_pattern = '/xw/\d+/'"


def test_suggested_patterns_match_the_links_they_come_from() -> None:
    import re

    urls = ["http://x.gov.cn/content/post_4100825.html", "http://x.gov.cn/content/post_4100826.html",
            "http://x.gov.cn/ItemDetail.html?docId=77"]
    pattern = suggest_pattern(urls)
    assert pattern == r"/content/post_\d+\.html"
    assert sum(bool(re.search(pattern, u)) for u in urls) == 2


def test_a_live_home_only_site_shows_columns_and_sample_articles_and_writes_nothing(tmp_path: Path) -> None:
    with serve_site(SAMPLE_SITE) as base:
        entry = tmp_path / "home.toml"
        entry.write_text(f'key = "sample"\nname = "示例"\ndomains = ["127.0.0.1"]\nhome = "{base}/"\n', encoding="utf-8")
        code, [found] = _check(str(entry), cwd=tmp_path)
        text = run_cli("check", f"{base}/xwzx/sxyw/", "-s", "DOWNLOAD_DELAY=0", cwd=tmp_path)
    assert code == 0 and found["kind"] == "home"
    assert {c["name"]: (c["kind"], c["items"]) for c in found["columns"]} == {
        "示例要闻": ("list", 6), "通知公告": ("list", 3), "政策解读": ("list", 2)}
    assert len(found["articles"]) == 3 and all(a["title"] and a["published_at"] for a in found["articles"])
    assert text.returncode == 0, text.stderr[-2000:]
    assert f"page 2: {base}/xwzx/sxyw/index_1.html (4 articles)" in text.stdout
    assert "main list: 6 articles" in text.stdout
    # its log files alone (govcrawl.logfile): no export, no rejects, no state
    assert {p.relative_to(tmp_path / "data").parts[0] for p in (tmp_path / "data").rglob("*")} == {"logs"}


def test_scrapy_parse_reads_an_article_and_writes_nothing(tmp_path: Path) -> None:
    sites = tmp_path / "data" / "sites"
    sites.mkdir(parents=True)
    env = {**os.environ, "GOVCRAWL_HOME": str(tmp_path), "PYTHONPATH": str(ROOT)}
    with serve_site(SAMPLE_SITE) as base:
        (sites / "sample.toml").write_text(f'key = "sample"\nname = "示例"\ndomains = ["127.0.0.1"]\n'
                                           f'start_urls = ["{base}/xwzx/sxyw/"]\n', encoding="utf-8")
        url = f"{base}/{ARTICLE.relative_to(SAMPLE_SITE).as_posix()}"
        proc = subprocess.run([sys.executable, "-m", "scrapy", "parse", url, "--nolog"], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "'title': '山西品牌丝路行（南美站）正式启动'" in proc.stdout
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["data", "sample.toml", "sites"]


def test_a_saved_home_page_lists_its_columns_without_failing(tmp_path: Path) -> None:
    code, [found] = _check(str(SAMPLE_SITE / "index.html"), "--url", "http://127.0.0.1/", cwd=tmp_path)
    assert code == 0 and found["kind"] == "home"
    assert [c["name"] for c in found["columns"]] == ["示例要闻", "通知公告", "政策解读"]


def test_a_root_start_url_is_checked_as_the_crawl_reads_it(tmp_path: Path) -> None:
    with serve_site(SAMPLE_SITE) as base:
        entry = tmp_path / "root.toml"
        entry.write_text(f'key = "root"\nname = "示例"\ndomains = ["127.0.0.1"]\nstart_urls = ["{base}/"]\n',
                         encoding="utf-8")
        code, [found] = _check(str(entry), cwd=tmp_path)
    assert found["kind"] != "home"  # a start URL is a column to the crawl, wherever it is
    assert code == 5 and found["list_items"] == 0


def test_check_fetches_as_the_crawl_does_and_warns_of_a_news_column_without_articles(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "xwzx").mkdir(parents=True)
    (site / "index.html").write_text('<html><head><meta charset="utf-8"></head><body><div class="nav">'
                                     '<a href="/xwzx/">新闻中心</a></div></body></html>', encoding="utf-8")
    (site / "xwzx" / "index.html").write_text(  # its list is drawn by a script govcrawl does not run
        '<html><head><meta charset="utf-8"><title>新闻中心</title></head><body><div id="list"></div>'
        '<script src="/js/list.js"></script></body></html>', encoding="utf-8")
    seen: list[tuple[str, str]] = []
    with serve_site(site, seen=seen) as base:
        entry = tmp_path / "home.toml"
        entry.write_text(f'key = "t"\nname = "测试"\ndomains = ["127.0.0.1"]\nhome = "{base}/"\n', encoding="utf-8")
        _, [found] = _check(str(entry), cwd=tmp_path)
    assert {agent for _, agent in seen} == {f"govcrawl/{__version__} (+{CONTACT})"}
    assert [c["name"] for c in found["columns"]] == ["新闻中心"]
    assert any("新闻中心" in w["problem"] and "no article" in w["problem"] for w in found["warnings"])


def test_check_samples_a_catalogue_s_cards_as_the_crawl_rejects_them(tmp_path: Path) -> None:
    from tests.sitegen import catalogue_site

    catalogue_site(tmp_path / "site")
    with serve_site(tmp_path / "site") as base:
        code, [products] = _check(f"{base}/cp/index.html", cwd=tmp_path)
        code_2, [notices] = _check(f"{base}/tzgg/index.html", cwd=tmp_path)
    assert code == code_2 == 0 and products["kind"] == notices["kind"] == "list"
    # the crawl's verdicts (tests/spiders/test_crawl.py): two cards out, the long speech kept
    assert {a["url"].rsplit("/", 1)[1]: a.get("rejected") for a in products["articles"]} == {
        "detail1.html": "catalogue_card", "detail2.html": "catalogue_card", "detail3.html": None}
    # a dated list's undated short notice is a publication
    assert all("rejected" not in a for a in notices["articles"])
