"""``govcrawl reextract``: today's extractor over the pages of WARC archives, with no network.

Each archived answer is read the way the crawl read it when it came in: by the spider's own
decisions (``spiders.pages``) for the way the crawl asked for it (an article link, a column's
page, the search for columns), at the archived fetch time, then the record steps. So a page
archived by a crawl gives the record that crawl exported, or none where it exported none, and a
changed extractor shows what it changes.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from warcio.timeutils import iso_date_to_datetime

from govcrawl import files
from govcrawl.exceptions import RejectItem
from govcrawl.extract.listing import PageKind
from govcrawl.extract.urls import canonical_url
from govcrawl.pipelines.hash_content import HashContentPipeline
from govcrawl.pipelines.validate import checked_record
from govcrawl.reasons import Reason
from govcrawl.run_context import CHINA
from govcrawl.sites import SiteEntry
from govcrawl.spiders.pages import (
    Fetched,
    html_refusal,
    may_be_article,
    parse_fetched,
    read_article_link,
    read_discovered,
    read_list_link,
)
from govcrawl.warc import COLUMN_FIELD, DEPTH_FIELD, KIND_FIELD, NEEDS_DATE_FIELD, PAGE_FIELD, RUN_FIELD
from govcrawl.warc_reader import Damage, HttpResponse, WarcRecord, decoded_payload, warc_records


@dataclass(slots=True, frozen=True)
class ArchivedPage:
    """A response record: the answer and how the crawl met it."""

    url: str
    fetched_at: datetime
    status: int
    #: the Content-Type header as received (None: there was none)
    content_type: bytes | None
    body: bytes
    kind: str | None
    column: str | None
    page: int | None
    #: a page the search for columns read: how many links from the home page
    depth: int | None = None
    #: an article link that makes a record only if the page shows a date
    needs_date: bool = False
    #: the run (a worker's part of a distributed run) that fetched it, as its file's warcinfo says
    run: str | None = None


@dataclass(slots=True, frozen=True)
class BadInput:
    """A file, or a record of one, that could not be read."""

    path: Path
    offset: int
    problem: str

    def __str__(self) -> str:
        return f"{self.path}: offset {self.offset}: {self.problem}"


@dataclass(slots=True)
class Reextraction:
    """What a reextract run read and wrote."""

    pages: int = 0
    records: list[dict[str, Any]] = field(default_factory=list)
    rejected: dict[str, int] = field(default_factory=dict)
    problems: list[BadInput] = field(default_factory=list)


@dataclass(slots=True)
class CrawlMemory:
    """What the crawl that fetched the pages knew from its earlier pages when it read a later one:
    the kind the search for columns read each page as, by run (a spider's, a worker's)."""

    discovered: dict[tuple[str | None, str], PageKind] = field(default_factory=dict)


def archived_pages(path: Path, problems: list[BadInput]) -> Iterator[ArchivedPage]:
    """The response records of one WARC file, read once; what cannot be read is noted and skipped."""
    damage: list[Damage] = []
    try:
        with path.open("rb") as stream:
            run = None
            for record in warc_records(stream, damage):
                if record.type == "warcinfo":
                    run = _warcinfo(record.block).get(RUN_FIELD)
                elif record.http is not None:
                    yield _page(record, record.http, run)
    except OSError as exc:
        damage.append(Damage(0, exc.strerror or str(exc)))
    problems.extend(BadInput(path, d.offset, d.problem) for d in damage)


def _warcinfo(payload: bytes) -> dict[str, str]:
    """The ``name: value`` fields of a warcinfo record."""
    pairs = (line.split(":", 1) for line in payload.decode("utf-8", "replace").splitlines() if ":" in line)
    return {name.strip(): value.strip() for name, value in pairs}


def _page(record: WarcRecord, http: HttpResponse, run: str | None) -> ArchivedPage:
    fields, content_type = record.fields, http.header("content-type")
    page, depth = fields.get(PAGE_FIELD.lower()), fields.get(DEPTH_FIELD.lower())
    return ArchivedPage(
        url=fields.get("warc-target-uri", ""),
        fetched_at=iso_date_to_datetime(fields.get("warc-date", ""), tz_aware=True),
        status=http.status,
        content_type=content_type.encode("latin-1") if content_type is not None else None,
        body=decoded_payload(http),  # de-chunked and inflated, as the crawl read it
        kind=fields.get(KIND_FIELD.lower()), column=fields.get(COLUMN_FIELD.lower()),
        page=int(page) if page else None, depth=int(depth) if depth else None,
        needs_date=fields.get(NEEDS_DATE_FIELD.lower()) == "1", run=run,
    )


def reextract_page(page: ArchivedPage, entry: SiteEntry, memory: CrawlMemory) -> dict[str, Any] | str | None:
    """The record the crawl exported from this page, the reason it rejected it, or None when it
    did neither (a list page, a page read to search for columns, robots.txt, a redirect; an error
    answer, which the crawl rejected without a page to read; a column's later page, not read
    again, whose refusal by a firewall is not counted again either)."""
    if not 200 <= page.status < 300 or page.kind not in ("article", "list", "discovery"):
        return None
    if page.kind == "list" and not may_be_article(page.page or 1):
        return None  # a column's later page gives no record: the crawl read it for its links
    fetched = Fetched(page.url, page.content_type, page.body, page.fetched_at, page.column)
    if page.kind == "discovery":
        if html_refusal(page.content_type, page.body):
            return str(Reason.NOT_HTML)
        memory.discovered[page.run, page.url] = read_discovered(parse_fetched(fetched, entry), fetched, entry,
                                                                _depth(page, entry)).kind
        return None
    if page.kind == "article":
        found = read_article_link(fetched, entry, memory.discovered.get((page.run, page.url)),
                                  needs_date=page.needs_date)
    else:
        found = read_list_link(fetched, entry, page.page or 1)
    if found.use == "rejected":
        return str(found.rejection.reason)
    if found.use != "record":
        return None
    try:
        return checked_record(HashContentPipeline().process_item(found.article))
    except RejectItem as exc:
        return str(exc.reason)


def _depth(page: ArchivedPage, entry: SiteEntry) -> int:
    """How deep the search for columns was at this page (archives without the field: the home
    page or below it)."""
    if page.depth is not None:
        return page.depth
    return 0 if entry.home and page.url == canonical_url(entry.home) else 1


def reextract(archives: list[Path], entry: SiteEntry) -> Reextraction:
    """Every archived page of ``archives`` through today's extractor."""
    result, memory = Reextraction(), CrawlMemory()
    for path in archives:
        for page in archived_pages(path, result.problems):
            result.pages += 1
            try:
                found = reextract_page(page, entry, memory)
            except Exception:  # the crawl records an error while reading a page as spider_error, and goes on
                found = str(Reason.SPIDER_ERROR)
            if isinstance(found, dict):
                result.records.append(found)
            elif found is not None:
                result.rejected[found] = result.rejected.get(found, 0) + 1
    return result


def write_run(result: Reextraction, archives: list[Path], site: str, out: Path) -> Path:
    """``<out>/<site>/<YYYY-MM-DD>/<run-id>.jsonl`` (published whole) and its report beside it,
    whose path is returned."""
    started = datetime.now(UTC)
    run_id = f"{started:%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"
    folder = out / site / f"{started.astimezone(CHINA):%Y-%m-%d}"
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / f"{run_id}.jsonl"
    if result.records:  # like a run that exported nothing: no empty file, the report alone
        _publish_lines(final, result.records)
    files.write_json(folder / f"{run_id}.report.json", {
        "run_id": run_id, "site": site, "run_kind": "reextract", "started": started.isoformat(timespec="seconds"),
        "archives": [str(p) for p in archives], "pages_read": result.pages, "exported": len(result.records),
        "rejected": result.rejected, "export": str(final) if result.records else None,
        "unreadable": [str(p) for p in result.problems]})
    return folder / f"{run_id}.report.json"


def _publish_lines(final: Path, records: list[dict[str, Any]]) -> None:
    """Write the records as ``.part``, then rename: a reader never sees half a run file."""
    part = final.with_name(final.name + ".part")
    with part.open("w", encoding="utf-8") as stream:
        for record in records:
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        stream.flush()
        os.fsync(stream.fileno())
    os.replace(part, final)
