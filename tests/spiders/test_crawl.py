"""Crawl the sample site over loopback HTTP with the real spider, pipelines and feed export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govcrawl.pipelines.validate import schema_errors
from govcrawl.siteserver import serve_site
from tests.conftest import FAST_SETTINGS, SAMPLE_SITE, read_jsonl, run_cli, whole_log

FAULT_STATUSES = {"/faults/202301/t20230101_500.html": 500}
CONTACT = "https://example.org/govcrawl-contact"


def write_entry(site: Path, base: str, path: Path, *, with_faults: bool = True) -> Path:
    """The sample site's entry pointed at ``base``, plus the faults column."""
    text = (site / "site.toml").read_text(encoding="utf-8").replace("{base}", base)
    if with_faults:
        text += f'\n[[columns]]\nname = "故障"\nurl = "{base}/faults/"\n'
    path.write_text(text, encoding="utf-8")
    return path


def expected_rows() -> list[dict]:
    return read_jsonl(SAMPLE_SITE / "expected.jsonl")


@pytest.fixture
def crawl(site_dir: Path, tmp_path: Path):
    """Run ``govcrawl crawl`` on the served site: (process, records, rejects, base, requests)."""
    seen: list[tuple[str, str]] = []
    with serve_site(site_dir, FAULT_STATUSES, seen=seen) as base:
        entry = write_entry(site_dir, base, tmp_path / "sample.toml")
        out = tmp_path / "out.jsonl"
        args = ["crawl", str(entry), "-O", str(out)]
        settings = [*FAST_SETTINGS, f"GOVCRAWL_REJECTS_URI={tmp_path}/rejects.jsonl",
                    f"GOVCRAWL_CONTACT_URL={CONTACT}"]
        for setting in settings:
            args += ["-s", setting]
        proc = run_cli(*args, cwd=tmp_path)
    rejects_path = tmp_path / "rejects.jsonl"
    rejects = read_jsonl(rejects_path) if rejects_path.exists() else []
    return proc, read_jsonl(out) if out.exists() else [], rejects, base, seen


def test_exports_every_article_exactly_once(crawl, tmp_path: Path) -> None:
    proc, records, _, base, _ = crawl
    assert proc.returncode == 0, proc.stderr[-3000:]
    text = (tmp_path / "out.jsonl").read_text(encoding="utf-8")
    assert "\\u" not in text and "人民政府" in text  # real characters, not escapes
    assert len(text.splitlines()) == len(records)
    urls = [r["url"] for r in records]
    assert len(urls) == len(set(urls))
    assert sorted(urls) == sorted(base + row["path"] for row in expected_rows())


def test_pagination_styles_all_followed(crawl) -> None:
    _, records, _, _, _ = crawl
    by_column: dict[str, int] = {}
    for record in records:
        by_column[record["column"]] = by_column.get(record["column"], 0) + 1
    expected: dict[str, int] = {}
    for row in expected_rows():
        expected[row["column"]] = expected.get(row["column"], 0) + 1
    # TRS createPageHTML (3 pages), Hanweb <record> CDATA, plain 下一页 links
    assert by_column == expected


def test_records_valid_and_clean(crawl) -> None:
    _, records, _, base, _ = crawl
    expected = {base + row["path"]: row for row in expected_rows()}
    assert len(records) == len(expected)
    for record in records:
        assert schema_errors(record) == [], record["url"]
        for chrome in expected[record["url"]]["must_exclude"]:
            assert chrome not in record["body"], (record["url"], chrome)


def test_off_site_and_robots_forbidden_links_not_followed(crawl) -> None:
    proc, records, rejects, _, seen = crawl
    assert not [r for r in records if "example" in r["url"] or "/private/" in r["url"]]
    # never fetched, but recorded: the reader of the rejects file learns robots.txt said no
    assert [r["reason"] for r in rejects if "/private/" in r["url"]] == ["robots_forbidden"]
    # never fetched either: the off-site links are written down as a rule's refusal
    # (the other off-site link is the site's about page, a list link: not an article to account for)
    assert sorted(r["url"] for r in rejects if r["reason"] == "offsite") == [
        "http://www.example.org/xwzx/202301/t20230101_1.html", "https://www.example.com/xwzx/202301/t20230103_3.html"]
    # Scrapy's closing stats dump (in the log file): one robots-forbidden link, two off-site ones
    log = whole_log(proc.stderr)
    assert "'robotstxt/forbidden': 1" in log
    assert "'offsite/filtered': 2" in log
    assert not [path for path, _ in seen if path.startswith("/private/")]


def test_honest_user_agent_with_contact(crawl) -> None:
    *_, seen = crawl
    agents = {agent for _, agent in seen}
    assert len(agents) == 1
    [agent] = agents
    assert agent.startswith("govcrawl/") and CONTACT in agent
    assert seen[0][0] == "/robots.txt"


def test_broken_pages_rejected_with_reason_and_run_continues(crawl) -> None:
    proc, records, rejects, base, _ = crawl
    reasons = {r["url"].removeprefix(base): r["reason"] for r in rejects}
    assert reasons["/faults/202301/t20230101_404.html"] == "http_404"
    assert reasons["/faults/202301/t20230101_500.html"] == "http_500"
    assert reasons["/faults/202301/t20230102_1.html"] == "truncated"  # malformed: it ends inside a tag
    assert len(rejects) == 6  # and the robots-forbidden link and the two off-site articles
    assert "6 rejected" in proc.stdout
    assert len(records) == len(expected_rows())


def test_unknown_site_is_a_clear_error(tmp_path: Path) -> None:
    proc = run_cli("crawl", "no-such-site", cwd=tmp_path)
    assert proc.returncode == 2
    assert "unknown site 'no-such-site'" in proc.stderr


def test_a_crashing_pipeline_costs_one_record_and_is_recorded(tmp_path: Path) -> None:
    from govcrawl import settings
    from tests.pipelines.failing import FAILING_PATH

    pipelines = {**settings.ITEM_PIPELINES, "tests.pipelines.failing.FailOnePipeline": 750}
    with serve_site(SAMPLE_SITE) as base:
        entry = write_entry(SAMPLE_SITE, base, tmp_path / "sample.toml", with_faults=False)
        args = ["crawl", str(entry), "--out", str(tmp_path / "out"),
                "-s", f"ITEM_PIPELINES={json.dumps(pipelines)}"]
        for setting in FAST_SETTINGS:
            args += ["-s", setting]
        proc = run_cli(*args, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    [export] = list((tmp_path / "out").glob("sample/*/*.jsonl"))
    assert len(read_jsonl(export)) == len(expected_rows()) - 1
    [rejects] = list((tmp_path / "out").glob("sample/*/rejects/*.jsonl"))
    by_reason = {r["reason"]: r for r in read_jsonl(rejects)}
    assert set(by_reason) == {"pipeline_error", "robots_forbidden", "offsite"}
    assert by_reason["pipeline_error"]["url"] == base + FAILING_PATH
    assert "boom" in by_reason["pipeline_error"]["detail"]


def test_a_column_of_unknown_article_url_shapes_is_crawled_whole(tmp_path: Path) -> None:
    from tests.sitegen import ARTICLE

    site = tmp_path / "site"
    items = []
    for n in range(1, 6):
        path = site / "xwzx" / "content" / f"post_41008{n}.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        title = f"关于第{n}号事项的通知"
        path.write_text(ARTICLE.format(title=title, day=f"2026-11-0{n}", lead=f"这是第{n}号通知的正文。"),
                        encoding="utf-8")
        items.append(f'<li><a href="/xwzx/content/post_41008{n}.html">{title}</a><span>2026-11-0{n}</span></li>')
    menu = "".join(f'<li><a href="/c{n}/">栏目{n}</a></li>' for n in range(6))
    (site / "xwzx" / "index.html").write_text(
        f'<html><head><meta charset="utf-8"></head><body><ul class="nav">{menu}</ul>'
        f'<ul class="list">{"".join(items)}</ul></body></html>', encoding="utf-8")
    with serve_site(site) as base:
        entry = tmp_path / "gd.toml"
        entry.write_text(f'key = "gd"\nname = "广东样式"\ndomains = ["127.0.0.1"]\nstart_urls = ["{base}/xwzx/"]\n',
                         encoding="utf-8")
        args = ["crawl", str(entry), "--out", str(tmp_path / "out")]
        for setting in FAST_SETTINGS:
            args += ["-s", setting]
        proc = run_cli(*args, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    [export] = list((tmp_path / "out").glob("gd/*/*.jsonl"))
    assert sorted(r["url"].rsplit("/", 1)[1] for r in read_jsonl(export)) == [f"post_41008{n}.html" for n in range(1, 6)]


def test_a_catalogue_s_short_undated_cards_are_rejected_and_its_long_articles_kept(tmp_path: Path) -> None:
    from tests.sitegen import catalogue_site

    site = tmp_path / "site"
    catalogue_site(site)
    with serve_site(site) as base:
        entry = tmp_path / "bx.toml"
        entry.write_text(f'key = "bx"\nname = "保险"\ndomains = ["127.0.0.1"]\n'
                         f'start_urls = ["{base}/cp/index.html", "{base}/tzgg/index.html"]\n', encoding="utf-8")
        args = ["crawl", str(entry), "--out", str(tmp_path / "out")]
        for setting in FAST_SETTINGS:
            args += ["-s", setting]
        proc = run_cli(*args, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    [export] = list((tmp_path / "out").glob("bx/*/*.jsonl"))
    exported = sorted(r["url"].split("/", 3)[3] for r in read_jsonl(export))
    assert exported == ["cp/detail3.html", "cp/detail4.html", "tzgg/detail1.html", *(f"tzgg/t{n}.html" for n in range(2, 6))]
    [rejects] = list((tmp_path / "out").glob("bx/*/rejects/*.jsonl"))
    cards = {r["url"].split("/", 3)[3]: r["reason"] for r in read_jsonl(rejects)}
    assert cards == {"cp/detail1.html": "catalogue_card", "cp/detail2.html": "catalogue_card"}
