"""``govcrawl dataset``: from the run files of an export tree to a dataset folder.

Layout of the folder: ``articles/`` (the data), ``README.md``, ``card.json`` and ``plots/`` (the
card), and ``.build/`` (the manifest of consumed run files, the store of every row read, and
the index: the plan of the last build, see index.py), which lets the next build read only new
run files and replan only the articles they touch.
"""

from __future__ import annotations

import importlib
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
from govcrawl.dataset.index import connect, open_index, update_index
from govcrawl.dataset.ingest import ingest_run, keep_freed_memory
from govcrawl.dataset.plan import Filters
from govcrawl.dataset.runs import ConsumedRun, RunFiles, find_runs, load_manifest, read_report, save_manifest
from govcrawl.dataset.write import FORMATS, output_path, planned_rows, sites_plan, write_site

#: below this many new run files, starting worker processes costs more than it saves
PARALLEL_FROM = 16
#: sites written at once
WRITERS = 2


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


def build_dataset(options: BuildOptions) -> BuildResult:
    """Build or update the dataset in ``options.out`` from the runs in ``options.exports``."""
    if options.format not in FORMATS:
        raise ValueError(f"unknown format {options.format!r} (one of {', '.join(FORMATS)})")
    # matplotlib takes most of a second to import: let it happen while the run files are read
    threading.Thread(target=importlib.import_module, args=("govcrawl.dataset.plots",), daemon=True).start()
    build = options.out / ".build"
    if options.rebuild:
        shutil.rmtree(build, ignore_errors=True)
        shutil.rmtree(options.out / "articles", ignore_errors=True)
    build.mkdir(parents=True, exist_ok=True)
    manifest = load_manifest(build / "manifest.json")
    consumed: dict[str, ConsumedRun] = manifest["runs"]
    runs = find_runs(options.exports, list(options.filters.sites) or None)
    new = _ingest(runs, consumed, build, options.jobs)
    _update_reports(runs, consumed)
    save_manifest(build / "manifest.json", _jsonable(options.key()), consumed)
    return _publish(options, consumed, new)


def _ingest(runs: list[RunFiles], consumed: dict[str, ConsumedRun], build: Path, jobs: int) -> list[str]:
    """Read the run files not consumed yet into the store; their keys."""
    todo = []
    for run in runs:
        done = consumed.get(run.key)
        if done is not None and run.records is not None and done.size != run.records.stat().st_size:
            raise ValueError(f"{run.records} changed since a build read it: published run files never "
                             "change, so rebuild (--rebuild) if this is intended")
        if run.records is not None and (done is None or done.chunk is None):
            todo.append(run)
    jobs = jobs or os.cpu_count() or 1
    args = [(r.records, build / "store" / f"{r.key.replace('/', '__')}.parquet", r.run_id,
             _kind(r)) for r in todo]
    if len(todo) >= PARALLEL_FROM and jobs > 1:
        # spawn: a forked child would inherit the parent's locks and threads mid-flight
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(jobs, mp_context=context, initializer=keep_freed_memory) as pool:
            counts = list(pool.map(ingest_run, *zip(*args, strict=True), chunksize=4))
    else:
        counts = [ingest_run(*a) for a in args]
    for run, (path, chunk, _, kind), count in zip(todo, args, counts, strict=True):
        consumed[run.key] = ConsumedRun(site=run.site, run_id=run.run_id, records=count,
                                        size=path.stat().st_size, run_kind=kind,
                                        chunk=str(chunk.relative_to(build / "store")))
    return [r.key for r in todo]


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
