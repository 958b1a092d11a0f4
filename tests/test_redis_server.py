"""The Redis tests skip only on a developer's machine without redis-server, never in CI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.redis_server import BINARY_ENV, REQUIRE_ENV

#: one test that needs the server
NEEDS_REDIS = "tests/state/test_redis.py::test_a_live_holder_keeps_the_lock_beyond_its_ttl"


def run_without_redis_server(require: bool) -> subprocess.CompletedProcess[str]:
    """pytest in a fresh process whose PATH holds no redis-server."""
    env = {k: v for k, v in os.environ.items() if k not in (BINARY_ENV, REQUIRE_ENV)}
    env["PATH"] = str(Path(sys.executable).parent)
    if require:
        env[REQUIRE_ENV] = "1"
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", NEEDS_REDIS],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.parametrize("require", [False, True])
def test_a_missing_redis_server_skips_unless_required(require: bool) -> None:
    proc = run_without_redis_server(require)
    if require:
        assert proc.returncode == 1, proc.stdout
        assert "no redis-server on PATH" in proc.stdout and f"{REQUIRE_ENV} is set" in proc.stdout
    else:
        assert proc.returncode == 0, proc.stdout
        assert "1 skipped" in proc.stdout and "no redis-server on PATH" in proc.stdout
