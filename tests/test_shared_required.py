"""The tests of ../shared skip on a bare clone and fail in CI: never a silent pass of the gate."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT
from tests.shared import DIR_ENV, REQUIRE_ENV

#: a plain test and a test parametrized over the corpus pages, both reading ../shared
NEEDS_SHARED = ["tests/test_tianmen_example.py", "tests/extract/test_encoding.py::test_corpus_page_with_a_stray_byte_stays_utf8"]


def run_without_shared(tmp_path, require: bool) -> subprocess.CompletedProcess[str]:
    """pytest in a fresh process that looks for ../shared in an empty folder."""
    env = {k: v for k, v in os.environ.items() if k != REQUIRE_ENV}
    env[DIR_ENV] = str(tmp_path / "no-shared-here")
    if require:
        env[REQUIRE_ENV] = "1"
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-rEs", "-p", "no:cacheprovider", *NEEDS_SHARED],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.parametrize("require", [False, True])
def test_missing_shared_material_skips_unless_required(tmp_path, require: bool) -> None:
    proc = run_without_shared(tmp_path, require)
    assert "no-shared-here" in proc.stdout and "../shared is not beside the repository" in proc.stdout
    if require:
        assert proc.returncode == 1 and "2 errors" in proc.stdout and REQUIRE_ENV in proc.stdout, proc.stdout
    else:
        assert proc.returncode == 0 and "2 skipped" in proc.stdout, proc.stdout
