"""来源, bylines and editor credits."""

from __future__ import annotations

import re
from collections.abc import Sequence

from govcrawl.extract.types import Credits
from govcrawl.extract.vocabulary import (
    AUTHOR_LABELS,
    EDITOR_LABELS,
    PHOTO_LABELS,
    ROLE_WORDS,
    SOURCE_LABELS,
    alternation,
)

_HAN_NAME = r"[\u4e00-\u9fff][\u4e00-\u9fff·•]{1,11}"
#: further names may not be the next label (责任编辑：王五 审核：赵六)
#: and a role word starts the next credit, not a name (记者张宇、通讯员李文)
_ROLE = rf"(?:{alternation(ROLE_WORDS)})"
_NAME_LIST = (
    rf"{_HAN_NAME}(?:(?:\s*[、，,/和及]\s*|\s+)(?!{_ROLE}){_HAN_NAME}(?![\u4e00-\u9fff]*\s*[:：]))*"
)
#: 记者 张三 / 作者：李四 / 通讯员 王五 赵六 / 文/图 刘玺东 易赛楠
AUTHOR_LABEL = re.compile(
    rf"(?:{alternation(AUTHOR_LABELS)}|文\s*/\s*图|图\s*/\s*文)"
    rf"\s*[:：]?\s*(?:本报记者|本報記者|{_ROLE})?\s*(?P<names>{_NAME_LIST})"
)
EDITOR_LABEL = re.compile(rf"(?:{alternation(EDITOR_LABELS)})\s*[:：]\s*[（(]?\s*(?P<names>{_NAME_LIST})")
#: an outlet's editor credit without a colon, a line of its own: 松花江网编辑 孙桂芳
OUTLET_EDITOR = re.compile(
    rf"^\s*[\u4e00-\u9fff]{{1,12}}(?:网|網|报|報|台|中心|客户端)\s*(?:责任)?(?:编辑|編輯)\s+(?P<names>{_NAME_LIST})\s*$")
#: a trailing credit in brackets: （天门市融媒体中心记者吴述明） or （张巨峰）
TRAILING_BRACKET = re.compile(r"[（(]([^（）()]{1,40})[)）]\s*$")
#: a trailing credit whose opening bracket a scrape lost: …参加会议。天门市融媒体中心记者吴述明)
_BROKEN_CREDIT = re.compile(r"(?:^|(?<=[。！？!?”」』…]))\s*(?P<credit>[^（()）。！？!?，,；;]{2,40})[)）]\s*$")
_BRACKETED = re.compile(r"[（(][^（）()]{2,40}[)）]")
_BARE_NAME = re.compile(r"^[\u4e00-\u9fff]{2,3}(?:[\s、]+[\u4e00-\u9fff]{2,3})*$")
#: endings of organisations, places and outlets, which are not personal names
_ORG_END = re.compile(
    r"(?:局|办|委|厅|部|院|会|站|队|处|所|中心|报|網|网|社|台|县|市|区|省|镇|乡|村|街道|公司|集团|学校|大学|"
    r"政府|日报|晚报|新闻|客户端|供图|提供|摄|摄影|整理|制图|综合|编译)$"
)
_AFFILIATION = re.compile(r".*(?:学院|大学|研究院|研究所|中心|局|委|厅|办|报社|网站|网|社|台)")
_OUTLET_NAME = re.compile(
    r"^(\S{2,20}(?:网站|网|报|社|台|中心|客户端))\s+([\u4e00-\u9fff]{2,3})$"
)
#: words that stand where a name would but are labels and roles, not people
_NOT_NAMES = frozenset({
    "本网", "本报", "整合", "报道", "综合", "见习", "监制", "统筹",
    *AUTHOR_LABELS, *EDITOR_LABELS, *PHOTO_LABELS, *ROLE_WORDS, *SOURCE_LABELS,
})
_PHOTO_AFTER = re.compile(r"^\s*摄")
_SOURCE_TRIM = " \t:：|｜,，;；。\u3000"
_OPENING, _CLOSING = "【[（(《「", "】]）)》」"


def _person(token: str) -> str | None:
    """A personal name from one token, cutting a leading affiliation (武汉大学历史学院郭伦)."""
    if len(token) > 4:
        cut = _AFFILIATION.search(token)
        token = token[cut.end() :] if cut else token
    if 2 <= len(token) <= 4 and token not in _NOT_NAMES and not _ORG_END.search(token):
        return token
    return None


def _split_names(names: str) -> list[str]:
    """Split a run of names on spaces and list separators, dropping role words."""
    parts = (_person(p) for p in re.split(r"[\s、，,/和及]+", names))
    return [p for p in parts if p]


def _unlabelled_byline(line: str) -> list[str]:
    """A byline such as '中央纪委国家监委网站 李鹃': an outlet, then a short name."""
    match = _OUTLET_NAME.match(line.strip())
    return [match.group(2)] if match else []


def _authors_in(line: str) -> list[str]:
    """Names after 记者/作者/通讯员 in one credit line (photographers excluded)."""
    found: list[str] = []
    for match in AUTHOR_LABEL.finditer(line):
        if _PHOTO_AFTER.match(line[match.end() :]):
            continue
        found.extend(_split_names(match.group("names")))
    if not found:
        found.extend(_bracket_names(line) or _unlabelled_byline(line))
    return found


def _bracket_names(line: str) -> list[str]:
    """An unlabelled name in a trailing bracketed credit such as （张巨峰）."""
    match = TRAILING_BRACKET.search(line)
    if not match:
        return []
    inner = match.group(1).strip()
    if _BARE_NAME.match(inner) and not _ORG_END.search(inner):
        return _split_names(inner)
    return []


def _editors_in(line: str) -> list[str]:
    """Names after 责任编辑/编辑/审核 in one credit line."""
    names: list[str] = []
    for match in [*EDITOR_LABEL.finditer(line), *OUTLET_EDITOR.finditer(line)]:
        names.extend(_split_names(match.group("names")))
    return names


def _clean_source(source_text: str | None) -> str | None:
    """The 来源 value as shown, without padding; None when empty."""
    if source_text is None:
        return None
    value = re.sub(r"\s+", " ", source_text).strip(_SOURCE_TRIM)
    # bracket residue of the template around the row (【来源：广西日报】) is no part of the name
    while value and value[-1] in _CLOSING and _OPENING[_CLOSING.index(value[-1])] not in value:
        value = value[:-1].rstrip(_SOURCE_TRIM)
    while value and value[0] in _OPENING and _CLOSING[_OPENING.index(value[0])] not in value:
        value = value[1:].lstrip(_SOURCE_TRIM)
    return value or None


def _editor_spans(line: str) -> list[tuple[int, int]]:
    """Character spans of editor credits, so their names are not read as authors."""
    return [m.span() for m in [*EDITOR_LABEL.finditer(line), *OUTLET_EDITOR.finditer(line)]]


def _strip_spans(line: str, spans: list[tuple[int, int]]) -> str:
    """Blank out the given spans of a line."""
    for start, end in reversed(spans):
        line = line[:start] + " " + line[end:]
    return line


def credit_fragments(lines: Sequence[str]) -> list[str]:
    """Bracketed credits kept in the body (（记者陈智 整合）, trailing （张巨峰）), for parse_credits."""
    found: list[str] = []
    for line in lines:
        for match in _BRACKETED.finditer(line):
            text = match.group(0)
            if AUTHOR_LABEL.search(text) or (match.end() == len(line.rstrip()) and _bracket_names(text)):
                found.append(text)
    return found


def split_broken_credit(line: str) -> tuple[str, str] | None:
    """(text, credit) when a line ends in a credit that lost its opening bracket, else None.

    Only an unbalanced closing bracket after the last sentence counts, and only when what it closes
    reads as a credit (记者 + names, or a bare name): proper （…） credits stay in the body.
    """
    if not line.endswith((")", "）")) or line.count("(") + line.count("（") >= line.count(")") + line.count("）"):
        return None
    match = _BROKEN_CREDIT.search(line)
    if not match:
        return None
    credit = match.group("credit").strip()
    labelled = list(AUTHOR_LABEL.finditer(credit))
    if not (labelled and labelled[-1].end() == len(credit)) and not _bracket_names(f"（{credit}）"):
        return None
    return line[: match.start()].rstrip(), f"（{credit}）"


def looks_like_byline(line: str) -> bool:
    """Whether a header line names authors (记者 张三, or an outlet followed by a name)."""
    return bool(AUTHOR_LABEL.search(line) or _OUTLET_NAME.match(line.strip()))


def parse_credits(source_text: str | None, credit_lines: Sequence[str]) -> Credits:
    """Split the 来源 value and credit lines into source, authors and editors."""
    authors: list[str] = []
    editors: list[str] = []
    for line in credit_lines:
        editors.extend(_editors_in(line))
        authors.extend(_authors_in(_strip_spans(line, _editor_spans(line))))
    return Credits(
        source=_clean_source(source_text),
        authors=list(dict.fromkeys(a for a in authors if a not in editors)),
        editors=list(dict.fromkeys(editors)),
    )
