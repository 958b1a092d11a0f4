"""A run's WARC archive: each fetch as request and response records (warcio, WARC/1.1, gzip per
record), in files rotated at a size and kept as ``.part`` until the run publishes them.

No Scrapy here: the archive extension (``extensions.archive``) turns a download into an
``Exchange``, and ``govcrawl reextract`` reads the records back.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from http import HTTPStatus
from io import BytesIO
from pathlib import Path
from typing import IO, Any, Literal

from warcio.statusandheaders import StatusAndHeaders
from warcio.timeutils import datetime_to_iso_date
from warcio.warcwriter import WARCWriter

from govcrawl import __version__, files

WARC_VERSION = "WARC/1.1"
SUFFIX = ".warc.gz"
PART = ".part"
#: ``<run-id>-NNN.warc.gz.part``: the files of a run not yet published
PART_NAME = re.compile(rf"(?P<run>.+)-(?P<number>\d{{3}}){re.escape(SUFFIX + PART)}")
#: a 304 to a conditional request: the server vouches that the page is the one fetched before
NOT_MODIFIED_PROFILE = "http://netpreserve.org/warc/1.1/revisit/server-not-modified"
#: the downloader has already undone this framing: left in, the stored body could not be read
DROPPED_HEADERS = frozenset({"transfer-encoding"})
#: how the crawl met the page ("list", "article", "discovery") and under which column: what
#: re-extraction needs to rebuild the record the crawl exported
KIND_FIELD = "Govcrawl-Kind"
COLUMN_FIELD = "Govcrawl-Column"
PAGE_FIELD = "Govcrawl-Page"
#: how many links from the home page the search for columns found the page
DEPTH_FIELD = "Govcrawl-Depth"
#: "1": a link of a home page's block whose URL says nothing: an article only if it shows a date;
#: "catalogue": a link of a list that dates none of its items: an undated short page is a card;
#: "headline": a link outside any column's list (a home or channel page's, an article's 上一篇 or
#: 相关阅读): undated, it is a channel page when the search for columns read it as one
NEEDS_DATE_FIELD = "Govcrawl-Needs-Date"
#: what an article link asks of an undated page: "block", a home page's block linked it by a URL
#: that says nothing (undated, it is a channel or single page); "catalogue", a list that dates
#: none of its items linked it (undated and short, it is a card: a product, a person);
#: "headline", it was linked outside any column's list and any dated block: by a home or channel
#: page, or an article's 上一篇 or 相关阅读 (undated, it is a channel page if the search for columns
#: read it as one; a column's list outweighs that)
DateNeed = Literal["block", "catalogue", "headline"]
#: the field's value for each need ("1": as archives have always written it)
NEEDS_DATE_VALUES: dict[DateNeed, str] = {"block": "1", "catalogue": "catalogue", "headline": "headline"}

#: a metadata record's: a page the crawl did not fetch again but read again, as its request had it
#: (its fields above), from the response record this one refers to (WARC-Refers-To)
REREAD_TYPE = "metadata"
#: the warcinfo field naming the run (a worker's part of a distributed run) the file belongs to
RUN_FIELD = "isPartOf"



def needs_date_of(value: object) -> DateNeed | None:
    """An article link's need as its request or its archive record carries it: "block",
    "catalogue", "headline" or None; True is a request of an older worker (a shared Redis frontier), whose
    only need was "block"."""
    if value is True:
        return "block"
    return value if value in NEEDS_DATE_VALUES else None  # type: ignore[return-value]

@dataclass(slots=True, frozen=True)
class Exchange:
    """One fetch as it went over the wire: the request as sent, the answer as received."""

    url: str
    fetched_at: datetime
    method: str
    request_headers: list[tuple[str, str]]
    request_body: bytes
    status: int
    response_headers: list[tuple[str, str]]
    body: bytes
    protocol: str = "HTTP/1.1"
    kind: str | None = None
    column: str | None = None
    #: a list page's number in its column (the first page alone may turn out to be an article)
    page: int | None = None
    #: a page the search for columns requested: how many links from the home page
    depth: int | None = None
    #: what its link asks of an undated page
    needs_date: DateNeed | None = None
    #: a 304: when the page it stands for was fetched (the crawl state's last sight), if known
    refers_to: datetime | None = None


def warc_date(moment: datetime) -> str:
    """A WARC-Date: UTC, to the microsecond (WARC/1.1 allows it, and re-extraction needs it)."""
    return datetime_to_iso_date(moment.astimezone(UTC).replace(tzinfo=None), use_micros=True)


def _status_line(status: int) -> str:
    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:  # a status outside the registry (a site's 520): the code alone
        return str(status)


def _request_record(writer: WARCWriter, exchange: Exchange) -> Any:
    target = exchange.url.split("://", 1)[-1]
    path = "/" + target.split("/", 1)[1] if "/" in target else "/"
    headers = list(exchange.request_headers)
    if not any(name.lower() == "host" for name, _ in headers):
        # the download handler adds it on the wire, outside the request's headers
        headers.insert(0, ("Host", target.split("/", 1)[0]))
    http = StatusAndHeaders(f"{exchange.method} {path.split('#', 1)[0]} {exchange.protocol}", headers,
                            is_http_request=True)
    return writer.create_warc_record(exchange.url, "request", payload=BytesIO(exchange.request_body),
                                     length=len(exchange.request_body), http_headers=http)


def _response_record(writer: WARCWriter, exchange: Exchange) -> Any:
    headers = [(n, v) for n, v in exchange.response_headers if n.lower() not in DROPPED_HEADERS]
    http = StatusAndHeaders(_status_line(exchange.status), headers, protocol=exchange.protocol)
    fields = {"WARC-Date": warc_date(exchange.fetched_at)} | _request_fields(exchange)
    if exchange.status == 304:  # a revisit, not a copy: there is no body to keep
        fields |= {"WARC-Profile": NOT_MODIFIED_PROFILE, "WARC-Refers-To-Target-URI": exchange.url}
        if exchange.refers_to is not None:
            fields["WARC-Refers-To-Date"] = warc_date(exchange.refers_to)
        return writer.create_warc_record(exchange.url, "revisit", http_headers=http, warc_headers_dict=fields)
    return writer.create_warc_record(exchange.url, "response", payload=BytesIO(exchange.body),
                                     length=len(exchange.body), http_headers=http, warc_headers_dict=fields)


def _request_fields(exchange: Exchange) -> dict[str, str]:
    """How the crawl asked for the page: what re-extraction needs to read it as the crawl did."""
    fields = {}
    if exchange.kind:
        fields[KIND_FIELD] = exchange.kind
    if exchange.column:
        fields[COLUMN_FIELD] = exchange.column
    if exchange.page is not None:
        fields[PAGE_FIELD] = str(exchange.page)
    if exchange.depth is not None:
        fields[DEPTH_FIELD] = str(exchange.depth)
    if exchange.needs_date:
        fields[NEEDS_DATE_FIELD] = NEEDS_DATE_VALUES[exchange.needs_date]
    return fields


class RotatingWarcWriter:
    """``<folder>/<stem>-NNN.warc.gz.part`` files, a new one past ``max_bytes``; published as
    ``<stem>.warc.gz`` (one file) or ``<stem>-001.warc.gz`` … (several)."""

    def __init__(self, folder: Path, stem: str, max_bytes: int):
        self.folder, self.stem, self.max_bytes = folder, stem, max_bytes
        self.parts: list[Path] = []
        self.out: IO[bytes] | None = None

    def write(self, exchange: Exchange) -> str:
        """Archive one fetch: its response (or revisit) record, then its request record; the
        response record's WARC-Record-ID."""
        writer = self._record_writer()
        response = _response_record(writer, exchange)
        writer.write_request_response_pair(_request_record(writer, exchange), response)
        self._rotate()
        return response.rec_headers.get_header("WARC-Record-ID")

    def write_reread(self, exchange: Exchange, refers_to: str) -> None:
        """Archive a page read again without a fetch (``exchange``: the new request's fields, the
        page as kept): a metadata record naming the response record it read, with the fields a
        response record of that request would have had."""
        writer = self._record_writer()
        fields = {"WARC-Refers-To": refers_to} | _request_fields(exchange)
        block = f"reread: the answer of {refers_to}, without a fetch\r\n".encode()
        writer.write_record(writer.create_warc_record(exchange.url, REREAD_TYPE, payload=BytesIO(block),
                                                      length=len(block), warc_content_type="application/warc-fields",
                                                      warc_headers_dict=fields))
        self._rotate()

    def _record_writer(self) -> WARCWriter:
        if self.out is None:
            self._open_next()
        return WARCWriter(self.out, gzip=True, warc_version=WARC_VERSION)

    def _rotate(self) -> None:
        if self.out.tell() >= self.max_bytes:
            self.close()

    def final_paths(self) -> list[Path]:
        """The names the parts take when published."""
        return published_names(self.parts)

    def publish(self) -> list[Path]:
        """Make the parts durable, then give them their final names."""
        self.close()
        return publish_parts(self.parts)

    def close(self) -> None:
        """Flush, fsync and close the file being written (the next write begins a new one)."""
        if self.out is None:
            return
        self.out.flush()
        os.fsync(self.out.fileno())
        self.out.close()
        self.out = None

    def discard(self) -> None:
        """Remove the parts of a run that publishes nothing."""
        if self.out is not None:
            self.out.close()
            self.out = None
        for part in self.parts:
            part.unlink(missing_ok=True)

    def _open_next(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        part = self.folder / f"{self.stem}-{len(self.parts) + 1:03d}{SUFFIX}{PART}"
        self.out = part.open("wb")
        self.parts.append(part)
        writer = WARCWriter(self.out, gzip=True, warc_version=WARC_VERSION)
        info = {"software": f"govcrawl/{__version__}", "format": "WARC File Format 1.1",
                "conformsTo": "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/",
                RUN_FIELD: self.stem}
        writer.write_record(writer.create_warcinfo_record(None, info))


def published_names(parts: list[Path]) -> list[Path]:
    """What a run's remaining parts are called once published: ``<run-id>.warc.gz`` for a run
    of one file, else each its own name without ``.part`` (parts are published in order, so a
    run killed halfway through its publish has only later parts left, never ``-001``)."""
    if len(parts) == 1 and (match := PART_NAME.fullmatch(parts[0].name)) and match["number"] == "001":
        return [parts[0].with_name(match["run"] + SUFFIX)]
    return [part.with_name(part.name.removesuffix(PART)) for part in parts]


def publish_parts(parts: list[Path]) -> list[Path]:
    """Rename a run's parts (written whole and fsynced) to their published names."""
    finals = published_names(parts)
    for part, final in zip(parts, finals, strict=True):
        os.replace(part, final)
    for folder in {final.parent for final in finals}:
        files.fsync_dir(folder)
    return finals


def header_pairs(headers: Iterable[tuple[bytes, list[bytes]]]) -> list[tuple[str, str]]:
    """Scrapy-style headers (name → values, bytes) as the (name, value) lines they came in."""
    return [(name.decode("latin-1"), value.decode("latin-1")) for name, values in headers for value in values]
