"""``govcrawl dataset``: from the run files of an export tree to a dataset folder.

Layout of the folder: ``articles/`` (the data), ``README.md``, ``card.json`` and ``plots/`` (the
card), and ``.build/`` (the manifest of consumed run files, the store of every row read, and
the index: the plan of the last build, see index.py), which lets the next build read only new
run files and replan only the articles they touch.
"""

from __future__ import annotations

import importlib
import logging
import multiprocessing
import os
import shutil
import threading
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa

from govcrawl.dataset.card import card_figures, write_card, write_plots
from govcrawl.dataset.index import connect, drop_index, open_index, update_index
from govcrawl.dataset.ingest import ingest_run, keep_freed_memory
from govcrawl.dataset.lock import build_lock
from govcrawl.dataset.plan import Filters
from govcrawl.dataset.runfile import RunFileRead, starts_with
from govcrawl.dataset.runs import (
    ConsumedRun,
    ManifestUnreadable,
    RunFiles,
    find_runs,
    load_manifest,
    read_report,
    save_manifest,
)
from govcrawl.dataset.write import FORMATS, output_path, planned_rows, sites_plan, write_site

#: below this many new run files, starting worker processes costs more than it saves
PARALLEL_FROM = 16
#: sites written at once
WRITERS = 2

log = logging.getLogger(__name__)


class RunFileChanged(ValueError):
    """A run file a build has read is not the one it read, nor that one grown."""


@dataclass(slots=True)
class BuildOptions:
    """What ``govcrawl dataset`` was asked for."""

    exports: Path
    out: Path
    format: str = "parquet"
    bom: bool = False  # CSV only: a UTF-8 BOM, so that Excel reads the Chinese right
    filters: Filters = field(default_factory=Filters)
    rebuild: bool = False
    jobs: int = 0  # worker processes reading run files (0: one per core)

    def key(self) -> dict[str, Any]:
        """The options a dataset's content depends on (a change rewrites every site)."""
        return {"format": self.format, "bom": self.bom,
                **{k: v if isinstance(v, bool | tuple) or v is None else str(v)
                   for k, v in asdict(self.filters).items()}}


@dataclass(slots=True)
class BuildResult:
    """What a build did."""

    out: Path
    runs_read: int  # run files read by this build
    records_read: int
    rows: int  # rows in the dataset
    sites_written: list[str]
    figures: dict[str, Any]
    left: list[Path] = field(default_factory=list)  # run files that changed while read: for the next build


def build_dataset(options: BuildOptions) -> BuildResult:
    """Build or update the dataset in ``options.out`` from the runs in ``options.exports``."""
    if options.format not in FORMATS:
        raise ValueError(f"unknown format {options.format!r} (one of {', '.join(FORMATS)})")
    # matplotlib takes most of a second to import: let it happen while the run files are read
    threading.Thread(target=importlib.import_module, args=("govcrawl.dataset.plots",), daemon=True).start()
    options.out.mkdir(parents=True, exist_ok=True)
    with build_lock(options.out / ".lock"):
        return _build(options)


def _build(options: BuildOptions) -> BuildResult:
    build = options.out / ".build"
    consumed = _consumed(options, build)
    runs = find_runs(options.exports, list(options.filters.sites) or None)
    new, left = _ingest(runs, consumed, build, options.jobs)
    _update_reports(runs, consumed)
    save_manifest(build / "manifest.json", _jsonable(options.key()), consumed)
    result = _publish(options, consumed, new)
    result.left = left
    return result


def _consumed(options: BuildOptions, build: Path) -> dict[str, ConsumedRun]:
    """The runs earlier builds read; none after a rebuild, or when the manifest cannot be read."""
    if not options.rebuild:
        try:
            consumed: dict[str, ConsumedRun] = load_manifest(build / "manifest.json")["runs"]
            _forget_lost_chunks(consumed, build)
            return consumed
        except ManifestUnreadable as exc:
            log.warning("%s: rebuilding the dataset from the run files", exc)
    shutil.rmtree(build, ignore_errors=True)
    shutil.rmtree(options.out / "articles", ignore_errors=True)
    build.mkdir(parents=True)
    return {}


def _forget_lost_chunks(consumed: dict[str, ConsumedRun], build: Path) -> None:
    """Runs whose store file is gone are read again; the index, which holds their rows, is made
    again from the store."""
    lost = [run for run in consumed.values() if run.chunk and not (build / "store" / run.chunk).exists()]
    for run in lost:
        log.warning("%s is missing: reading its run file again", build / "store" / run.chunk)
        run.chunk = None
    if lost:
        drop_index(build)


def _ingest(runs: list[RunFiles], consumed: dict[str, ConsumedRun], build: Path,
            jobs: int) -> tuple[list[str], list[Path]]:
    """Read the run files not consumed yet into the store; the keys read, and the files left
    for the next build because they changed while read."""
    todo = [run for run in runs if _to_read(run, consumed.get(run.key))]
    if any(run.key in consumed and consumed[run.key].chunk for run in todo):
        drop_index(build)  # a file read again replaces its store file, whose rows the index holds
    args = [(r.records, build / "store" / f"{r.key.replace('/', '__')}.parquet", r.run_id,
             _kind(r)) for r in todo]
    read, left = [], []
    for run, (path, chunk, _, kind), facts in zip(todo, args, _read_all(args, jobs), strict=True):
        if facts.changed:
            log.warning("%s changed while it was read: left for the next build", path)
            left.append(path)
            continue
        consumed[run.key] = _consumed_run(run, facts, kind, str(chunk.relative_to(build / "store")))
        _warn_bad_lines(path, facts)
        read.append(run.key)
    return read, left


def _to_read(run: RunFiles, done: ConsumedRun | None) -> bool:
    """Whether to read ``run``'s records: never read, its store file lost, or grown since a build
    read it (a copy into the tree that had stalled then, maybe mid-line: what was read is the
    start of the file now)."""
    if run.records is None:
        return False
    if done is None or done.chunk is None:
        return True
    size = run.records.stat().st_size
    if size == done.size:
        return False
    if size > done.size and starts_with(run.records, done.size, done.sha256):
        return True
    raise RunFileChanged(f"{run.records} changed since a build read it: published run files never "
                         "change, so rebuild (--rebuild) if this is intended")


def _read_all(args: list[tuple], jobs: int) -> list[RunFileRead]:
    """Read the run files into their store files, in worker processes when there are many."""
    jobs = jobs or os.cpu_count() or 1
    if len(args) < PARALLEL_FROM or jobs == 1:
        return [ingest_run(*a) for a in args]
    # spawn: a forked child would inherit the parent's locks and threads mid-flight
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=keep_freed_memory) as pool:
        return list(pool.map(ingest_run, *zip(*args, strict=True), chunksize=4))


def _consumed_run(run: RunFiles, facts: RunFileRead, kind: str | None, chunk: str) -> ConsumedRun:
    return ConsumedRun(site=run.site, run_id=run.run_id, records=facts.rows, size=facts.size, run_kind=kind,
                       chunk=chunk, sha256=facts.sha256,
                       bad_lines=[asdict(bad) for bad in facts.bad_lines], bad_count=facts.bad_count)


def _warn_bad_lines(path: Path, facts: RunFileRead) -> None:
    if facts.bad_count:
        first = facts.bad_lines[0]
        log.warning("%s: %d line(s) not read (line %d: %s); the others were, see the card's rejected lines",
                    path, facts.bad_count, first.line, first.reason)


def _kind(run: RunFiles) -> str | None:
    return read_report(run.report)[0] if run.report is not None else None


def _update_reports(runs: list[RunFiles], consumed: dict[str, ConsumedRun]) -> None:
    """Take in reports not seen yet: runs that exported nothing have one and no records file."""
    for run in runs:
        done = consumed.setdefault(run.key, ConsumedRun(site=run.site, run_id=run.run_id))
        if run.report is not None and not done.has_report:
            done.run_kind, done.rejected = read_report(run.report)
            done.has_report = True


def _publish(options: BuildOptions, consumed: dict[str, ConsumedRun], new: list[str]) -> BuildResult:
    """Update the index, rewrite the sites whose rows changed, write the card."""
    build = options.out / ".build"
    root = str(build / "store") + os.sep
    wanted = set(options.filters.sites)
    kept = [run for run in consumed.values() if run.chunk and (not wanted or run.site in wanted)]
    if not any(run.records for run in kept):
        raise ValueError(f"no records in {options.exports}: no published run file there has any")
    _update(build, root, options, {run.chunk for run in kept})
    figures, written = _write(build, root, options, consumed)
    meta = {"built_at": datetime.now(UTC).isoformat(timespec="seconds"), "exports": str(options.exports),
            "format": options.format, "options": _jsonable(options.key())}
    write_card(options.out, figures, meta)
    return BuildResult(options.out, len(new), sum(consumed[k].records for k in new), figures["rows"],
                       written, figures)


def _update(build: Path, root: str, options: BuildOptions, chunks: set[str]) -> None:
    """Take the new store files into the index and note the sites to rewrite, in one transaction:
    a build cut short before they are all written has the next one finish them."""
    con, fresh = open_index(build, _jsonable(options.key()), chunks)
    try:
        con.execute("BEGIN TRANSACTION")
        changed = update_index(con, fresh, root, options.filters)
        con.execute("INSERT INTO unwritten SELECT unnest(?::VARCHAR[])", [sorted(changed)])
        con.execute("COMMIT")
    finally:
        con.close()


def _write(build: Path, root: str, options: BuildOptions,
           consumed: dict[str, ConsumedRun]) -> tuple[dict[str, Any], list[str]]:
    """Rewrite the sites left to write and draw the plots; the card's figures, the sites written."""
    articles = options.out / "articles"
    con = connect(build, memory_limit="256MB")  # a new connection gives back the update's memory
    try:
        figures = card_figures(con, consumed, all_revisions=options.filters.all_revisions)
        with ThreadPoolExecutor(1) as plotter:
            # plotting holds the GIL and writing sites mostly does not, so the two overlap
            plots = plotter.submit(write_plots, options.out, figures)
            unwritten = {row[0] for row in con.execute("SELECT site FROM unwritten").fetchall()}
            sites = [row[0] for row in con.execute("SELECT DISTINCT site FROM plan ORDER BY 1").fetchall()]
            todo = [s for s in sites if s in unwritten or not output_path(articles, s, options.format).exists()]
            _write_sites(con, todo, root, options)
            _drop_stale(articles, sites, options.format)
            con.execute("DELETE FROM unwritten")
            plots.result()
    finally:
        con.close()
    return figures, todo


def _write_sites(con: duckdb.DuckDBPyConnection, sites: list[str], root: str, options: BuildOptions) -> None:
    """Write each site's rows; two at a time, as reading, taking and compressing release the GIL."""
    articles = options.out / "articles"
    planned, counts = sites_plan(con, sites)  # one query: fifty would each scan the whole plan
    starts = np.cumsum([0] + [n for _, n in counts])
    with ThreadPoolExecutor(WRITERS) as pool:
        futures = [pool.submit(_write_site, planned.slice(start, n), root,
                               output_path(articles, site, options.format), options.format, options.bom)
                   for (site, n), start in zip(counts, starts, strict=False)]
        for future in futures:
            future.result()


def _write_site(planned: pa.Table, root: str, path: Path, fmt: str, bom: bool) -> None:
    write_site(planned_rows(planned, root), path, fmt, bom=bom)


def _drop_stale(articles: Path, sites: list[str], fmt: str) -> None:
    """Remove outputs of sites no longer in the dataset, and of another format."""
    if not articles.exists():
        return
    keep = {output_path(articles, site, fmt) for site in sites}
    for path in sorted(articles.rglob("*")):
        if path.is_file() and path not in keep:
            path.unlink()
    for path in sorted(articles.iterdir()):
        if path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def _jsonable(data: dict[str, Any]) -> dict[str, Any]:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in data.items()}
