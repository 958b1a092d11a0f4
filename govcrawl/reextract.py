"""``govcrawl reextract``: today's extractor over the pages of WARC archives, with no network.

Each archived answer is read the way the crawl read it when it came in (the same parse, the same
page-kind decision, the same record steps, at the archived fetch time), so that a page archived
by a crawl gives the record that crawl exported, and a changed extractor shows what it changes.
"""

from __future__ import annotations

import json
import os
import secrets
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.timeutils import iso_date_to_datetime

from govcrawl import files
from govcrawl.exceptions import NotAnArticle, RejectItem
from govcrawl.extract.document import ParsedPage, parse_page
from govcrawl.extract.encoding import http_charset
from govcrawl.extract.page_kind import read_page
from govcrawl.items import Article, article_from_page
from govcrawl.pipelines.hash_content import HashContentPipeline
from govcrawl.pipelines.validate import checked_record
from govcrawl.run_context import CHINA
from govcrawl.sites import SiteEntry
from govcrawl.warc import COLUMN_FIELD, KIND_FIELD, PAGE_FIELD

#: what a damaged or foreign file raises while warcio reads it
READ_ERRORS = (ArchiveLoadFailed, OSError, EOFError, zlib.error, ValueError)
HTML_TYPES = ("text/html", "application/xhtml", "text/xml", "application/xml")


@dataclass(slots=True, frozen=True)
class ArchivedPage:
    """A response record: the answer and how the crawl met it."""

    url: str
    fetched_at: datetime
    status: int
    content_type: str
    body: bytes
    kind: str | None
    column: str | None
    page: int | None


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


def archived_pages(path: Path, problems: list[BadInput]) -> Iterator[ArchivedPage]:
    """The response records of one WARC file; what cannot be read is noted and skipped."""
    try:
        stream = path.open("rb")
    except OSError as exc:
        problems.append(BadInput(path, 0, exc.strerror or str(exc)))
        return
    with stream:
        records = ArchiveIterator(stream, check_digests=True)
        try:
            for record in records:
                page = _page(record) if record.rec_type == "response" else record.raw_stream.read()
                if problem := _damage(record):  # a damaged record is no page
                    problems.append(BadInput(path, records.get_record_offset(), problem))
                    return  # cut short: nothing after it can be found
                if isinstance(page, ArchivedPage):
                    yield page
        except READ_ERRORS as exc:
            # where the record that could not be read begins (not a WARC file: offset 0)
            problems.append(BadInput(path, records.offset, f"{type(exc).__name__}: {exc}".rstrip(": ")))
            return
    if (cut := cut_member(path)) is not None:  # warcio reads a record cut in its headers as whole
        problems.append(BadInput(path, cut, "record truncated (the file ends inside it)"))


def cut_member(path: Path, chunk: int = 1 << 20) -> int | None:
    """Where the gzip member (a record each) that the file ends inside begins; None when the
    file ends where a member ends."""
    start, member, pending = 0, zlib.decompressobj(wbits=31), False
    with path.open("rb") as stream:
        while data := stream.read(chunk):
            offset = stream.tell() - len(data)  # the file offset of data[0]
            while data:
                try:
                    member.decompress(data)
                except zlib.error:
                    return start
                pending = True
                if not member.eof:
                    break
                offset += len(data) - len(member.unused_data)
                start, data = offset, member.unused_data
                member, pending = zlib.decompressobj(wbits=31), False
    return start if pending else None


def _damage(record: Any) -> str | None:
    """Why a record read to its end is not whole: a digest that fails, or bytes missing."""
    if record.digest_checker.passed is False:
        return "; ".join(record.digest_checker.problems)
    missing = getattr(record.raw_stream, "limit", 0)  # warcio stops quietly at a file's end
    return f"{record.rec_type} record truncated ({missing} bytes missing)" if missing else None


def _page(record: Any) -> ArchivedPage:
    fields = record.rec_headers
    page = fields.get_header(PAGE_FIELD)
    return ArchivedPage(
        url=fields.get_header("WARC-Target-URI"),
        fetched_at=iso_date_to_datetime(fields.get_header("WARC-Date"), tz_aware=True),
        status=int(record.http_headers.get_statuscode()),
        content_type=record.http_headers.get_header("Content-Type") or "text/html",
        body=record.content_stream().read(),  # de-chunked and inflated, as the crawl read it
        kind=fields.get_header(KIND_FIELD), column=fields.get_header(COLUMN_FIELD),
        page=int(page) if page else None,
    )


def reextract_page(page: ArchivedPage, entry: SiteEntry) -> dict[str, Any] | str | None:
    """The record the crawl exported from this page, the reason it rejected it, or None when the
    crawl read it as no article (robots.txt, a list page, an error answer)."""
    if not 200 <= page.status < 300 or not any(t in page.content_type.lower() for t in HTML_TYPES):
        return None
    parsed = parse_page(page.body, entry.encoding or http_charset(page.content_type))
    if page.kind == "article":
        article = _article(parsed, page, entry)
    elif page.kind == "list" and page.page == 1:  # a column's first page may be a single article
        options = {"article_pattern": entry.article_pattern, "list_pattern": entry.list_pattern, "shape": None}
        reading = read_page(parsed, page.url, lambda p: _article(p, page, entry), **options)
        article = reading.article if reading.kind == "article" else None
    else:
        return None
    if not isinstance(article, Article):
        return str(article.reason) if isinstance(article, NotAnArticle) and page.kind == "article" else None
    try:
        return checked_record(HashContentPipeline().process_item(article))
    except RejectItem as exc:
        return str(exc.reason)


def _article(parsed: ParsedPage, page: ArchivedPage, entry: SiteEntry) -> Article | NotAnArticle:
    """The spider's article reading (``SiteSpider._article``) at the archived fetch time."""
    try:
        return article_from_page(parsed, page.url, site=entry.key, site_name=entry.name, column=page.column,
                                 fetched_at=page.fetched_at, selectors=entry.selectors.for_extraction())
    except NotAnArticle as exc:
        return exc


def reextract(archives: list[Path], entry: SiteEntry) -> Reextraction:
    """Every archived page of ``archives`` through today's extractor."""
    result = Reextraction()
    for path in archives:
        for page in archived_pages(path, result.problems):
            result.pages += 1
            found = reextract_page(page, entry)
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
