"""Read one published run file into the build's store: typed rows plus their reprint signatures.

The store keeps every row ever read (one Parquet file per run file), so an incremental build
reads only new run files; the index (index.py) keeps what was planned from them.
"""

from __future__ import annotations

import ctypes
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from govcrawl.dataset.reprints import BANDS, BINS, band_keys, signatures
from govcrawl.dataset.runfile import RunFileRead, read_run_file
from govcrawl.dataset.schema import record_schema

#: the store's own columns, after the record's
STORE_EXTRA = [
    # the row's place in the store file (its line in the run file, unless a line before it was
    # rejected): the last tie-break, so builds repeat
    pa.field("_line", pa.int32()),
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


def store_schema() -> pa.Schema:
    """A store file's columns: the record's, then the store's."""
    return pa.schema(list(record_schema()) + STORE_EXTRA)


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


def ingest_run(path: Path, chunk: Path, run_id: str, run_kind: str | None) -> RunFileRead:
    """Write ``path``'s rows with their signatures to ``chunk`` (a store file), unless the file
    changed while it was read (then nothing is written); what the reading found."""
    table, read = read_run_file(path)
    if table is None:
        return read
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
    return read
