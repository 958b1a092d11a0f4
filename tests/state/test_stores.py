"""The CrawlState contract, run against both stores: a SQLite file and a real redis-server."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from govcrawl.state.base import ArticleState, CrawlState, Rejected, RunRecord
from govcrawl.state.sqlite import SCHEMA_VERSION, SQLiteState
from tests.conftest import StateStore

SITE = "ex"
BASE = "http://www.example.gov.cn/xwzx/"


@pytest.fixture
def state(state_store: StateStore) -> Iterator[CrawlState]:
    store = state_store.open()
    yield store
    store.close()


def article(n: int, *, first_seen: str = "2026-11-01T00:00:00+00:00", last_seen: str | None = None,
            revision: int = 1, content_hash: str = "h") -> ArticleState:
    return ArticleState(url=f"{BASE}{n}.html", site=SITE, first_seen=first_seen, last_seen=last_seen or first_seen,
                        content_hash=content_hash, revision=revision, etag=None, last_modified=None)


def publish(state: CrawlState, run_id: str, articles=(), **kwargs) -> None:
    """A whole run: begin, stage, publish."""
    state.begin_run(RunRecord(run_id, SITE, f"/exports/{run_id}.jsonl"))
    state.stage_many(run_id, articles)
    state.publish_run(run_id, {"site": SITE, "run_id": run_id, "note": "天门"}, **kwargs)


def test_staged_articles_become_known_only_when_published(state: CrawlState) -> None:
    state.begin_run(RunRecord("r1", SITE, "/exports/r1.jsonl"))
    state.stage_many("r1", [article(1), article(2)])
    assert state.articles([article(1).url]) == {}
    assert [r.run_id for r in state.unfinished_runs(SITE)] == ["r1"]
    state.publish_run("r1", {"site": SITE})
    assert state.articles([article(1).url, article(2).url, article(3).url]) == {
        article(1).url: article(1), article(2).url: article(2)}
    assert state.unfinished_runs(SITE) == [] and state.run_number(SITE) == 2


def test_an_aborted_run_leaves_nothing(state: CrawlState) -> None:
    publish(state, "r1", [article(1)])
    state.begin_run(RunRecord("r2", SITE, "/exports/r2.jsonl"))
    state.stage_many("r2", [article(2), article(1, revision=2, content_hash="new")])
    state.touch("r2", article(1).url, "2026-11-20T00:00:00+00:00", '"e"', None)
    state.abort_run("r2")
    assert state.articles([article(1).url, article(2).url]) == {article(1).url: article(1)}
    assert state.unfinished_runs(SITE) == [] and state.run_number(SITE) == 2
    state.publish_run("r2", {"site": SITE})  # nothing was left staged to commit
    assert article(2).url not in state.articles([article(2).url])


def test_publishing_twice_counts_once(state: CrawlState) -> None:
    failure = Rejected(f"{BASE}9.html", "http_503", None, transient=True)
    publish(state, "r1", [article(1)], rejected=[failure], run_number=1, max_attempts=5)
    state.publish_run("r1", {"site": SITE, "again": True}, rejected=[failure], run_number=1, max_attempts=5)
    assert state.failed_articles([failure.url])[failure.url].attempts == 1
    assert state.recent_reports(SITE, 10)[0].get("again") is None
    state.abort_run("r1")  # too late: its file is published
    assert article(1).url in state.articles([article(1).url])


def test_a_later_revision_replaces_the_earlier(state: CrawlState) -> None:
    publish(state, "r1", [article(1)])
    publish(state, "r2", [article(1, revision=2, content_hash="h2", last_seen="2026-11-02T00:00:00+00:00")])
    known = state.articles([article(1).url])[article(1).url]
    assert (known.revision, known.content_hash, known.first_seen) == (2, "h2", article(1).first_seen)
    assert state.run_number(SITE) == 3


def test_a_touch_counts_once_the_run_is_published(state: CrawlState) -> None:
    publish(state, "r1", [article(1)])
    state.begin_run(RunRecord("r2", SITE, "/exports/r2.jsonl"))
    state.touch("r2", article(1).url, "2026-11-20T00:00:00+00:00", '"v2"', None)
    state.touch("r2", f"{BASE}unknown.html", "2026-11-20T00:00:00+00:00", None, None)
    assert state.articles([article(1).url])[article(1).url].last_seen == article(1).last_seen
    state.publish_run("r2", {"site": SITE})
    after = state.articles([article(1).url, f"{BASE}unknown.html"])
    assert list(after) == [article(1).url]
    assert (after[article(1).url].last_seen, after[article(1).url].etag) == ("2026-11-20T00:00:00+00:00", '"v2"')


def test_transient_failures_back_off_and_are_given_up(state: CrawlState) -> None:
    url = f"{BASE}9.html"
    for run in (1, 2, 3):
        publish(state, f"r{run}", rejected=[Rejected(url, "http_503", "要闻", transient=True)], run_number=run,
                max_attempts=3)
        failed = state.failed_articles([url])[url]
        assert (failed.attempts, failed.failed_run, failed.column_name) == (run, run, "要闻")
        assert failed.given_up == (run == 3)
        assert [p.url for p in state.pending_articles(SITE)] == ([] if run == 3 else [url])
    assert not failed.is_due(10)


def test_a_failure_keeps_what_its_link_asked_of_an_undated_page(state: CrawlState) -> None:
    card, plain = f"{BASE}card.html", f"{BASE}3.html"
    publish(state, "r1", rejected=[Rejected(card, "timeout", "产品", transient=True, needs_date="catalogue"),
                                   Rejected(plain, "timeout", "要闻", transient=True)], run_number=1, max_attempts=5)
    # a later failure met without the need (a retry of an older run) keeps the one known
    publish(state, "r2", rejected=[Rejected(card, "http_503", "产品", transient=True)], run_number=2, max_attempts=5)
    assert {p.url: p.needs_date for p in state.pending_articles(SITE)} == {card: "catalogue", plain: None}


def test_permanent_failures_are_given_up_at_once_and_exports_clear_failures(state: CrawlState) -> None:
    gone, flaky = f"{BASE}404.html", f"{BASE}2.html"
    publish(state, "r1", rejected=[Rejected(gone, "http_404"), Rejected(flaky, "timeout", transient=True)],
            run_number=1, max_attempts=5)
    assert state.failed_articles([gone])[gone].given_up
    assert [p.url for p in state.pending_articles(SITE)] == [flaky]
    publish(state, "r2", [article(2)], run_number=2)
    assert state.failed_articles([gone, flaky]).keys() == {gone}
    assert state.pending_articles(SITE) == []


def test_pending_failures_in_url_order(state: CrawlState) -> None:
    urls = [f"{BASE}{n}.html" for n in (3, 1, 2)]
    publish(state, "r1", rejected=[Rejected(u, "http_500", transient=True) for u in urls], run_number=1,
            max_attempts=5)
    assert [p.url for p in state.pending_articles(SITE)] == sorted(urls)
    assert state.pending_articles("other") == []


def test_columns_completed_and_reopened(state: CrawlState) -> None:
    publish(state, "r1", complete_columns=[f"{BASE}a/", f"{BASE}b/"])
    publish(state, "r2", incomplete_columns=[f"{BASE}a/"])
    assert state.complete_columns(SITE) == {f"{BASE}b/"}
    assert state.complete_columns("other") == set()


def test_recent_reports_newest_first(state: CrawlState) -> None:
    for n in range(1, 5):
        publish(state, f"r{n}")
    state.begin_run(RunRecord("r5", SITE, "/exports/r5.jsonl"))  # still running: no report
    assert [r["run_id"] for r in state.recent_reports(SITE, 3)] == ["r4", "r3", "r2"]
    assert state.recent_reports(SITE, 3)[0]["note"] == "天门"
    assert state.recent_reports("other", 3) == []


def test_recheck_candidates_since_the_longest_unchecked_first(state: CrawlState) -> None:
    old = article(1, first_seen="2026-10-01T00:00:00+00:00")
    checked_late = article(2, first_seen="2026-11-02T00:00:00+00:00", last_seen="2026-11-10T00:00:00+00:00")
    newer = article(3, first_seen="2026-11-03T00:00:00+00:00")
    same_higher = article(4, first_seen="2026-11-03T00:00:00+00:00")
    publish(state, "r1", [old, checked_late, newer, same_higher])
    since = "2026-11-01T00:00:00+00:00"
    assert [a.url for a in state.recheck_candidates(SITE, since, 10)] == [
        same_higher.url, newer.url, checked_late.url]
    assert [a.url for a in state.recheck_candidates(SITE, since, 1)] == [same_higher.url]
    assert state.recheck_candidates("other", since, 10) == []


def test_many_urls_are_looked_up_at_once(state: CrawlState) -> None:
    articles = [article(n) for n in range(2500)]
    publish(state, "r1", articles)
    urls = [a.url for a in articles] + [f"{BASE}missing.html"]
    assert len(state.articles(urls)) == 2500
    assert state.failed_articles(urls) == {}


def test_a_killed_runs_record_stays_unfinished(state_store: StateStore) -> None:
    first = state_store.open()
    first.begin_run(RunRecord("killed", SITE, "/exports/killed.jsonl"))
    first.stage_many("killed", [article(1)])
    first.close()  # the process died here
    later = state_store.open()
    assert later.unfinished_runs(SITE) == [RunRecord("killed", SITE, "/exports/killed.jsonl")]
    later.publish_run("killed", {"run_id": "killed", "recovered": True})
    assert article(1).url in later.articles([article(1).url]) and later.unfinished_runs(SITE) == []
    later.close()


def test_the_column_is_kept_with_each_revision(state: CrawlState) -> None:
    listed = ArticleState(url=f"{BASE}1.html", site=SITE, first_seen="2026-11-01T00:00:00+00:00",
                          last_seen="2026-11-01T00:00:00+00:00", content_hash="h", column="通知公告")
    publish(state, "r1", [listed, article(2)])
    assert state.articles([listed.url])[listed.url].column == "通知公告"
    assert state.articles([article(2).url])[article(2).url].column is None
    assert {c.url: c.column for c in state.recheck_candidates(SITE, "2026-10-01", 10)}[listed.url] == "通知公告"
    state.begin_run(RunRecord("r2", SITE, "/exports/r2.jsonl"))
    state.touch("r2", listed.url, "2026-11-20T00:00:00+00:00", '"e"', None)
    state.publish_run("r2", {"site": SITE})
    assert state.articles([listed.url])[listed.url].column == "通知公告"  # a touch keeps it


def test_an_older_sqlite_file_gains_the_column(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    old = sqlite3.connect(path)
    old.execute("CREATE TABLE articles (url TEXT PRIMARY KEY, site TEXT NOT NULL, first_seen TEXT NOT NULL,"
                " last_seen TEXT NOT NULL, content_hash TEXT NOT NULL, revision INTEGER NOT NULL, etag TEXT,"
                " last_modified TEXT)")
    old.execute("INSERT INTO articles VALUES (?, ?, 'a', 'b', 'h', 1, NULL, NULL)", (f"{BASE}1.html", SITE))
    old.commit()
    old.close()
    state = SQLiteState(path)
    try:
        assert state.articles([f"{BASE}1.html"])[f"{BASE}1.html"].column is None
        publish(state, "r1", [ArticleState(url=f"{BASE}2.html", site=SITE, first_seen="a", last_seen="b",
                                           content_hash="h", column="要闻")])
        assert state.articles([f"{BASE}2.html"])[f"{BASE}2.html"].column == "要闻"
    finally:
        state.close()


def test_an_older_sqlite_file_is_migrated_once(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    old = sqlite3.connect(path)
    old.execute("CREATE TABLE rejected (url TEXT PRIMARY KEY, reason TEXT)")  # tables older govcrawls kept
    old.execute("CREATE TABLE list_pages (url TEXT PRIMARY KEY)")
    old.commit()
    old.close()
    SQLiteState(path).close()
    db = sqlite3.connect(path)
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert not {"rejected", "list_pages"} & tables and "failures" in tables
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    # the migration is done: a later open runs no DROP, whatever the file holds
    db.execute("CREATE TABLE list_pages (note TEXT)")
    db.commit()
    db.close()
    SQLiteState(path).close()
    db = sqlite3.connect(path)
    assert db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'list_pages'").fetchone()[0] == 1
    db.close()


def test_a_version_1_file_gains_the_quality_column_and_keeps_its_articles(tmp_path: Path) -> None:
    path = tmp_path / "v1.sqlite"
    old = sqlite3.connect(path)
    old.execute("CREATE TABLE articles (url TEXT PRIMARY KEY, site TEXT NOT NULL, first_seen TEXT NOT NULL,"
                " last_seen TEXT NOT NULL, content_hash TEXT NOT NULL, revision INTEGER NOT NULL, etag TEXT,"
                " last_modified TEXT, column_name TEXT)")
    old.execute("INSERT INTO articles VALUES ('http://ex.gov.cn/1.html', 'ex', 'a', 'b', 'h', 2, NULL, NULL, 'c')")
    old.execute("PRAGMA user_version = 1")
    old.commit()
    old.close()
    state = SQLiteState(path)
    try:
        [known] = state.articles(["http://ex.gov.cn/1.html"]).values()
        assert (known.revision, known.column, known.quality) == (2, "c", None)
        assert state.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 3
    finally:
        state.close()



def test_runs_begun_in_one_second_are_newest_first_by_their_beginning(state: CrawlState) -> None:
    """Run ids end in a random suffix: two runs begun in the same second are told apart by which
    began later (the health alarm reads the last run), not by their ids."""
    for run_id in ("20261208T051808Z-ffffff", "20261208T051808Z-000000"):
        publish(state, run_id)
    assert [r["run_id"] for r in state.recent_reports(SITE, 2)] == ["20261208T051808Z-000000",
                                                                     "20261208T051808Z-ffffff"]
