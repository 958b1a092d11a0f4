"""Redis clients that ride out a restart: every command is retried with back-off for a while.

A worker whose Redis goes away pauses (the client is synchronous) and takes up where it was once
Redis is back; after ``GOVCRAWL_REDIS_WAIT`` seconds the command's error is raised, and the run
ends with it, naming Redis, rather than going on without its frontier or state.
"""

from __future__ import annotations

import redis
from redis.backoff import ExponentialBackoff
from redis.retry import Retry

#: seconds between tries: 0.1, 0.2, 0.4 … up to this
MAX_BACKOFF = 2.0
#: the default wait for a lost Redis, seconds
DEFAULT_WAIT = 60.0


def connect(url: str, *, wait: float = DEFAULT_WAIT, decode: bool = True) -> redis.Redis:
    """A client of the Redis at ``url`` whose commands retry a lost connection for ``wait`` seconds."""
    return redis.Redis.from_url(url, decode_responses=decode, retry=_retry(wait),
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


def _retry(wait: float) -> Retry:
    """Enough tries for their back-off to add up to ``wait`` seconds (a refused connection
    fails at once; one that hangs adds up to MAX_BACKOFF a try)."""
    if wait <= 0:
        return Retry(ExponentialBackoff(cap=MAX_BACKOFF, base=0.1), 0)
    waited, tries = 0.0, 0
    while waited < wait:
        waited += min(MAX_BACKOFF, 0.1 * 2 ** tries)
        tries += 1
    return Retry(ExponentialBackoff(cap=MAX_BACKOFF, base=0.1), tries)
