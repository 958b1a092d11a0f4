"""The code stays within the project's ruff rules (pyproject.toml), as CI sees it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_ruff_clean() -> None:
    ruff = Path(sys.executable).parent / "ruff"
    executable = str(ruff) if ruff.is_file() else shutil.which("ruff")
    if executable is None:
        pytest.skip("ruff is not installed (it comes with the test extra)")
    proc = subprocess.run([executable, "check", "govcrawl", "tests", "bench", "scripts"],
                          cwd=ROOT, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout[-4000:]
