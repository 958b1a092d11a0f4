"""Redis clients that ride out a restart: every command is retried with back-off for a while.

A worker whose Redis goes away pauses (the client is synchronous) and takes up where it was once
Redis is back; after ``GOVCRAWL_REDIS_WAIT`` seconds the command's error is raised, and the run
ends with it, naming Redis, rather than going on without its frontier or state.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import urlsplit

import redis
from redis.backoff import ExponentialBackoff
from redis.retry import Retry

#: seconds between tries: 0.1, 0.2, 0.4 … up to this
MAX_BACKOFF = 2.0
#: the default wait for a lost Redis, seconds
DEFAULT_WAIT = 60.0

#: what a lost Redis raises: retried, then raised
LOST = (redis.ConnectionError, redis.TimeoutError, socket.timeout)

logger = logging.getLogger(__name__)
T = TypeVar("T")
#: the Redis servers (host:port/db) waited for in vain by some client of this process
_GONE: set[str] = set()


class WaitingRetry(Retry):
    """redis-py's retry with back-off that says when it starts waiting for Redis and when Redis
    is back (a paused worker is never silent), and waits once per outage: after a command has
    waited the whole time in vain, the next ones fail at once, so that a worker which lost
    Redis for good ends in seconds rather than waiting again for each command of its close."""

    def __init__(self, where: str, wait: float, tries: int):
        super().__init__(ExponentialBackoff(cap=MAX_BACKOFF, base=0.1), tries, supported_errors=LOST)
        self.where, self.wait = where, wait

    def call_with_retry(self, do: Callable[[], T], fail: Callable[..., Any],
                        is_retryable: Callable[[Exception], bool] | None = None,
                        with_failure_count: bool = False) -> T:
        if self.where in _GONE:  # the run fails with it anyway: no more waiting in this process
            try:
                return do()
            except LOST as error:
                fail(error, 1) if with_failure_count else fail(error)
                raise
        failed = False

        def note(error: Exception, *count: int) -> Any:
            nonlocal failed
            if not failed and self.wait > 0:
                logger.warning("Redis at %s does not answer (%s): waiting up to %.0f s", self.where, error,
                               self.wait)
            failed = True
            return fail(error, *count)

        try:
            result = super().call_with_retry(do, note, is_retryable, with_failure_count)
        except LOST:
            _GONE.add(self.where)
            raise
        if failed:
            logger.warning("Redis at %s answers again", self.where)
        return result


def connect(url: str, *, wait: float = DEFAULT_WAIT, decode: bool = True) -> redis.Redis:
    """A client of the Redis at ``url`` whose commands retry a lost connection for ``wait`` seconds."""
    return redis.Redis.from_url(url, decode_responses=decode, retry=_retry(url, wait),
                                retry_on_error=[redis.ConnectionError, redis.TimeoutError],
                                socket_connect_timeout=MAX_BACKOFF, health_check_interval=10)


def unreachable(url: str) -> str | None:
    """Why the Redis at ``url`` cannot be used now (one line), or None when it answers."""
    client = redis.Redis.from_url(url, socket_connect_timeout=MAX_BACKOFF, socket_timeout=MAX_BACKOFF)
    try:
        client.ping()
    except redis.RedisError as exc:
        return f"cannot reach Redis at {url}: {exc}"
    finally:
        client.close()
    return None


def _retry(url: str, wait: float) -> Retry:
    """Enough tries for their back-off to add up to ``wait`` seconds (a refused connection
    fails at once; one that hangs adds up to MAX_BACKOFF a try)."""
    waited, tries = 0.0, 0
    while waited < wait:
        waited += min(MAX_BACKOFF, 0.1 * 2 ** tries)
        tries += 1
    return WaitingRetry(_where(url), wait, tries)


def _where(url: str) -> str:
    """The Redis URL without its credentials, for the log."""
    parts = urlsplit(url)
    host = parts.hostname or "localhost"
    return f"{host}:{parts.port or 6379}{parts.path or '/0'}"
