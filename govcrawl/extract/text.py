"""Text repair: pinyin residue from 繁體 converters, whitespace, script conversion."""

from __future__ import annotations

import re
from functools import lru_cache

import opencc

# A converted character followed by its pinyin with a tone mark, e.g. 發(fā) or 穩(wěn).
# A tone mark (or ü) is required so that ordinary bracketed text such as (a) or (2023) survives.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PINYIN_GROUP = re.compile(
    rf"(?<=[\u3400-\u9fff\uf900-\ufaff])[(（](?=[a-zü{_TONED}]*[{_TONED}ü])[a-zü{_TONED}]{{1,7}}[)）]"
)
_SPACES = re.compile(r"[ \t\f\v\xa0\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff\u200b]+")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff]")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")


def remove_pinyin(text: str) -> str:
    """Drop the pinyin groups some 繁體 converters leave after each converted character."""
    if "(" not in text and "（" not in text:
        return text
    return _PINYIN_GROUP.sub("", text)


def normalize_space(text: str) -> str:
    """Collapse runs of spaces (NBSP, ideographic space …) and strip every line."""
    text = _LINE_BREAKS.sub("\n", _ZERO_WIDTH.sub("", text))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(lines)


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
