"""A dataset from what govcrawl really writes: a full crawl, then incremental runs of a loopback site."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq

from govcrawl.pipelines.validate import schema_errors
from govcrawl.siteserver import serve_site
from tests.conftest import FAST_SETTINGS, read_jsonl, run_cli
from tests.sitegen import GeneratedSite


def test_a_crawl_then_runs_make_one_row_per_article(tmp_path: Path) -> None:
    site = GeneratedSite(tmp_path / "site", per_page=10)
    site.add(12)
    out, state = tmp_path / "exports", tmp_path / "state.sqlite"
    settings = [arg for setting in FAST_SETTINGS for arg in ("-s", setting)]
    with serve_site(site.root) as base:
        entry = tmp_path / "gen.toml"
        entry.write_text(site.entry_toml(base), encoding="utf-8")
        for args in (["crawl", str(entry)], ["run", str(entry)], ["run", str(entry)]):
            if args[0] == "run":
                args += ["--state", str(state)]
            proc = run_cli(*args, "--out", str(out), *settings, cwd=tmp_path)
            assert proc.returncode == 0, proc.stderr[-3000:]
        site.add(2)
        site.edit(1)
        proc = run_cli("run", str(entry), "--state", str(state), "--refresh", "--out", str(out), *settings, cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr[-3000:]
    reports = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(out.glob("gen/*/*.report.json"))]
    assert sorted(r["run_kind"] for r in reports) == ["crawl", "run", "run", "run"]
    files = sorted(out.glob("gen/*/*.jsonl"))
    assert len(files) == 3  # the unchanged run left a report and no empty file
    exported = [r for f in files for r in read_jsonl(f)]
    assert len(exported) == 12 + 12 + 3  # snapshot, first run (no state yet), two new and one edit

    ds = tmp_path / "ds"
    proc = run_cli("dataset", "--exports", str(out), "--out", str(ds), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "dataset: 14 rows (14 articles, 1 sites); read 3 new run files (27 records)" in proc.stdout
    rows = pq.read_table(ds / "articles").to_pylist()
    assert sorted(r["url"] for r in rows) == sorted(base + site.article_path(n) for n in range(1, 15))
    [edited] = [r for r in rows if r["url"] == base + site.article_path(1)]
    assert "更正" in edited["body"] and edited["revision"] == 2 and edited["run_kind"] == "run"
    for row in rows:  # each row is the record as exported, plus the dataset's columns
        original = next(r for r in exported if r["content_hash"] == row["content_hash"])
        assert row["title"] == original["title"] and row["published_at"].isoformat() == original["published_at"]
        assert schema_errors(original) == []
    again = run_cli("dataset", "--exports", str(out), "--out", str(ds), cwd=tmp_path)
    assert "read 0 new run files (0 records); rewrote 0 sites" in again.stdout
