"""Pages that decoded into garbage or arrived cut short: the last guard before a record is made.

A page read in the wrong codec still parses and still yields a schema-valid record, only of
mojibake; a response cut short without a Content-Length reaches the spider as if complete.
Both are told from what they leave behind: runs of characters that real text never strings
together, replacement characters, and markup that stops in the middle of an element.
"""

from __future__ import annotations

import re
from functools import lru_cache


def _pairs(codec: str, leads: range, trails: list[int]) -> str:
    """Every character of a double-byte codec's block, decoded from its byte pairs."""
    return "".join(bytes((lead, trail)).decode(codec, "ignore") for lead in leads for trail in trails)


_BIG5_TRAILS = [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
_GB_TRAILS = list(range(0xA1, 0xFF))
@lru_cache(maxsize=1)
def common_characters() -> str:
    """The characters real pages are made of: GB2312's punctuation and full-width rows and its
    level-1 hanzi, Big5's symbols and its frequent hanzi (traditional pages are written in those)."""
    return (
        _pairs("gb2312", range(0xA1, 0xA4), _GB_TRAILS) + _pairs("gb2312", range(0xB0, 0xD8), _GB_TRAILS)
        + _pairs("big5", range(0xA1, 0xA3), _BIG5_TRAILS) + _pairs("big5", range(0xA4, 0xC7), _BIG5_TRAILS)
    )


def _utf8_read_as_gb18030(text: str) -> set[str]:
    """The characters that UTF-8 bytes of this text become when read as GB18030, at every offset."""
    found: set[str] = set()
    for joiner in ("", "a", " "):  # a character's last byte pairs with the next one, ASCII or not
        data = joiner.join(text).encode("utf-8")
        for offset in range(3):
            found.update(data[offset:].decode("gb18030", "replace"))
    return found


@lru_cache(maxsize=1)
def utf8_as_gb() -> str:
    """What UTF-8 read as GBK is written in (鍙, 鏂, 銆, 浜, 锛 …), less what real text uses;
    built on first use (≈ 20 ms), not at import."""
    common = common_characters()
    garbled = _utf8_read_as_gb18030(common) - set(common) - set(map(chr, range(128))) - {"\ufffd"}
    return "".join(sorted(garbled))


@lru_cache(maxsize=1)
def _utf8_as_gb_run() -> re.Pattern[str]:
    return re.compile(f"[{re.escape(utf8_as_gb())}]{{3,}}")
#: GBK or UTF-8 read as latin-1/cp1252: both bytes of every GBK character land in ¡…ÿ
_LATIN_RUN = re.compile("[\xa1-\xff]{4,}")
#: garbled characters (in such runs, or U+FFFD) above this share of the non-ASCII text, and
#: at least the minimum, make the text mojibake; a stray byte or an odd rare name does not
GARBLED_SHARE = 0.2
GARBLED_MIN = 10
REPLACED_SHARE = 0.05
REPLACED_MIN = 5

#: the last characters of the markup where a complete page closes its body or html element
TAIL_CHARS = 4096
_CLOSING = re.compile(r"</(?:body|html)\s*>", re.I)
_LAST_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)[^<>]*>\s*$")
#: what a whole page may carry after its </html>: a statistics script, a CMS's signature comment
_TRAILER = re.compile(r"<script\b.*?</script\s*>|<noscript\b.*?</noscript\s*>|<!--.*?-->|\s+", re.I | re.S)
#: a page's own end: </body> then </html> (an include's stray </html> comes alone)
_PAGE_END = re.compile(r"</body\s*>\s*(?:<!--.*?-->\s*)*</html\s*>", re.I | re.S)
_HEAD = re.compile(r"<head\b", re.I)
_BODY = re.compile(r"<body\b", re.I)
#: blocks that authors close even where they leave <p> and <li> open
_OPEN_BLOCK = re.compile(r"<(?:div|table|ul|ol|dl|select|form)\b", re.I)
_CLOSE_BLOCK = re.compile(r"</(?:div|table|ul|ol|dl|select|form)\s*>", re.I)
#: elements that never hold content: a page may well end on one
VOID_TAGS = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "area", "base", "col",
                       "embed", "source", "track", "param"})
#: blocks left open at the end: an article body sits deeper than this, a sloppy page does not
OPEN_BLOCKS = 2


def mojibake(text: str) -> str | None:
    """What shows this text to be decoded in the wrong codec, or None when it reads as text."""
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    replaced = text.count("\ufffd")
    if replaced >= REPLACED_MIN and replaced >= REPLACED_SHARE * non_ascii:
        return f"{replaced} replacement characters in {non_ascii} non-ASCII"
    for what, pattern in (("UTF-8 read as GBK", _utf8_as_gb_run()), ("GBK read as latin-1", _LATIN_RUN)):
        # a run of one repeated character (···) is typography, not a codec's work
        runs = [run for run in pattern.findall(text) if len(set(run)) > 1]
        garbled = sum(map(len, runs))
        if garbled >= GARBLED_MIN and garbled >= GARBLED_SHARE * non_ascii:
            return f'{what}: {garbled} of {non_ascii} characters, "{max(runs, key=len)[:12]}"'
    return None


#: what may follow a whole page unseen: white space, and zero-width characters and BOMs a
#: template leaves after its </html> (​)
_BLANK_END = re.compile(r"[\s\u200b-\u200d\u2060\ufeff]+$")


def truncation(markup: str) -> str | None:
    """Where this page's markup stops short, or None when it ends like a whole page."""
    tail = _BLANK_END.sub("", markup[-TAIL_CHARS:])
    closings = [m.end() for m in _CLOSING.finditer(tail)]
    if closings:
        # what follows the page's last </body> or </html> (a comment, a script) must end too;
        # an include's </html> early in the page does not make its remainder complete
        tail = tail[closings[-1]:]
    if not tail:
        return None
    lowered = tail.lower()
    if lowered.rfind("<!--") > lowered.rfind("-->"):
        return "ends inside a comment"
    for element in ("script", "style"):
        if lowered.rfind(f"<{element}") > lowered.rfind(f"</{element}"):
            return f"ends inside a <{element}>"
    if tail.rfind("<") > tail.rfind(">"):
        return "ends inside a tag"
    if not tail.endswith(">"):
        return "ends in the middle of text"
    if closings and _PAGE_END.search(markup[-TAIL_CHARS:]) and not _TRAILER.sub("", tail):
        return None  # the page closed its body and html at its end: blocks its template left open are no cut
    if not closings and _HEAD.search(markup, 0, 4096) and not _BODY.search(markup):
        return "ends before its <body>"
    last = _LAST_TAG.search(tail)
    if last and not last.group(1) and last.group(2).lower() not in VOID_TAGS:
        return f"ends on an opening <{last.group(2).lower()}>"
    unclosed = len(_OPEN_BLOCK.findall(markup)) - len(_CLOSE_BLOCK.findall(markup))
    return f"ends with {unclosed} blocks open" if unclosed >= OPEN_BLOCKS else None
