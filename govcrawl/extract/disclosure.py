"""The 政府信息公开 table above a disclosed document: 索引号, 主题分类, 发文机关, 发文字号, 成文日期 …"""

from __future__ import annotations

import re

from govcrawl.extract.dates import ABSOLUTE, date_of_match
from govcrawl.extract.vocabulary import DOCUMENT_FIELDS, label_key, spaced_alternation

_LABEL_TO_KEY = {label_key(label): key for key, labels in DOCUMENT_FIELDS.items() for label in labels}
_ALL_LABELS = spaced_alternation(label for labels in DOCUMENT_FIELDS.values() for label in labels)
#: a row's label and value (_next_row checks that the label does not continue a Han word)
_ROW = re.compile(rf"(?P<label>{_ALL_LABELS})[\s\x1f]*[:：]?[ \x1f\t]*(?P<value>[^\n\t\x1f]*)")
#: the dates of the table, also given in ISO form (``published_on_iso``) beside the text shown
_DATE_KEYS = ("written_on", "published_on")
_VALUE_END = re.compile(rf"\s{{2,}}|(?:{_ALL_LABELS})[\s\x1f]*[:：]")
#: A real table needs the index number or the document number plus one more field.
_ANCHORS = ("index_no", "doc_no")


def extract_disclosure_table(text: str, before: int | None) -> dict[str, str]:
    """Fields of the 信息公开 table found before the body (only keys present)."""
    limit = before if before is not None else len(text)
    found: dict[str, str] = {}
    pos = 0
    while match := _next_row(text, pos, limit):
        key = _LABEL_TO_KEY[label_key(match.group("label"))]
        value = match.group("value")
        end = _VALUE_END.search(value)
        # the next row is read from where this value ends: an empty cell (<th>发文字号：</th><td></td>
        # <th>发布日期：…) stays empty instead of swallowing the next label and its value
        pos = match.start("value") + end.start() if end else match.end()
        value = (value[: end.start()] if end else value).strip(" :：")
        if value and key not in found:
            found[key] = value
    if not any(key in found for key in _ANCHORS) or len(found) < 2:
        return {}
    for key in _DATE_KEYS:
        if key in found and (day := _iso_day(found[key])):
            found[f"{key}_iso"] = day
    return found


def _next_row(text: str, pos: int, limit: int) -> re.Match[str] | None:
    """The next _ROW match before limit whose label does not continue a Han word (单位 in 工作单位).
    Tested here: a leading look-behind would make re try every position of the page instead of
    skipping to the next label's first character."""
    while (match := _ROW.search(text, pos, limit)) and _after_han(text, match.start()):
        pos = match.start() + 1
    return match


def _after_han(text: str, index: int) -> bool:
    """Whether a Han character stands right before this offset."""
    return index > 0 and "\u4e00" <= text[index - 1] <= "\u9fff"


def _iso_day(shown: str) -> str | None:
    """2026年11月06日 → 2026-11-06 (None when the cell holds no whole date)."""
    match = ABSOLUTE.search(shown)
    parsed = date_of_match(match) if match else None
    return parsed.value.date().isoformat() if parsed else None
