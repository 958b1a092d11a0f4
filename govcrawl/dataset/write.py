"""Write one site's rows of the dataset: Parquet (hive-style ``site=<key>/``), JSON Lines or CSV.

Rows are sorted by id and version and the writers' settings are fixed, so the same store
gives the same bytes, whether a build rewrote every site or only those that changed.
"""

from __future__ import annotations

import csv
import json
import os
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from govcrawl.dataset.schema import dataset_schema, parquet_schema

FORMATS = ("parquet", "jsonl", "csv")
#: the columns the plan decides; the store's own values of these are replaced (revision and
#: previous_hash are the record's own, as the crawl state numbered them)
PLANNED = ("first_seen", "reprint_group", "reprint_first_published")


def sites_plan(con: duckdb.DuckDBPyConnection, sites: list[str]) -> tuple[pa.Table, list[tuple[str, int]]]:
    """The sites' rows in the plan, by site and in the dataset's order; (site, rows) in that order."""
    wanted = "site IN (SELECT unnest(?::VARCHAR[]))"
    table = con.sql(f"""SELECT _chunk, _line, {', '.join(PLANNED)} FROM plan WHERE {wanted}
                        ORDER BY site, id, version""", params=[sites]).to_arrow_table()
    counts = con.execute(f"SELECT site, count(*) FROM plan WHERE {wanted} GROUP BY site ORDER BY site",
                         [sites]).fetchall()
    return table, counts


def planned_rows(planned: pa.Table, root: str) -> pa.Table:
    """The rows ``planned`` names (by store file and line), with the plan's columns."""
    schema = dataset_schema()
    chunks = sorted(set(planned.column("_chunk").to_pylist()))
    stored = [name for name in schema.names if name not in PLANNED and name != "published_date"]
    tables = [pq.read_table(root + chunk, columns=stored) for chunk in chunks]
    starts = np.cumsum([0] + [t.num_rows for t in tables[:-1]])
    which = pc.index_in(planned.column("_chunk"), value_set=pa.array(chunks, planned.schema.field("_chunk").type))
    lines = planned.column("_line").to_numpy()
    rows = pa.concat_tables(tables).take(starts[which.to_numpy()] + lines - 1) if tables else \
        schema.empty_table().select(stored)
    published = rows.column("published_at")
    columns = {name: rows.column(name) for name in stored} | {name: planned.column(name) for name in PLANNED}
    columns["published_date"] = pc.cast(pc.local_timestamp(published), pa.date32())
    return pa.table([columns[name] for name in schema.names], names=schema.names).cast(schema)


def output_path(articles: Path, site: str, fmt: str) -> Path:
    """Where a site's rows go: ``site=<key>/part-0.parquet``, ``<key>.jsonl`` or ``<key>.csv``."""
    return articles / f"site={site}" / "part-0.parquet" if fmt == "parquet" else articles / f"{site}.{fmt}"


def write_site(table: pa.Table, path: Path, fmt: str, *, bom: bool = False) -> None:
    """Write a site's rows whole or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    if fmt == "parquet":
        # the folder name carries the site, as hive partitioning readers expect
        pq.write_table(table.select(parquet_schema().names), tmp, compression="zstd",
                       row_group_size=100_000, write_statistics=True)
    else:
        _write_text(table, tmp, fmt, bom=bom)
    os.replace(tmp, path)


def _write_text(table: pa.Table, path: Path, fmt: str, *, bom: bool) -> None:
    names = table.schema.names
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as out:
        writer = csv.writer(out) if fmt == "csv" else None
        if writer:
            writer.writerow(names)
        for batch in table.to_batches(max_chunksize=10_000):
            for row in batch.to_pylist():
                if writer:
                    writer.writerow([_csv_cell(row[name]) for name in names])
                else:
                    out.write(json.dumps({k: _json_value(v) for k, v in row.items()}, ensure_ascii=False) + "\n")


def _json_value(value: Any) -> Any:
    """Moments as ISO 8601 with their zone (+08:00 for publish times), dates as YYYY-MM-DD."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list):
        return [_json_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _json_value(v) for k, v in value.items()}
    return value


def _csv_cell(value: Any) -> str:
    """A CSV cell: lists and objects as JSON text (not Python reprs), null as empty."""
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(_json_value(value), ensure_ascii=False)
    return str(_json_value(value))
