"""``govcrawl reextract``: today's extractor over the pages of WARC archives, with no network.

Each archived answer is read the way the crawl read it when it came in: by the spider's own
decisions (``spiders.pages``) for the way the crawl asked for it (an article link, a column's
page, the search for columns), at the archived fetch time, then the record steps. So a page
archived by a crawl gives the record that crawl exported, or none where it exported none, and a
changed extractor shows what it changes.
"""

from __future__ import annotations

import gc
import json
import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Self
from urllib.parse import urljoin

from govcrawl import files
from govcrawl.exceptions import RejectItem
from govcrawl.extract.listing import PageKind
from govcrawl.extract.urls import canonical_url
from govcrawl.outcomes import Outcomes
from govcrawl.pipelines.hash_content import HashContentPipeline
from govcrawl.pipelines.validate import checked_record
from govcrawl.reasons import Outcome, Reason, http_reason
from govcrawl.run_context import CHINA
from govcrawl.sites import SiteEntry
from govcrawl.spiders.pages import (
    Fetched,
    PageUse,
    html_refusal,
    may_be_article,
    parse_fetched,
    read_article_link,
    read_discovered,
    read_list_link,
)
from govcrawl.warc_pages import ArchivedPage, BadInput, archived_page_at, archived_pages


@dataclass(slots=True)
class Reextraction:
    """What a reextract run read, wrote and rejected, counted as the crawl counts them."""

    pages: int = 0
    exported: int = 0
    #: pages that gave no record, by reason: the report's ``rejected`` (the crawl's stats)
    rejected: dict[str, int] = field(default_factory=dict)
    #: what became of each article link: the report's ``outcomes``
    outcomes: Outcomes = field(default_factory=Outcomes)
    problems: list[BadInput] = field(default_factory=list)
    #: where each rejection is written down as the crawl's rejects log writes it (None: counted only)
    log: Callable[[dict[str, Any]], None] | None = None

    def reject(self, url: str, reason: str, detail: str = "") -> None:
        """Count a page that gave no record, and write it down, as the crawl's rejects log does."""
        self.rejected[reason] = self.rejected.get(reason, 0) + 1
        self.outcomes.reject(url, reason)
        if self.log is not None:
            self.log({"url": url, "reason": reason, "detail": detail,
                      "at": datetime.now(UTC).isoformat(timespec="seconds")})


#: a fetch as the crawl asked for it: run, kind, URL, list page (its retries share it)
FetchKey = tuple[str | None, str | None, str, int | None]


@dataclass(slots=True)
class CrawlMemory:
    """What the crawl that fetched the pages knew from its earlier pages when it read a later one,
    by run (a spider's, a worker's): the kind the search for columns read each page as, the URL a
    list gave for a page that redirected, and the fetches that failed (a retry may follow)."""

    discovered: dict[tuple[str | None, str], PageKind] = field(default_factory=dict)
    listed: dict[tuple[str | None, str], str] = field(default_factory=dict)
    failed: dict[FetchKey, tuple[str, str, str, bool]] = field(default_factory=dict)
    #: where the search for columns' answers are (WARC-Record-ID -> file, offset, run): a page the
    #: crawl read again without a fetch refers to one (``middlewares.discovered``)
    answers: dict[str, tuple[Path, int, str | None]] = field(default_factory=dict)

    def note_answer(self, page: ArchivedPage, path: Path) -> None:
        """Where a 2xx answer to the search for columns is, for a later record that reads it again."""
        if page.kind == "discovery" and 200 <= page.status < 300 and page.record_id:
            self.answers[page.record_id] = (path, page.offset, page.run)

    def reread(self, page: ArchivedPage) -> ArchivedPage:
        """A page read again without a fetch: the answer it refers to, as its request met it;
        LookupError when that answer is not among the records read so far, OSError when its file
        cannot be read again (a pipe)."""
        path, offset, run = self.answers.pop(page.rereads or "")
        kept = archived_page_at(path, offset, run)
        return replace(kept, url=page.url, kind=page.kind, column=page.column, page=page.page, depth=page.depth,
                       needs_date=page.needs_date, record_id=None, offset=page.offset)


@dataclass(slots=True, frozen=True)
class Reread:
    """What the crawl made of one archived page: a record, a rejection's reason, or else what became
    of its link (``settled``); ``article_link``: the crawl counted its link among the article links."""

    record: dict[str, Any] | None = None
    reason: str | None = None
    #: what the rejection says beyond its reason
    detail: str = ""
    settled: str | None = None
    article_link: bool = False


#: the pages the spider asked for (robots.txt and others are none of its business)
SPIDER_KINDS = ("article", "list", "discovery")
#: what Scrapy's RedirectMiddleware follows (with a Location); any other status outside 2xx is
#: an HttpError for the spider's errback: ``http_<status>``
REDIRECTS = frozenset({301, 302, 303, 307, 308})


def fetch_failure(page: ArchivedPage) -> str | None:
    """The reason the crawl recorded for this answer as a failed fetch, or None: an answer it
    read, a redirect it followed, or a fetch that was none of the spider's."""
    if page.kind not in SPIDER_KINDS or 200 <= page.status < 300:
        return None
    if page.status in REDIRECTS and page.location:
        return None
    return http_reason(page.status)


def reextract_page(page: ArchivedPage, entry: SiteEntry, memory: CrawlMemory) -> Reread:
    """What the crawl made of a page that answered (2xx): the record it exported, the reason it
    rejected it, what became of its link (a list, a channel page), or nothing (a list page, a
    page read to search for columns; a column's later page, not read again, whose refusal by a
    firewall is not counted again either)."""
    if not 200 <= page.status < 300 or page.kind not in SPIDER_KINDS:
        return Reread()
    if page.kind == "list" and not may_be_article(page.page or 1):
        return Reread()  # a column's later page gives no record: the crawl read it for its links
    fetched = Fetched(page.url, page.content_type, page.body, page.fetched_at, page.column)
    if page.kind == "discovery":
        if html_refusal(page.content_type, page.body):
            return Reread(reason=str(Reason.NOT_HTML), detail=html_refusal(page.content_type, page.body) or "")
        memory.discovered[page.run, page.url] = read_discovered(parse_fetched(fetched, entry), fetched, entry,
                                                                _depth(page, entry)).kind
        return Reread()
    if page.kind == "article":
        found = read_article_link(fetched, entry, memory.discovered.get((page.run, page.url)),
                                  needs_date=page.needs_date)
    else:
        found = read_list_link(fetched, entry, page.page or 1)
    return _reread(found, page.kind == "article")


def _reread(found: PageUse, article_link: bool) -> Reread:
    """A page's use by the crawl as reextract counts it."""
    if found.use == "rejected":
        return Reread(reason=str(found.rejection.reason), detail=found.rejection.detail, article_link=article_link)
    if found.use in ("list", "followed_as_list"):
        return Reread(settled=str(Outcome.FOLLOWED_AS_LIST) if article_link else None, article_link=article_link)
    if found.use == "channel_page":
        return Reread(settled=f"{Outcome.IGNORED}:{Reason.CHANNEL_PAGE}", article_link=article_link)
    try:  # a record: an article link's, or a column's first page that is an article
        return Reread(record=checked_record(HashContentPipeline().process_item(found.article)), article_link=True)
    except RejectItem as exc:
        return Reread(reason=str(exc.reason), detail=exc.detail, article_link=True)


def _depth(page: ArchivedPage, entry: SiteEntry) -> int:
    """How deep the search for columns was at this page (archives without the field: the home
    page or below it)."""
    if page.depth is not None:
        return page.depth
    return 0 if entry.home and page.url == canonical_url(entry.home) else 1


#: archived pages read ahead, then extracted: reading and extracting 64 pages in turn rather than
#: one measured 6% faster (bench/archive.py); a batch stays small beside a file's size
BATCH = 64
#: allocations between the collector's youngest-generation passes during a run (Python's 700):
#: extraction makes many short-lived objects, few cycles; 3% faster, measured as above
GC_THRESHOLD = 10_000


def reextract(archives: list[Path], entry: SiteEntry, out: RunFile | None = None) -> Reextraction:
    """Every archived page of ``archives`` through today's extractor, each record written to
    ``out`` as it is made (None: counted only)."""
    result, memory = Reextraction(log=out.reject if out is not None else None), CrawlMemory()
    with _fewer_collections():
        for path in archives:
            pages = archived_pages(path, result.problems)
            while batch := list(islice(pages, BATCH)):
                for page in batch:
                    if page.rereads and (page := _read_again(page, path, memory, result)) is None:
                        continue
                    memory.note_answer(page, path)
                    result.pages += 1
                    _read(page, entry, memory, result, out)
            if out is not None:
                out.flush()
    for listed, reason, detail, article_link in memory.failed.values():  # failed for good: no retry came after
        if article_link:
            result.outcomes.found.add(listed)
        result.reject(listed, reason, detail)
    return result


def _read_again(page: ArchivedPage, path: Path, memory: CrawlMemory, result: Reextraction) -> ArchivedPage | None:
    """The page a metadata record says was read again, or None (and a problem) when its answer
    cannot be found or read."""
    try:
        return memory.reread(page)
    except LookupError:
        problem = "not in the archives read before it"
    except OSError as exc:
        problem = f"not readable again ({exc.strerror or exc})"
    result.problems.append(BadInput(path, page.offset, f"a page read again ({page.url}) whose answer "
                                                       f"{page.rereads} is {problem}"))
    return None


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """The garbage collector's first threshold raised to GC_THRESHOLD, and set back after."""
    thresholds = gc.get_threshold()
    gc.set_threshold(max(GC_THRESHOLD, thresholds[0]), *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def _read(page: ArchivedPage, entry: SiteEntry, memory: CrawlMemory, result: Reextraction,
          out: RunFile | None) -> None:
    """One archived answer, counted as the crawl counted it, under the URL its list gave."""
    fetch: FetchKey = (page.run, page.kind, page.url, page.page)
    memory.failed.pop(fetch, None)  # a retry: its last attempt is what the crawl counted
    listed = memory.listed.get((page.run, page.url), page.url)
    if page.status in REDIRECTS and page.location and page.kind in SPIDER_KINDS:
        memory.listed[page.run, canonical_url(urljoin(page.url, page.location))] = listed
    if reason := fetch_failure(page):
        memory.failed[fetch] = (listed, reason, f"HTTP {page.status}", page.kind == "article")
        return
    try:
        found = reextract_page(page, entry, memory)
    except Exception as exc:  # the crawl records an error while reading a page as spider_error, and goes on
        found = Reread(reason=str(Reason.SPIDER_ERROR), detail=f"{type(exc).__name__}: {exc}",
                       article_link=page.kind == "article")
    if found.article_link:
        result.outcomes.found.add(listed)
    if found.record is not None:
        result.exported += 1
        result.outcomes.settle(listed, Outcome.EXPORTED_NEW)
        if out is not None:
            out.write(found.record)
    elif found.reason is not None:
        result.reject(listed, found.reason, found.detail)
    elif found.settled is not None:
        result.outcomes.settle(listed, found.settled)


class RunFile:
    """A reextract run's files: records written to ``<run-id>.jsonl.part`` as they are made, the
    part renamed when the run is published, with the report beside it. A run that ends otherwise
    (an error, Ctrl-C) removes its part: never a half-published run file."""

    def __init__(self, out: Path, site: str):
        self.site, self.started = site, datetime.now(UTC)
        self.run_id = f"{self.started:%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"
        self.folder = out / site / f"{self.started.astimezone(CHINA):%Y-%m-%d}"
        self.final = self.folder / f"{self.run_id}.jsonl"
        self.part = self.final.with_name(self.final.name + ".part")
        self._stream: IO[str] | None = None
        #: the rejects log, as a crawl's: ``rejects/<run-id>.jsonl`` beside the run file
        self.rejects = self.folder / "rejects" / f"{self.run_id}.jsonl"
        self._rejects_part = self.rejects.with_name(self.rejects.name + ".part")
        self._rejects_stream: IO[str] | None = None

    def write(self, record: dict[str, Any]) -> None:
        """One record, as a line of the part file (opened with the first)."""
        if self._stream is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._stream = self.part.open("w", encoding="utf-8")
        self._stream.write(json.dumps(record, ensure_ascii=False) + "\n")

    def reject(self, row: dict[str, Any]) -> None:
        """One rejection, as a line of the rejects log's part file (opened with the first)."""
        if self._rejects_stream is None:
            self._rejects_part.parent.mkdir(parents=True, exist_ok=True)
            self._rejects_stream = self._rejects_part.open("w", encoding="utf-8")
        self._rejects_stream.write(json.dumps(row, ensure_ascii=False) + "\n")

    def flush(self) -> None:
        for stream in (self._stream, self._rejects_stream):
            if stream is not None:
                stream.flush()

    def publish(self, result: Reextraction, archives: list[Path]) -> Path:
        """The run file renamed to its name (like a run that exported nothing: no empty file, the
        report alone) and the report written beside it; the report's path."""
        self.folder.mkdir(parents=True, exist_ok=True)
        if self._stream is not None:
            self._stream.flush()
            os.fsync(self._stream.fileno())
            self._stream.close()
            self._stream = None
            os.replace(self.part, self.final)
        if self._rejects_stream is not None:
            self._rejects_stream.close()
            self._rejects_stream = None
            os.replace(self._rejects_part, self.rejects)
        report = self.folder / f"{self.run_id}.report.json"
        files.write_json(report, {
            "run_id": self.run_id, "site": self.site, "run_kind": "reextract",
            "started": self.started.isoformat(timespec="seconds"), "archives": [str(p) for p in archives],
            "pages_read": result.pages, "exported": result.exported, "rejected": result.rejected,
            "outcomes": result.outcomes.table(), "export": str(self.final) if result.exported else None,
            "rejects": str(self.rejects) if self.rejects.exists() else None,
            "unreadable": [str(p) for p in result.problems]})
        return report

    def discard(self) -> None:
        """An unpublished run: its parts removed."""
        for stream, part in ((self._stream, self.part), (self._rejects_stream, self._rejects_part)):
            if stream is not None:
                stream.close()
                part.unlink(missing_ok=True)
        self._stream = self._rejects_stream = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.discard()  # published already, or not to be


def reextract_run(archives: list[Path], entry: SiteEntry, out: Path) -> tuple[Reextraction, Path]:
    """``govcrawl reextract``: the run over ``archives``, published under ``out``; its report's path."""
    with RunFile(out, entry.key) as run:
        result = reextract(archives, entry, run)
        return result, run.publish(result, archives)
