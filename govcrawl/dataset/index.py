"""The build's index (``.build/index.duckdb``): what the last build planned, kept up to date.

It holds the narrow columns of every stored row, their versions, the reprint groups and the
plan, and the store files they came from. A build adds only the store files the index lacks;
an index made under other options, or holding a file the build no longer has (a rebuild, a lost
manifest), is thrown away and made again from the store, which is always the same as
updating it step by step (tests/dataset/test_index.py checks that).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import duckdb

from govcrawl.dataset import groups, plan
from govcrawl.dataset.lock import BuildLocked, held_elsewhere

log = logging.getLogger(__name__)

#: 2: the plan keeps each row's version, no revision of its own (the record's is taken as is)
INDEX_VERSION = 2
TABLES = """CREATE TABLE chunks (chunk VARCHAR); CREATE TABLE meta (value VARCHAR);
    CREATE TABLE unwritten (site VARCHAR);"""


def connect(build: Path, memory_limit: str = "1GB") -> duckdb.DuckDBPyConnection:
    """The index with fixed settings: UTC session, bounded memory that spills into the build folder."""
    (build / "tmp").mkdir(exist_ok=True)
    con = duckdb.connect(str(build / "index.duckdb"), config={
        "memory_limit": memory_limit, "temp_directory": str(build / "tmp"), "preserve_insertion_order": True})
    con.execute("SET TimeZone = 'UTC'")  # after connecting: the zone needs ICU loaded
    return con


def open_index(build: Path, options: dict[str, Any], chunks: set[str]) -> tuple[duckdb.DuckDBPyConnection, list[str]]:
    """The index for these options and store files, and the files it lacks (sorted)."""
    con = _open_existing(build, options, chunks)
    if con is None:
        drop_index(build)
        con = connect(build)
        con.execute(plan.SCHEMA + groups.SCHEMA + TABLES)
        con.execute("INSERT INTO meta VALUES (?)", [_meta(options)])
    have = {row[0] for row in con.execute("SELECT chunk FROM chunks").fetchall()}
    return con, sorted(chunks - have)


def drop_index(build: Path) -> None:
    """Delete the index: the next ``open_index`` makes it again from the store."""
    for name in ("index.duckdb", "index.duckdb.wal"):
        (build / name).unlink(missing_ok=True)


def _open_existing(build: Path, options: dict[str, Any], chunks: set[str]) -> duckdb.DuckDBPyConnection | None:
    """The index as the last build left it, if it serves these options and store files; None
    when it does not, or cannot be read (then with one warning)."""
    path = build / "index.duckdb"
    if held_elsewhere(path):
        raise BuildLocked(f"{path} is held open by another process")
    con = None
    try:
        con = connect(build)
        if _usable(con, options, chunks):
            return con
    except duckdb.Error as exc:
        log.warning("%s cannot be read (%s): making it again from the store", path, str(exc).splitlines()[0])
    if con is not None:
        con.close()
    return None


def _usable(con: duckdb.DuckDBPyConnection, options: dict[str, Any], chunks: set[str]) -> bool:
    tables = {row[0] for row in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    if not {"meta", "chunks"} <= tables:
        return False
    if con.execute("SELECT value FROM meta").fetchone()[0] != _meta(options):
        return False
    have = {row[0] for row in con.execute("SELECT chunk FROM chunks").fetchall()}
    return have <= chunks


def _meta(options: dict[str, Any]) -> str:
    return json.dumps({"version": INDEX_VERSION, "options": options}, sort_keys=True, ensure_ascii=False)


def update_index(con: duckdb.DuckDBPyConnection, new: list[str], root: str, filters: plan.Filters) -> set[str]:
    """Take the new store files in and replan what they touch; the sites whose rows changed.

    Runs in the caller's transaction: commit once the changed sites are written, so that a build
    cut short leaves the index as the last finished build left it.
    """
    everything = not con.execute("SELECT count(*) FROM chunks").fetchone()[0]
    plan.add_rows(con, new, root, everything)
    plan.update_versions(con, everything)
    groups.update_groups(con, root, everything)
    changed = plan.update_plan(con, filters, "regrouped", everything)
    if new:
        con.execute("INSERT INTO chunks SELECT unnest(?::VARCHAR[])", [new])
    return changed
