"""Where a run's state and site lock live: a SQLite file by default, Redis given a redis:// URL."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import redis
from scrapy.settings import BaseSettings
from scrapy.utils.misc import load_object

from govcrawl.state.base import CrawlState
from govcrawl.state.lock import SiteLock
from govcrawl.state.redis import RedisState
from govcrawl.state.redis_client import connect
from govcrawl.state.redis_lock import RedisSiteLock

REDIS_SCHEMES = ("redis://", "rediss://", "unix://")
#: what opening or writing a state store raises when the store itself fails
STATE_ERRORS = (OSError, sqlite3.Error, redis.RedisError)


def state_url(settings: BaseSettings) -> str | None:
    """The run's state store: None without GOVCRAWL_STATE_PATH (no incremental run), else
    GOVCRAWL_REDIS_URL (the setting, or the environment variable) over the state path."""
    path = settings.get("GOVCRAWL_STATE_PATH")
    if not path:
        return None
    return settings.get("GOVCRAWL_REDIS_URL") or os.environ.get("GOVCRAWL_REDIS_URL") or str(path)


def is_redis_url(url: str | None) -> bool:
    """Does the state URL name a Redis database?"""
    return bool(url) and url.startswith(REDIS_SCHEMES)


def open_state(settings: BaseSettings) -> CrawlState | None:
    """The state store the settings name, or None for a run without state."""
    url = state_url(settings)
    if url is None:
        return None
    if is_redis_url(url):
        return RedisState.from_url(url, wait=settings.getfloat("GOVCRAWL_REDIS_WAIT"))
    return load_object(settings.get("GOVCRAWL_STATE_CLASS"))(url)


def open_site_lock(settings: BaseSettings, site: str, lock_dir: Path) -> SiteLock | RedisSiteLock:
    """The lock that keeps runs of a site apart: in Redis beside a Redis state, else a file."""
    url = state_url(settings)
    if is_redis_url(url):
        client = connect(url, wait=settings.getfloat("GOVCRAWL_REDIS_WAIT"))
        return RedisSiteLock(client, site, ttl=settings.getfloat("GOVCRAWL_LOCK_TTL"))
    return SiteLock(lock_dir / f"{site}.lock")
