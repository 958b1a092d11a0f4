"""``govcrawl reextract``: the archive of a loopback crawl, extracted again offline."""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest

from govcrawl.siteserver import serve_site
from tests.conftest import FAST_SETTINGS, read_jsonl, run_cli
from tests.sitegen import GeneratedSite

N_ARTICLES = 12


@dataclass(slots=True)
class ArchivedCrawl:
    entry: Path
    archive: Path
    records: list[dict]


@pytest.fixture(scope="module")
def archived(tmp_path_factory: pytest.TempPathFactory) -> ArchivedCrawl:
    tmp = tmp_path_factory.mktemp("archived")
    site = GeneratedSite(tmp / "site", per_page=10)
    site.add(N_ARTICLES)
    entry = tmp / "gen.toml"
    with serve_site(site.root) as base:
        entry.write_text(site.entry_toml(base), encoding="utf-8")
        args = ["crawl", str(entry), "--out", str(tmp / "out"), "--archive", str(tmp / "warc")]
        proc = run_cli(*args, *[arg for setting in FAST_SETTINGS for arg in ("-s", setting)], cwd=tmp)
    assert proc.returncode == 0, proc.stderr[-3000:]
    [archive] = (tmp / "warc").rglob("*.warc.gz")
    return ArchivedCrawl(entry, archive, read_jsonl(next((tmp / "out").glob("gen/*/*.jsonl"))))


def reextract(tmp_path: Path, archived: ArchivedCrawl, *archives: Path) -> tuple[int, str, dict, list[dict]]:
    """Run ``govcrawl reextract``: its exit code, stderr, report and records."""
    proc = run_cli("reextract", *map(str, archives), "--site", str(archived.entry), "--out", str(tmp_path / "re"),
                   cwd=tmp_path)
    [report_file] = (tmp_path / "re").glob("gen/*/*.report.json")
    report = json.loads(report_file.read_text(encoding="utf-8"))
    return proc.returncode, proc.stderr, report, read_jsonl(Path(report["export"])) if report["export"] else []


def test_reextract_gives_the_records_the_crawl_exported(tmp_path: Path, archived: ArchivedCrawl) -> None:
    code, stderr, report, records = reextract(tmp_path, archived, archived.archive)
    assert code == 0, stderr[-3000:]
    assert report["run_kind"] == "reextract" and report["exported"] == N_ARTICLES
    # Every field the same, crawled_at included: the crawl read each page at the archive's
    # WARC-Date, and reextract reads it at that date too. Only a `govcrawl run` (with a state)
    # would differ, in revision, first_seen and previous_hash, which come from its crawl state.
    assert sorted(records, key=lambda r: r["id"]) == sorted(archived.records, key=lambda r: r["id"])


def _middle_of_a_record(archive: Path) -> int:
    """An offset halfway through the gzip member (one record each) two thirds into the archive:
    a cut there is a truncated record (a cut at a member's end, or in its 8-byte trailer, is not)."""
    data, starts, pos = archive.read_bytes(), [], 0
    while pos < len(data):
        member = zlib.decompressobj(wbits=31)
        member.decompress(data[pos:])
        starts.append(pos)
        pos = len(data) - len(member.unused_data)
    middle = len(starts) * 2 // 3
    return (starts[middle] + starts[middle + 1]) // 2


def test_bad_input_is_named_and_the_rest_is_read(tmp_path: Path, archived: ArchivedCrawl) -> None:
    not_warc = tmp_path / "notes.warc.gz"
    not_warc.write_text("这不是一个WARC文件\n", encoding="utf-8")
    whole = archived.archive.read_bytes()
    truncated = tmp_path / "cut.warc.gz"
    truncated.write_bytes(whole[:_middle_of_a_record(archived.archive)])
    code, stderr, report, records = reextract(tmp_path, archived, not_warc, truncated, archived.archive)
    assert code == 1
    lines = stderr.strip().splitlines()
    assert len(lines) == 2 == len(report["unreadable"]), stderr
    assert re.fullmatch(rf"govcrawl: {re.escape(str(not_warc))}: offset 0: .+", lines[0])
    assert re.fullmatch(rf"govcrawl: {re.escape(str(truncated))}: offset [1-9]\d*: .+", lines[1])
    ids = [r["id"] for r in records]
    expected = {r["id"] for r in archived.records}
    assert set(ids) == expected  # the whole archive, after the bad files
    assert N_ARTICLES < len(ids) < 2 * N_ARTICLES  # and the records of the cut file before its cut
