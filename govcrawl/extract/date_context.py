"""What else the page and its address say about when it was published: the date in the URL's
path, an e-paper's issue date, and the page's other dates.

They complete a date shown without its year (``09-27 20:12`` under a URL of 2022/09), stand in for
a date on an e-paper page whose only one is the issue's (``2022年02月13日 星期日`` beside
``第A01版``), and refuse a date that no other date of the page or URL comes near (a navigation
text's ``2007年11月18号以前`` on a 2022 article): a wrong date is worse than none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from govcrawl.extract.dates import ABSOLUTE, CST, date_of_match
from govcrawl.extract.page import Page
from govcrawl.extract.types import DateCandidate, Span

#: a date in a URL path: /2022/09/27/, /202209/t20220927_1.html, /2022-09/27/, content_2022-09-27
_URL_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})[-/_]?(?P<m>0[1-9]|1[0-2])(?:[-/_]?(?P<d>0[1-9]|[12]\d|3[01]))?(?!\d)")
#: a month and day with a time, no year: 09-27 20:12, 9月27日 20:12
MONTH_DAY_TIME = re.compile(
    r"(?<![\d/.\-年])(?P<m>1[0-2]|0?[1-9])(?:-|/|月)(?P<d>3[01]|[12]\d|0?[1-9])日?[ \t\x1f\xa0\u3000]*"
    r"(?P<H>[01]?\d|2[0-3])[:：](?P<M>[0-5]\d)(?![\d:：])")
#: an e-paper page's 版 (page of the issue): 第A01版, A01版, 版面, 版次
_EDITION = re.compile(r"第?\s*[A-Za-z]{0,2}\d{1,3}\s*版|版面|版次|电子版|数字报")
_EDITION_REACH = 80
#: a date weekday-named, as an issue date is printed: 2022年02月13日 星期日
_WEEKDAY = re.compile(r"星期|周[一二三四五六日天]|禮拜|礼拜")
#: a date this far from every other date of the page and of its URL is refused
ISOLATED = timedelta(days=366)


@dataclass(slots=True, frozen=True)
class UrlDate:
    """The year, month and maybe day of a URL's path."""

    year: int
    month: int
    day: int | None


def url_date(url: str | None) -> UrlDate | None:
    """The date in a URL's path (the last one, the article's own), None without one."""
    if not url:
        return None
    found = list(_URL_DATE.finditer(urlsplit(url).path))
    if not found:
        return None
    last = found[-1]
    return UrlDate(int(last["y"]), int(last["m"]), int(last["d"]) if last["d"] else None)


def month_day_with_url_year(match: re.Match[str], url: UrlDate | None) -> DateCandidate | None:
    """A month-day-time shown beside the headline, dated with the URL's year when the URL's
    month (and day, if it has one) agree with it."""
    month, day = int(match["m"]), int(match["d"])
    if url is None or url.month != month or (url.day is not None and url.day != day):
        return None
    text = f"{url.year}-{month:02d}-{day:02d} {match['H']}:{match['M']}"
    return DateCandidate(text, "url_year")


def issue_date(page: Page, exclude: Span | None) -> DateCandidate | None:
    """An e-paper page's issue date: a weekday-named date beside its 版 marker, outside the body."""
    text = page.text
    for match in ABSOLUTE.finditer(text):
        start, end = match.span()
        if exclude and exclude[0] <= start < exclude[1]:
            continue
        if not _WEEKDAY.search(match.group()):
            continue
        around = text[max(0, start - _EDITION_REACH) : end + _EDITION_REACH]
        if _EDITION.search(around):
            return DateCandidate(match.group(), "issue", date_of_match(match))
    return None


def isolated(value: datetime, page: Page, url: UrlDate | None) -> bool:
    """Whether a date is far from every other date the page shows and from its URL's, and the
    page shows another date (a page whose one date disagrees only with its URL is a republished
    page: its URL keeps the old date, and the date shown by the headline is the page's). A day
    the page shows twice (its dateline and its headline: 2017年6月26日起…) is no stray."""
    day = value.date()
    if url is not None and abs(day - datetime(url.year, url.month, url.day or 1, tzinfo=CST).date()) <= ISOLATED:
        return False
    shown = (parsed.value.date() for match in ABSOLUTE.finditer(page.text)
             if (parsed := date_of_match(match)) is not None)
    seen, again = False, False
    # read only as far as the first date near it: a page of dated list items shows hundreds
    for other in shown:
        if other == day:
            if again:
                return False
            again = True
        elif abs(day - other) <= ISOLATED:
            return False
        else:
            seen = True
    return seen
