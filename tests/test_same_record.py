"""A crawl and ``govcrawl extract`` make the same record of the same page at the same fetch time,
byte for byte, and a site entry's [selectors] work in both."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from govcrawl import cli
from govcrawl.extract import decode_html
from govcrawl.siteserver import serve_site
from tests.conftest import FAST_SETTINGS, SAMPLE_SITE, read_jsonl, run_cli

#: the entry's override: the headline from <title> (whole, site name included), not detection
SELECTORS = '\n[selectors]\ntitle = "head > title"\n'


@pytest.fixture
def crawled(tmp_path: Path) -> tuple[Path, list[str]]:
    """Crawl a copy of the sample site from an entry in data/sites/; (site folder, export lines)."""
    site = tmp_path / "site"
    shutil.copytree(SAMPLE_SITE, site)
    (tmp_path / "data" / "sites").mkdir(parents=True)
    with serve_site(site) as base:
        entry = (site / "site.toml").read_text(encoding="utf-8").replace("{base}", base) + SELECTORS
        (tmp_path / "data" / "sites" / "sample.toml").write_text(entry, encoding="utf-8")
        args = ["crawl", "sample", "--out", str(tmp_path / "out")]
        for setting in FAST_SETTINGS:
            args += ["-s", setting]
        proc = run_cli(*args, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    [export] = (tmp_path / "out" / "sample").glob("*/*.jsonl")
    return site, export.read_text(encoding="utf-8").splitlines()


def _title_tag(path: Path) -> str | None:
    found = re.search(r"<title>(.*?)</title>", decode_html(path.read_bytes()), re.S | re.I)
    return " ".join(found[1].split()) if found else None


def test_crawl_and_extract_give_identical_records(crawled, tmp_path: Path, monkeypatch, capsys) -> None:
    site, lines = crawled
    assert len(lines) == len(read_jsonl(SAMPLE_SITE / "expected.jsonl"))
    monkeypatch.chdir(tmp_path)  # where data/sites/sample.toml is found
    for line in lines:
        record = json.loads(line)
        saved = site / urlsplit(record["url"]).path.lstrip("/")
        argv = ["extract", str(saved), "--url", record["url"], "--site", "sample",
                "--fetched-at", record["crawled_at"]]
        if record["column"]:
            argv += ["--column", record["column"]]
        assert cli.main(argv) == 0
        extracted = json.loads(capsys.readouterr().out)
        assert extracted.pop("file") == str(saved)
        assert json.dumps(extracted, ensure_ascii=False) == line


def test_selectors_override_detection_in_the_crawl(crawled) -> None:
    site, lines = crawled
    checked = 0
    for record in map(json.loads, lines):
        title = _title_tag(site / urlsplit(record["url"]).path.lstrip("/"))
        if title:
            assert record["title"] == title
            checked += 1
    assert checked >= len(lines) // 2
