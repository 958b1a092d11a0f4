"""Labelled fields in the visible text: 发布时间/日期 and 来源, nearest the headline first."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from govcrawl.extract.dates import ABSOLUTE, SHORT_YEAR
from govcrawl.extract.model import DateCandidate
from govcrawl.extract.page import Page

_GAP = r"[\s\x1f]*"
_SEP = r"[\s\x1f\t]*[:：]?[\s\x1f\t]*"
_DATE_TEXT = rf"(?P<date>{ABSOLUTE.pattern}|{SHORT_YEAR.pattern.replace('?P<', '?P<s')})"


def _spaced(*labels: str) -> str:
    """Labels as a regex alternation that tolerates spaces inside (来 源)."""
    return "|".join(_GAP.join(map(re.escape, label)) for label in sorted(labels, key=len, reverse=True))


PRIMARY_LABELS = ("发布时间", "发布日期", "发表时间", "发稿时间", "发布于", "时间", "日期",
                  "發布時間", "發布日期", "發表時間", "時間")
DOCUMENT_LABELS = ("发文日期", "成文日期", "生成日期", "印发日期", "更新时间", "更新日期")
SOURCE_LABELS = ("来源", "信息来源", "稿源", "文章来源", "稿件来源", "来源于", "新闻来源", "内容来源",
                 "來源", "信息來源", "文章來源")
# The labels must not continue a word (工作时间, 的来源); that is checked in Python by
# _free_matches, because a leading look-behind makes the regex engine try every position.
_DATE_LABELLED = re.compile(
    rf"(?P<label>{_spaced(*PRIMARY_LABELS, *DOCUMENT_LABELS)}){_SEP}{_DATE_TEXT}"
)
_SOURCE_LABELLED = re.compile(
    rf"(?:{_spaced(*SOURCE_LABELS)})[\s\x1f]*[:：][ \x1f\t]*(?P<value>[^\n\t\x1f]*)"
)
_AUTHOR_LABELLED = re.compile(
    r"(?:作者|作\s*者|记者|記者)[\s\x1f]*[:：][ \x1f\t]*(?P<value>[^\n\t\x1f|｜]{0,30})"
)
_EDITOR_LABELLED = re.compile(
    r"[（(【\[]?(?:责任编辑|責任編輯|责编|責編|编辑|編輯|审核|審核|终审|終審|校对|校對)"
    r"[\s\x1f]*[:：][ \x1f\t]*[（(]?[\u4e00-\u9fff][^\n\t\x1f|｜]{0,20}"
)
#: an editor line belongs to the article only right below its body (or in the info row)
_EDITOR_REACH = 200
_UNLABELLED_DATE = re.compile(_DATE_TEXT)
#: media sites show fresh articles as 3小时前 / 昨天 10:20 / 刚刚 beside the headline
_RELATIVE_DATE = re.compile(
    r"(?<!\d)\d{1,3}\s*(?:秒|分钟|分鐘|小时|小時|个小时|天)\s*前|"
    r"(?:今天|今日|昨天|昨日|前天)\s*(?:[01]?\d|2[0-3])\s*[:：]\s*[0-5]\d|刚刚|剛剛"
)
#: where a 来源 value stops: another label, a date, a separator bar, a wide gap
_SOURCE_END = re.compile(
    r"\s{2,}|[|｜【\[]|"
    r"(?:发布时间|发布日期|发表时间|时间|日期|作者|记者|编辑|责任编辑|字体|字号|分享|打印|"
    r"發布時間|時間|作者|編輯)\s*[:：]|(?:浏览|点击|阅读|访问)[\u4e00-\u9fff]{0,2}\s*[:：]|"
    r"\d{4}\s*[-年/.]\s*\d{1,2}|(?:^|\s)[\u4e00-\u9fff]{2,6}\s*[:：]"
)
_NEAR_TITLE_CHARS = 260
_BESIDE_CHARS = 120
_PRIMARY = frozenset(re.sub(r"\s", "", label) for label in PRIMARY_LABELS)


@dataclass(slots=True, frozen=True)
class Hit:
    """A labelled value found at an offset of the page text."""

    value: str
    start: int
    label: str


def _free_matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Matches that do not start right after a Han character (what a look-behind would give)."""
    pos = 0
    while match := pattern.search(text, pos):
        start = match.start()
        if start and "\u4e00" <= text[start - 1] <= "\u9fff":
            pos = start + 1
            continue
        yield match
        pos = max(match.end(), start + 1)


def _distance(hit: Hit, anchor: int | None) -> int:
    """Distance to the headline; without one, document order."""
    return abs(hit.start - anchor) if anchor is not None else hit.start


def labelled_dates(text: str, anchor: int | None, exclude: tuple[int, int] | None) -> tuple[list[Hit], list[Hit]]:
    """Labelled dates outside the body: (发布时间-like, 成文/生成日期-like), nearest the title first."""
    primary: list[Hit] = []
    document: list[Hit] = []
    for match in _free_matches(_DATE_LABELLED, text):
        if exclude and exclude[0] <= match.start() < exclude[1]:
            continue
        label = re.sub(r"[\s\x1f]", "", match.group("label"))
        hit = Hit(match.group("date"), match.start(), label)
        (primary if label in _PRIMARY else document).append(hit)
    primary.sort(key=lambda h: _distance(h, anchor))
    document.sort(key=lambda h: _distance(h, anchor))
    return primary, document


def near_title_date(
    page: Page, title_span: tuple[int, int] | None, headline: str, body_start: int | None
) -> str | None:
    """An unlabelled date shown with the headline (inside its block or just after it).

    Dates in the headline itself and dates that trail a link (related-article lists) do not count.
    """
    if title_span is None:
        return None
    start, end = title_span
    stop = end + _NEAR_TITLE_CHARS
    if body_start is not None and body_start > start:
        stop = min(stop, max(body_start, end))
    headline_key = re.sub(r"\s", "", headline)
    for match in _UNLABELLED_DATE.finditer(page.text, start, stop):
        if re.sub(r"\s", "", match.group("date")) in headline_key or page.follows_link(match.start()):
            continue
        return match.group("date")
    for match in _RELATIVE_DATE.finditer(page.text, end, stop):
        if not page.follows_link(match.start()):
            return match.group(0)
    return None


def _source_value(raw: str) -> str:
    """Cut a raw 来源 value at the next label, date or gap."""
    raw = raw.strip()
    end = _SOURCE_END.search(raw)
    return (raw[: end.start()] if end else raw).strip(" :：|｜,，")


def labelled_source(text: str, anchor: int | None) -> str | None:
    """The 来源 value nearest the headline; '' when every such label is empty.

    An empty 来源： (a template placeholder) gives way to a filled one right beside it.
    """
    hits = [
        Hit(_source_value(m.group("value")), m.start(), "source")
        for m in _free_matches(_SOURCE_LABELLED, text)
    ]
    if not hits:
        return None
    nearest = min(hits, key=lambda h: _distance(h, anchor))
    beside = [h for h in hits if h.value and abs(h.start - nearest.start) <= _BESIDE_CHARS]
    return nearest.value or min(beside, key=lambda h: _distance(h, anchor), default=nearest).value


def labelled_author(text: str, anchor: int | None, exclude: tuple[int, int] | None) -> str | None:
    """A 作者：/记者： line outside the body, nearest the headline, verbatim."""
    hits = [
        Hit(m.group(0).strip(), m.start(), "author")
        for m in _free_matches(_AUTHOR_LABELLED, text)
        if m.group("value").strip() and not (exclude and exclude[0] <= m.start() < exclude[1])
    ]
    return min(hits, key=lambda h: _distance(h, anchor)).value if hits else None


def labelled_editors(text: str, anchor: int | None, exclude: tuple[int, int] | None) -> list[str]:
    """责任编辑：/编辑：/审核： lines just below the body or beside the headline, verbatim."""
    windows = []
    if exclude:
        windows.append((exclude[1], exclude[1] + _EDITOR_REACH))
    if anchor is not None:
        windows.append((anchor, min(anchor + _EDITOR_REACH, exclude[0] if exclude else len(text))))
    found = []
    for start, end in windows:
        found += [m.group(0).strip().replace("\x1f", " ")
                  for m in _free_matches(_EDITOR_LABELLED, text[start:end])]
    return found


def date_candidates(primary: list[Hit], near: str | None, document: list[Hit]) -> list[DateCandidate]:
    """Visible date candidates in trust order."""
    found = [DateCandidate(h.value, "label") for h in primary]
    if near:
        found.append(DateCandidate(near, "near_title"))
    found.extend(DateCandidate(h.value, "document") for h in document)
    return found
