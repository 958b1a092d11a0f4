"""Which stored rows the dataset holds (DuckDB, in the build's index).

The index keeps every stored row's narrow columns (``rows``), the versions they make
(``versions``) and the dataset's rows (``plan``). A build recomputes these only for the articles
its new rows touch: an article's versions depend on its own rows alone. A row's ``revision`` and
``previous_hash`` are the record's own, numbered by the crawl state; the plan only chooses rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import duckdb

#: every row of an article in the order its versions appeared; the last keys only break ties
#: (two runs in one second) so that a build always chooses the same way
ORDER = "crawled_at, revision, run_id, _line"
#: the stored columns the plan and the card need; the wide ones are read when a site is written
NARROW = ("_line", "id", "site", '"column"', "published_at", "crawled_at", "content_hash", "revision",
          "run_id", "first_seen", "_fields")
#: the plan's columns that go into the dataset (a change in one of them rewrites the site)
OUTPUT = ("_chunk", "_line", "site", "id", "version", "first_seen", "reprint_group", "reprint_first_published")

SCHEMA = f"""
    CREATE TABLE rows (_chunk VARCHAR, _line INTEGER, id VARCHAR, site VARCHAR, "column" VARCHAR,
        published_at TIMESTAMPTZ, crawled_at TIMESTAMPTZ, content_hash VARCHAR, revision INTEGER,
        run_id VARCHAR, first_seen TIMESTAMPTZ, _fields SMALLINT);
    CREATE TABLE versions AS SELECT *, 0::BIGINT AS version, 0::BIGINT AS versions FROM rows LIMIT 0;
    CREATE TABLE plan ({', '.join(f'{c} {t}' for c, t in (
        ("_chunk", "VARCHAR"), ("_line", "INTEGER"), ("site", "VARCHAR"), ("id", "VARCHAR"),
        ("version", "BIGINT"), ("first_seen", "TIMESTAMPTZ"),
        ("reprint_group", "VARCHAR"), ("reprint_first_published", "TIMESTAMPTZ"), ('"column"', "VARCHAR"),
        ("published_at", "TIMESTAMPTZ"), ("versions", "BIGINT"), ("_fields", "SMALLINT"), ("month", "VARCHAR"),
        ("day", "DATE")))});
"""


@dataclass(slots=True, frozen=True)
class Filters:
    """What the dataset keeps of the stored rows."""

    sites: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()
    since: date | None = None  # publish date in China, inclusive
    until: date | None = None
    crawled_since: datetime | None = None
    all_revisions: bool = False


def among(column: str, table: str, everything: bool) -> str:
    """A condition: ``column`` is in ``table``'s ids (``true`` when every row is: a first build,
    where a semi-join against a million ids would only cost time)."""
    return "true" if everything else f"{column} IN (SELECT id FROM {table})"


def add_rows(con: duckdb.DuckDBPyConnection, chunks: list[str], root: str, everything: bool) -> None:
    """Take the narrow columns of new store files into ``rows``; temp table ``touched``: their ids."""
    con.execute("CREATE OR REPLACE TEMP TABLE touched (id VARCHAR)")
    if not chunks:
        return
    con.execute(f"""INSERT INTO rows
        SELECT substr(filename, $start) AS _chunk, {', '.join(NARROW)}
        FROM read_parquet($files::VARCHAR[], filename = true)""",
                {"start": len(root) + 1, "files": [root + c for c in chunks]})
    if not everything:
        con.execute("INSERT INTO touched SELECT DISTINCT id FROM rows WHERE _chunk IN (SELECT unnest(?::VARCHAR[]))",
                    [chunks])


def update_versions(con: duckdb.DuckDBPyConnection, everything: bool) -> None:
    """Renumber the versions of the ``touched`` articles; temp table ``moved``: those whose latest
    version is now another row (new articles included).

    A full crawl exports every article again and an incremental run only what changed: a row is
    a new version when its content hash differs from the row before it (a snapshot's repeat of an
    unchanged article is none). ``version`` orders an article's versions and ``versions`` counts
    them; the revision each carries is the record's, as the state numbered it (1 from a crawl
    without state).
    """
    touched = among("id", "touched", everything)
    con.execute(f"""CREATE OR REPLACE TEMP TABLE old_latest AS SELECT id, _chunk, _line FROM versions
        WHERE version = versions AND {touched}""")
    con.execute(f"DELETE FROM versions WHERE {touched}")
    con.execute(f"""INSERT INTO versions
        WITH ordered AS (
            SELECT * EXCLUDE (first_seen),
                   min(coalesce(first_seen, crawled_at)) OVER (PARTITION BY id) AS first_seen,
                   lag(content_hash) OVER (PARTITION BY id ORDER BY {ORDER}) AS before
            FROM rows WHERE {touched}),
        changed AS (SELECT * EXCLUDE (before) FROM ordered WHERE before IS DISTINCT FROM content_hash)
        SELECT _chunk, _line, id, site, "column", published_at, crawled_at, content_hash, revision, run_id,
               first_seen, _fields, row_number() OVER w AS version, count(*) OVER (PARTITION BY id) AS versions
        FROM changed WINDOW w AS (PARTITION BY id ORDER BY {ORDER})""")
    con.execute(f"""CREATE OR REPLACE TEMP TABLE moved AS
        SELECT v.id FROM versions v LEFT JOIN old_latest o USING (id)
        WHERE v.version = v.versions AND {among("v.id", "touched", everything)}
          AND (o._chunk IS DISTINCT FROM v._chunk OR o._line IS DISTINCT FROM v._line)""")


def update_plan(con: duckdb.DuckDBPyConnection, filters: Filters, regrouped: str, everything: bool) -> set[str]:
    """Replan the touched articles and those in table ``regrouped``; the sites whose rows changed."""
    conditions, params = _filter_sql(filters)
    kept = ["true" if filters.all_revisions else "v.version = v.versions", *conditions]
    if not everything:
        con.execute(f"""CREATE OR REPLACE TEMP TABLE replan AS
            SELECT id FROM touched UNION SELECT id FROM {regrouped}""")
    con.execute(f"""CREATE OR REPLACE TEMP TABLE new_plan AS
        SELECT v._chunk, v._line, v.site, v.id, v.version, v.first_seen, g.reprint_group,
               g.reprint_first_published, v."column", v.published_at, v.versions, v._fields,
               strftime(timezone('Asia/Shanghai', v.published_at), '%Y-%m') AS month,
               {CHINA_DATE} AS day
        FROM versions v JOIN groups g USING (id)
        WHERE {among("v.id", "replan", everything)} AND {' AND '.join(kept)}""", params)
    if everything:
        con.execute("INSERT INTO plan SELECT * FROM new_plan")
        return {row[0] for row in con.execute("SELECT DISTINCT site FROM new_plan").fetchall()}
    columns = ", ".join(OUTPUT)
    changed = con.execute(f"""
        SELECT DISTINCT site FROM (
            (SELECT {columns} FROM new_plan
             EXCEPT SELECT {columns} FROM plan WHERE id IN (SELECT id FROM replan))
            UNION ALL
            (SELECT {columns} FROM plan WHERE id IN (SELECT id FROM replan)
             EXCEPT SELECT {columns} FROM new_plan))""").fetchall()
    con.execute("DELETE FROM plan WHERE id IN (SELECT id FROM replan)")
    con.execute("INSERT INTO plan SELECT * FROM new_plan")
    return {row[0] for row in changed}


def _filter_sql(filters: Filters) -> tuple[list[str], dict[str, object]]:
    """WHERE conditions on ``versions v`` for the filters that are set, and their parameters."""
    conditions = {
        "sites": "v.site IN (SELECT unnest($sites::VARCHAR[]))",
        "columns": 'v."column" IN (SELECT unnest($columns::VARCHAR[]))',
        "since": f"{CHINA_DATE} >= $since::DATE",
        "until": f"{CHINA_DATE} <= $until::DATE",
        "crawled_since": "v.crawled_at >= $crawled_since::TIMESTAMPTZ",
    }
    params = {name: _param(getattr(filters, name)) for name in conditions if getattr(filters, name)}
    return [conditions[name] for name in params], params


def _param(value: object) -> object:
    """A filter's value as DuckDB binds it: lists for tuples, ISO text for dates and times."""
    if isinstance(value, tuple):
        return list(value)
    return value.isoformat() if isinstance(value, date | datetime) else value


#: the publish date in China: ``published_at::date`` would be the UTC date, one day early for
#: every article published before 08:00 (all day-precision ones: they are at 00:00+08:00)
CHINA_DATE = "CAST(timezone('Asia/Shanghai', v.published_at) AS DATE)"
