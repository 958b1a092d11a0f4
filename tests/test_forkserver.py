"""A command forked from tests.forkserver answers as the same command started cold."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.forkserver import run_govcrawl


def cold(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "govcrawl.cli", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.parametrize("args", [
    ["sites"],  # stdout, exit 0
    ["crawl", "no-such-site"],  # a message on stderr and the usage exit code
    ["run", "-s", "NOEQUALS"],  # SystemExit with a message
    ["nonsense"],  # argparse's usage, naming the program
])
def test_a_forked_command_answers_as_a_cold_one(tmp_path: Path, args: list[str]) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "GOVCRAWL_HOME": str(tmp_path)}
    forked = run_govcrawl(args, cwd=tmp_path, env=env, timeout=120)
    started = cold(args, tmp_path, env)
    assert (forked.returncode, forked.stdout, forked.stderr) == (started.returncode, started.stdout, started.stderr)
    assert not forked.stderr.startswith("<frozen runpy>")


def test_each_forked_command_has_its_own_environment_and_folder(tmp_path: Path) -> None:
    listed = []
    for key in ("first", "second"):
        home = tmp_path / key
        (home / "data" / "sites").mkdir(parents=True)
        (home / "data" / "sites" / f"{key}.toml").write_text(
            f'key = "{key}"\nname = "站"\ndomains = ["{key}.gov.cn"]\nhome = "http://{key}.gov.cn/"\n',
            encoding="utf-8")
        env = {**os.environ, "PYTHONPATH": str(ROOT), "GOVCRAWL_HOME": str(home)}
        proc = run_govcrawl(["sites"], cwd=home, env=env, timeout=120)
        assert proc.returncode == 0, proc.stderr
        listed.append({line.split()[0] for line in proc.stdout.splitlines()})
    assert "first" in listed[0] and "first" not in listed[1] and "second" in listed[1]
