"""One run per site at a time across machines: a Redis key with an owner token and an expiry.

A holder that dies stops renewing, so its key expires after ``ttl`` seconds and the site is free
again; that is the Redis stand-in for the flock that dies with its process.
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
import threading
from datetime import UTC, datetime

import redis

from govcrawl.state.lock import SiteLocked
from govcrawl.state.redis import DEFAULT_PREFIX

logger = logging.getLogger(__name__)

#: extend the expiry only if the key still holds our token
RENEW = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
"""
#: delete only our own key: after an expiry it may be another run's
RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


class RedisSiteLock:
    """An exclusive, non-blocking lock on ``<prefix>lock:<site>``, renewed by a thread while held.

    The key's value is a random token followed by who holds it (pid, host, since when), so
    that a refused run can name the holder and only the holder can renew or release.
    """

    def __init__(self, client: redis.Redis, site: str, *, prefix: str = DEFAULT_PREFIX, ttl: float = 30.0):
        self.client, self.site, self.ttl = client, site, ttl
        self.key = f"{prefix}lock:{site}"
        self.token: str | None = None
        #: set when a renewal found the key gone or taken over (the run outlived its expiry)
        self.lost = threading.Event()
        self._stop = threading.Event()
        self._renewer: threading.Thread | None = None
        self._renew = client.register_script(RENEW)
        self._release = client.register_script(RELEASE)

    def acquire(self) -> None:
        """Take the lock or raise SiteLocked naming the holder."""
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        token = f"{secrets.token_hex(8)} pid {os.getpid()} on {socket.gethostname()} since {stamp}"
        if not self.client.set(self.key, token, nx=True, px=self._ttl_ms):
            holder = _text(self.client.get(self.key)).partition(" ")[2] or "another process"
            raise SiteLocked(f"{self.site} is being crawled by {holder} (redis key {self.key})")
        self.token = token
        self._stop.clear()
        self._renewer = threading.Thread(target=self._keep, name=f"lock {self.key}", daemon=True)
        self._renewer.start()

    def release(self) -> None:
        """Stop renewing and delete the key if it is still ours."""
        if self.token is None:
            return
        self._stop.set()
        if self._renewer is not None:
            self._renewer.join()
        try:
            self._release(keys=[self.key], args=[self.token])
        finally:
            self.token = None
            self.client.close()

    def abandon(self) -> None:
        """Redis is gone: stop renewing; the key expires by itself after its TTL."""
        self._stop.set()
        self.token = None
        self.client.close()

    @property
    def _ttl_ms(self) -> int:
        return max(1, int(self.ttl * 1000))

    def _keep(self) -> None:
        """Renew three times per expiry, so that one failed renewal does not lose the lock."""
        while not self._stop.wait(self.ttl / 3):
            try:
                renewed = self._renew(keys=[self.key], args=[self.token, self._ttl_ms])
            except redis.RedisError as exc:
                logger.warning("Cannot renew the site lock %s: %s", self.key, exc)
                continue
            if not renewed:
                logger.error("Lost the site lock %s: it expired or was taken over", self.key)
                self.lost.set()
                return


def _text(value: bytes | str | None) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else (value or "")
