"""Reading WARC files back in one pass, for ``govcrawl reextract``: each gzip member (a record,
as govcrawl and warcio write them) inflated once, its digests checked with hashlib, its place in
the file known exactly, so that a damaged or cut record is named by its offset and the next one
is still read.

warcio reads the same files (the tests and the README's example use it), but record by record
through Python readers, which cost reextract more than the extraction less the reading allows;
its readers still undo a body's Content-Encoding here, as its ``content_stream`` does.
"""

from __future__ import annotations

import base64
import hashlib
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from io import BytesIO
from typing import BinaryIO

from warcio.bufferedreaders import BufferedReader, ChunkedDataReader

#: bytes read at a time: a member's leftover is copied at its end, so a chunk stays small
CHUNK = 1 << 14
#: a gzip member (RFC 1952), as zlib reads it
GZIP = 16 + zlib.MAX_WBITS
#: what ends a record's named fields, its HTTP headers, and the record itself
BLANK_LINE = b"\r\n\r\n"


@dataclass(slots=True, frozen=True)
class HttpResponse:
    """The HTTP message of a response record: status, headers as received, payload as sent."""

    status: int
    headers: list[tuple[str, str]]
    payload: bytes

    def header(self, name: str) -> str | None:
        """The first value of a header (case-insensitive), or None."""
        return next((value for key, value in self.headers if key.lower() == name), None)


@dataclass(slots=True, frozen=True)
class WarcRecord:
    """One record: its WARC named fields (by lower-case name), its content block, and for a
    response the HTTP message the block holds."""

    offset: int
    fields: dict[str, str]
    block: bytes
    http: HttpResponse | None = None

    @property
    def type(self) -> str:
        return self.fields.get("warc-type", "")


@dataclass(slots=True, frozen=True)
class Damage:
    """A record that could not be read whole, by the offset of the gzip member holding it."""

    offset: int
    problem: str


class BadRecord(ValueError):
    """A member that does not hold a WARC record as the format has it."""


def warc_records(stream: BinaryIO, damage: list[Damage]) -> Iterator[WarcRecord]:
    """The whole, digest-checked records of a gzipped WARC file, in order. A record that fails
    its digest or misses bytes is noted in ``damage`` and skipped; bytes that are no gzip end the
    file (nothing after them can be found), as does a member the file ends inside."""
    for offset, data in _members(stream, damage):
        position, end = 0, len(data.rstrip())
        try:
            while position < end:  # one record a member, as written; several, as a gzipped whole file has
                record, position = _record_at(data, position, offset)
                if problem := _damage(record):
                    damage.append(Damage(offset, problem))
                    continue
                yield record
        except BadRecord as exc:
            damage.append(Damage(offset, str(exc)))


def _members(stream: BinaryIO, damage: list[Damage]) -> Iterator[tuple[int, bytes]]:
    """Each gzip member, inflated, with the file offset where it begins."""
    start, member, parts, data, offset = 0, zlib.decompressobj(GZIP), [], b"", 0
    while data or (data := stream.read(CHUNK)):
        try:
            parts.append(member.decompress(data))
        except zlib.error as exc:
            damage.append(Damage(start, f"not gzip-compressed WARC data ({exc})" if start == offset == 0
                                 else f"damaged gzip data: {exc}"))
            return
        if not member.eof:
            offset, data = offset + len(data), b""
            continue
        rest = member.unused_data
        offset += len(data) - len(rest)
        yield start, b"".join(parts)
        start, data, parts, member = offset, rest, [], zlib.decompressobj(GZIP)
    if parts:  # the file ends inside a member: its record is cut
        damage.append(Damage(start, "record truncated (the file ends inside it)"))


def _record_at(data: bytes, position: int, offset: int) -> tuple[WarcRecord, int]:
    """The record that begins at ``position`` of a member's data, and where the next one would."""
    end = data.find(BLANK_LINE, position)
    if end < 0:
        raise BadRecord("record truncated (in its WARC headers)")
    version, *lines = data[position:end].decode("utf-8", "replace").split("\r\n")
    if not version.startswith("WARC/"):
        raise BadRecord(f"not a WARC record (it begins {version[:40]!r})")
    fields: dict[str, str] = {}
    for line in lines:
        name, colon, value = line.partition(":")
        if colon:
            fields.setdefault(name.strip().lower(), value.strip())
    try:
        length = int(fields["content-length"])
    except (KeyError, ValueError):
        raise BadRecord("a WARC record without a valid Content-Length") from None
    block = data[end + 4:end + 4 + length]
    http = http_response(block) if fields.get("warc-type") == "response" and len(block) == length else None
    return WarcRecord(offset, fields, block, http), end + 4 + length + 4


def _damage(record: WarcRecord) -> str | None:
    """Why a record is not whole: bytes missing, or a digest that fails (a revisit's are not
    checked: they are the page's it stands for)."""
    missing = int(record.fields["content-length"]) - len(record.block)
    if missing:
        return f"{record.type} record truncated ({missing} bytes missing)"
    if record.type == "revisit":
        return None
    problem = _digest_problem("block", record.fields.get("warc-block-digest"), record.block)
    if problem is None and record.http is not None:
        problem = _digest_problem("payload", record.fields.get("warc-payload-digest"), record.http.payload)
    return problem


def _digest_problem(part: str, stated: str | None, data: bytes) -> str | None:
    """Whether ``data`` has the digest the record states (``sha1:`` in base 32, 16 or 64)."""
    if not stated:
        return None
    algorithm, _, value = stated.partition(":")
    try:
        digest = hashlib.new(algorithm.lower().replace("-", ""), data).digest()
    except ValueError:
        return f"unknown hash algorithm in the {part} digest: {stated}"
    # base 32 first: what warcio writes
    if value == base64.b32encode(digest).decode() or value.lower() == digest.hex() or \
            value == base64.b64encode(digest).decode():
        return None
    return f"{part} digest failed: {stated}"


def http_response(block: bytes) -> HttpResponse:
    """A response record's block read as the HTTP message it holds."""
    end = block.find(BLANK_LINE)
    head, payload = (block[:end], block[end + 4:]) if end >= 0 else (block, b"")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    parts = status_line.split(None, 2)
    if len(parts) < 2 or not parts[1].isdigit():
        raise BadRecord(f"a response record without an HTTP status line ({status_line[:40]!r})")
    headers = [(name.strip(), value.strip()) for name, colon, value in (line.partition(":") for line in lines) if colon]
    return HttpResponse(int(parts[1]), headers, payload)


def decoded_payload(response: HttpResponse) -> bytes:
    """The payload as the crawl read it: de-chunked and inflated (gzip, deflate, br) as warcio's
    ``content_stream`` does."""
    encoding = (response.header("content-encoding") or "").lower()
    if encoding not in BufferedReader.get_supported_decompressors():
        encoding = None
    if (response.header("transfer-encoding") or "").lower() == "chunked":
        return ChunkedDataReader(BytesIO(response.payload), decomp_type=encoding).read()
    if encoding:
        return BufferedReader(BytesIO(response.payload), decomp_type=encoding).read()
    return response.payload
