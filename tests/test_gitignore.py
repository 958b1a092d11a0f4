"""What govcrawl writes into a checkout (exports, state, logs, datasets) stays out of git."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("git") is None or not (ROOT / ".git").exists(),
                                reason="not a git checkout")


def _ignored(path: str) -> bool:
    proc = subprocess.run(["git", "check-ignore", "--no-index", "-q", path], cwd=ROOT, check=False)
    return proc.returncode == 0


@pytest.mark.parametrize("path", [
    "data/exports/demo/sample/2026-12-07/20261207T122858Z-534165.jsonl",  # govcrawl demo, crawl, run
    "data/exports/logs/20261207T122422Z-run-25207.log",
    "data/state/govcrawl.sqlite",
    "data/dataset/articles/site=sample/part-0.parquet",  # govcrawl dataset
    "data/dataset-2026/dataset.parquet",
    "data/logs/20261207T122440Z-check-25500.log",  # govcrawl check
    "data/run.log",  # the README's cron line
    ".scrapy/httpcache/sample/00/00",
])
def test_generated_files_are_ignored(path: str) -> None:
    assert _ignored(path)


@pytest.mark.parametrize("path", ["data/sites/tianmen.toml", "data/sample-site/site.toml", "govcrawl/logfile.py"])
def test_sources_are_not(path: str) -> None:
    assert not _ignored(path)
