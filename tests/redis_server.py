"""A real ``redis-server`` for the tests: loopback, a free port, a temporary folder, no persistence."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import redis

#: set by .ci/run: there, a missing redis-server fails the tests instead of skipping them
REQUIRE_ENV = "GOVCRAWL_REQUIRE_REDIS"
#: a redis-server binary elsewhere than on PATH
BINARY_ENV = "GOVCRAWL_REDIS_SERVER"


def find_binary() -> str | None:
    """The redis-server to start, or None when this machine has none."""
    return os.environ.get(BINARY_ENV) or shutil.which("redis-server")


def redis_required() -> bool:
    """Must the Redis tests run here (CI), rather than skip without a server?"""
    return os.environ.get(REQUIRE_ENV, "") not in ("", "0")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RedisServer:
    """One redis-server process; ``url(db)`` names one of its databases."""

    def __init__(self, binary: str, folder: Path, *, persistent: bool = False):
        self.binary, self.folder, self.persistent = binary, folder, persistent
        self.port = 0
        self.proc: subprocess.Popen[bytes] | None = None

    def url(self, db: int = 0) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def client(self, db: int = 0) -> redis.Redis:
        return redis.Redis.from_url(self.url(db), decode_responses=True)

    def start(self, timeout: float = 10.0, *, port: int = 0) -> None:
        """Start on a free port (or ``port``, to come back where clients look for it); another
        process may grab a free port first, so try a few. A persistent server writes every
        command to its append-only file before answering, and reads it back when started again."""
        durability = ["--appendonly", "yes", "--appendfsync", "always"] if self.persistent else ["--appendonly", "no"]
        for _ in range(3):
            self.port = port or _free_port()
            log = (self.folder / "redis.log").open("ab")
            self.proc = subprocess.Popen(
                [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.folder),
                 "--save", "", *durability, "--daemonize", "no", "--loglevel", "warning"],
                stdout=log, stderr=subprocess.STDOUT)
            log.close()
            if self._ready(timeout):
                return
            self.stop()
        raise RuntimeError(f"redis-server did not start; see {self.folder / 'redis.log'}")

    def _ready(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.proc.poll() is None:
            try:
                with self.client() as client:
                    if client.ping():
                        return True
            except redis.ConnectionError:
                time.sleep(0.05)
        return False

    def kill(self) -> None:
        """Die as a crash or an OOM kill would: no shutdown, no last save."""
        self.proc.kill()
        self.proc.wait()
        self.proc = None

    def stop(self) -> None:
        if self.proc is None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc = None

    def flush(self) -> None:
        """Empty every database: each test starts from nothing."""
        with self.client() as client:
            client.flushall()


@contextmanager
def running_redis(binary: str, folder: Path) -> Iterator[RedisServer]:
    """A started server, stopped on exit."""
    folder.mkdir(parents=True, exist_ok=True)
    server = RedisServer(binary, folder)
    server.start()
    try:
        yield server
    finally:
        server.stop()
