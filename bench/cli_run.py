"""One govcrawl command in a process of its own, timed: what the benches that crawl share."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path


def run_govcrawl(args: list[str], settings: list[str], cwd: Path) -> tuple[subprocess.CompletedProcess[str], float]:
    """`python -m govcrawl.cli ARGS… -s SETTING…` and its wall time; a failure ends the bench
    with govcrawl's own output."""
    command = [sys.executable, "-m", "govcrawl.cli", *args]
    for setting in settings:
        command += ["-s", setting]
    started = time.perf_counter()
    proc = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        sys.exit(f"govcrawl {args[0]} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr[-3000:]}")
    return proc, wall
