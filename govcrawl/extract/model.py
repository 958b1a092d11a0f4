"""What extraction hands to the item pipelines: raw evidence, not yet normalised."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(slots=True, frozen=True)
class DateCandidate:
    """A piece of text that may hold the publish date, and where it was found."""

    text: str
    #: "label" (发布时间：…), "near_title" (unlabelled date by the headline),
    #: "meta" (<meta name="PubDate">), "url" (t20230724_…), "document" (政务公开 table)
    origin: str


@dataclass(slots=True, frozen=True)
class PublishedDate:
    """A parsed publish time in Asia/Shanghai."""

    value: datetime
    precision: str  # "day" | "minute" | "second"
    origin: str


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


@dataclass(slots=True)
class ArticleDraft:
    """Everything an article page yields before the pipelines normalise it."""

    title: str | None = None
    #: in order of trust: the first that parses to a valid date wins
    date_candidates: list[DateCandidate] = field(default_factory=list)
    #: the 来源 value as shown (label stripped), None when the page shows none
    source_text: str | None = None
    #: byline / 责任编辑 / trailing credit lines taken out of the body, verbatim
    credit_lines: list[str] = field(default_factory=list)
    #: body paragraphs, one per entry
    body_lines: list[str] = field(default_factory=list)
    images: list[Link] = field(default_factory=list)
    attachments: list[Link] = field(default_factory=list)
    #: page-metadata standard tags (SiteName, ColumnName, PubDate …) as found
    meta: dict[str, str] = field(default_factory=dict)
    #: 政府信息公开 table: index_no, doc_no, issuer, written_on, topic, validity …
    document: dict[str, str] = field(default_factory=dict)
    canonical_url: str | None = None
