"""Shared fixtures: the sample site served on loopback, and crawls run in subprocesses."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_SITE = ROOT / "data" / "sample-site"
FIXTURES = Path(__file__).parent / "fixtures"
#: the labelled corpus beside the repository (absent on a bare clone)
CORPUS = ROOT.parent / "shared" / "corpus"

#: loopback crawls need no politeness delays; the console stays off in tests
FAST_SETTINGS = [
    "DOWNLOAD_DELAY=0", "AUTOTHROTTLE_START_DELAY=0", "CONCURRENT_REQUESTS_PER_DOMAIN=8",
    "TELNETCONSOLE_ENABLED=False", "RETRY_TIMES=0",
]


def read_jsonl(path: Path) -> list[dict]:
    """Every record of a JSON Lines file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def run_cli(*args: str, cwd: Path, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    """Run ``govcrawl`` in a fresh process (the reactor cannot restart in one process)."""
    # PYTHONPATH: settings may name test-only components (tests.pipelines.failing …)
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "govcrawl.cli", *args],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False,
    )


@pytest.fixture
def site_dir(tmp_path: Path) -> Path:
    """A copy of the sample site plus a column of broken pages (404, 500, malformed)."""
    site = tmp_path / "site"
    shutil.copytree(SAMPLE_SITE, site)
    shutil.copytree(FIXTURES / "faults", site / "faults")
    return site


def same_text(got: str | None, want: str | None) -> bool:
    """Equal as the extraction metric compares them: NFKC, whitespace and 《》 ignored."""
    import unicodedata

    def norm(s: str | None) -> str:
        return "".join(unicodedata.normalize("NFKC", s or "").split()).strip("《》〈〉")

    return norm(got) == norm(want)


def same_published(got: str | None, want: str | None) -> bool:
    """A label's "YYYY-MM-DD[THH:MM]" agrees with an exported ISO time (or both are absent)."""
    return got is None if want is None else bool(got) and got.startswith(want)
