"""The govcrawl command, run as users run it."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from govcrawl import sites as sites_module
from govcrawl.cli import main
from govcrawl.pipelines.validate import schema_errors
from govcrawl.sites import load_entries
from govcrawl.siteserver import serve_site
from tests.conftest import FAST_SETTINGS, ROOT, SAMPLE_SITE, read_jsonl, run_cli, same_published, same_text

FAST_SETTINGS_ARGS = [arg for setting in FAST_SETTINGS for arg in ("-s", setting)]


def test_sites_lists_bundled_entries(tmp_path: Path) -> None:
    proc = run_cli("sites", cwd=tmp_path)
    assert proc.returncode == 0
    assert "tianmen" in proc.stdout and "天门市人民政府" in proc.stdout


def test_sites_lists_the_good_entries_and_names_a_broken_one(tmp_path: Path) -> None:
    sites = tmp_path / "data" / "sites"
    sites.mkdir(parents=True)
    (sites / "broken.toml").write_text('key = "broken"\nname = "坏的"\ndomain = ["x.gov.cn"]\n'
                                       'home = "http://x.gov.cn/"\n', encoding="utf-8")
    (sites / "mine.toml").write_text('key = "mine"\nname = "我的站"\ndomains = ["x.gov.cn"]\n'
                                     'home = "http://x.gov.cn/"\n', encoding="utf-8")
    proc = run_cli("sites", cwd=tmp_path)
    assert proc.returncode == 8  # as `run` exits when it skips a broken entry
    assert {"mine", "tianmen"} <= {line.split()[0] for line in proc.stdout.splitlines()}
    [line] = proc.stderr.splitlines()
    assert "broken.toml: unknown key `domain`: did you mean `domains`?" in line
    assert "pydantic" not in proc.stderr


def test_sites_is_a_usage_error_when_no_entry_can_be_read(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setattr(sites_module, "BUNDLED_DIR", tmp_path / "none")
    (tmp_path / "data" / "sites").mkdir(parents=True)
    (tmp_path / "data" / "sites" / "broken.toml").write_text('key = "broken"\n', encoding="utf-8")
    monkeypatch.setenv("GOVCRAWL_HOME", str(tmp_path))
    monkeypatch.delenv("GOVCRAWL_SITE_DIRS", raising=False)
    assert main(["sites"]) == 2
    assert "broken.toml: `name` is missing" in capsys.readouterr().err


#: entries a crawl must refuse before it sends a request to the loopback site at {base}
REFUSED_ENTRIES = {
    "home on another host": 'domains = ["localhost"]\nhome = "{base}/"',
    "wildcard domain": 'domains = ["*"]\nhome = "{base}/"',
    "host:port domain": 'domains = ["{host}"]\nhome = "{base}/"',
    "public suffix": 'domains = ["127.0.0.1", "gov.cn"]\nhome = "{base}/"',
}


@pytest.mark.parametrize("command", ["crawl", "run", "check"])
@pytest.mark.parametrize("mistake", sorted(REFUSED_ENTRIES))
def test_a_bad_entry_is_refused_before_any_request(tmp_path: Path, command: str, mistake: str) -> None:
    seen: list[tuple[str, str]] = []
    with serve_site(SAMPLE_SITE, seen=seen) as base:
        keys = REFUSED_ENTRIES[mistake].format(base=base, host=base.removeprefix("http://"))
        entry = tmp_path / "entry.toml"
        entry.write_text(f'key = "bad"\nname = "坏的"\n{keys}\n', encoding="utf-8")
        proc = run_cli(command, str(entry), *FAST_SETTINGS_ARGS, cwd=tmp_path)
    assert (proc.returncode, seen) == (2, []), proc.stderr[-2000:]
    [line] = proc.stderr.splitlines()
    assert line.startswith(f"govcrawl: {entry}: `")


def test_check_refuses_an_address_that_is_not_http(tmp_path: Path) -> None:
    proc = run_cli("check", "file:///etc/passwd", cwd=tmp_path)
    assert proc.returncode == 2
    assert "'file:///etc/passwd' is not an http(s) address" in proc.stderr


def test_scrapy_list_shows_sites() -> None:
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "scrapy", "list"], cwd=ROOT,
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert {"tianmen", "xiantao", "qianjiang"} <= set(proc.stdout.split())


def test_extract_matches_the_labelled_page(tmp_path: Path) -> None:
    expected = read_jsonl(SAMPLE_SITE / "expected.jsonl")
    row = next(r for r in expected if r["path"].endswith("_7001.html"))
    page = SAMPLE_SITE / row["path"].lstrip("/")  # a GB18030 copy that declares gb2312
    url = "http://www.shanxi.gov.cn" + row["path"]
    proc = run_cli("extract", str(page), "--url", url, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    [record] = [json.loads(line) for line in proc.stdout.splitlines()]
    assert record["file"] == str(page)
    assert same_text(record["title"], row["title"])
    assert same_published(record["published_at"], row["published"])
    assert same_text(record["source"], row["source"])
    assert record["url"] == url
    assert schema_errors({k: v for k, v in record.items() if k != "file"}) == []


def test_extract_several_files_one_record_each(tmp_path: Path) -> None:
    pages = sorted(SAMPLE_SITE.glob("xwzx/sxyw/*/*.html"))[:3]
    proc = run_cli("extract", *map(str, pages), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["file"] for r in records] == list(map(str, pages))
    assert all(r["url"].startswith("file://") for r in records)


def test_extract_rejection_is_reported_not_dropped(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text("<html><body></body></html>", encoding="utf-8")
    proc = run_cli("extract", str(page), cwd=tmp_path)
    assert proc.returncode == 0
    [record] = [json.loads(line) for line in proc.stdout.splitlines()]
    assert record["rejected"] == "empty_page"


def test_extract_at_a_fetch_time_into_a_column(tmp_path: Path) -> None:
    page = tmp_path / "fresh.html"
    page.write_text(
        "<html><head><meta charset='utf-8'><title>潜江召开防汛工作会议</title></head><body>"
        "<h1>潜江召开防汛工作会议</h1><div class='info'><span>3小时前</span> 来源：潜江市融媒体中心</div>"
        "<div class='TRS_Editor'><p>5月20日，全市防汛工作会议召开，部署今年汛期各项防汛准备工作。</p></div>"
        "</body></html>", encoding="utf-8")
    proc = run_cli("extract", str(page), "--site", "qianjiang", "--column", "要闻",
                   "--fetched-at", "2024-05-20T14:30:00Z", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    [record] = [json.loads(line) for line in proc.stdout.splitlines()]
    assert (record["site"], record["column"]) == ("qianjiang", "要闻")
    assert record["site_name"] == load_entries()["qianjiang"].name  # the bundled entry lends its name
    # 3小时前 at 22:30 China time is that day; without an offset the time is UTC
    assert record["published_at"] == "2024-05-20T00:00:00+08:00"
    assert record["crawled_at"] == "2024-05-20T14:30:00+00:00"
    proc = run_cli("extract", str(page), "--fetched-at", "2024-05-20T14:30:00", cwd=tmp_path)
    [record] = [json.loads(line) for line in proc.stdout.splitlines()]
    assert record["crawled_at"] == "2024-05-20T14:30:00+00:00"
    assert run_cli("extract", str(page), "--fetched-at", "yesterday", cwd=tmp_path).returncode == 2


def test_demo_exports_the_sample_site(tmp_path: Path) -> None:
    out = tmp_path / "exports"
    proc = run_cli("demo", "--out", str(out), cwd=tmp_path, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr[-3000:]
    [export] = list(out.glob("sample/*/*.jsonl"))
    records = read_jsonl(export)
    expected = {r["path"]: r for r in read_jsonl(SAMPLE_SITE / "expected.jsonl")}
    by_path = {"/" + r["url"].split("/", 3)[3]: r for r in records}
    assert len(records) == len(by_path) == len(expected)
    assert set(by_path) == set(expected)
    for path, want in expected.items():
        got = by_path[path]
        assert schema_errors(got) == []
        assert same_text(got["title"], want["title"]), path
        assert same_published(got["published_at"], want["published"]), path
        assert same_text(got["source"], want["source"]), path
        assert not [c for c in want["must_exclude"] if c in got["body"]], path
    assert re.search(rf"^sample: \d+ pages fetched, {len(expected)} articles exported, \d+ rejected", proc.stdout, re.M)
    assert f"  export: {export}" in proc.stdout
    shutil.rmtree(out)


def test_a_site_that_cannot_be_reached_fails_the_command(tmp_path: Path) -> None:
    entry = tmp_path / "down.toml"
    # a loopback port nobody listens on: connection refused, quickly and offline
    entry.write_text('key = "down"\nname = "停机的站"\ndomains = ["127.0.0.1"]\n'
                     'start_urls = ["http://127.0.0.1:9/xwzx/"]\n', encoding="utf-8")
    proc = run_cli("crawl", str(entry), "--out", str(tmp_path / "out"), "-s", "RETRY_TIMES=0",
                   cwd=tmp_path)
    assert proc.returncode == 1
    assert "down: FAILED (no list page could be read)" in proc.stderr
    [rejects] = list((tmp_path / "out").glob("down/*/rejects/*.jsonl"))
    assert [r["reason"] for r in read_jsonl(rejects)] == ["connection_error"]  # refused


def test_extract_goes_on_past_an_unreadable_file(tmp_path: Path) -> None:
    page = sorted(SAMPLE_SITE.glob("xwzx/sxyw/*/*.html"))[0]
    proc = run_cli("extract", str(tmp_path / "missing.html"), str(page), cwd=tmp_path)
    assert proc.returncode == 1
    assert "missing.html" in proc.stderr
    [record] = [json.loads(line) for line in proc.stdout.splitlines()]
    assert record["file"] == str(page)


def _dataset_tree(tmp_path: Path) -> Path:
    """An export folder with one run of three articles, the last line cut."""
    from tests.dataset.runtree import RunTree, record

    tree = RunTree(tmp_path / "exports")
    path = tree.run("alpha", "r1", [])
    lines = [json.dumps(record("alpha", n), ensure_ascii=False) + "\n" for n in range(1, 4)]
    path.write_text("".join(lines)[:-20], encoding="utf-8")
    return tree.root


def test_dataset_reads_past_a_cut_line_and_rebuilds_a_damaged_build_folder(tmp_path: Path) -> None:
    exports, out = _dataset_tree(tmp_path), tmp_path / "ds"
    args = ("dataset", "--exports", str(exports), "--out", str(out))
    first = run_cli(*args, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "dataset: 2 rows" in first.stdout and "1 lines of the run files not read" in first.stdout
    assert "r1.jsonl: 1 line(s) not read (line 3: cut)" in first.stderr
    for damaged in (out / ".build" / "manifest.json", out / ".build" / "index.duckdb"):
        damaged.write_bytes(b"\x00" * 100)
        again = run_cli(*args, cwd=tmp_path)
        assert again.returncode == 0 and "dataset: 2 rows" in again.stdout, again.stderr
        warnings = [line for line in again.stderr.splitlines() if str(damaged) in line]
        assert len(warnings) == 1 and "Traceback" not in again.stderr, again.stderr


def test_dataset_locked_by_another_build_exits_4_in_one_line(tmp_path: Path) -> None:
    from govcrawl.dataset.lock import build_lock

    exports, out = _dataset_tree(tmp_path), tmp_path / "ds"
    out.mkdir()
    with build_lock(out / ".lock"):
        proc = run_cli("dataset", "--exports", str(exports), "--out", str(out), cwd=tmp_path)
    assert proc.returncode == 4
    [line] = proc.stderr.splitlines()  # one line, no traceback
    assert line.startswith(f"govcrawl: {out} is being built by pid {os.getpid()} since ")


def _sample_entry(tmp_path: Path, base: str) -> Path:
    entry = tmp_path / "sample.toml"
    entry.write_text((SAMPLE_SITE / "site.toml").read_text(encoding="utf-8").replace("{base}", base),
                     encoding="utf-8")
    return entry


def _log_file(stderr: str) -> Path:
    [path] = re.findall(r"^govcrawl: log: (.+)$", stderr, re.M)  # named once
    return Path(path)


def test_a_nightly_run_writes_its_summary_and_problems_not_scrapys_log(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with serve_site(SAMPLE_SITE) as base:
        args = ["run", str(_sample_entry(tmp_path, base)), "--out", str(out), "--state", str(tmp_path / "s.sqlite"),
                *[a for s in FAST_SETTINGS for a in ("-s", s)]]
        quiet = run_cli(*args, cwd=tmp_path)
        verbose = run_cli(*args, "-v", cwd=tmp_path)
    assert quiet.returncode == 0, quiet.stderr[-3000:]
    assert len(quiet.stderr.splitlines()) <= 25, quiet.stderr
    assert "Dumping Scrapy stats" not in quiet.stderr and "Enabled extensions" not in quiet.stderr
    log = _log_file(quiet.stderr)
    assert log.parent == out / "logs"  # in the export tree, beside the run folders
    assert "Dumping Scrapy stats" in log.read_text(encoding="utf-8")
    assert re.search(r"^sample: \d+ pages fetched, 16 articles exported", quiet.stdout, re.M)
    reports = [json.loads(p.read_text(encoding="utf-8")) for p in out.glob("sample/*/*.report.json")]
    [first] = [r for r in reports if r["exported"]]
    assert first["log"] == str(log)  # the report names its log
    # -v: Scrapy's log on stderr as well, and still in a file of its own
    assert verbose.returncode in (0, 3), verbose.stderr[-3000:]  # 3: a second run exports nothing new
    assert "Dumping Scrapy stats" in verbose.stderr and "Enabled extensions" in verbose.stderr
    assert "Dumping Scrapy stats" in _log_file(verbose.stderr).read_text(encoding="utf-8")


def test_check_logs_to_a_file_under_the_home_folder(tmp_path: Path) -> None:
    with serve_site(SAMPLE_SITE) as base:
        proc = run_cli("check", str(_sample_entry(tmp_path, base)),
                       *[a for s in FAST_SETTINGS for a in ("-s", s)], cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stderr.count("\n") == 1, proc.stderr  # the log file's name alone
    log = _log_file(proc.stderr)
    assert log.parent == tmp_path / "data" / "logs"  # check exports nothing: beside the state
    assert "Dumping Scrapy stats" in log.read_text(encoding="utf-8")
