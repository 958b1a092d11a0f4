"""The 政府信息公开 metadata table: 索引号, 主题分类, 发文机关, 发文字号, 成文日期, 发布日期, 有效性."""

from __future__ import annotations

import re

_FIELDS = {
    "index_no": ("索引号", "索取号", "索 引 号"),
    "topic": ("主题分类", "主题词", "分类"),
    "issuer": ("发文机关", "发布机构", "发文单位", "发布机关"),
    "doc_no": ("发文字号", "文号", "文件编号"),
    "written_on": ("成文日期", "生成日期", "发文日期"),
    "published_on": ("发布日期", "公开日期"),
    "validity": ("有效性", "时效性", "是否有效"),
}
_LABEL_TO_KEY = {
    re.sub(r"\s", "", label): key for key, labels in _FIELDS.items() for label in labels
}
_ALL_LABELS = "|".join(
    r"[\s\x1f]*".join(map(re.escape, label))
    for label in sorted({lab for labels in _FIELDS.values() for lab in labels}, key=len, reverse=True)
)
_ROW = re.compile(
    rf"(?<![\u4e00-\u9fff])(?P<label>{_ALL_LABELS})[\s\x1f]*[:：]?[ \x1f\t]*(?P<value>[^\n\t\x1f]*)"
)
_VALUE_END = re.compile(rf"\s{{2,}}|(?:{_ALL_LABELS})[\s\x1f]*[:：]")
#: A real table needs the index number or the document number plus one more field.
_ANCHORS = ("index_no", "doc_no")
_WINDOW = 1500


def extract_document(text: str, before: int | None) -> dict[str, str]:
    """Fields of the 信息公开 table found before the body (only keys present)."""
    limit = before if before is not None else len(text)
    found: dict[str, str] = {}
    for match in _ROW.finditer(text, 0, limit):
        key = _LABEL_TO_KEY[re.sub(r"[\s\x1f]", "", match.group("label"))]
        value = match.group("value").strip()
        end = _VALUE_END.search(value)
        value = (value[: end.start()] if end else value).strip(" :：")
        if value and key not in found:
            found[key] = value
    if not any(key in found for key in _ANCHORS) or len(found) < 2:
        return {}
    return found
