"""Decode page bytes: trust UTF-8 when it decodes, map GB labels to GB18030, sniff liars."""

from __future__ import annotations

import codecs
import re

import charset_normalizer

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([-\w.:]+)""", re.I)
_GB_LABELS = frozenset({"gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "gb18030", "euc-cn", "hz-gb-2312"})
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_SNIFF_BYTES = 16384


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
    declared = [normalize_encoding(http_encoding), declared_encoding(body), "gb18030"]
    for encoding in dict.fromkeys(e for e in declared if e and e != "utf-8"):
        text = _strict(body, encoding)
        if text is not None:
            return text
    best = charset_normalizer.from_bytes(body).best()
    if best is not None:
        return str(best)
    return body.decode("gb18030", errors="replace")
