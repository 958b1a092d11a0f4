"""``govcrawl check``: how govcrawl reads a site's start pages, before a crawl relies on it.

For each start page: what kind of page it is (list, article, other), its main list (count and
examples), its pagination (page 2, page count), the columns a home or channel page leads to, and
a few sample articles extracted with their fields; warnings carry a remedy. These functions are
pure (page in, findings out) so that the live probe (``govcrawl.spiders.check``) and saved files
give the same answers, by the same list reader and article extractor the crawl uses.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urlparse

from govcrawl.catalogue.identity import check_identity
from govcrawl.extract import extract_record
from govcrawl.extract.document import ParsedPage, parse_page
from govcrawl.extract.listing import ListingPage, ListRequest
from govcrawl.extract.listing.columns import NEWS_WORDS, column_links
from govcrawl.extract.listing.embedded import embedded_lists
from govcrawl.extract.listing.pagination import next_page
from govcrawl.extract.listing.shapes import in_chrome
from govcrawl.extract.listing.structure import HEADLINE_CHARS, link_text, link_url
from govcrawl.extract.page_kind import PageReading, read_page
from govcrawl.offline import SavedPageSite, extract_saved_page
from govcrawl.sites import SiteEntry

EXAMPLES = 3
#: how many column links of a home page are listed (and, live, fetched)
MAX_COLUMNS = 40
SAMPLE_FIELDS = ("title", "published_at", "source", "authors", "column")


@dataclass(slots=True)
class Warning_:
    """Something that will go wrong in a crawl, and what to do about it."""

    problem: str
    remedy: str


@dataclass(slots=True)
class PageCheck:
    """What govcrawl makes of one start page."""

    url: str
    kind: str = "other"
    status: int | None = None
    list_items: int = 0
    examples: list[str] = field(default_factory=list)
    page_2: str | None = None
    #: items on page 2 when it was fetched (live checks)
    page_2_items: int | None = None
    page_count: int | None = None
    columns: list[dict[str, Any]] = field(default_factory=list)
    articles: list[dict[str, Any]] = field(default_factory=list)
    #: a home page's 网站标识码, SiteName, ICP number and what contradicts the entry (as in the run report)
    identity: dict[str, Any] | None = None
    warnings: list[Warning_] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def is_home(url: str, entry: SiteEntry) -> bool:
    """Whether a start page is read as a home page: the home of an entry without columns, as
    its crawl reads it."""
    return url == entry.home and not entry.start_columns


def check_page(body: bytes, url: str, entry: SiteEntry, *, fetched_at: datetime, http_encoding: str | None = None,
               status: int | None = None, shape: str | None = None) -> tuple[PageCheck, ListingPage]:
    """Read one start page as the crawl would; the listing is returned for follow-up fetches.
    A home page is searched for columns, as a home-only entry's crawl does, and not read as a list."""
    page = parse_page(body, http_encoding or entry.encoding)  # read once, by every reader below
    if is_home(url, entry):
        return _home(page, url, entry, status), ListingPage()
    reading = read_page(page, url, lambda page: extract_record(page, url, fetched_at=fetched_at,
                                                               selectors=entry.selectors.for_extraction()),
                        article_pattern=entry.article_pattern, list_pattern=entry.list_pattern, shape=shape)
    listing = reading.listing
    if reading.kind == "article":
        found = PageCheck(url=url, kind="article", status=status,
                          articles=[sample_article(page, url, entry, fetched_at)])
        found.warnings = _list_warnings(found, page, url)
        return found, listing
    found = PageCheck(url=url, kind=reading.kind, status=status, list_items=len(listing.article_urls),
                      examples=listing.article_urls[:EXAMPLES])
    pages = [r for r in listing.list_requests if r.rel != "list"]
    following = next_page(pages, url)
    found.page_2 = following.url if following else None
    found.page_count = max((r.page for r in pages if r.page), default=None)
    if reading.kind != "list":
        found.columns = [{"name": c.name, "url": c.url} for c in column_links(page, url, entry.domains)[:MAX_COLUMNS]]
    found.warnings = _list_warnings(found, page, url)
    return found, listing


def read_column(body: bytes, url: str, entry: SiteEntry, *, fetched_at: datetime,
                http_encoding: str | None = None) -> tuple[PageReading, list[ListRequest]]:
    """A home page's column link, fetched: what kind of page it is, as discovery decides, and the
    lists it loads rather than links (iframes, zTree menus, a data proxy), which the crawl reads."""
    page = parse_page(body, http_encoding or entry.encoding)
    reading = read_page(page, url, lambda page: extract_record(page, url, fetched_at=fetched_at,
                                                               selectors=entry.selectors.for_extraction()),
                        article_pattern=entry.article_pattern, list_pattern=entry.list_pattern)
    return reading, embedded_lists(page, url)


def _home(page: ParsedPage, url: str, entry: SiteEntry, status: int | None) -> PageCheck:
    columns = [{"name": c.name, "url": c.url} for c in column_links(page, url, entry.domains)[:MAX_COLUMNS]]
    identity = check_identity(page, entry)
    found = PageCheck(url=url, kind="home", status=status, columns=columns, identity=identity.as_dict())
    found.warnings += [Warning_(w.problem, "make sure the entry's home is the unit's own portal (the catalogue's note "
                                "may say more: govcrawl catalogue HOST)") for w in identity.warnings]
    if not columns:
        found.warnings.append(Warning_(f"no column link found on the home page {url}",
                                       "name the column pages as start_urls or [[columns]] in the entry"))
    return found


def sample_article(body: ParsedPage | bytes, url: str, entry: SiteEntry, fetched_at: datetime,
                   http_encoding: str | None = None, *, listed_undated: bool = False) -> dict[str, Any]:
    """A sample article as the crawl would export it: its main fields, or why it is rejected
    (``listed_undated``: its list dates none of its items, as the crawl's catalogue rule reads)."""
    site = SavedPageSite(key=entry.key, name=entry.name, selectors=entry.selectors.for_extraction())
    record = extract_saved_page(body, url, site, fetched_at, http_encoding, listed_undated=listed_undated)
    sample = {"url": url, **{k: record.get(k) for k in SAMPLE_FIELDS if k in record}}
    sample["body_chars"] = len(record.get("body") or "")
    if "rejected" in record:
        sample["rejected"], sample["detail"] = record["rejected"], record["detail"]
    return sample


def article_warnings(samples: list[dict[str, Any]]) -> list[Warning_]:
    """What the sample articles say about the entry: rejections, missing dates or sources."""
    found = []
    for sample in samples:
        if sample.get("rejected") == "list_page":
            continue  # a sub-column: the crawl reads it as a list
        if "rejected" in sample:
            found.append(Warning_(f"sample article {sample['url']} is rejected: {sample['rejected']}"
                                  f" ({sample['detail']})",
                                  "open the page; if it is an article, set [selectors] title/body for the site"))
        elif not sample.get("published_at"):
            found.append(Warning_(f"no publish date found on {sample['url']}",
                                  "set [selectors] published = \"…\" (CSS or XPath of the date element)"))
    sourced = [s for s in samples if "rejected" not in s]
    if len(sourced) >= 2 and not any(s.get("source") for s in sourced):
        found.append(Warning_("no 来源 found on any sample article",
                              "if the pages show one, set [selectors] source = \"…\""))
    return found


def finish(found: PageCheck) -> PageCheck:
    """Add what the fetched columns and sample articles say, once they are all in."""
    found.warnings += article_warnings(found.articles)
    fetched = [c for c in found.columns if "kind" in c]
    if fetched and not any(c["kind"] == "list" for c in fetched):
        found.warnings.append(Warning_(f"none of the {len(fetched)} columns found from {found.url} is a list",
                                       "name the column pages as [[columns]] in the entry"))
    for column in fetched:
        silent = (column["kind"] != "list" or not column.get("items")) and not column.get("loads")
        if silent and NEWS_WORDS.search(column["name"]):
            found.warnings.append(Warning_(
                f"column {column['name']} ({column['url']}) is named like news or notices, but gives no article"
                f" (read as {column['kind']})",
                "open it in a browser: if its list is loaded by a script or sits in an iframe, name the page that"
                " holds the list as a [[columns]] url, or set article_pattern"))
    for column in found.columns:
        column.pop("sampled", None)
    return found


def no_articles(found: PageCheck) -> bool:
    """Whether a crawl from this start page would find no article at all (a home page's columns
    count when they were fetched and none is a list, or when there are none)."""
    if found.kind == "article" or found.list_items:
        return False
    if found.kind != "home":
        return True  # the crawl reads a start URL as a column; its column links are only hints
    fetched = [c for c in found.columns if "kind" in c]
    if found.columns and not fetched:
        return False  # a saved home page: its columns are not fetched, so nothing is known
    return not any(c["kind"] == "list" for c in fetched)


def _list_warnings(found: PageCheck, page: ParsedPage, url: str) -> list[Warning_]:
    if found.kind == "list" and found.list_items and not found.page_2:
        return [Warning_(f"no further list page found on {url} ({found.list_items} items)",
                         "if the column has more pages, its pager is not one govcrawl knows: "
                         "set list_pattern to a regex of its page URLs")]
    if found.kind == "list":
        return []
    if found.columns:
        names = "、".join(c["name"] for c in found.columns[:3])
        return [Warning_(f"{url} is no list, but leads to {len(found.columns)} columns ({names} …)",
                         f"make it the entry's home = '{url}' (without start_urls), or name the columns as"
                         " [[columns]]")]
    if found.kind == "article":
        return [Warning_(f"{url} is an article page, not a list: a crawl exports it and stops",
                         "use the URL of the column (栏目) page that lists such articles")]
    block = largest_link_block(page, url)
    if block is None:
        return [Warning_(f"no article found on {url}, and no block of headline links",
                         "the list may be loaded by a script from another URL: open the browser's network "
                         "panel and use that URL as a start URL")]
    label, urls = block
    return [Warning_(f"no article found on {url}: the largest link block is {label} with {len(urls)} "
                     f"links like {urls[0]}",
                     f"if these are the articles, try article_pattern = '{suggest_pattern(urls)}'")]


def largest_link_block(page: ParsedPage, url: str) -> tuple[str, list[str]] | None:
    """The element outside navigation that holds the most headline-length links, named as a
    CSS selector, with those links."""
    root = page.html_root()
    if root is None:
        return None
    best: tuple[str, list[str]] | None = None
    for element in root.iter("ul", "ol", "table", "tbody", "dl", "div", "section"):
        if in_chrome(element):
            continue
        urls = [u for a in element.iter("a") if len(link_text(a)) >= HEADLINE_CHARS and (u := link_url(a, url))]
        if len(urls) >= 3 and (best is None or len(urls) >= len(best[1])):  # ties: the innermost
            best = (_selector(element), list(dict.fromkeys(urls)))
    return best


def suggest_pattern(urls: list[str]) -> str:
    """A regex (for TOML's single-quoted strings) that the path of most of these URLs matches:
    the shape of their last path segments, with numbers and hashes generalised."""
    shapes: dict[str, int] = {}
    for url in urls:
        parts = urlparse(url)
        segments = [s for s in parts.path.split("/") if s]
        tail = "/".join(segments[-2:]) + ("/" if parts.path.endswith("/") else "")
        shape = re.escape(tail)
        shape = re.sub(r"[0-9a-f]{16,}", r"[0-9a-f]+", shape)
        shape = re.sub(r"\d+", r"\\d+", shape)
        if parts.query:
            key = parts.query.split("=", 1)[0]
            shape += rf"\?{re.escape(key)}="
        shapes[shape] = shapes.get(shape, 0) + 1
    best = max(shapes, key=lambda s: shapes[s])
    return best if best.startswith("/") else f"/{best}"


def _selector(element: Any) -> str:
    classes = ".".join((element.get("class") or "").split())
    ident = element.get("id")
    return element.tag + (f"#{ident}" if ident else "") + (f".{classes}" if classes else "")


def _identity_line(identity: dict[str, Any]) -> str:
    """What a home page says it is, in one line: SiteName 天门市人民政府, 网站标识码 4290060001 …"""
    said = [(label, identity.get(key)) for label, key in (("SiteName", "site_name"), ("title", "title"),
                                                         ("网站标识码", "site_code"), ("ICP", "icp"))]
    facts = ", ".join(f"{label} {value}" for label, value in said if value) or "nothing"
    return facts + (f"; catalogue: {identity['catalogue']}" if identity.get("catalogue") else "")


def render_text(checks: list[PageCheck]) -> str:
    """The findings as a person reads them."""
    lines: list[str] = []
    for check in checks:
        status = f" (HTTP {check.status})" if check.status else ""
        kind = {"other": "other page (no list, no article)"}.get(check.kind, f"{check.kind} page")
        lines.append(f"{check.url}{status}: {kind}")
        if check.kind == "list":
            lines.append(f"  main list: {check.list_items} articles, e.g.")
            lines += [f"    {u}" for u in check.examples]
            items = f" ({check.page_2_items} articles)" if check.page_2_items is not None else ""
            lines.append(f"  page 2: {check.page_2 or 'none found'}{items}")
            if check.page_count:
                lines.append(f"  pages: {check.page_count}")
        if check.identity:
            lines.append("  identity: " + _identity_line(check.identity))
        for column in check.columns:
            pages = f", {column['pages']} pages" if column.get("pages") else ""
            if loads := column.get("loads"):
                pages += f", loads {len(loads)} lists: {', '.join(loads[:3])}"
            kind = f" -> {column['kind']}, {column.get('items', 0)} articles{pages}" if "kind" in column else ""
            lines.append(f"  column {column['name']}: {column['url']}{kind}")
        for sample in check.articles:
            lines.append(f"  article {sample['url']}")
            if "rejected" in sample:
                lines.append(f"    rejected: {sample['rejected']} ({sample['detail']})")
                continue
            for name in SAMPLE_FIELDS:
                if sample.get(name):
                    lines.append(f"    {name}: {sample[name]}")
            lines.append(f"    body: {sample['body_chars']} characters")
        for warning in check.warnings:
            lines.append(f"  WARNING: {warning.problem}")
            lines.append(f"    remedy: {warning.remedy}")
    return "\n".join(lines)
