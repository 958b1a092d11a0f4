"""extract_article: one parse, then title, dates, source, body, links and metadata."""

from __future__ import annotations

from govcrawl.extract import body, container, documents, fields, links, metadata, title
from govcrawl.extract.encoding import decode_html
from govcrawl.extract.model import ArticleDraft, DateCandidate
from govcrawl.extract.page import Page, build_page

_ELLIPSIS = ("…", "...", "..")


def _source(page: Page, anchor: int | None, meta: dict[str, str]) -> str | None:
    """The visible 来源 value; a value cut short with … takes its full form from ContentSource."""
    value = fields.labelled_source(page.text, anchor)
    if not value:
        return None
    if value.endswith(_ELLIPSIS):
        full = metadata.meta_value(meta, "ContentSource", "source")
        if full and full.startswith(value.rstrip(".…")):
            return full
    return value


def _dates(page: Page, title_span: tuple[int, int] | None, headline: str,
           box: container.Container | None, meta: dict[str, str]) -> list[DateCandidate]:
    """All date candidates in trust order: label, near title, document, meta.

    The URL's date (t20230724_…) is not a candidate: it is never shown on the page, republished
    pages keep an old one, and on a page that shows no date the right answer is none.
    """
    exclude = (box.start, box.end) if box else None
    anchor = title_span[0] if title_span else None
    primary, document = fields.labelled_dates(page.text, anchor, exclude)
    near = fields.near_title_date(page, title_span, headline, box.start if box else None)
    found = fields.date_candidates(primary, near, document)
    pub = metadata.meta_value(meta, "PubDate", "article:published_time", "pubdate", "publishdate",
                              "NewsArticlePubDay", "firstpublishedtime")
    if pub:
        found.append(DateCandidate(pub, "meta"))
    return _unique(found)


def _unique(candidates: list[DateCandidate]) -> list[DateCandidate]:
    """Keep the first candidate of each date text (a labelled date is also 'near the title')."""
    seen: set[str] = set()
    unique: list[DateCandidate] = []
    for candidate in candidates:
        key = "".join(candidate.text.split())
        if key not in seen:
            seen.add(key)
            unique.append(candidate)
    return unique


def extract_article(html: bytes | str, url: str | None = None, *, http_encoding: str | None = None) -> ArticleDraft:
    """Turn one article page into an ArticleDraft of raw evidence."""
    page = build_page(decode_html(html, http_encoding))
    meta = metadata.extract_meta(page.root)
    canonical = metadata.extract_canonical(page.root, meta, url)
    base = url or canonical
    headline, title_el = title.extract_title(page, meta)
    title_span = page.span(title_el) if title_el is not None else None
    title_span = title_span if title_span and title_span[0] >= 0 else None
    anchor = title_span[0] if title_span else None
    box = container.find_container(page)
    draft = ArticleDraft(title=headline, meta=meta, canonical_url=canonical)
    draft.source_text = _source(page, anchor, meta)
    draft.date_candidates = _dates(page, title_span, headline or "", box, meta)
    draft.document = documents.extract_document(page.text, box.start if box else None)
    exclude = (box.start, box.end) if box else None
    if box is not None:
        parts = body.extract_body(page, box, headline)
        draft.body_lines, draft.credit_lines = parts.lines, parts.credits
        scope = box.element if box.element is not None else page.root
        draft.images = links.extract_images(page, scope, box.start, box.end, base)
        draft.attachments = links.extract_attachments(page, scope, box.start, box.end, base)
    byline = fields.labelled_author(page.text, anchor, exclude)
    if byline:
        draft.credit_lines.insert(0, byline)
    draft.credit_lines += [line for line in fields.labelled_editors(page.text, anchor, exclude)
                           if line not in draft.credit_lines]
    return draft
