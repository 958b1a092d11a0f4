"""The response records of WARC files as the pages a crawl met, for ``govcrawl reextract``: each
answer with what the crawl knew of it (the way it asked for it, its column, its run), read once;
what cannot be read is named by file and offset.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from warcio.timeutils import iso_date_to_datetime

from govcrawl.warc import (
    COLUMN_FIELD,
    DEPTH_FIELD,
    KIND_FIELD,
    NEEDS_DATE_FIELD,
    NEEDS_DATE_VALUES,
    PAGE_FIELD,
    REREAD_TYPE,
    RUN_FIELD,
    DateNeed,
)
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
    #: what the article link asked of an undated page
    needs_date: DateNeed | None = None
    #: the run (a worker's part of a distributed run) that fetched it, as its file's warcinfo says
    run: str | None = None
    #: a redirect's Location header, as received
    location: str | None = None
    #: the response record's WARC-Record-ID
    record_id: str | None = None
    #: a page read again without a fetch: the record of the answer it read (its body is there)
    rereads: str | None = None
    #: where the record begins in its file
    offset: int = 0


@dataclass(slots=True, frozen=True)
class BadInput:
    """A file, or a record of one, that could not be read."""

    path: Path
    offset: int
    problem: str

    def __str__(self) -> str:
        return f"{self.path}: offset {self.offset}: {self.problem}"


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
                elif _is_reread(record):
                    yield _reread(record, run)
    except OSError as exc:
        damage.append(Damage(0, exc.strerror or str(exc)))
    problems.extend(BadInput(path, d.offset, d.problem) for d in damage)


def archived_page_at(path: Path, offset: int, run: str | None) -> ArchivedPage:
    """The response record at ``offset`` of ``path``, read again (a later record refers to it);
    LookupError when there is none whole there."""
    with path.open("rb") as stream:
        stream.seek(offset)
        for record in warc_records(stream, []):
            if record.http is not None:
                return replace(_page(record, record.http, run), offset=offset)
            break
    raise LookupError(f"no response record at offset {offset} of {path}")


def _warcinfo(payload: bytes) -> dict[str, str]:
    """The ``name: value`` fields of a warcinfo record."""
    pairs = (line.split(":", 1) for line in payload.decode("utf-8", "replace").splitlines() if ":" in line)
    return {name.strip(): value.strip() for name, value in pairs}


def _is_reread(record: WarcRecord) -> bool:
    """Whether a record is govcrawl's note of a page read again: a metadata record that refers to
    an answer and says how the crawl asked for the page."""
    return record.type == REREAD_TYPE and "warc-refers-to" in record.fields and KIND_FIELD.lower() in record.fields


def _reread(record: WarcRecord, run: str | None) -> ArchivedPage:
    """A metadata record of a page read again: how it was asked for, and the record it read (the
    answer's fields and body come from there)."""
    return ArchivedPage(url=record.fields.get("warc-target-uri", ""), fetched_at=_date(record), status=0,
                        content_type=None, body=b"", **_asked(record.fields), run=run,
                        rereads=record.fields["warc-refers-to"], offset=record.offset)


def _page(record: WarcRecord, http: HttpResponse, run: str | None) -> ArchivedPage:
    content_type = http.header("content-type")
    return ArchivedPage(
        url=record.fields.get("warc-target-uri", ""), fetched_at=_date(record), status=http.status,
        content_type=content_type.encode("latin-1") if content_type is not None else None,
        body=decoded_payload(http),  # de-chunked and inflated, as the crawl read it
        **_asked(record.fields), run=run, location=http.header("location"),
        record_id=record.fields.get("warc-record-id"), offset=record.offset,
    )


def _date(record: WarcRecord) -> datetime:
    return iso_date_to_datetime(record.fields.get("warc-date", ""), tz_aware=True)


def _asked(fields: dict[str, str]) -> dict[str, Any]:
    """How the crawl asked for the page, from the record's Govcrawl-* fields."""
    page, depth = fields.get(PAGE_FIELD.lower()), fields.get(DEPTH_FIELD.lower())
    return {"kind": fields.get(KIND_FIELD.lower()), "column": fields.get(COLUMN_FIELD.lower()),
            "page": int(page) if page else None, "depth": int(depth) if depth else None,
            "needs_date": _NEEDS_DATE.get(fields.get(NEEDS_DATE_FIELD.lower(), ""))}


_NEEDS_DATE = {value: need for need, value in NEEDS_DATE_VALUES.items()}
