"""Publish dates: a fast regex path for the common Chinese forms, dateparser as fallback.

Relative dates (3天前, 昨天 14:20, 2小时前) are resolved against the page's fetch time and keep
only what the page says: a day (00:00, precision ``day``), or a minute when it shows a time.
So the same page fetched at 09:00 and at 09:01 gives the same date and the same content hash.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta, timezone

from govcrawl.extract.types import DateCandidate, ParsedDate, PublishedDate

CST = timezone(timedelta(hours=8), "Asia/Shanghai")
EARLIEST = datetime(1990, 1, 1, tzinfo=CST)
_SLACK = timedelta(days=1)

_SP = r"[ \t\x1f\xa0\u3000]*"
_TIME = (
    rf"(?:{_SP}T?{_SP}(?P<H>[01]?\d|2[0-3]){_SP}[:：时時]{_SP}(?P<M>[0-5]\d)"
    rf"(?:{_SP}[:：分]{_SP}(?P<S>[0-5]\d))?)?"
)
_WEEKDAY = r"(?:[ \t\x1f\xa0\u3000]*[（(]?\s*(?:星期|周|週|禮拜|礼拜)[一二三四五六日天][)）]?)?"
#: 2023年7月24日, 2023-07-24, 2023/07/24, 2023.07.24, optionally weekday and time; no digit before
#: the year, looked back at after its first two digits: a pattern that starts with them lets re
#: skip ahead to the next 1 or 2 instead of trying every position (three times faster over a page);
#: 年 is followed by 月 (2020年1-11月 is a span of months, not 11 January)
ABSOLUTE = re.compile(
    r"(?P<y>(?:19|20)(?<!\d..)\d{2})\s*(?:(?P<cn>年)|[-/.])\s*(?P<m>1[0-2]|0?[1-9])\s*(?(cn)月|[-/.])\s*"
    r"(?P<d>3[01]|[12]\d|0?[1-9])(?!\d)(?:\s*[日号號])?" + _WEEKDAY + _TIME
)
#: 23-07-24 (two-digit year, dashes or slashes only)
SHORT_YEAR = re.compile(
    r"(?<![\d.])(?P<y>\d{2})[-/](?P<m>1[0-2]|0[1-9])[-/](?P<d>3[01]|[12]\d|0[1-9])(?![\d.])" + _TIME
)
#: either form, as one group ``date`` to embed in label regexes (the short form's groups are
#: renamed with an ``s`` prefix; ``date_of_match`` reads both)
DATE_TEXT = rf"(?P<date>{ABSOLUTE.pattern}|{SHORT_YEAR.pattern.replace('?P<', '?P<s')})"
#: media sites show fresh articles as 3小时前 / 昨天 10:20 / 刚刚
RELATIVE = re.compile(
    r"(?<!\d)(?P<n>\d{1,3})\s*(?P<unit>秒|分钟|分鐘|小时|小時|个小时|天|日)\s*前|"
    r"(?P<day>今天|今日|昨天|昨日|前天)\s*(?:(?P<H>[01]?\d|2[0-3])\s*[:：]\s*(?P<M>[0-5]\d))?|"
    r"(?P<now>刚刚|剛剛)"
)
_DAY_OFFSETS = {"今天": 0, "今日": 0, "昨天": 1, "昨日": 1, "前天": 2}
_UNIT_SECONDS = {"秒": 1, "分钟": 60, "分鐘": 60, "小时": 3600, "小時": 3600, "个小时": 3600, "天": 86400, "日": 86400}
_DIGITS = re.compile(r"\d")


def _build(y: int, m: str, d: str, hour: str | None, minute: str | None, second: str | None) -> ParsedDate | None:
    """An aware datetime and its precision from the pieces a regex found; None if impossible."""
    try:
        value = datetime(y, int(m), int(d), int(hour or 0), int(minute or 0), int(second or 0), tzinfo=CST)
    except ValueError:
        return None
    return ParsedDate(value, "second" if second else "minute" if hour else "day")


def date_of_match(match: re.Match[str]) -> ParsedDate | None:
    """The date a match of ABSOLUTE, SHORT_YEAR or a pattern embedding DATE_TEXT found."""
    groups = match.groupdict()
    if groups.get("y"):
        year = int(groups["y"])
        year = year if year >= 100 else 2000 + year
        return _build(year, groups["m"], groups["d"], groups["H"], groups["M"], groups.get("S"))
    return _build(2000 + int(groups["sy"]), groups["sm"], groups["sd"], groups["sH"], groups["sM"], groups["sS"])


def _parse_absolute(text: str) -> ParsedDate | None:
    """Match the common absolute forms, four-digit years first."""
    match = ABSOLUTE.search(text) or SHORT_YEAR.search(text)
    return date_of_match(match) if match else None


def _parse_relative(text: str, now: datetime) -> ParsedDate | None:
    """Resolve 3天前, 2小时前, 昨天 10:20 and 刚刚 against now, to the day unless a time is shown."""
    match = RELATIVE.search(text)
    if match is None:
        return None
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    if match.group("n"):
        # 2小时前 says which day, not which minute: the minute would move with the fetch time
        then = now - timedelta(seconds=int(match.group("n")) * _UNIT_SECONDS[match.group("unit")])
        return ParsedDate(then.replace(hour=0, minute=0, second=0, microsecond=0), "day")
    if match.group("day"):
        day = midnight - timedelta(days=_DAY_OFFSETS[match.group("day")])
        if match.group("H"):
            return ParsedDate(day.replace(hour=int(match.group("H")), minute=int(match.group("M"))), "minute")
        return ParsedDate(day, "day")
    return ParsedDate(midnight, "day")


def _parse_fallback(text: str, now: datetime) -> ParsedDate | None:
    """Ask dateparser about forms the regexes do not know (imported lazily: it is slow)."""
    if not _DIGITS.search(text) or len(text) > 80:
        return None
    import dateparser

    settings = {
        "TIMEZONE": "Asia/Shanghai",
        "RETURN_AS_TIMEZONE_AWARE": True,
        "RELATIVE_BASE": now.replace(tzinfo=None),
        "REQUIRE_PARTS": ["day", "month", "year"],
    }
    value = dateparser.parse(text, languages=["zh", "en"], settings=settings)
    if value is None:
        return None
    value = value.astimezone(CST)
    return ParsedDate(value, "day" if (value.hour, value.minute, value.second) == (0, 0, 0) else "minute")


def parse_date(text: str, now: datetime) -> ParsedDate | None:
    """Parse one date text to (aware datetime, precision); relative forms count from now."""
    now = china_time(now)
    return _parse_absolute(text) or _parse_relative(text, now) or _parse_fallback(text, now)


def china_time(moment: datetime) -> datetime:
    """A moment in China time; a naive datetime is taken to be China time already."""
    return moment.replace(tzinfo=CST) if moment.tzinfo is None else moment.astimezone(CST)


def is_plausible(value: datetime, now: datetime) -> bool:
    """A publish time is plausible from 1990 up to one day after now."""
    return EARLIEST <= value <= now + _SLACK


def choose_published(candidates: Iterable[DateCandidate], *, now: datetime,
                     refuse: Callable[[DateCandidate, datetime], bool] | None = None) -> PublishedDate | None:
    """The first candidate, in trust order, that holds a plausible date (and that ``refuse``,
    when given, does not refuse)."""
    now = china_time(now)
    for candidate in candidates:
        parsed = candidate.parsed or parse_date(candidate.text, now)
        if parsed is None or not is_plausible(parsed.value, now):
            continue
        if refuse is not None and refuse(candidate, parsed.value):
            continue
        return PublishedDate(value=parsed.value, precision=parsed.precision, origin=candidate.origin)
    return None
