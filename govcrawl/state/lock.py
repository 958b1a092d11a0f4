"""One run per site at a time: an flock on a lock file, which dies with its process."""

from __future__ import annotations

import fcntl
import os
from datetime import UTC, datetime
from pathlib import Path


class SiteLocked(RuntimeError):
    """Another live process is crawling the site."""


class SiteLock:
    """An exclusive, non-blocking lock on ``<dir>/<site>.lock``.

    The kernel drops an flock when its holder dies, so a lock left by a killed run is
    recovered by simply taking it; the file's text only tells humans who held it.
    """

    def __init__(self, path: Path):
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock or raise SiteLocked naming the holder."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "another process"
            os.close(fd)
            message = f"{self.path.stem} is being crawled by {holder} ({self.path})"
            raise SiteLocked(message) from None
        os.ftruncate(fd, 0)
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        os.pwrite(fd, f"pid {os.getpid()} since {stamp}\n".encode(), 0)
        self._fd = fd

    def abandon(self) -> None:
        """Give the lock up without the store (a file lock needs none)."""
        self.release()

    def release(self) -> None:
        """Give the lock up (closing the descriptor releases the flock)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
