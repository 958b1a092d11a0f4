"""Read one published run file into the build's store: typed rows plus their reprint signatures.

The store keeps every row ever read (one Parquet file per run file), so an incremental build
reads only new run files; the index (index.py) keeps what was planned from them.
"""

from __future__ import annotations

import ctypes
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.json as pa_json
import pyarrow.parquet as pq

from govcrawl.dataset.reprints import BANDS, BINS, band_keys, signatures
from govcrawl.dataset.schema import record_schema

#: the store's own columns, after the record's
STORE_EXTRA = [
    pa.field("_line", pa.int32()),  # line in the run file: the last tie-break, so builds repeat
    pa.field("run_id", pa.string()),
    pa.field("run_kind", pa.string()),
    pa.field("minhash", pa.binary(BINS * 4)),
    pa.field("lsh", pa.list_(pa.uint64(), BANDS)),
    pa.field("_fields", pa.int16()),  # COVERAGE bits
]
#: fields whose coverage per site the card shows (title and body are never empty)
COVERAGE = ("published_at", "source", "column", "authors", "editors", "images", "attachments",
            "document", "keywords")
#: mallopt(3) parameters
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3
#: a JSON line longer than a block cannot be parsed; bodies run to some hundred kB at most
BLOCK_SIZE = 32 << 20


def store_schema() -> pa.Schema:
    """A store file's columns: the record's, then the store's."""
    return pa.schema(list(record_schema()) + STORE_EXTRA)


def read_run(path: Path) -> pa.Table:
    """A run file's records with the record schema's types; an empty file gives no rows."""
    if _blank(path):
        return record_schema().empty_table()
    options = pa_json.ParseOptions(explicit_schema=record_schema(), unexpected_field_behavior="ignore")
    try:
        # one thread: files are read in parallel by worker processes
        table = pa_json.read_json(path, read_options=pa_json.ReadOptions(block_size=BLOCK_SIZE, use_threads=False),
                                  parse_options=options)
    except pa.ArrowInvalid as exc:
        raise ValueError(f"{path}: not a run file of govcrawl records: {exc}") from None
    return table.select(record_schema().names).cast(record_schema())


def _blank(path: Path) -> bool:
    """Nothing but whitespace (runs that exported nothing used to leave 0-byte files)."""
    return path.stat().st_size < 4096 and not path.read_bytes().strip()


def field_bits(table: pa.Table) -> pa.Array:
    """One bit per COVERAGE field that the row fills, so the card never reads the rows again."""
    bits = np.zeros(table.num_rows, dtype=np.int16)
    for bit, name in enumerate(COVERAGE):
        bits |= _filled(table.column(name).combine_chunks()).astype(np.int16) << bit
    return pa.array(bits)


def _filled(column: pa.Array) -> np.ndarray:
    """Rows where ``column`` is set: not null, and for lists and strings not empty either."""
    filled = np.ones(len(column), dtype=bool)
    if column.null_count:
        filled &= column.is_valid().to_numpy(zero_copy_only=False)
    if pa.types.is_list(column.type) or pa.types.is_string(column.type):
        offsets = np.frombuffer(column.buffers()[1], dtype=np.int32)[column.offset: column.offset + len(column) + 1]
        filled &= np.diff(offsets) > 0
    return filled


def keep_freed_memory() -> None:
    """Let glibc keep freed memory for the next run file instead of handing it back: signing a
    file makes and frees a few hundred MB of numpy arrays, and faulting them in again took a
    third of a worker's time in the kernel. Elsewhere than glibc, nothing to do."""
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return
    libc.mallopt(M_MMAP_THRESHOLD, 32 << 20)  # glibc's largest: arrays up to 32 MB from the heap
    libc.mallopt(M_TRIM_THRESHOLD, 1 << 30)


def ingest_run(path: Path, chunk: Path, run_id: str, run_kind: str | None) -> int:
    """Write ``path``'s rows with their signatures to ``chunk`` (a store file); the row count."""
    table = read_run(path)
    sig, valid = signatures(table.column("body").to_pylist())
    n = table.num_rows
    minhash = pa.array([s.tobytes() if ok else None for s, ok in zip(sig, valid, strict=True)],
                       type=pa.binary(BINS * 4))
    keys = band_keys(sig)
    lsh = pa.FixedSizeListArray.from_arrays(pa.array(keys.reshape(-1), pa.uint64()), BANDS,
                                            mask=pa.array(~valid))
    columns = [*table.columns, pa.array(np.arange(1, n + 1, dtype=np.int32)),
               pa.array([run_id] * n, pa.string()), pa.array([run_kind] * n, pa.string()), minhash, lsh,
               field_bits(table)]
    chunk.parent.mkdir(parents=True, exist_ok=True)
    tmp = chunk.with_name(chunk.name + ".tmp")
    # snappy: half the time of zstd to write, and the store is read once more at most
    pq.write_table(pa.Table.from_arrays(columns, schema=store_schema()), tmp, compression="snappy")
    tmp.replace(chunk)
    return n
