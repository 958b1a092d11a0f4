"""One build of a dataset folder at a time: an flock on ``<out>/.lock``, which dies with its holder.

A second build waits a little (cron jobs that overlap by seconds), then gives up with
``BuildLocked``; the CLI exits with ExitCode.LOCKED.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

#: seconds a build waits for another to finish before it gives up
WAIT = 5.0
POLL = 0.1


class BuildLocked(RuntimeError):
    """Another process is building the same dataset folder, or holds its index open."""


@contextmanager
def build_lock(path: Path, wait: float | None = None) -> Iterator[None]:
    """Hold the lock on ``path`` for the block, or raise BuildLocked after ``wait`` seconds."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _take(fd, path, WAIT if wait is None else wait)
        os.ftruncate(fd, 0)
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        os.pwrite(fd, f"pid {os.getpid()} since {stamp}\n".encode(), 0)
        yield
        os.ftruncate(fd, 0)  # the holder's line goes with it: a finished build leaves an empty file
    finally:
        os.close(fd)  # closing the descriptor releases the flock


def _take(fd: int, path: Path, wait: float) -> None:
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "another process"
                raise BuildLocked(f"{path.parent} is being built by {holder} ({path})") from None
            time.sleep(POLL)


def held_elsewhere(path: Path) -> bool:
    """Whether another process holds a POSIX lock on ``path`` (DuckDB's lock on its file).

    DuckDB says "IO Error" alike for a lock it cannot take and for a file that is no database,
    so the lock is tested for itself. The probe must run while this process has no connection
    to the file: closing any descriptor drops all of a process's POSIX locks on it.
    """
    if not path.exists():
        return False
    fd = os.open(path, os.O_RDWR)
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:  # EAGAIN or EACCES, as the platform reports a held lock
        return True
    finally:
        os.close(fd)
    return False
