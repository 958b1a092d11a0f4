"""extract_record: one fetched page to the finished fields of its record, each step done once.

The page is decoded once and parsed once (or handed over parsed, ``document.ParsedPage``, when
the list reader reads it too); selectors run on that tree; dates are read where they
are matched; chrome is stripped once; each text is converted to simplified script once. The
crawl, ``govcrawl extract`` and the corpus gate all call this one function.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from lxml import etree

from govcrawl.extract import body, container, date_context, labelled, links, metadata, title
from govcrawl.extract.credits import parse_credits
from govcrawl.extract.dates import ABSOLUTE, choose_published
from govcrawl.extract.disclosure import extract_disclosure_table
from govcrawl.extract.document import ParsedPage, as_parsed
from govcrawl.extract.page import Page, linearise
from govcrawl.extract.page_kind import DATED, list_page_detail
from govcrawl.extract.selectors import FieldSelectors, Selected, select_fields
from govcrawl.extract.text import repair_text, to_simplified
from govcrawl.extract.types import DateCandidate, DateOrigin, Precision, Span
from govcrawl.extract.verdict import Rejection, judge_page, stub_page

#: <meta> names of the page-metadata standard and its kin
COLUMN_META = ("ColumnName",)
PUBDATE_META = ("PubDate", "article:published_time", "pubdate", "publishdate", "NewsArticlePubDay",
                "firstpublishedtime")
_ELLIPSIS = ("…", "...", "..")
PLAYER_TAGS = ("video", "audio", "iframe", "embed", "object")


@dataclass(slots=True, kw_only=True)
class PageFields:
    """The fields of an article's record that the page itself decides; ``items.Article`` adds the
    crawl's. Declared once, here: the record's schema and README describe these."""

    title: str | None = None
    """Headline as displayed, in the page's own script."""
    title_simplified: str | None = None
    """The headline in simplified script."""
    published_at: str | None = None
    """Publish time, ISO 8601 with +08:00 offset."""
    published_precision: Precision | None = None
    """How much of published_at the page showed: day, minute or second."""
    published_from: DateOrigin | None = None
    """Where the date was found: label, near_title, document or meta."""
    source: str | None = None
    """来源 as shown on the page, null when the page shows none."""
    authors: list[str] = field(default_factory=list)
    """Reporters and writers (记者, 作者, 通讯员)."""
    editors: list[str] = field(default_factory=list)
    """Editors (责任编辑, 编辑, 审核)."""
    body: str = ""
    """Clean article text, one paragraph per line."""
    body_simplified: str = ""
    """The body in simplified script."""
    images: list[dict[str, Any]] = field(default_factory=list)
    """Images in the body: {"url": absolute URL, "caption": alt text or caption or null}."""
    attachments: list[dict[str, Any]] = field(default_factory=list)
    """Attachments linked from the body: {"url": absolute URL, "name": link text or null}."""
    document: dict[str, str] | None = None
    """政府信息公开 table (index_no, doc_no, issuer, written_on, …) when the page has one."""
    keywords: list[str] = field(default_factory=list)
    """Keywords from the page metadata."""
    has_media: bool = False
    """Pictures in the body, or a video, audio or embedded player in its container; never exported."""


@dataclass(slots=True, kw_only=True)
class ArticleFields(PageFields):
    """What one article page says, finished: its record's fields, and what the crawl reads beside them."""

    #: the ColumnName meta tag, for records whose site entry names no column
    column: str | None = None
    #: every <meta> tag by name, as found
    meta: dict[str, str] = field(default_factory=dict)
    #: <link rel=canonical> (or og:url), absolute
    canonical_url: str | None = None
    #: why the page is not an article (soft 404, firewall, login wall …); None for an article
    rejection: Rejection | None = None


def extract_record(
    html: ParsedPage | bytes | str,
    url: str | None = None,
    *,
    fetched_at: datetime,
    http_encoding: str | None = None,
    selectors: FieldSelectors | None = None,
) -> ArticleFields:
    """The finished fields of one article page; relative dates count from ``fetched_at``.
    ``http_encoding`` decodes bytes; a page given parsed is read as it is."""
    parsed = as_parsed(html, http_encoding)
    markup = parsed.markup
    page = linearise(parsed.root)
    meta = metadata.extract_meta(page.root)
    canonical = metadata.extract_canonical(page.root, meta, url)
    chosen = select_fields(page.root, selectors) if selectors else Selected()
    headline, title_el = title.extract_title(page, meta, url or canonical)
    headline = repair_text(chosen.title or headline or "") or None
    title_span = page.span(title_el) if title_el is not None else None
    anchor = title_span[0] if title_span else None
    box = _selected_container(page, chosen) or container.find_container(page)
    exclude = (box.start, box.end) if box else None
    fields = ArticleFields(title=headline, title_simplified=to_simplified(headline) if headline else None,
                           meta=meta, canonical_url=canonical,
                           keywords=_keywords(metadata.meta_value(meta, "Keywords") or ""),
                           column=metadata.meta_value(meta, *COLUMN_META))
    in_url = date_context.url_date(url or canonical)
    parts = body.extract_body(page, box, headline) if box is not None else body.BodyParts()
    candidates = _date_candidates(page, chosen, title_span, headline or "", box, meta, in_url, parts.header)
    published = choose_published(candidates, now=fetched_at, refuse=_far_from_the_rest(page, in_url))
    if published is not None:
        fields.published_at = published.value.isoformat()
        fields.published_precision, fields.published_from = published.precision, published.origin
    fields.document = extract_disclosure_table(page.text, box.start if box else None) or None
    credit_lines: list[str] = []
    if box is not None:
        credit_lines = parts.credits
        fields.body = "\n".join(line.shown for line in parts.lines)
        fields.body_simplified = "\n".join(line.simple for line in parts.lines)
        _add_links(fields, page, box, url or canonical)
    # a notice that is only a PDF or a picture: no body text, its attachments are the record
    # (under a dated headline only: an undated page of pictures alone is a gallery's or a banner's)
    if not (fields.body or fields.images or fields.attachments) and fields.published_from in DATED:
        _fill_empty_notice(fields, page, title_el, title_span, headline, url or canonical)
    credit_lines = _credit_lines(page.text, anchor, exclude, credit_lines)
    source_text = _selected_source(chosen.source) if chosen.source else _source(page, anchor, meta)
    credits = parse_credits(repair_text(source_text) if source_text else None, credit_lines)
    fields.source, fields.authors, fields.editors = credits.source, credits.authors, credits.editors
    fields.has_media = has_media(fields, box)
    verdict = judge_page(page, title=headline, body=fields.body, markup=markup)
    if verdict is None or verdict.reason == "empty_page":  # a list's headlines are no body either
        verdict = _list_page(page, box, fields, parsed, url) or verdict
    if verdict is None:
        verdict = stub_page(fields.body, dated=fields.published_at is not None or in_url is not None,
                            has_media=fields.has_media or bool(fields.attachments))
    fields.rejection = verdict
    return fields


def _fill_empty_notice(fields: ArticleFields, page: Page, title_el: etree._Element | None, title_span: Span | None,
                       headline: str | None, url: str | None) -> None:
    """What a dated notice whose body search found nothing has: the pictures of a content box;
    else its files (附件 links after the headline, a player's recording, a document a viewer
    shows); else the words of a content box after the headline (a table of short cells, a line
    too short for the search)."""
    after = title_span[0] if title_span else None  # a layout table's headline cell may hold the body
    if media := container.find_media_container(page, after, title_span[1] if title_span else None):
        _add_links(fields, page, media, url)
        return
    found = links.extract_named_attachments(page, title_span[1], url) if title_span else []
    found = found or links.extract_media_files(page.root, url)
    if not found and title_el is not None:
        found = links.extract_shown_documents(page.root, title_el, url)
    if found:
        fields.attachments = [{"url": m.url, "name": m.text} for m in found]
    elif named := container.find_named_container(page, after):
        parts = body.extract_body(page, named, headline)
        fields.body = "\n".join(line.shown for line in parts.lines)
        fields.body_simplified = "\n".join(line.simple for line in parts.lines)


def _list_page(page: Page, box: container.Container | None, fields: ArticleFields, parsed: ParsedPage,
               url: str | None) -> Rejection | None:
    """A column page read as an article: its "body" is its list of headlines, or nothing."""
    ratio = container.link_ratio(page, box.start, box.end) if box else 0.0
    hrefs = [a.get("href") or "" for a in box.element.iter("a")] if box and box.element is not None else None
    # a dated page whose content is its files (a recording, a PDF shown inline) is their notice
    files_only = bool(fields.attachments) and not fields.body
    detail = list_page_detail(parsed, url, body=fields.body, body_link_ratio=ratio, body_hrefs=hrefs,
                              has_media=fields.has_media or files_only, published_from=fields.published_from)
    return Rejection("list_page", detail) if detail else None


def has_media(fields: ArticleFields, box: container.Container | None) -> bool:
    """Pictures in the body, or a video, audio or embedded player in its container."""
    if fields.images:
        return True
    return box is not None and box.element is not None and next(box.element.iter(*PLAYER_TAGS), None) is not None


def _selected_container(page: Page, chosen: Selected) -> container.Container | None:
    """The body element a selector chose, when it is visible."""
    span = page.span(chosen.body) if chosen.body is not None else None
    return container.Container(span[0], span[1], chosen.body) if span else None


def _date_candidates(page: Page, chosen: Selected, title_span: Span | None, headline: str,
                     box: container.Container | None, meta: dict[str, str],
                     in_url: date_context.UrlDate | None, header: list[str]) -> Iterator[DateCandidate]:
    """Every date candidate in trust order (read as far as the first one taken): selector, label,
    near the headline, document, the info row the body's box starts with (``header``), meta, an
    e-paper's issue date.

    The URL's date (t20230724_…) is not a candidate: it is never shown on the page, republished
    pages keep an old one, and on a page that shows no date the right answer is none. It only
    lends its year to a month-day shown beside the headline.
    """
    exclude = (box.start, box.end) if box else None
    anchor = title_span[0] if title_span else None
    primary, document = labelled.labelled_dates(page.text, anchor, exclude)
    found = [DateCandidate(chosen.published, "label")] if chosen.published else []
    found += primary
    near = labelled.near_title_date(page, title_span, headline, box.start if box else None, in_url)
    if near is not None:
        found.append(near)
    found += document
    if (in_header := labelled.header_date(header, headline)) is not None:
        found.append(in_header)
    if pub := metadata.meta_value(meta, *PUBDATE_META):
        found.append(DateCandidate(pub, "meta"))
    yield from found
    # the last resort, looked for only when nothing before it was taken: a scan of the whole text
    if issue := date_context.issue_date(page, exclude):
        yield issue


def _far_from_the_rest(page: Page, in_url: date_context.UrlDate | None) -> Callable[[DateCandidate, datetime], bool]:
    """Refuse an unlabelled date that no other date of the page or URL comes near."""
    def refuse(candidate: DateCandidate, value: datetime) -> bool:
        # a relative date (3小时前, 昨天) counts from the fetch: nothing on the page dates it
        written = ABSOLUTE.search(candidate.text) is not None
        return written and candidate.origin in ("near_title", "document") and date_context.isolated(value, page, in_url)
    return refuse


def _selected_source(text: str) -> str:
    """A selected 来源 element's value: without its label when it shows one (来源：新华社)."""
    return labelled.labelled_source(text, 0) or text


def _source(page: Page, anchor: int | None, meta: dict[str, str]) -> str | None:
    """The visible 来源 value; a value cut short with … takes its full form from ContentSource."""
    value = labelled.labelled_source(page.text, anchor)
    if not value:
        return None
    if value.endswith(_ELLIPSIS):
        full = metadata.meta_value(meta, "ContentSource", "source")
        if full and full.startswith(value.rstrip(".…")):
            return full
    return value


def _credit_lines(text: str, anchor: int | None, exclude: Span | None, from_body: list[str]) -> list[str]:
    """Credit lines: a byline by the headline, those split off the body, editor lines below it."""
    lines = list(from_body)
    if byline := labelled.labelled_author(text, anchor, exclude):
        lines.insert(0, repair_text(byline))
    for line in labelled.labelled_editors(text, anchor, exclude):
        line = repair_text(line)
        if line not in lines:
            lines.append(line)
    return lines


def _add_links(fields: ArticleFields, page: Page, box: container.Container, base: str | None) -> None:
    """Images and attachments inside the body container."""
    scope = box.element if box.element is not None else page.root
    fields.images = [{"url": i.url, "caption": i.text}
                     for i in links.extract_images(page, scope, box.start, box.end, base)]
    found = links.extract_attachments(page, scope, box.start, box.end, base)
    if not found and fields.body:  # a notice's files listed below its text box, under 附件
        found = links.extract_labelled_attachments(page, box.end, base)
    fields.attachments = [{"url": a.url, "name": a.text} for a in found]


def _keywords(raw: str) -> list[str]:
    """The Keywords meta tag split on the separators sites use."""
    parts = raw.replace("，", ",").replace("；", ",").replace(";", ",").replace(" ", ",").split(",")
    return [p.strip() for p in parts if p.strip()]
