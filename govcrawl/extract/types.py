"""The small value types extraction passes around."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, NamedTuple, TypeAlias

#: where a publish date was found: 发布时间-like label, unlabelled date (or 3小时前) by the
#: headline, the 信息公开 table, or a <meta> tag when the page shows no date at all
#: where the publish date was found: a labelled field, beside the headline, a 成文日期-like field,
#: page metadata, a month-day beside the headline whose year is the URL's ("url_year"), or an
#: e-paper's issue date ("issue")
DateOrigin: TypeAlias = Literal["label", "near_title", "document", "meta", "url_year", "issue"]
#: how much of the time the page showed
Precision: TypeAlias = Literal["day", "minute", "second"]
#: (start, end) offsets of a piece of the page text, end exclusive
Span: TypeAlias = tuple[int, int]


class ParsedDate(NamedTuple):
    """A date read from the page, in Asia/Shanghai, and how much of it the page showed."""

    value: datetime
    precision: Precision


@dataclass(slots=True, frozen=True)
class DateCandidate:
    """A piece of text that may hold the publish date, where it was found, and its value when
    the regex that found it already read it (so that no date is matched twice)."""

    text: str
    origin: DateOrigin
    parsed: ParsedDate | None = None


@dataclass(slots=True, frozen=True)
class PublishedDate:
    """The chosen publish time in Asia/Shanghai."""

    value: datetime
    precision: Precision
    origin: DateOrigin


@dataclass(slots=True, frozen=True)
class Credits:
    """来源, bylines and editors parsed from the source footer."""

    source: str | None = None
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)


@dataclass(slots=True, frozen=True)
class Link:
    """An image or attachment: absolute URL plus its caption or file name."""

    url: str
    text: str | None = None


class Line(NamedTuple):
    """A body line as shown, and in simplified script: converted once, matched in that form."""

    shown: str
    simple: str
