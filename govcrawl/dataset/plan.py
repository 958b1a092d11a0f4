"""Which stored rows the dataset holds, with their revision and reprint group (DuckDB).

The plan is computed on narrow columns only (ids, times, hashes), so a million rows fit in a
few hundred MB; the wide columns are read per site when the rows are written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import duckdb
import numpy as np
import pyarrow as pa

from govcrawl.dataset import reprints

#: every row of an article in the order its versions appeared; the last keys only break ties
#: (two runs in one second) so that a build always chooses the same way
ORDER = "crawled_at, revision, run_id, _line"


@dataclass(slots=True, frozen=True)
class Filters:
    """What the dataset keeps of the stored rows."""

    sites: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()
    since: date | None = None  # publish date in China, inclusive
    until: date | None = None
    crawled_since: datetime | None = None
    all_revisions: bool = False


def sql_list(items: list[str]) -> str:
    """A SQL list literal of strings (DuckDB table functions take a list of files)."""
    return "[" + ", ".join("'" + item.replace("'", "''") + "'" for item in items) + "]"


def store_view(con: duckdb.DuckDBPyConnection, chunks: list[str], root: str) -> None:
    """``store``: every stored row, with ``_chunk``, its store file relative to the store root."""
    con.execute(f"""CREATE OR REPLACE TEMP VIEW store AS
        SELECT * EXCLUDE (filename), substr(filename, {len(root) + 1}) AS _chunk
        FROM read_parquet({sql_list(chunks)}, filename = true)""")


def make_plan(con: duckdb.DuckDBPyConnection, filters: Filters) -> None:
    """Create the temp table ``plan``: one row per dataset row, keyed by (_chunk, _line)."""
    _versions(con)
    _reprint_groups(con)
    kept = ["true"] if filters.all_revisions else ["v.version = v.versions"]
    kept += _filter_sql(filters)
    con.execute(f"""CREATE OR REPLACE TEMP TABLE plan AS
        SELECT v._chunk, v._line, v.site, v.id, v.version::INTEGER AS revision, v.previous_hash,
               v.first_seen, g.reprint_group, g.reprint_first_published
        FROM versions v JOIN groups g USING (id)
        WHERE {' AND '.join(kept)}
        ORDER BY v.site, v.id, v.version""")


def _versions(con: duckdb.DuckDBPyConnection) -> None:
    """``versions``: an article's distinct versions, numbered in the order they appeared.

    A full crawl exports every article again (revision 1 each time) and an incremental run only
    what changed, so the recorded revision cannot be trusted across a mix of both: a row is a
    new version when its content hash differs from the row before it, and versions are counted
    here. For incremental runs alone this gives the state's own numbers.
    """
    con.execute(f"""CREATE OR REPLACE TEMP TABLE versions AS
        WITH ordered AS (
            SELECT _chunk, _line, id, site, "column", published_at, crawled_at, content_hash,
                   revision, run_id,
                   lag(content_hash) OVER (PARTITION BY id ORDER BY {ORDER}) AS before,
                   min(coalesce(first_seen, crawled_at)) OVER (PARTITION BY id) AS first_seen
            FROM store),
        changed AS (SELECT * FROM ordered WHERE before IS DISTINCT FROM content_hash)
        SELECT * EXCLUDE (before),
               row_number() OVER w AS version,
               lag(content_hash) OVER w AS previous_hash,
               count(*) OVER (PARTITION BY id) AS versions
        FROM changed WINDOW w AS (PARTITION BY id ORDER BY {ORDER})""")


def _reprint_groups(con: duckdb.DuckDBPyConnection) -> None:
    """``groups``: each article's reprint group (named after its first publication) and the
    group's earliest publish time, from the latest version of every article."""
    con.execute("""CREATE OR REPLACE TEMP TABLE bands AS
        SELECT v.id, unnest(s.lsh) AS key
        FROM versions v JOIN store s USING (_chunk, _line)
        WHERE v.version = v.versions AND s.lsh IS NOT NULL""")
    # a bucket shared by several articles links each of them to its smallest id
    edges = con.execute("""
        WITH buckets AS (SELECT key, min(id) AS root FROM bands GROUP BY key HAVING count(*) > 1)
        SELECT DISTINCT b.id, k.root FROM bands b JOIN buckets k USING (key)
        WHERE b.id <> k.root ORDER BY 1, 2""").fetchall()
    members = sorted({x for edge in edges for x in edge})
    sigs = _signatures(con, members)
    component = reprints.group(edges, sigs)
    mapping = pa.table({"id": list(component), "component": list(component.values())})
    con.register("reprint_components", mapping)
    con.execute("""CREATE OR REPLACE TEMP TABLE groups AS
        WITH latest AS (
            SELECT v.id, v.published_at, coalesce(c.component, v.id) AS component
            FROM versions v LEFT JOIN reprint_components c USING (id) WHERE v.version = v.versions),
        named AS (
            SELECT component, first(id ORDER BY published_at NULLS LAST, id) AS reprint_group,
                   min(published_at) AS reprint_first_published
            FROM latest GROUP BY component)
        SELECT l.id, n.reprint_group, n.reprint_first_published FROM latest l JOIN named n USING (component)""")
    con.unregister("reprint_components")


def _signatures(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, np.ndarray]:
    """The latest version's MinHash signature of each of ``ids``."""
    if not ids:
        return {}
    con.register("wanted", pa.table({"id": ids}))
    rows = con.execute("""SELECT v.id, s.minhash FROM versions v JOIN wanted USING (id)
        JOIN store s USING (_chunk, _line) WHERE v.version = v.versions""").fetchall()
    con.unregister("wanted")
    return {i: np.frombuffer(blob, dtype=np.uint32) for i, blob in rows}


def _filter_sql(filters: Filters) -> list[str]:
    """WHERE conditions on ``versions v`` for the filters that are set."""
    conds = []
    if filters.sites:
        conds.append(f"v.site IN (SELECT unnest({sql_list(list(filters.sites))}))")
    if filters.columns:
        conds.append(f"v.\"column\" IN (SELECT unnest({sql_list(list(filters.columns))}))")
    if filters.since:
        conds.append(f"{CHINA_DATE} >= DATE '{filters.since.isoformat()}'")
    if filters.until:
        conds.append(f"{CHINA_DATE} <= DATE '{filters.until.isoformat()}'")
    if filters.crawled_since:
        conds.append(f"v.crawled_at >= TIMESTAMPTZ '{filters.crawled_since.isoformat()}'")
    return conds


#: the publish date in China: ``published_at::date`` would be the UTC date, one day early for
#: every article published before 08:00 (all day-precision ones: they are at 00:00+08:00)
CHINA_DATE = "CAST(timezone('Asia/Shanghai', v.published_at) AS DATE)"
