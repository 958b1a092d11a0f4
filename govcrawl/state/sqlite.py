"""The embedded crawl state: one SQLite file in WAL mode."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from govcrawl.state.base import ArticleState, CrawlState, FailedArticle, Rejected, RunRecord

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    url TEXT PRIMARY KEY, site TEXT NOT NULL, first_seen TEXT NOT NULL, last_seen TEXT NOT NULL,
    content_hash TEXT NOT NULL, revision INTEGER NOT NULL, etag TEXT, last_modified TEXT,
    column_name TEXT, quality TEXT);
CREATE TABLE IF NOT EXISTS staged (
    run_id TEXT NOT NULL, url TEXT NOT NULL, site TEXT NOT NULL, first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL, content_hash TEXT NOT NULL, revision INTEGER NOT NULL,
    etag TEXT, last_modified TEXT, column_name TEXT, quality TEXT, PRIMARY KEY (run_id, url));
CREATE TABLE IF NOT EXISTS touched (
    run_id TEXT NOT NULL, url TEXT NOT NULL, seen_at TEXT NOT NULL, etag TEXT,
    last_modified TEXT, PRIMARY KEY (run_id, url));
CREATE INDEX IF NOT EXISTS articles_by_site ON articles (site, first_seen);
CREATE TABLE IF NOT EXISTS runs (
    run_id TEXT PRIMARY KEY, site TEXT NOT NULL, export_path TEXT NOT NULL,
    status TEXT NOT NULL, started TEXT NOT NULL DEFAULT (datetime('now')), report TEXT);
CREATE INDEX IF NOT EXISTS runs_by_site ON runs (site, status);
CREATE TABLE IF NOT EXISTS columns (
    site TEXT NOT NULL, url TEXT NOT NULL, completed_by TEXT NOT NULL, PRIMARY KEY (site, url));
CREATE TABLE IF NOT EXISTS failures (
    url TEXT PRIMARY KEY, site TEXT NOT NULL, reason TEXT NOT NULL, column_name TEXT,
    transient INTEGER NOT NULL, attempts INTEGER NOT NULL, failed_run INTEGER NOT NULL,
    given_up INTEGER NOT NULL, needs_date TEXT);
CREATE INDEX IF NOT EXISTS failures_by_site ON failures (site, transient, given_up);
"""
COLUMNS = "url, site, first_seen, last_seen, content_hash, revision, etag, last_modified, column_name, quality"
#: columns added since the first schema: (table, column, type)
ADDED_COLUMNS = (("articles", "column_name", "TEXT"), ("staged", "column_name", "TEXT"),
                 ("articles", "quality", "TEXT"), ("staged", "quality", "TEXT"), ("failures", "needs_date", "TEXT"))
#: tables of older govcrawls that nothing reads any more
DROPPED_TABLES = ("rejected", "list_pages")
#: the schema's version, kept in the file's PRAGMA user_version; 0 is a file from before it was kept
SCHEMA_VERSION = 3
FAILURE_COLUMNS = "url, reason, column_name, transient, attempts, failed_run, given_up, needs_date"
#: a failure again: one more attempt, given up at the limit; a permanent failure is given up at once
UPSERT_FAILURE = """
INSERT INTO failures (url, site, reason, column_name, transient, attempts, failed_run, given_up, needs_date)
VALUES (:url, :site, :reason, :column_name, :transient, 1, :run, NOT :transient OR :max <= 1, :needs_date)
ON CONFLICT (url) DO UPDATE SET reason = excluded.reason, transient = excluded.transient,
    column_name = coalesce(excluded.column_name, failures.column_name),
    needs_date = coalesce(excluded.needs_date, failures.needs_date),
    attempts = failures.attempts + 1, failed_run = excluded.failed_run,
    given_up = NOT excluded.transient OR failures.attempts + 1 >= :max
"""
#: SQLite caps host parameters per statement; look URLs up in chunks below it
CHUNK = 500


class SQLiteState(CrawlState):
    """CrawlState in one SQLite file; safe for several processes (WAL, busy timeout)."""

    def __init__(self, path: str | Path):
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(path, timeout=30, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.executescript(SCHEMA)
        if self._version() < SCHEMA_VERSION:
            self._migrate()

    def _version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> None:
        """Bring a state file written by an older govcrawl up to the current schema, once."""
        with self._transaction():
            if self._version() >= SCHEMA_VERSION:
                return  # another process migrated it while this one waited for the lock
            for table, name, kind in ADDED_COLUMNS:
                present = {row[1] for row in self.db.execute(f"PRAGMA table_info({table})")}
                if name not in present:
                    self.db.execute(f"ALTER TABLE {table} ADD COLUMN {name} {kind}")
            for table in DROPPED_TABLES:
                self.db.execute(f"DROP TABLE IF EXISTS {table}")
            self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def articles(self, urls: Iterable[str]) -> dict[str, ArticleState]:
        rows = self._lookup(f"SELECT {COLUMNS} FROM articles WHERE url IN ({{}})", urls)
        return {row[0]: ArticleState(*row) for row in rows}

    def _lookup(self, query: str, urls: Iterable[str]) -> list:
        """Rows of ``query`` (with one ``{}`` for the placeholders) for many URLs."""
        urls = list(urls)
        rows = []
        for i in range(0, len(urls), CHUNK):
            chunk = urls[i:i + CHUNK]
            rows += self.db.execute(query.format(",".join("?" * len(chunk))), chunk).fetchall()
        return rows

    def touch(self, run_id: str, url: str, seen_at: str, etag: str | None, last_modified: str | None) -> None:
        self.db.execute("INSERT OR REPLACE INTO touched (run_id, url, seen_at, etag, last_modified)"
                        " VALUES (?, ?, ?, ?, ?)", (run_id, url, seen_at, etag, last_modified))

    def recheck_candidates(self, site: str, first_seen_since: str, limit: int) -> list[ArticleState]:
        # among articles checked at the same time, the newest first seen, then the higher URL
        # (CMS ids grow), are the likelier to be corrected
        rows = self.db.execute(f"SELECT {COLUMNS} FROM articles WHERE site = ? AND first_seen >= ?"
                               " ORDER BY last_seen, first_seen DESC, url DESC LIMIT ?",
                               (site, first_seen_since, limit))
        return [ArticleState(*row) for row in rows]

    def begin_run(self, run: RunRecord) -> None:
        self.db.execute("INSERT INTO runs (run_id, site, export_path, status) VALUES (?, ?, ?, ?)",
                        (run.run_id, run.site, run.export_path, "running"))

    def stage_many(self, run_id: str, articles: Iterable[ArticleState]) -> None:
        rows = [(run_id, a.url, a.site, a.first_seen, a.last_seen, a.content_hash, a.revision,
                 a.etag, a.last_modified, a.column, a.quality) for a in articles]
        with self._transaction():
            self.db.executemany(
                f"INSERT OR REPLACE INTO staged (run_id, {COLUMNS}) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)

    def publish_run(
        self,
        run_id: str,
        report: dict[str, Any],
        *,
        complete_columns: Iterable[str] = (),
        incomplete_columns: Iterable[str] = (),
        rejected: Iterable[Rejected] = (),
        run_number: int = 0,
        max_attempts: int = 1,
    ) -> None:
        with self._transaction():
            if self._published(run_id):
                return  # its records became known once, its failures counted once
            site = self._site_of(run_id)
            self.db.executemany("DELETE FROM columns WHERE site = ? AND url = ?",
                                [(site, url) for url in incomplete_columns])
            self.db.executemany(
                "INSERT OR IGNORE INTO columns (site, url, completed_by) VALUES (?, ?, ?)",
                [(site, url, run_id) for url in complete_columns])
            self.db.executemany(UPSERT_FAILURE, [
                {"url": r.url, "site": site, "reason": r.reason, "column_name": r.column_name,
                 "needs_date": r.needs_date, "transient": r.transient, "run": run_number, "max": max_attempts}
                for r in rejected])
            self.db.execute("DELETE FROM failures WHERE url IN (SELECT url FROM staged WHERE run_id = ?)",
                            (run_id,))
            self.db.execute(
                f"INSERT OR REPLACE INTO articles ({COLUMNS}) "
                f"SELECT {COLUMNS} FROM staged WHERE run_id = ?", (run_id,))
            self.db.execute("DELETE FROM staged WHERE run_id = ?", (run_id,))
            self.db.execute(
                "UPDATE articles SET (last_seen, etag, last_modified) = (SELECT t.seen_at,"
                " coalesce(t.etag, articles.etag), coalesce(t.last_modified, articles.last_modified)"
                " FROM touched t WHERE t.run_id = ? AND t.url = articles.url)"
                " WHERE url IN (SELECT url FROM touched WHERE run_id = ?)", (run_id, run_id))
            self.db.execute("DELETE FROM touched WHERE run_id = ?", (run_id,))
            self.db.execute("UPDATE runs SET status = 'published', report = ? WHERE run_id = ?",
                            (json.dumps(report, ensure_ascii=False), run_id))

    def complete_columns(self, site: str) -> set[str]:
        rows = self.db.execute("SELECT url FROM columns WHERE site = ?", (site,))
        return {row[0] for row in rows}

    def failed_articles(self, urls: Iterable[str]) -> dict[str, FailedArticle]:
        rows = self._lookup(f"SELECT {FAILURE_COLUMNS} FROM failures WHERE url IN ({{}})", urls)
        return {row[0]: _failed(row) for row in rows}

    def pending_articles(self, site: str) -> list[FailedArticle]:
        rows = self.db.execute(f"SELECT {FAILURE_COLUMNS} FROM failures WHERE site = ? AND transient"
                               " AND NOT given_up ORDER BY url", (site,))
        return [_failed(row) for row in rows]

    def publish_group(self, run_id: str, site: str, started: datetime, report: dict[str, Any]) -> None:
        # SQLite's own datetime('now') form, so that groups and runs sort together
        self.db.execute(
            "INSERT OR REPLACE INTO runs (run_id, site, export_path, status, started, report)"
            " VALUES (?, ?, '', 'published', ?, ?)",
            (run_id, site, started.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S"),
             json.dumps(report, ensure_ascii=False)))

    def run_number(self, site: str) -> int:
        [(published,)] = self.db.execute(
            "SELECT count(*) FROM runs WHERE site = ? AND status = 'published'", (site,))
        return published + 1

    def unfinished_runs(self, site: str) -> list[RunRecord]:
        rows = self.db.execute(
            "SELECT run_id, site, export_path, status FROM runs"
            " WHERE site = ? AND status = 'running'", (site,))
        return [RunRecord(*row) for row in rows]

    def abort_run(self, run_id: str) -> None:
        with self._transaction():
            if self._published(run_id):
                return  # its records are in a published file
            self.db.execute("DELETE FROM staged WHERE run_id = ?", (run_id,))
            self.db.execute("DELETE FROM touched WHERE run_id = ?", (run_id,))
            self.db.execute("UPDATE runs SET status = 'aborted' WHERE run_id = ?", (run_id,))

    def recent_reports(self, site: str, limit: int) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT report FROM runs WHERE site = ? AND status = 'published' AND report IS NOT NULL"
            # runs begun in one second (started keeps seconds): the later begun first, by insertion
            " ORDER BY started DESC, rowid DESC LIMIT ?", (site, limit))
        return [json.loads(row[0]) for row in rows]

    def close(self) -> None:
        self.db.close()

    def _site_of(self, run_id: str) -> str:
        row = self.db.execute("SELECT site FROM runs WHERE run_id = ?", (run_id,)).fetchone()
        return row[0] if row is not None else ""

    def _published(self, run_id: str) -> bool:
        row = self.db.execute("SELECT status FROM runs WHERE run_id = ?", (run_id,)).fetchone()
        return row is not None and row[0] == "published"

    def _transaction(self):
        return _Transaction(self.db)


def _failed(row: tuple) -> FailedArticle:
    url, reason, column_name, transient, attempts, failed_run, given_up, needs_date = row
    return FailedArticle(url, reason, column_name, bool(transient), attempts, failed_run, bool(given_up), needs_date)


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT, rolled back on error (the connection runs in autocommit)."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type, exc, tb) -> None:
        self.db.execute("COMMIT" if exc_type is None else "ROLLBACK")
