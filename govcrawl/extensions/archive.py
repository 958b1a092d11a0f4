"""The WARC archive of a run (``--archive DIR``, GOVCRAWL_ARCHIVE_DIR): every page as fetched.

It listens to ``response_downloaded``, which Scrapy sends as the download handler returns,
before any downloader middleware: the body is still the bytes of the wire (HttpCompression has
not inflated it) and redirects and errors are seen too. Files go to
``DIR/<site>/<YYYY-MM-DD>/<run-id>.warc.gz``, written as ``.part`` and renamed at close only
when the run published (after the run component, whose ``spider_closed`` runs first: it is
connected first, being ordered before this extension in EXTENSIONS).

The export's publish (its rename) publishes the archive too: the part is fsynced just before
it (the run component's ``before_publish`` step), and a run killed between the two has its
part renamed by the site's next run, which removes the parts of runs that did not publish.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Self

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.utils.defer import deferred_from_coro

from govcrawl import request_meta as meta
from govcrawl.run_context import STORAGE_ERROR, RunContext, is_parse_only, run_published, storage_failed
from govcrawl.signals import page_reused, run_step
from govcrawl.warc import (
    PART,
    PART_NAME,
    SUFFIX,
    Exchange,
    RotatingWarcWriter,
    header_pairs,
    needs_date_of,
    publish_parts,
)

logger = logging.getLogger(__name__)
#: the archive files of the run, as they are named once published (the run report's ``archives``)
ARCHIVES_STAT = "govcrawl/archive/files"


class WarcArchive:
    """Writes a request and a response (or revisit) record per fetch, and publishes them with the run."""

    def __init__(self, crawler: Crawler, root: Path, max_bytes: int):
        self.crawler, self.root, self.max_bytes = crawler, root, max_bytes
        self.writer: RotatingWarcWriter | None = None
        self.failed = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        root = crawler.settings.get("GOVCRAWL_ARCHIVE_DIR")
        if not root or is_parse_only(crawler):
            raise NotConfigured
        archive = cls(crawler, Path(root).resolve(), crawler.settings.getint("GOVCRAWL_ARCHIVE_MAX_BYTES"))
        crawler.signals.connect(archive.response_downloaded, signal=signals.response_downloaded)
        crawler.signals.connect(archive.page_reused, signal=page_reused)
        crawler.signals.connect(archive.run_step, signal=run_step)
        crawler.signals.connect(archive.spider_closed, signal=signals.spider_closed)
        return archive

    def response_downloaded(self, response: Response, request: Request, spider: Spider) -> None:
        fetched_at = datetime.now(UTC)
        # the page's fetch time is the archive's: re-extraction then sees what the crawl saw
        request.meta[meta.FETCHED_AT] = fetched_at
        writer = self._writer()
        if writer is None:
            return
        try:
            record = writer.write(exchange(request, response, fetched_at))
        except OSError as exc:
            self._write_failed(writer, exc)
            return
        request.meta[meta.WARC_RECORD] = record  # a page read again later refers to it
        self.crawler.stats.inc_value("govcrawl/archive/records", 2)
        self.crawler.stats.set_value(ARCHIVES_STAT, [str(p) for p in writer.final_paths()])

    def page_reused(self, request: Request, record: str | None) -> None:
        """A page the search for columns fetched, given to a later request without a fetch: a
        metadata record says how that request would have met it, and which record holds it."""
        writer = self._writer()
        if writer is None or record is None:
            return
        try:
            writer.write_reread(asked(request, request.meta[meta.FETCHED_AT]), record)
        except OSError as exc:
            self._write_failed(writer, exc)
            return
        self.crawler.stats.inc_value("govcrawl/archive/records")

    def _write_failed(self, writer: RotatingWarcWriter, exc: OSError) -> None:
        self._failed(f"cannot write the archive {writer.parts[-1]}: {exc}")
        deferred_from_coro(self.crawler.engine.close_spider_async(reason=STORAGE_ERROR))

    def run_step(self, step: str) -> None:
        """Just before the export is published, make the archive whole on disk: from then on a
        kill leaves a part that the next run publishes (a failure here stops the publish)."""
        if step != "before_publish" or self.writer is None or self.failed:
            return
        try:
            self.writer.close()
        except OSError as exc:
            self._failed(f"cannot write the archive {self.writer.parts[-1]}: {exc}")

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.writer is None:
            return
        if self.failed or not run_published(self.crawler.stats.get_stats()):
            self.writer.discard()  # an archive never outlives its unpublished run
            self.crawler.stats.set_value(ARCHIVES_STAT, [])
            return
        try:
            published = self.writer.publish()
        except OSError as exc:
            storage_failed(self.crawler, f"cannot publish the archive: {exc}")
            self.writer.discard()
            return
        logger.info("Archived %s", ", ".join(map(str, published)))

    def _failed(self, message: str) -> None:
        self.failed = True
        storage_failed(self.crawler, message)

    def _writer(self) -> RotatingWarcWriter | None:
        """The run's writer, made at its first fetch (the run is open by then); None when the run
        could not open, or after a write failed."""
        if self.writer is None and not self.failed:
            ctx = RunContext.opened(self.crawler)
            if ctx is None:
                return None
            _settle_stale_parts(self.root / ctx.site, ctx)
            self.writer = RotatingWarcWriter(self.root / ctx.site / ctx.day, ctx.run_id, self.max_bytes)
        return None if self.failed else self.writer


def _settle_stale_parts(site_folder: Path, ctx: RunContext) -> None:
    """The archive parts of killed runs: published when their run's export (or report) was,
    removed otherwise (their pages are fetched again). The run holds the site's lock, so the
    only live parts are those of its own distributed run, left alone."""
    removed = []
    for (folder, run_id), parts in _stale_parts(site_folder, ctx.group_run_id).items():
        try:
            if _run_was_published(ctx, folder.name, run_id):
                published = publish_parts(parts)
                logger.warning("Published the archive of run %s, killed after publishing its export: %s",
                               run_id, ", ".join(map(str, published)))
                continue
            for part in parts:
                part.unlink(missing_ok=True)
        except FileNotFoundError:
            continue  # a worker of this distributed run, starting too, settled it first
        except OSError as exc:
            logger.warning("Cannot settle the archive of run %s (%s): left as it is", run_id, exc)
            continue
        removed += parts
    if removed:
        logger.warning("Removed %d archive part(s) of runs killed before publishing, such as %s",
                       len(removed), removed[0])


def _stale_parts(site_folder: Path, live_run: str | None) -> dict[tuple[Path, str], list[Path]]:
    """The parts in ``<site>/<day>/`` by day folder and run, but those of the distributed run
    ``live_run``, in order."""
    stale: dict[tuple[Path, str], list[Path]] = {}
    for part in sorted(site_folder.glob(f"*/*{SUFFIX}{PART}")) if site_folder.is_dir() else []:
        match = PART_NAME.fullmatch(part.name)
        if match is not None and not (live_run and match["run"].startswith(f"{live_run}-")):
            stale.setdefault((part.parent, match["run"]), []).append(part)
    return stale


def _run_was_published(ctx: RunContext, day: str, run_id: str) -> bool:
    """Whether a run of the site that started on ``day`` wrote its export or its report (under
    this run's export folder: a run that exported elsewhere cannot be told from one that did not)."""
    if ctx.export_dir is None:
        return False
    run_dir = ctx.export_dir / ctx.site / day
    return (run_dir / f"{run_id}.jsonl").exists() or (run_dir / f"{run_id}.report.json").exists()


def exchange(request: Request, response: Response, fetched_at: datetime) -> Exchange:
    """A download as the archive keeps it."""
    return replace(asked(request, fetched_at), status=response.status,
                   response_headers=header_pairs(response.headers.items()), body=response.body,
                   protocol=response.protocol or "HTTP/1.1")


def asked(request: Request, fetched_at: datetime) -> Exchange:
    """A request as the archive keeps it, with no answer yet (a page read again has none)."""
    known = request.meta.get(meta.KNOWN)
    return Exchange(
        url=request.url, fetched_at=fetched_at, method=request.method,
        request_headers=header_pairs(request.headers.items()), request_body=request.body,
        status=0, response_headers=[], body=b"", kind=request.meta.get(meta.KIND),
        column=request.cb_kwargs.get("column_name") or request.cb_kwargs.get("name") or None,
        page=request.meta.get(meta.PAGE), depth=request.cb_kwargs.get("depth"),
        needs_date=needs_date_of(request.meta.get(meta.NEEDS_DATE)),
        refers_to=datetime.fromisoformat(known.last_seen) if known is not None and known.last_seen else None,
    )
