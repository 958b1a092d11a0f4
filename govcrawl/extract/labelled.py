"""Labelled fields in the visible page text: 发布时间/日期, 来源, 作者, 责任编辑; nearest the headline first."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from govcrawl.extract.date_context import MONTH_DAY_TIME, UrlDate, month_day_with_url_year
from govcrawl.extract.dates import DATE_TEXT, date_of_match
from govcrawl.extract.page import Page
from govcrawl.extract.title import norm
from govcrawl.extract.types import DateCandidate, Span
from govcrawl.extract.vocabulary import (
    AUTHOR_LABELS,
    BARE_DATE_LABELS,
    DATE_LABELS,
    DATE_SHAPE,
    DOCUMENT_DATE_LABELS,
    EDITOR_LABELS,
    OTHER_DATE_LABELS,
    SENTENCE_PUNCT,
    SOURCE_LABELS,
    alternation,
    label_key,
    spaced_alternation,
)

_SEP = r"[\s\x1f\t]*[:：]?[\s\x1f\t]*"
# The labels must not continue a word (工作时间, 的来源); that is checked in Python by
# _free_matches, because a leading look-behind makes the regex engine try every position.
_DATE_LABELLED = re.compile(rf"(?P<label>{spaced_alternation(DATE_LABELS + DOCUMENT_DATE_LABELS)}){_SEP}{DATE_TEXT}")
_SOURCE_LABELLED = re.compile(
    rf"(?:{spaced_alternation(SOURCE_LABELS)})[\s\x1f]*[:：][ \x1f\t]*(?P<value>[^\n\t\x1f]*)"
)
#: 作者：/记者：/通讯员： as a labelled line of its own
_AUTHOR_LABELLED = re.compile(
    rf"(?:{spaced_alternation(AUTHOR_LABELS)})[\s\x1f]*[:：][ \x1f\t]*(?P<value>[^\n\t\x1f|｜]{{0,30}})"
)
_EDITOR_LABELLED = re.compile(
    rf"[（(【\[]?(?:{alternation(EDITOR_LABELS)})[\s\x1f]*[:：][ \x1f\t]*[（(]?[\u4e00-\u9fff][^\n\t\x1f|｜]{{0,20}}"
)
#: an editor line belongs to the article only right below its body (or in the info row)
_EDITOR_REACH = 200
_UNLABELLED_DATE = re.compile(DATE_TEXT)
#: a relative date as shown by a headline (a bare 今天 there is a word, not a date)
_RELATIVE_SHOWN = re.compile(
    r"(?<!\d)\d{1,3}\s*(?:秒|分钟|分鐘|小时|小時|个小时|天)\s*前|"
    r"(?:今天|今日|昨天|昨日|前天)\s*(?:[01]?\d|2[0-3])\s*[:：]\s*[0-5]\d|刚刚|剛剛"
)
#: where a 来源 value stops: another label, a date, a separator bar, a wide gap
_SOURCE_END = re.compile(
    r"\s{2,}|[|｜【\[]|"
    rf"(?:{alternation(DATE_LABELS + AUTHOR_LABELS + EDITOR_LABELS)}|字体|字号|分享|打印)\s*[:：]|"
    r"(?:浏览|点击|阅读|访问)[\u4e00-\u9fff]{0,2}\s*[:：]|"
    rf"{DATE_SHAPE}|(?:^|\s)[\u4e00-\u9fff]{{2,6}}\s*[:：]"
)
#: a date that starts a phrase (before, since, from, until it) is no publish date
_PHRASE_AFTER = re.compile(r"[\s\x1f]*(?:以前|以来|之前|之后|以后|前后|起|至今|至|到)")
#: the label right before a date (注册日期：2012-10-19)
_LABEL_BEFORE = re.compile(r"(?P<label>[\u4e00-\u9fff]{2,8})[\s\x1f]*[:：][\s\x1f]*\Z")
_NEAR_TITLE_CHARS = 260
_BESIDE_CHARS = 120
_PRIMARY = frozenset(label_key(label) for label in DATE_LABELS)
_BARE = frozenset(label_key(label) for label in BARE_DATE_LABELS)


@dataclass(slots=True, frozen=True)
class Hit:
    """A labelled value found at an offset of the page text."""

    value: str
    start: int


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


def _distance(start: int, anchor: int | None) -> int:
    """Distance to the headline; without one, document order."""
    return abs(start - anchor) if anchor is not None else start


def labelled_dates(
    text: str, anchor: int | None, exclude: Span | None
) -> tuple[list[DateCandidate], list[DateCandidate]]:
    """Labelled dates outside the body, read as they are matched: (发布时间-like, 成文日期-like),
    nearest the headline first."""
    primary: list[tuple[int, DateCandidate]] = []
    document: list[tuple[int, DateCandidate]] = []
    for match in _free_matches(_DATE_LABELLED, text):
        start = match.start()
        if exclude and exclude[0] <= start < exclude[1]:
            continue
        is_primary = label_key(match.group("label")) in _PRIMARY
        candidate = DateCandidate(match.group("date"), "label" if is_primary else "document", date_of_match(match))
        (primary if is_primary else document).append((_distance(start, anchor), candidate))
    primary.sort(key=lambda pair: pair[0])
    document.sort(key=lambda pair: pair[0])
    return [c for _, c in primary], [c for _, c in document]


def near_title_date(page: Page, title_span: Span | None, headline: str, body_start: int | None,
                    url: UrlDate | None = None) -> DateCandidate | None:
    """An unlabelled date shown with the headline (inside its block or just after it); a
    month-day-time there takes its year from the URL (``url_year``).

    Dates in the headline itself, dates that trail a link (related-article lists) and dates of a
    phrase (``2007年11月18号以前``, ``…起``) do not count.
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
        if _PHRASE_AFTER.match(page.text, match.end()) or _other_labels_date(page.text, match.start()):
            continue
        return DateCandidate(match.group("date"), "near_title", date_of_match(match))
    for match in MONTH_DAY_TIME.finditer(page.text, end, stop):
        if not page.follows_link(match.start()) and (dated := month_day_with_url_year(match, url)):
            return dated
    for match in _RELATIVE_SHOWN.finditer(page.text, end, stop):
        if not page.follows_link(match.start()):
            return DateCandidate(match.group(0), "near_title")
    return None


#: what else an info row shows beside its date: 来源, 作者, a counter, a font-size widget
_INFO_ROW_WORDS = re.compile(r"来源|來源|作者|发布|發布|编辑|編輯|点击|點擊|浏览|瀏覽|阅读|閱讀|访问|字号|字體|字体")
#: the most an info row shows after its date besides those words (2020-12-24 交通运输部网站)
_INFO_TAIL = 12
_MAX_INFO_ROW = 60


def info_row(line: str) -> re.Match[str] | None:
    """The date match of an info row: a short line without prose that starts with a publish
    label and its date (发布时间：…), or with a bare 时间：/日期： or a date alone followed by
    other info-row fields or a short tail (2019-05-16 11:45 (点击：), 时间：… 来源：). An event's
    时间：2024年9月15日 上午9:00 in a notice is none."""
    line = line.lstrip(" \t\x1f(（[【")
    if len(line) > _MAX_INFO_ROW or SENTENCE_PUNCT.search(line):
        return None
    labelled = _DATE_LABELLED.match(line)
    if labelled is not None and label_key(labelled.group("label")) not in _PRIMARY:
        return None
    found = labelled or _UNLABELLED_DATE.match(line)
    if found is None or _PHRASE_AFTER.match(line, found.end()):
        return None
    if labelled is not None and label_key(labelled.group("label")) not in _BARE:
        return found
    tail = line[found.end():]
    if _INFO_ROW_WORDS.search(tail):
        return found
    # a bare 时间： names an event's time as often as the page's: only beside other fields
    return found if labelled is None and len("".join(tail.split())) <= _INFO_TAIL else None


#: lines at the top of a body's box where an info row may show its date without a label
_UNLABELLED_INFO_LINES = 6


def header_date(lines: list[str], headline: str) -> DateCandidate | None:
    """The date of the info row at the top of a body's box (its lines above the first sentence);
    the headline repeated there (2024年3月15日国际消费者权益日…) is no info row."""
    headline_key = norm(headline)
    for number, line in enumerate(lines):
        key = norm(line)
        if headline_key and (headline_key in key or key in headline_key):
            continue
        if (found := info_row(line)) is not None:
            labelled = "label" in found.groupdict()
            if number >= _UNLABELLED_INFO_LINES and not labelled:
                continue  # below a work's fields only 发布时间：… says so; a bare date is a table's cell
            return DateCandidate(found.group("date"), "label" if labelled else "near_title", date_of_match(found))
    return None


def _other_labels_date(text: str, start: int) -> bool:
    """The date at ``start`` follows a label naming another date than the page's (注册日期：,
    截止时间：, 报名时间：): a forum user's join date, a deadline, an event's hours."""
    label = _LABEL_BEFORE.search(text[max(0, start - 14):start])
    return label is not None and label.group("label").endswith(OTHER_DATE_LABELS)


def _source_value(raw: str) -> str:
    """Cut a raw 来源 value at the next label, date or gap."""
    raw = raw.strip()
    end = _SOURCE_END.search(raw)
    return (raw[: end.start()] if end else raw).strip(" :：|｜,，")


def labelled_source(text: str, anchor: int | None) -> str | None:
    """The 来源 value nearest the headline; '' when every such label is empty.

    An empty 来源： (a template placeholder) gives way to a filled one right beside it.
    """
    hits = [Hit(_source_value(m.group("value")), m.start()) for m in _free_matches(_SOURCE_LABELLED, text)]
    if not hits:
        return None
    nearest = min(hits, key=lambda h: _distance(h.start, anchor))
    beside = [h for h in hits if h.value and abs(h.start - nearest.start) <= _BESIDE_CHARS]
    return nearest.value or min(beside, key=lambda h: _distance(h.start, anchor), default=nearest).value


def labelled_author(text: str, anchor: int | None, exclude: Span | None) -> str | None:
    """A 作者：/记者：/通讯员： line outside the body, nearest the headline, verbatim."""
    hits = [
        Hit(m.group(0).strip(), m.start())
        for m in _free_matches(_AUTHOR_LABELLED, text)
        if m.group("value").strip() and not (exclude and exclude[0] <= m.start() < exclude[1])
    ]
    return min(hits, key=lambda h: _distance(h.start, anchor)).value if hits else None


def labelled_editors(text: str, anchor: int | None, exclude: Span | None) -> list[str]:
    """责任编辑：/编辑：/审核： lines just below the body or beside the headline, verbatim."""
    windows = []
    if exclude:
        windows.append((exclude[1], exclude[1] + _EDITOR_REACH))
    if anchor is not None:
        windows.append((anchor, min(anchor + _EDITOR_REACH, exclude[0] if exclude else len(text))))
    found = []
    for start, end in windows:
        found += [m.group(0).strip().replace("\x1f", " ") for m in _free_matches(_EDITOR_LABELLED, text[start:end])]
    return found
