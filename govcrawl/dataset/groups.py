"""Reprint groups, kept in the build's index and updated only where new versions land.

What a group is (a build from nothing computes exactly this): the latest version of every
article puts its BANDS LSH keys into buckets; in every bucket shared by several articles, each
member is linked to the bucket's smallest id when their signatures agree on SIMILARITY of the
bins. A connected component of these links holds the candidates; in it, taken in order of
publication, an article joins the group of the first article it is a near-duplicate of, else
starts a group of its own (``reprints.leaders``): a component can chain articles that share no
paragraph through intermediates, a group cannot. A group is named after its first publication.

An update starts from the articles whose latest version changed (``moved``): their old and new
keys are the only buckets whose links can change; the components of the links' ends are the only
ones that can merge or split, and only their names are computed again.
"""

from __future__ import annotations

import duckdb
import numpy as np
import pyarrow as pa

from govcrawl.dataset.plan import among
from govcrawl.dataset.reprints import BINS, SIMILARITY, leaders

SCHEMA = """
    CREATE TABLE bands (key UBIGINT, id VARCHAR);
    CREATE TABLE links (key UBIGINT, id VARCHAR, root VARCHAR);
    CREATE TABLE components (id VARCHAR, component VARCHAR);
    CREATE TABLE groups (id VARCHAR, reprint_group VARCHAR, reprint_first_published TIMESTAMPTZ);
"""


def update_groups(con: duckdb.DuckDBPyConnection, root: str, everything: bool) -> None:
    """Bring the groups up to date for the articles in ``moved``; temp table ``regrouped``: every
    article whose group or group name may have changed (``everything``: a first build, all of them)."""
    moved = among("id", "moved", everything)
    con.execute(f"CREATE OR REPLACE TEMP TABLE dirty_keys AS SELECT key FROM bands WHERE {moved}")
    con.execute(f"DELETE FROM bands WHERE {moved}")
    _add_signatures(con, root, everything)
    con.execute("CREATE OR REPLACE TEMP TABLE dirty AS SELECT DISTINCT key FROM dirty_keys")
    dirty = "true" if everything else "key IN (SELECT key FROM dirty)"
    con.execute(f"""CREATE OR REPLACE TEMP TABLE ends AS
        SELECT id FROM moved UNION SELECT id FROM links WHERE {dirty} UNION SELECT root FROM links WHERE {dirty}""")
    con.execute(f"DELETE FROM links WHERE {dirty}")
    _relink(con, root, dirty)
    con.execute("INSERT INTO links SELECT * FROM new_links")
    if everything:
        con.execute("CREATE OR REPLACE TEMP TABLE regrouped AS SELECT id FROM moved")
    else:
        con.execute("INSERT INTO ends SELECT id FROM new_links UNION SELECT root FROM new_links")
        con.execute("""CREATE OR REPLACE TEMP TABLE regrouped AS
            SELECT id FROM ends UNION SELECT id FROM components
            WHERE component IN (SELECT component FROM components WHERE id IN (SELECT id FROM ends))""")
    _recompose(con, everything)
    _lead(con, root, everything)
    _rename(con, everything)


def _add_signatures(con: duckdb.DuckDBPyConnection, root: str, everything: bool) -> None:
    """Band keys and signature of the moved articles' latest rows, read from their store files."""
    con.execute(f"""CREATE OR REPLACE TEMP TABLE latest_moved AS SELECT id, _chunk, _line FROM versions
        WHERE version = versions AND {among("id", "moved", everything)}""")
    _read_store(con, "moved_sigs", "latest_moved", ("lsh", "minhash"), root)
    con.execute("INSERT INTO bands SELECT unnest(lsh), id FROM moved_sigs")
    if not everything:
        con.execute("INSERT INTO dirty_keys SELECT unnest(lsh) FROM moved_sigs")


def _read_store(con: duckdb.DuckDBPyConnection, table: str, rows: str, columns: tuple[str, ...], root: str) -> None:
    """Temp table ``table``: id and ``columns`` of the signed store rows that table ``rows`` names."""
    chunks = [root + r[0] for r in con.execute(f"SELECT DISTINCT _chunk FROM {rows} ORDER BY 1").fetchall()]
    if not chunks:
        empty = ", ".join(f"{_EMPTY[c]} AS {c}" for c in columns)
        con.execute(f"CREATE OR REPLACE TEMP TABLE {table} AS SELECT ''::VARCHAR AS id, {empty} LIMIT 0")
        return
    con.execute(f"""CREATE OR REPLACE TEMP TABLE {table} AS
        SELECT m.id, {', '.join('s.' + c for c in columns)}
        FROM read_parquet($files::VARCHAR[], filename = true) s
        JOIN {rows} m ON m._chunk = substr(s.filename, $start) AND m._line = s._line
        WHERE s.lsh IS NOT NULL""", {"files": chunks, "start": len(root) + 1})


_EMPTY = {"lsh": "[]::UBIGINT[]", "minhash": "''::BLOB"}


def _relink(con: duckdb.DuckDBPyConnection, root: str, dirty: str) -> None:
    """``new_links``: the links of the dirty buckets (each member to the bucket's smallest id,
    when their signatures are similar enough)."""
    # shared buckets first, on the integer keys alone: the smallest id of sixteen million
    # buckets, nearly all of one member, would cost several times more
    con.execute(f"""CREATE OR REPLACE TEMP TABLE candidates AS
        WITH shared AS (SELECT key FROM bands WHERE {dirty} GROUP BY key HAVING count(*) > 1),
        members AS (SELECT * FROM bands WHERE key IN (SELECT key FROM shared)),
        buckets AS (SELECT key, min(id) AS root FROM members GROUP BY key)
        SELECT m.key, m.id, b.root FROM members m JOIN buckets b USING (key) WHERE m.id <> b.root""")
    con.execute("CREATE OR REPLACE TEMP TABLE pair_ids AS SELECT DISTINCT id, root FROM candidates")
    # signatures of the moved articles are at hand; the others' are read from the store
    con.execute("""CREATE OR REPLACE TEMP TABLE unsigned AS
        SELECT id, _chunk, _line FROM versions WHERE version = versions
        AND id IN (SELECT id FROM pair_ids UNION SELECT root FROM pair_ids)
        AND id NOT IN (SELECT id FROM moved_sigs)""")
    _read_store(con, "stored_sigs", "unsigned", ("minhash",), root)
    pairs = con.sql("""
        WITH sigs AS (SELECT id, minhash FROM moved_sigs UNION ALL SELECT id, minhash FROM stored_sigs)
        SELECT p.id, p.root, a.minhash AS a, b.minhash AS b
        FROM pair_ids p JOIN sigs a ON a.id = p.id JOIN sigs b ON b.id = p.root""").to_arrow_table()
    similar = pairs.filter(pa.array(_similar(pairs.column("a").combine_chunks(), pairs.column("b").combine_chunks())))
    con.register("similar_pairs", similar.select(["id", "root"]))
    con.execute("""CREATE OR REPLACE TEMP TABLE new_links AS
        SELECT c.* FROM candidates c JOIN similar_pairs USING (id, root)""")
    con.unregister("similar_pairs")


def _similar(a: pa.Array, b: pa.Array) -> np.ndarray:
    """Which pairs of signatures agree on enough bins (as ``reprints.similarity`` counts them)."""
    if not len(a):
        return np.zeros(0, dtype=bool)
    return np.count_nonzero(_bins(a) == _bins(b), axis=1) / BINS >= SIMILARITY


def _bins(blobs: pa.Array) -> np.ndarray:
    """``(n, BINS)`` uint32 from an array of signatures (each BINS × 4 bytes)."""
    fixed = blobs.cast(pa.binary(BINS * 4))
    data = np.frombuffer(fixed.buffers()[1], dtype=np.uint32)
    return data[fixed.offset * BINS: (fixed.offset + len(fixed)) * BINS].reshape(-1, BINS)


def _recompose(con: duckdb.DuckDBPyConnection, everything: bool) -> None:
    """Connected components of the links among ``regrouped``, each named by its smallest id."""
    nodes = con.sql("SELECT id FROM regrouped ORDER BY id").to_arrow_table().column("id")
    con.register("nodes", pa.table({"id": nodes, "i": pa.array(np.arange(len(nodes), dtype=np.int64))}))
    ends = con.sql(f"""SELECT a.i AS a, b.i AS b
        FROM (SELECT DISTINCT id, root FROM links WHERE {among("id", "regrouped", everything)}) l
        JOIN nodes a ON a.id = l.id JOIN nodes b ON b.id = l.root""").fetchnumpy()
    label = _components(len(nodes), ends["a"].astype(np.int64), ends["b"].astype(np.int64))
    size = np.bincount(label, minlength=len(nodes))
    keep = np.flatnonzero(size[label] > 1)
    ids = nodes.combine_chunks() if isinstance(nodes, pa.ChunkedArray) else nodes
    con.register("new_components", pa.table({"id": ids.take(keep), "component": ids.take(label[keep])}))
    con.execute(f"DELETE FROM components WHERE {among('id', 'regrouped', everything)}")
    con.execute("INSERT INTO components SELECT id, component FROM new_components")
    con.unregister("new_components")
    con.unregister("nodes")


def _components(n: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Each node's smallest connected node (nodes are numbered in id order): min-label
    propagation with pointer jumping, in whole-array passes."""
    label = np.arange(n, dtype=np.int64)
    while True:
        low = np.minimum(label[a], label[b])
        before = label.copy()
        np.minimum.at(label, a, low)
        np.minimum.at(label, b, low)
        while True:  # point every node at its label's label until nothing moves
            jumped = label[label]
            if np.array_equal(jumped, label):
                break
            label = jumped
        if np.array_equal(label, before):
            return label


def _lead(con: duckdb.DuckDBPyConnection, root: str, everything: bool) -> None:
    """Temp table ``leads``: each regrouped article of a component, and its group's first article."""
    con.execute(f"""CREATE OR REPLACE TEMP TABLE led AS
        SELECT v.id, v._chunk, v._line, v.published_at, dense_rank() OVER (ORDER BY c.component) AS component
        FROM versions v JOIN components c USING (id)
        WHERE v.version = v.versions AND {among("v.id", "regrouped", everything)}""")
    con.execute("""CREATE OR REPLACE TEMP TABLE led_unsigned AS
        SELECT * FROM led WHERE id NOT IN (SELECT id FROM moved_sigs)""")
    _read_store(con, "led_sigs", "led_unsigned", ("minhash",), root)
    members = con.sql("""
        WITH sigs AS (SELECT id, minhash FROM moved_sigs UNION ALL SELECT id, minhash FROM led_sigs)
        SELECT l.id, l.component, s.minhash FROM led l JOIN sigs s USING (id)
        ORDER BY l.component, l.published_at NULLS LAST, l.id""").to_arrow_table()
    ids = members.column("id").combine_chunks()
    lead = leaders(members.column("component").to_numpy(), _bins(members.column("minhash").combine_chunks()))
    con.register("new_leads", pa.table({"id": ids, "leader": ids.take(pa.array(lead))}))
    con.execute("CREATE OR REPLACE TEMP TABLE leads AS SELECT * FROM new_leads")
    con.unregister("new_leads")


def _rename(con: duckdb.DuckDBPyConnection, everything: bool) -> None:
    """Name the regrouped articles' groups after their first publication."""
    regrouped = among("v.id", "regrouped", everything)
    con.execute(f"DELETE FROM groups WHERE {among('id', 'regrouped', everything)}")
    con.execute(f"""INSERT INTO groups
        WITH latest AS (
            SELECT v.id, v.published_at, coalesce(l.leader, v.id) AS component
            FROM versions v LEFT JOIN leads l USING (id)
            WHERE v.version = v.versions AND {regrouped}),
        named AS (
            SELECT component, first(id ORDER BY published_at NULLS LAST, id) AS reprint_group,
                   min(published_at) AS reprint_first_published
            FROM latest GROUP BY component)
        SELECT l.id, n.reprint_group, n.reprint_first_published FROM latest l JOIN named n USING (component)""")
