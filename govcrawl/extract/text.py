"""Text repair: pinyin residue from 繁體 converters, whitespace, script conversion."""

from __future__ import annotations

import re
from functools import lru_cache

import opencc

from govcrawl.extract.types import Line
from govcrawl.extract.vocabulary import PINYIN, PINYIN_OPEN

# These patterns start with a character set, not a look-behind, a repeat or an alternation: then
# re skips ahead to the next character that can start a match instead of trying every position
# (three to four times faster over a body's text).

# A converted character followed by its pinyin with a tone mark, e.g. 發(fā) or 穩(wěn).
# A tone mark (or ü) is required so that ordinary bracketed text such as (a) or (2023) survives.
# The bracket is matched first and the character before it looked back at.
_PINYIN_GROUP = re.compile(rf"{PINYIN_OPEN}(?<=[\u3400-\u9fff\uf900-\ufaff]{PINYIN_OPEN}){PINYIN[len(PINYIN_OPEN):]}")
_SPACE = r"[ \t\f\v\xa0\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff\u200b]"
_SPACES = re.compile(rf"{_SPACE}{_SPACE}*")  # not {_SPACE}+: a repeat first is tried at every position
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff]")
_EDGE_CHARS = " \x1c\x1d\x1e\x1f"
#: \r\n, or one of the other line breaks
_LINE_BREAKS = re.compile(r"[\r\u2028\u2029\x0b\x0c\x85](?:(?<=\r)\n)?")


def remove_pinyin(text: str) -> str:
    """Drop the pinyin groups some 繁體 converters leave after each converted character."""
    if "(" not in text and "（" not in text:
        return text
    return _PINYIN_GROUP.sub("", text)


def normalize_space(text: str) -> str:
    """Collapse runs of spaces (NBSP, ideographic space …) and strip every line."""
    text = _SPACES.sub(" ", _LINE_BREAKS.sub("\n", _ZERO_WIDTH.sub("", text)))
    # what str.strip() would take off each line, once _SPACES has made every space a " "
    return "\n".join([line.strip(_EDGE_CHARS) for line in text.split("\n")])


def repair_text(text: str) -> str:
    """Remove pinyin residue and normalise whitespace, keeping line breaks."""
    return normalize_space(remove_pinyin(text))


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    """Build the OpenCC traditional→simplified converter once."""
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Convert traditional Chinese to simplified with OpenCC (t2s)."""
    return _converter().convert(text) if text else text


def as_line(text: str) -> Line:
    """A line with its simplified form (the one conversion of that text)."""
    return Line(text, to_simplified(text))


def as_lines(texts: list[str]) -> list[Line]:
    """Lines (none holding a line break) with their simplified forms, converted in one call: a
    line break ends every OpenCC phrase, so each line converts as it would alone."""
    if not texts:
        return []
    return list(map(Line, texts, to_simplified("\n".join(texts)).split("\n")))
