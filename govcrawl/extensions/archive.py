"""The WARC archive of a run (``--archive DIR``, GOVCRAWL_ARCHIVE_DIR): every page as fetched.

It listens to ``response_downloaded``, which Scrapy sends as the download handler returns,
before any downloader middleware: the body is still the bytes of the wire (HttpCompression has
not inflated it) and redirects and errors are seen too. Files go to
``DIR/<site>/<YYYY-MM-DD>/<run-id>.warc.gz``, written as ``.part`` and renamed at close only
when the run published (after the run component, whose ``spider_closed`` runs first: it is
connected first, being ordered before this extension in EXTENSIONS).
"""

from __future__ import annotations

import logging
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
from govcrawl.warc import PART, SUFFIX, Exchange, RotatingWarcWriter, header_pairs

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
            writer.write(exchange(request, response, fetched_at))
        except OSError as exc:
            self.failed = True
            storage_failed(self.crawler, f"cannot write the archive {writer.parts[-1]}: {exc}")
            deferred_from_coro(self.crawler.engine.close_spider_async(reason=STORAGE_ERROR))
            return
        self.crawler.stats.inc_value("govcrawl/archive/records", 2)
        self.crawler.stats.set_value(ARCHIVES_STAT, [str(p) for p in writer.final_paths()])

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

    def _writer(self) -> RotatingWarcWriter | None:
        """The run's writer, made at its first fetch (the run is open by then); None when the run
        could not open, or after a write failed."""
        if self.writer is None and not self.failed:
            ctx = RunContext.opened(self.crawler)
            if ctx is None:
                return None
            if ctx.group_run_id is None:  # a single-process run holds the site's lock: no other is live
                _remove_stale_parts(self.root / ctx.site)
            self.writer = RotatingWarcWriter(self.root / ctx.site / ctx.day, ctx.run_id, self.max_bytes)
        return None if self.failed else self.writer


def _remove_stale_parts(site_folder: Path) -> None:
    """The archive parts of runs killed before they published (their records are fetched again)."""
    stale = sorted(site_folder.rglob(f"*{SUFFIX}{PART}")) if site_folder.is_dir() else []
    for part in stale:
        part.unlink(missing_ok=True)
    if stale:
        logger.warning("Removed %d archive part(s) of runs killed before publishing, such as %s", len(stale), stale[0])


def exchange(request: Request, response: Response, fetched_at: datetime) -> Exchange:
    """A download as the archive keeps it."""
    known = request.meta.get(meta.KNOWN)
    return Exchange(
        url=request.url, fetched_at=fetched_at, method=request.method,
        request_headers=header_pairs(request.headers.items()), request_body=request.body,
        status=response.status, response_headers=header_pairs(response.headers.items()), body=response.body,
        protocol=response.protocol or "HTTP/1.1", kind=request.meta.get(meta.KIND),
        column=request.cb_kwargs.get("column_name") or request.cb_kwargs.get("name") or None,
        page=request.meta.get(meta.PAGE),
        refers_to=datetime.fromisoformat(known.last_seen) if known is not None and known.last_seen else None,
    )
