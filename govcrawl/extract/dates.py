"""Publish dates: a fast regex path for the common Chinese forms, dateparser as fallback."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime, timedelta, timezone

from govcrawl.extract.model import DateCandidate, PublishedDate

CST = timezone(timedelta(hours=8), "Asia/Shanghai")
EARLIEST = datetime(1990, 1, 1, tzinfo=CST)
_SLACK = timedelta(days=1)

_SP = r"[ \t\x1f\xa0\u3000]*"
_TIME = (
    rf"(?:{_SP}T?{_SP}(?P<H>[01]?\d|2[0-3]){_SP}[:：时時]{_SP}(?P<M>[0-5]\d)"
    rf"(?:{_SP}[:：分]{_SP}(?P<S>[0-5]\d))?)?"
)
_WEEKDAY = r"(?:[ \t\x1f\xa0\u3000]*[（(]?\s*(?:星期|周|週|禮拜|礼拜)[一二三四五六日天][)）]?)?"
#: 2023年7月24日, 2023-07-24, 2023/07/24, 2023.07.24, optionally weekday and time
ABSOLUTE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*(?:[-/.]|年)\s*(?P<m>1[0-2]|0?[1-9])\s*(?:[-/.]|月)\s*"
    r"(?P<d>3[01]|[12]\d|0?[1-9])(?!\d)(?:\s*[日号號])?" + _WEEKDAY + _TIME
)
#: 23-07-24 (two-digit year, dashes or slashes only)
SHORT_YEAR = re.compile(
    r"(?<![\d.])(?P<y>\d{2})[-/](?P<m>1[0-2]|0[1-9])[-/](?P<d>3[01]|[12]\d|0[1-9])(?![\d.])" + _TIME
)
_RELATIVE_AGO = re.compile(r"(?P<n>\d{1,3})\s*(?P<unit>秒|分钟|分鐘|小时|小時|个小时|天|日)\s*前")
_RELATIVE_DAY = re.compile(
    r"(?P<day>今天|今日|昨天|昨日|前天)\s*(?:(?P<H>[01]?\d|2[0-3])\s*[:：]\s*(?P<M>[0-5]\d))?"
)
_JUST_NOW = re.compile(r"刚刚|剛剛")
_DAY_OFFSETS = {"今天": 0, "今日": 0, "昨天": 1, "昨日": 1, "前天": 2}
_UNIT_SECONDS = {"秒": 1, "分钟": 60, "分鐘": 60, "小时": 3600, "小時": 3600, "个小时": 3600, "天": 86400, "日": 86400}
_DIGITS = re.compile(r"\d")


def _build(match: re.Match[str], year: int) -> tuple[datetime, str] | None:
    """Turn a date match into an aware datetime and its precision."""
    hour, minute, second = match.group("H"), match.group("M"), match.group("S")
    try:
        value = datetime(
            year, int(match.group("m")), int(match.group("d")),
            int(hour or 0), int(minute or 0), int(second or 0), tzinfo=CST,
        )
    except ValueError:
        return None
    precision = "second" if second else "minute" if hour else "day"
    return value, precision


def _parse_absolute(text: str) -> tuple[datetime, str] | None:
    """Match the common absolute forms, four-digit years first."""
    match = ABSOLUTE.search(text)
    if match:
        return _build(match, int(match.group("y")))
    match = SHORT_YEAR.search(text)
    if match:
        return _build(match, 2000 + int(match.group("y")))
    return None


def _parse_relative(text: str, now: datetime) -> tuple[datetime, str] | None:
    """Resolve 3小时前, 昨天 10:20 and 刚刚 against now."""
    match = _RELATIVE_AGO.search(text)
    if match:
        seconds = int(match.group("n")) * _UNIT_SECONDS[match.group("unit")]
        precision = "day" if seconds >= 86400 else "minute"
        return (now - timedelta(seconds=seconds)).replace(second=0, microsecond=0), precision
    match = _RELATIVE_DAY.search(text)
    if match:
        day = now - timedelta(days=_DAY_OFFSETS[match.group("day")])
        if match.group("H"):
            value = day.replace(hour=int(match.group("H")), minute=int(match.group("M")), second=0, microsecond=0)
            return value, "minute"
        return day.replace(hour=0, minute=0, second=0, microsecond=0), "day"
    if _JUST_NOW.search(text):
        return now.replace(second=0, microsecond=0), "minute"
    return None


def _parse_fallback(text: str, now: datetime) -> tuple[datetime, str] | None:
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
    precision = "day" if (value.hour, value.minute, value.second) == (0, 0, 0) else "minute"
    return value, precision


def parse_date(text: str, now: datetime | None = None) -> tuple[datetime, str] | None:
    """Parse one date text to (aware datetime, precision), or None."""
    now = _aware(now)
    return _parse_absolute(text) or _parse_relative(text, now) or _parse_fallback(text, now)


def _aware(now: datetime | None) -> datetime:
    """Default now to the current time and read naive datetimes as China time."""
    if now is None:
        return datetime.now(CST)
    return now.replace(tzinfo=CST) if now.tzinfo is None else now.astimezone(CST)


def is_plausible(value: datetime, now: datetime) -> bool:
    """A publish time is plausible from 1990 up to one day after now."""
    return EARLIEST <= value <= now + _SLACK


def choose_published(
    candidates: Iterable[DateCandidate], *, now: datetime | None = None
) -> PublishedDate | None:
    """Parse candidates in trust order; the first plausible date wins."""
    now = _aware(now)
    for candidate in candidates:
        parsed = parse_date(candidate.text, now)
        if parsed is not None and is_plausible(parsed[0], now):
            return PublishedDate(value=parsed[0], precision=parsed[1], origin=candidate.origin)
    return None
