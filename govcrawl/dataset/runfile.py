"""Read one run file whole or not at all, and read past its bad lines.

A file is read into memory once: its size and modification time are taken before and after,
so a file still being copied or written into the tree is left for the next build instead of
giving half its rows. The SHA-256 of the bytes read goes into the manifest, so that the next
build can tell a file that has only grown since (a copy that stalled while a build read it,
maybe mid-line) from one rewritten.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pyarrow as pa
import pyarrow.json as pa_json

from govcrawl.dataset.schema import record_schema

#: why a line was not read: its end is missing (the last line, with no newline), it is not
#: JSON, or it is JSON but not a record of the record schema's types
LineProblem = Literal["cut", "invalid_json", "not_a_record"]
#: a JSON line longer than a block cannot be parsed; bodies run to some hundred kB at most
BLOCK_SIZE = 32 << 20
#: bad lines kept per file: a file of garbage should not make a card of garbage
MAX_BAD_LINES = 100
#: characters of a parser's message kept as the detail of a bad line
DETAIL_CHARS = 160


@dataclass(slots=True)
class BadLine:
    """A line of a run file that gives no row."""

    line: int  # 1-based, in the file
    reason: LineProblem
    detail: str = ""


@dataclass(slots=True)
class RunFileRead:
    """What reading a run file gave, but its rows (small: worker processes send it back)."""

    size: int  # bytes read
    sha256: str  # of the bytes read
    changed: bool = False  # the file changed while it was read: no rows taken from it
    rows: int = 0
    bad_lines: list[BadLine] = field(default_factory=list)
    bad_count: int = 0  # all bad lines, also those beyond MAX_BAD_LINES


def read_run_file(path: Path) -> tuple[pa.Table | None, RunFileRead]:
    """The records of ``path``, read whole (None when the file changed meanwhile), and the facts."""
    before = os.stat(path)
    data = path.read_bytes()
    after = os.stat(path)
    digest = hashlib.sha256(data).hexdigest()
    if _moved(before, after) or after.st_size != len(data):
        return None, RunFileRead(len(data), digest, changed=True)
    table, bad = parse_records(data)
    return table, RunFileRead(len(data), digest, rows=table.num_rows, bad_lines=bad[:MAX_BAD_LINES],
                              bad_count=len(bad))


def starts_with(path: Path, size: int, sha256: str | None) -> bool:
    """Whether the first ``size`` bytes of ``path`` hash to ``sha256`` (it has only grown since)."""
    if sha256 is None:  # read by a build that kept no hash
        return False
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while size > 0:
            block = f.read(min(size, 1 << 20))
            if not block:
                return False
            digest.update(block)
            size -= len(block)
    return digest.hexdigest() == sha256


def _moved(before: os.stat_result, after: os.stat_result) -> bool:
    return (before.st_size, before.st_mtime_ns, before.st_ino) != (after.st_size, after.st_mtime_ns, after.st_ino)


def parse_records(data: bytes) -> tuple[pa.Table, list[BadLine]]:
    """Rows of the record schema from JSON Lines, and the lines that give none."""
    if not data.strip():  # runs that exported nothing used to leave 0-byte files
        return record_schema().empty_table(), []
    try:
        return _parse(data), []
    except pa.ArrowInvalid:
        pass  # one bad line fails the whole block: find it line by line
    good: list[bytes] = []
    bad: list[BadLine] = []
    lines = data.split(b"\n")
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        problem = _problem(line, last=number == len(lines))
        if problem is None:
            good.append(line)
        else:
            bad.append(BadLine(number, *problem))
    return (_parse(b"\n".join(good)) if good else record_schema().empty_table()), bad


def _problem(line: bytes, *, last: bool) -> tuple[LineProblem, str] | None:
    """Why a line gives no record, or None; ``last``: the file's end with no newline after it."""
    try:
        value = json.loads(line)
    except ValueError as exc:
        return ("cut" if last else "invalid_json"), str(exc)[:DETAIL_CHARS]
    if not isinstance(value, dict):
        return "not_a_record", f"a JSON {type(value).__name__}, not an object"
    try:
        _parse(line)
    except pa.ArrowInvalid as exc:
        return "not_a_record", str(exc)[:DETAIL_CHARS]
    return None


def _parse(data: bytes) -> pa.Table:
    options = pa_json.ParseOptions(explicit_schema=record_schema(), unexpected_field_behavior="ignore")
    # one thread: files are read in parallel by worker processes
    read = pa_json.ReadOptions(block_size=BLOCK_SIZE, use_threads=False)
    table = pa_json.read_json(pa.BufferReader(data), read_options=read, parse_options=options)
    return table.select(record_schema().names).cast(record_schema())
