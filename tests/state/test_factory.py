"""Which store and which lock a run gets from its settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from scrapy.settings import Settings

from govcrawl.state.factory import open_site_lock, open_state, state_url
from govcrawl.state.lock import SiteLock
from govcrawl.state.redis import RedisState
from govcrawl.state.redis_lock import RedisSiteLock
from govcrawl.state.sqlite import SQLiteState

URL = "redis://127.0.0.1:6390/2"


@pytest.fixture(autouse=True)
def no_redis_in_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GOVCRAWL_REDIS_URL", raising=False)


def settings(**values: object) -> Settings:
    return Settings({"GOVCRAWL_STATE_CLASS": "govcrawl.state.sqlite.SQLiteState", "GOVCRAWL_LOCK_TTL": 30.0,
                     **values})


@pytest.mark.parametrize(("values", "env", "expected"), [
    ({}, None, None),  # no state path: a full crawl, even with Redis configured
    ({"GOVCRAWL_REDIS_URL": URL}, URL, None),
    ({"GOVCRAWL_STATE_PATH": "/s/state.sqlite"}, None, "/s/state.sqlite"),
    ({"GOVCRAWL_STATE_PATH": "/s/state.sqlite"}, URL, URL),
    ({"GOVCRAWL_STATE_PATH": "/s/state.sqlite", "GOVCRAWL_REDIS_URL": URL}, None, URL),
    ({"GOVCRAWL_STATE_PATH": URL}, None, URL),
])
def test_the_state_url(monkeypatch: pytest.MonkeyPatch, values: dict, env: str | None, expected: str | None) -> None:
    if env:
        monkeypatch.setenv("GOVCRAWL_REDIS_URL", env)
    assert state_url(settings(**values)) == expected


def test_a_path_opens_sqlite_and_a_file_lock(tmp_path: Path) -> None:
    chosen = settings(GOVCRAWL_STATE_PATH=str(tmp_path / "state.sqlite"))
    state = open_state(chosen)
    assert isinstance(state, SQLiteState)
    state.close()
    assert isinstance(open_site_lock(chosen, "ex", tmp_path / "locks"), SiteLock)
    assert open_state(settings()) is None


def test_a_redis_url_opens_redis_and_a_redis_lock(tmp_path: Path) -> None:
    chosen = settings(GOVCRAWL_STATE_PATH=str(tmp_path / "state.sqlite"), GOVCRAWL_REDIS_URL=URL)
    state = open_state(chosen)  # connects lazily: no server needed to choose
    assert isinstance(state, RedisState)
    assert state.client.connection_pool.connection_kwargs["db"] == 2
    state.close()
    lock = open_site_lock(chosen, "ex", tmp_path / "locks")
    assert isinstance(lock, RedisSiteLock) and lock.key == "govcrawl:lock:ex"
    lock.client.close()
    assert not (tmp_path / "state.sqlite").exists()
