"""Shared fixtures: the sample site served on loopback, crawls run in subprocesses, and the
crawl state stores (a SQLite file, or a database of a real redis-server)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from scrapy.crawler import Crawler

from govcrawl.run_context import RunContext
from govcrawl.state.base import CrawlState
from govcrawl.state.factory import is_redis_url
from govcrawl.state.redis import RedisState
from govcrawl.state.sqlite import SQLiteState
from tests.forkserver import run_govcrawl
from tests.redis_server import REQUIRE_ENV, RedisServer, find_binary, redis_required, running_redis
from tests.shared import check_shared

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_SITE = ROOT / "data" / "sample-site"
FIXTURES = Path(__file__).parent / "fixtures"
# Subprocesses (CLI runs, benches, Scrapyd) import this checkout's govcrawl, not whichever
# checkout the venv has installed in editable mode.
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))

#: loopback crawls need no politeness delays; the console stays off in tests
FAST_SETTINGS = [
    "DOWNLOAD_DELAY=0", "AUTOTHROTTLE_ENABLED=False", "CONCURRENT_REQUESTS_PER_DOMAIN=8",
    "TELNETCONSOLE_ENABLED=False", "RETRY_TIMES=0",
    # distributed runs (--redis): a worker leaves as soon as the run is quiet
    "GOVCRAWL_IDLE_EXIT_SECONDS=0.5",
]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "needs_shared(path): reads this file of ../shared (fails in CI without it)")


def pytest_runtest_setup(item: pytest.Item) -> None:
    check_shared(item)


def read_jsonl(path: Path) -> list[dict]:
    """Every record of a JSON Lines file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def run_cli(*args: str, cwd: Path, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    """Run ``govcrawl`` in a fresh process (the reactor cannot restart in one process)."""
    # PYTHONPATH: settings may name test-only components (tests.pipelines.failing …)
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONPATH": str(ROOT)}
    return run_govcrawl(list(args), cwd=cwd, env=env, timeout=timeout)


#: the line on which crawl, run and check name their log file (govcrawl.logfile)
LOG_FILE_LINE = re.compile(r"^govcrawl: log: (.+)$", re.MULTILINE)


def whole_log(stderr: str) -> str:
    """What a command logged: its stderr (warnings, errors, summary) and the log file it names
    there, which holds Scrapy's whole log (settings, progress, the stats dump)."""
    logs = [Path(path) for path in LOG_FILE_LINE.findall(stderr)]
    return stderr + "".join(log.read_text(encoding="utf-8") for log in logs)


@dataclass(slots=True)
class EntryCrawl:
    """What ``govcrawl crawl ENTRY`` did: the process, the exported records and the run report."""

    proc: subprocess.CompletedProcess[str]
    records: list[dict]
    report: dict


def crawl_entry(tmp_path: Path, entry_text: str, *extra: str) -> EntryCrawl:
    """Write an entry file and crawl it with FAST_SETTINGS (and ``extra`` arguments) into
    ``tmp_path/out`` (the site must be served meanwhile); a run that exports nothing has no
    records file."""
    entry = tmp_path / "entry.toml"
    entry.write_text(entry_text, encoding="utf-8")
    args = ["crawl", str(entry), "--out", str(tmp_path / "out"), *extra]
    for setting in FAST_SETTINGS:
        args += ["-s", setting]
    proc = run_cli(*args, cwd=tmp_path)
    exports = list((tmp_path / "out").glob("*/*/*.jsonl"))
    reports = list((tmp_path / "out").glob("*/*/*.report.json"))
    report = json.loads(reports[0].read_text(encoding="utf-8")) if reports else {}
    return EntryCrawl(proc, read_jsonl(exports[0]) if exports else [], report)


@pytest.fixture
def site_dir(tmp_path: Path) -> Path:
    """A copy of the sample site plus a column of broken pages (404, 500, malformed)."""
    site = tmp_path / "site"
    shutil.copytree(SAMPLE_SITE, site)
    shutil.copytree(FIXTURES / "faults", site / "faults")
    return site


def same_text(got: str | None, want: str | None) -> bool:
    """Equal as the extraction metric compares them: NFKC, whitespace and 《》 ignored."""
    import unicodedata

    def norm(s: str | None) -> str:
        return "".join(unicodedata.normalize("NFKC", s or "").split()).strip("《》〈〉")

    return norm(got) == norm(want)


def same_published(got: str | None, want: str | None) -> bool:
    """A label's "YYYY-MM-DD[THH:MM]" agrees with an exported ISO time (or both are absent)."""
    return got is None if want is None else bool(got) and got.startswith(want)


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    """A redis-server for the whole session; skipped without one, except in CI where it fails."""
    binary = find_binary()
    if binary is None:
        message = "no redis-server on PATH (apt-get install redis-server, or set GOVCRAWL_REDIS_SERVER)"
        if redis_required():
            pytest.fail(f"{message}, and {REQUIRE_ENV} is set")
        pytest.skip(message)
    with running_redis(binary, tmp_path_factory.mktemp("redis")) as server:
        yield server


@pytest.fixture
def redis_db(redis_server: RedisServer) -> RedisServer:
    """The session's redis-server, emptied for this test."""
    redis_server.flush()
    return redis_server


@dataclass(frozen=True, slots=True)
class StateStore:
    """Where a test's crawl state lives, named as GOVCRAWL_STATE_PATH names it: a SQLite file
    or a redis:// URL."""

    location: str
    tmp: Path

    def open(self) -> CrawlState:
        return RedisState.from_url(self.location) if is_redis_url(self.location) else SQLiteState(self.location)

    def other(self) -> StateStore:
        """A second, independent store of the same kind (Redis: the next database)."""
        if is_redis_url(self.location):
            base, _, db = self.location.rpartition("/")
            return StateStore(f"{base}/{int(db) + 1}", self.tmp / "other")
        return StateStore(str(self.tmp / "other" / "state.sqlite"), self.tmp / "other")


@pytest.fixture(params=["sqlite", "redis"])
def state_store(request: pytest.FixtureRequest, tmp_path: Path) -> StateStore:
    """The same tests against both state stores."""
    if request.param == "sqlite":
        return StateStore(str(tmp_path / "state.sqlite"), tmp_path)
    server = request.getfixturevalue("redis_db")
    return StateStore(server.url(0), tmp_path)


def opened_run(crawler: Crawler) -> RunContext:
    """Open the crawler's run as the run component does at spider_opened (its spider made first),
    for tests that drive components one by one without starting the crawler."""
    if crawler.spider is None:
        crawler.spider = crawler.spidercls.from_crawler(crawler)
    return RunContext.open(crawler)
