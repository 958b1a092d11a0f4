"""Decode page bytes: trust UTF-8 when it decodes, else the codec with the fewest errors."""

from __future__ import annotations

import codecs
import functools
import re

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([-\w.:]+)""", re.I)
_HTTP_CHARSET = re.compile(r"charset=([\w-]+)", re.I)
_GB_LABELS = frozenset({"gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "gb18030", "euc-cn", "hz-gb-2312"})
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_SNIFF_BYTES = 16384
_ALL_BYTES = bytes(range(256))
_WIDE = ("utf-16", "utf-32")
#: bytes.translate deletes these to count the rest: the bytes that are not ASCII
_HIGH_BYTES = bytes(range(128, 256))
#: a single-byte label wins when the best multi-byte codec fails on more than 1 in this many high bytes
_SINGLE_BYTE_ERROR_SHARE = 20


def normalize_encoding(label: str | None) -> str | None:
    """Map a declared charset label to the Python codec we decode with (GB → GB18030)."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in _GB_LABELS:
        return "gb18030"
    if label in {"big5", "big5-hkscs", "x-x-big5"}:
        return "big5hkscs"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def http_charset(content_type: str) -> str | None:
    """The charset label of a Content-Type header (``text/html; charset=GBK``), if any."""
    match = _HTTP_CHARSET.search(content_type)
    return match.group(1) if match else None


def declared_encoding(body: bytes) -> str | None:
    """The charset a <meta> tag near the top of the page declares, if any."""
    match = _META_CHARSET.search(body[:_SNIFF_BYTES])
    return normalize_encoding(match.group(1).decode("ascii", "ignore")) if match else None


def _strict(body: bytes, encoding: str) -> str | None:
    """Decode without replacement, or None when the bytes are not in this encoding."""
    try:
        return body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


@functools.cache
def _single_byte(encoding: str) -> bool:
    """Whether (nearly) every byte is a character in this encoding (latin-1, cp1252 …)."""
    # cp1252 leaves five bytes undefined, and still reads any page without complaint
    return len(_ALL_BYTES.decode(encoding, errors="replace").replace("\ufffd", "")) >= 250


def _candidates(body: bytes, http_encoding: str | None) -> tuple[list[str], list[str]]:
    """Multi-byte codecs worth trying, in trust order, and the single-byte labels declared."""
    declared = [normalize_encoding(http_encoding), declared_encoding(body)]
    # UTF-16 without a BOM is never what a page with a readable <meta> is in, and would
    # read any even-length bytes without an error
    labels = [e for e in dict.fromkeys(declared) if e and not e.startswith(_WIDE)]
    single = [e for e in labels if _single_byte(e)]
    multi = dict.fromkeys([*(e for e in labels if e not in single), "utf-8", "gb18030"])
    return list(multi), single


def _fewest_errors(body: bytes, encodings: list[str]) -> tuple[str, int]:
    """The decoding with the fewest replaced sequences (the first one on a tie), and that count."""
    best, errors = "", -1
    for encoding in encodings:
        text = body.decode(encoding, errors="replace")
        # U+FFFD already in the bytes counts too: it reads the same to every consumer
        count = text.count("\ufffd")
        if errors < 0 or count < errors:
            best, errors = text, count
    return best, errors


def decode_html(body: bytes | str, http_encoding: str | None = None) -> str:
    """Decode an HTML page, preferring what the bytes prove over what the headers claim."""
    if isinstance(body, str):
        return body
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            return body.decode(encoding, errors="replace")
    # Multi-byte Chinese text in GBK practically never forms valid UTF-8, so a clean
    # UTF-8 decode beats any label (pages declaring gb2312 over UTF-8 bytes are common).
    text = _strict(body, "utf-8")
    if text is not None:
        return text
    multi, single = _candidates(body, http_encoding)
    for encoding in multi:
        if encoding != "utf-8" and (text := _strict(body, encoding)) is not None:
            return text  # nothing can beat a clean decode, and UTF-8 has failed
    # A stray byte (a cp1252 quote, a cut character) costs that byte, not the page: the
    # codec the bytes are really in leaves a handful of errors, a wrong one hundreds.
    text, errors = _fewest_errors(body, multi)
    high = len(body) - len(body.translate(None, _HIGH_BYTES))
    if single and errors * _SINGLE_BYTE_ERROR_SHARE > high:
        # Any bytes decode as latin-1, so such a label is believed only when no multi-byte
        # codec fits: Chinese servers send it as a default over GBK and UTF-8 pages alike.
        return body.decode(single[0])
    return text
