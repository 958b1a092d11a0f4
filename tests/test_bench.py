"""The extraction benchmark runs and reports sane govcrawl figures (floors live elsewhere)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT
from tests.shared import CORPUS, needs_shared


@needs_shared(CORPUS / "labels.jsonl")
def test_bench_only_govcrawl_writes_json(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    # A subprocess: the peers and Scrapy warn at import, and pytest turns warnings into errors.
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "extraction.py"), "--only", "govcrawl",
         "--repeat", "1", "--corpus", str(CORPUS), "--json", str(out)],
        cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "body_f1" in proc.stdout
    figures = json.loads(out.read_text(encoding="utf-8"))["extractors"]["govcrawl"]
    assert figures["body_f1"] > 0.5
    assert figures["pages/s"] > 0


@needs_shared(CORPUS / "lists" / "labels.jsonl")
def test_discovery_bench_scores_the_list_pages(tmp_path: Path) -> None:
    out = tmp_path / "discovery.json"
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "discovery.py"), "--json", str(out)],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(out.read_text(encoding="utf-8"))["summary"]
    assert summary["list_pages_scored"] >= 5 and 0 <= summary["mean_recall"] <= 1
    assert "mean recall" in proc.stdout


def test_dataset_bench_smoke(tmp_path: Path) -> None:
    out = tmp_path / "dataset.json"
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "dataset.py"), "--records", "3000", "--files", "6",
                           "--sites", "3", "--json", str(out)],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stderr[-3000:]
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert "3000 rows" in figures["full"]["output"] and "read 6 new run files" in figures["full"]["output"]
    # the nightly run: a file's worth of new articles (500) and revisions of 2% of a file (10)
    assert "3500 rows" in figures["incremental"]["output"] and "read 1 new run files (510 records)" in (
        figures["incremental"]["output"])
    assert figures["full"]["peak_rss_mib"] > 0 and figures["incremental"]["cpu_seconds"] > 0


def test_archive_bench_smoke(tmp_path: Path) -> None:
    out = tmp_path / "archive.json"
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "archive.py"), "--articles", "40", "--rounds", "1",
                           "--against", str(ROOT), "--json", str(out)],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stderr[-3000:]
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["exported"] == 40 and figures["reextract"]["records"] == 40
    assert figures["archive_bytes"] > 0 and figures["response_bytes"] > 0 and "overhead" in proc.stdout
    assert figures["reextract"]["compared"][str(ROOT)] > 0  # --against: this same tree, timed twice
