"""The generic site spider: column (list) pages → pagination → article pages."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from functools import cached_property
from typing import Any, ClassVar

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response
from scrapy.settings import SETTINGS_PRIORITIES, BaseSettings
from twisted.python.failure import Failure

from govcrawl import __version__
from govcrawl import request_meta as meta
from govcrawl.catalogue.identity import check_identity
from govcrawl.exceptions import NotAnArticle
from govcrawl.extract.document import ParsedPage, parse_page
from govcrawl.extract.listing import ListingPage, ListRequest, extract_listing
from govcrawl.extract.listing.columns import ColumnLink, block_headlines, column_links, headline_links
from govcrawl.extract.listing.embedded import embedded_lists
from govcrawl.extract.listing.pagination import later_pages, next_page
from govcrawl.extract.listing.related import related_articles
from govcrawl.extract.listing.shapes import on_domains
from govcrawl.extract.listing.templates import url_template
from govcrawl.extract.page_kind import read_page
from govcrawl.extract.urls import canonical_url
from govcrawl.items import Article
from govcrawl.reasons import Outcome, Reason
from govcrawl.run_context import RunContext
from govcrawl.signals import page_rejected
from govcrawl.sites import SiteEntry
from govcrawl.spiders.failures import failure_reason
from govcrawl.spiders.pages import (
    Fetched,
    html_refusal,
    listing_options,
    page_encoding,
    read_article_link,
    read_discovered,
    read_list_link,
    refusal_of,
    try_article,
)
from govcrawl.spiders.sampling import TemplateSampler
from govcrawl.state.base import ArticleState, FailedArticle
from govcrawl.warc import DateNeed, needs_date_of

ARTICLE_PRIORITY = 10
#: the search for columns before articles: each page it reads is decided before an article link
#: that leads to the same page is (a column listing sub-sites' homes, say)
DISCOVERY_PRIORITY = 20
#: column links left out by the discovery budget that the report names
MAX_LEFT_OUT = 50
#: stat: the list pages answered with a block, login, soft-404 or maintenance page, [url, reason] each
REFUSED_LISTS = "govcrawl/list/refused_pages"
#: what the home page says it is, and what of it contradicts the entry (govcrawl.catalogue.identity)
IDENTITY = "govcrawl/identity"


def parse_response(response: Response, entry: SiteEntry) -> ParsedPage:
    """A fetched page decoded and parsed: the one parse that every reader of the page shares."""
    return parse_page(response.body, response_encoding(response, entry))


def read_listing(page: ParsedPage, response: Response, entry: SiteEntry) -> ListingPage:
    """A list page as the entry's patterns and the column's first page (its list's shape) say."""
    return extract_listing(page, response.url, **listing_options(entry, response.meta.get(meta.LIST_SHAPE)))


def set_user_agent(settings: BaseSettings) -> None:
    """govcrawl's honest User-Agent with its contact URL, unless the user set one."""
    if settings.getpriority("USER_AGENT") < SETTINGS_PRIORITIES["spider"]:
        contact = settings.get("GOVCRAWL_CONTACT_URL")
        settings.set("USER_AGENT", f"govcrawl/{__version__} (+{contact})", priority="spider")


def response_encoding(response: Response, entry: SiteEntry) -> str | None:
    """The charset to decode a response with: the entry's forced one, else the HTTP header's."""
    return page_encoding(response.headers.get(b"Content-Type"), entry)


def fetched(response: Response, column_name: str | None) -> Fetched:
    """A response as the page readers (``spiders.pages``) take it, at the time it was fetched."""
    return Fetched(response.url, response.headers.get(b"Content-Type"), response.body,
                   response.meta.get(meta.FETCHED_AT) or datetime.now(UTC), column_name or None)


def _unique_links(links: list[ColumnLink]) -> list[ColumnLink]:
    """Each URL once, the first name it was met with."""
    found: dict[str, ColumnLink] = {}
    for link in links:
        found.setdefault(link.url, link)
    return list(found.values())


class SiteSpider(scrapy.Spider):
    """Crawls one site entry; subclassed per entry by the spider loader."""

    entry: ClassVar[SiteEntry]

    @classmethod
    def for_entry(cls, entry: SiteEntry) -> type[SiteSpider]:
        """A spider class named after the entry's key."""
        attrs = {"name": entry.key, "entry": entry, "allowed_domains": list(entry.domains)}
        return type(f"{cls.__name__}_{entry.key}", (cls,), attrs)

    @classmethod
    def handles_request(cls, request: scrapy.Request) -> bool:
        """Whether a URL is this site's (``scrapy parse URL`` picks the spider by it): its host
        is one of the entry's domains or under one, whatever the port."""
        return on_domains(request.url, cls.entry.domains)

    @classmethod
    def update_settings(cls, settings: BaseSettings) -> None:
        super().update_settings(settings)
        set_user_agent(settings)
        if cls.entry.download_delay is not None:
            settings.set("DOWNLOAD_DELAY", cls.entry.download_delay, priority="spider")

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._articles_seen: set[str] = set()
        #: list and discovery pages requested, so that a column is read once however it is reached
        self._pages_requested: set[str] = set()
        #: pages requested to look for columns (a home-only entry), and those that were lists
        self._discovery_requests = 0
        self._discovery_lists = 0
        #: articles a home or channel page links straight from its blocks: requested once the
        #: columns are read, if no column listed them (so that they carry their column's name);
        #: True where only a date can make the page an article (its URL says nothing)
        self._headlines: dict[str, bool] = {}
        #: articles linked from articles (上一篇, 相关阅读), among the headlines: how many such links
        #: away from a listed article each is
        self._related_hops: dict[str, int] = {}
        #: what the search for columns read each page as: one decision per page, whichever way
        #: the crawl meets it again
        self._discovered_kinds: dict[str, str] = {}
        #: list pages in a row without an article link, by column
        self._empty_streak: dict[str, int] = {}
        #: a column's further pages as its pager links them: never requested as articles (the
        #: nightly run walks a pager one page at a time, and a page it leaves is still no article)
        self._pager_pages: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> SiteSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider._request_headlines, signal=signals.spider_idle)
        return spider

    @cached_property
    def _sampler(self) -> TemplateSampler:
        """Links of one URL template are searched a few at a time (GOVCRAWL_DISCOVERY_SAMPLES)."""
        return TemplateSampler(self.crawler.settings.getint("GOVCRAWL_DISCOVERY_SAMPLES"))

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for column in self.entry.start_columns:
            yield self._list_request(ListRequest(column.url), column.name, 1, column.url)
        if self.entry.home and not self.entry.start_columns:
            yield self._discovery_request(self.entry.home, "", 0)
        for failed in self._pending_retries():
            yield self._article_request(failed.url, failed.column_name or "", retry=True,
                                        needs_date=needs_date_of(failed.needs_date))
        for known in self._rechecks():
            yield meta.conditional(self._article_request(known.url, known.column or ""), known)

    def _pending_retries(self) -> list[FailedArticle]:
        """Pages earlier runs failed on for a transient reason and whose back-off ran out:
        requested directly, wherever they sit in their lists (early stop cannot hide them)."""
        ctx = RunContext.for_crawler(self.crawler)
        if ctx.state is None:
            return []
        due = [p for p in ctx.state.pending_articles(self.entry.key) if p.is_due(ctx.run_number)]
        ctx.outcomes.found.update(p.url for p in due)
        ctx.outcomes.requested.update(p.url for p in due)
        self.crawler.stats.set_value("govcrawl/state/retried", len(due))
        return due

    def _rechecks(self) -> list[ArticleState]:
        """Recent known articles whose check is oldest, up to GOVCRAWL_RECHECK_BUDGET a run:
        fetched conditionally, so that a plain nightly run catches edits (a 304 costs little)."""
        ctx, settings = RunContext.for_crawler(self.crawler), self.crawler.settings
        budget, days = settings.getint("GOVCRAWL_RECHECK_BUDGET"), settings.getfloat("GOVCRAWL_RECHECK_DAYS")
        if ctx.state is None or budget <= 0 or settings.getbool("GOVCRAWL_REFRESH"):
            return []
        since = (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="seconds")
        rechecks = ctx.state.recheck_candidates(self.entry.key, since, budget)
        ctx.outcomes.found.update(known.url for known in rechecks)
        ctx.outcomes.requested.update(known.url for known in rechecks)
        self.crawler.stats.set_value("govcrawl/state/rechecked", len(rechecks))
        return rechecks

    def _article_request(self, url: str, column_name: str, *, column_url: str | None = None,
                         retry: bool = False, needs_date: DateNeed | None = None) -> scrapy.Request:
        info = {meta.KIND: "article", meta.COLUMN_URL: column_url, meta.RETRY: retry, meta.NEEDS_DATE: needs_date}
        # articles before further list pages: the frontier holds one list page's links, not a
        # whole site's, so memory stays flat however long the site is
        return scrapy.Request(url, callback=self.parse_article, errback=self.on_error, priority=ARTICLE_PRIORITY,
                              cb_kwargs={"column_name": column_name}, meta=info)

    def parse(self, response: Response, column_name: str = "", **kwargs: Any) -> Iterator[Any]:
        """A page of unknown kind (``scrapy parse URL``): read as the list or article it is."""
        if not self._is_html(response):
            return
        found = fetched(response, column_name)
        reading = read_page(parse_response(response, self.entry), response.url,
                            lambda page: try_article(page, found, self.entry),
                            **listing_options(self.entry, response.meta.get(meta.LIST_SHAPE)))
        if reading.kind == "list":
            yield from self._read_list(response, reading.listing, column_name, 1, response.url)
        elif isinstance(reading.article, Article):  # undated pages are articles too, asked for by URL
            self._count_fields(reading.article)
            yield self._decorated(reading.article, response)
        elif isinstance(reading.article, NotAnArticle):
            self._reject(response.request, reading.article.reason, reading.article.detail)

    def parse_list(self, response: Response, column_name: str, page_no: int) -> Iterator[Any]:
        """Follow every article on a list page, then the list's further pages; a "list" link
        that leads to an article (a column of one page) exports it."""
        found = read_list_link(fetched(response, column_name), self.entry, page_no, response.meta.get(meta.LIST_SHAPE))
        if found.use == "record":
            self.crawler.stats.inc_value("govcrawl/list/article_pages")
            yield self._found_article(self._decorated(found.article, response))
            return
        if found.use == "rejected":
            if found.rejection.reason != Reason.NOT_HTML:
                self._refused_list(response, found.rejection)
            self._reject(response.request, found.rejection.reason, found.rejection.detail)
            return
        column_url = response.meta.get(meta.COLUMN_URL, response.url)
        yield from self._read_list(response, found.listing, column_name, page_no, column_url)

    def _refused_list(self, response: Response, refusal: NotAnArticle) -> None:
        """A block page, soft 404 or login wall instead of the list: a failure, not an empty list."""
        self.crawler.stats.inc_value("govcrawl/list/refused")
        refused = self.crawler.stats.get_value(REFUSED_LISTS) or []
        self.crawler.stats.set_value(REFUSED_LISTS, [*refused, [response.url, str(refusal.reason)]])
        ctx = RunContext.for_crawler(self.crawler)
        ctx.columns_failed.add(response.meta.get(meta.COLUMN_URL, response.url))  # not paged to its end

    def _found_article(self, article: Article) -> Article:
        """An article a list link (or a start URL) led to: counted, and looked up in the state
        (reached as a list, it never was)."""
        self.crawler.stats.inc_value("govcrawl/article/pages")
        self._count_fields(article)
        ctx = RunContext.for_crawler(self.crawler)
        ctx.outcomes.found.add(article.listed_url or article.url)
        if ctx.state is not None:
            article.known = ctx.state.articles([article.url]).get(article.url)
        return article

    def _read_list(self, response: Response, listing: ListingPage, column_name: str, page_no: int,
                   column_url: str) -> Iterator[Any]:
        # A page reached as an article or a discovered link is a list page from here on: the
        # incremental middleware reads these keys (after the callback has run) to skip known
        # articles and to page the column.
        response.meta.update({meta.KIND: "list", meta.COLUMN_URL: column_url, meta.PAGE: page_no})
        self.crawler.stats.inc_value("govcrawl/list/pages")
        self.crawler.stats.inc_value("govcrawl/list/article_links", len(listing.article_urls))
        if not listing.article_urls:
            empty = self.crawler.stats.get_value("govcrawl/list/empty_pages") or []
            self.crawler.stats.set_value("govcrawl/list/empty_pages", [*empty, response.url][:20])
        links = {canonical_url(u) for u in listing.article_urls}  # session ids differ at each view
        repeated = page_no > 1 and self._articles_seen.issuperset(links)
        self._articles_seen.update(links)
        ctx = RunContext.for_crawler(self.crawler)
        ctx.outcomes.found.update(listing.article_urls)
        ctx.coverage.page(column_url, column_name, listing.article_urls)
        for url in listing.article_urls:
            yield self._article_request(url, column_name, column_url=column_url,
                                        needs_date="catalogue" if listing.undated else None)
        if stop := self._paging_stop(column_url, page_no, listing, repeated):
            ctx.coverage.stop(column_url, stop)
            listing.list_requests = [r for r in listing.list_requests if r.rel == "list"]
        following = next_page(listing.list_requests, response.url, page_no)
        for request in self._list_requests(listing.list_requests, column_name, page_no, column_url):
            if request.meta[meta.REL] != "list" and listing.shape:
                request.meta[meta.LIST_SHAPE] = listing.shape
            # the nightly run walks a column one page at a time, by this one rule
            request.meta[meta.NEXT] = following is not None and request.url == following.url
            if request.meta[meta.NEXT] and (later := later_pages(listing.list_requests, request.meta[meta.PAGE])):
                request.meta[meta.LATER] = later
            yield request

    def _paging_stop(self, column_url: str, page_no: int, listing: ListingPage, repeated: bool) -> str | None:
        """Why a column's paging ends at this page, if it does: a page with nothing new (some
        sites answer any page number past the end with the last page, and a 下一页 link), or
        GOVCRAWL_EMPTY_PAGES_STOP pages in a row without an article (a calendar without end)."""
        if repeated and listing.article_urls:
            self.crawler.stats.inc_value("govcrawl/list/repeated_pages")
            return "repeated"
        streak = self._empty_streak.get(column_url, 0) + 1 if page_no > 1 and not listing.article_urls else 0
        self._empty_streak[column_url] = streak
        if streak >= self.crawler.settings.getint("GOVCRAWL_EMPTY_PAGES_STOP"):
            self.crawler.stats.inc_value("govcrawl/list/empty_runs")
            return "empty"
        return None

    def _page_allowed(self, number: int, column_url: str) -> bool:
        """Within the column's page cap (the entry's max_pages, else GOVCRAWL_MAX_COLUMN_PAGES) and
        the run's list-page budget (GOVCRAWL_MAX_LIST_PAGES); a bound reached is in the report."""
        settings, coverage = self.crawler.settings, RunContext.for_crawler(self.crawler).coverage
        if number > (self.entry.max_pages or settings.getint("GOVCRAWL_MAX_COLUMN_PAGES")):
            coverage.stop(column_url, "page_cap")
            return False
        if len(self._pages_requested) >= settings.getint("GOVCRAWL_MAX_LIST_PAGES"):
            coverage.stop(column_url, "site_budget")
            return False
        return True

    def _list_requests(
        self, requests: list[ListRequest], column_name: str, page_no: int, column_url: str
    ) -> Iterator[scrapy.Request]:
        """Further pages of this column (up to max_pages), and sub-columns as columns of their own;
        首页 and 上一页 lead back to pages already read."""
        for request in requests:
            if request.rel == "list":
                if canonical_url(request.url) not in self._pages_requested:
                    yield self._list_request(request, column_name, 1, request.url)
                continue
            if request.rel == "back":
                continue
            self._pager_pages.add(canonical_url(request.url))
            number = request.page or page_no + 1
            if self._page_allowed(number, column_url):
                yield self._list_request(request, column_name, number, column_url)

    def parse_article(self, response: Response, column_name: str, as_list: bool = True) -> Iterator[Any]:
        """Turn an article page into an Article for the pipelines; an "article" link that
        leads to a list (a sub-column, a 更多 page) is read as a list when ``as_list``."""
        found = read_article_link(fetched(response, column_name), self.entry, self._discovered_kinds.get(response.url),
                                  needs_date=needs_date_of(response.meta.get(meta.NEEDS_DATE)), as_list=as_list)
        if found.page is not None:  # read (not refused by its type, nor read by the search for columns)
            self.crawler.stats.inc_value("govcrawl/article/pages")
        if found.use == "followed_as_list":
            # the search for columns read this page already: a column (a sub-site's home), no record
            self._settle(response, Outcome.FOLLOWED_AS_LIST)
        elif found.use == "list":  # an article link that led to a list: a column of its own, not exported
            self._settle(response, Outcome.FOLLOWED_AS_LIST)
            self.crawler.stats.inc_value("govcrawl/list/sub_columns")
            yield from self._read_list(response, found.listing, column_name, 1, response.url)
        elif found.use == "rejected":  # a block page or soft 404 is never a record, nor known
            self._reject(response.request, found.rejection.reason, found.rejection.detail)
        elif found.use == "channel_page":
            # an undated page the search for columns read as a channel or an empty column, or
            # one a home page's block links by a URL that says nothing (a single page, a channel)
            self._settle(response, f"{Outcome.IGNORED}:{Reason.CHANNEL_PAGE}")
        else:
            self._count_fields(found.article)
            self._note_related(found.page, response)
            yield self._decorated(found.article, response)

    def _note_related(self, page: ParsedPage, response: Response) -> None:
        """On a home-only entry, the articles this one links as its kin (上一篇/下一篇, 相关阅读), for
        when the columns are read: those no column listed are requested then, and exported if
        they show a date, up to GOVCRAWL_RELATED_HOPS such links from a listed article."""
        hops = response.meta.get(meta.HOPS, 0) + 1
        if self.entry.start_columns or hops > self.crawler.settings.getint("GOVCRAWL_RELATED_HOPS"):
            return
        for url in related_articles(page, response.url, self.entry.domains):
            url = canonical_url(url)
            if url not in self._headlines and url not in self._articles_seen:
                self._headlines[url] = True
                self._related_hops[url] = hops

    def _settle(self, response: Response, outcome: str) -> None:
        """What became of the link that led to this page, under the URL its list gave."""
        listed = response.meta.get("redirect_urls", [response.url])[0]
        RunContext.for_crawler(self.crawler).outcomes.settle(listed, outcome)

    def _decorated(self, article: Article, response: Response) -> Article:
        """An article with what the crawl state keeps of its response (never exported)."""
        etag, last_modified = response.headers.get(b"ETag"), response.headers.get(b"Last-Modified")
        article.etag = etag.decode("latin-1") if etag else None
        article.last_modified = last_modified.decode("latin-1") if last_modified else None
        article.listed_url = response.meta.get("redirect_urls", [response.url])[0]
        article.known = response.meta.get(meta.KNOWN)
        return article

    def _discovery_request(self, url: str, name: str, depth: int) -> scrapy.Request:
        info = {meta.KIND: "discovery"}
        url = canonical_url(url)  # the seen sets hold what the requests will be
        self._discovery_requests += 1
        self._pages_requested.add(url)
        # Outside the duplicate filter (the search keeps its own seen set): a link the search
        # follows may be an article after all (a short headline on the home page), and must stay
        # free to be requested as one when a column lists it.
        return scrapy.Request(url, callback=self.parse_discovered, errback=self.on_error, meta=info,
                              cb_kwargs={"name": name, "depth": depth}, dont_filter=True,
                              priority=DISCOVERY_PRIORITY)

    def parse_discovered(self, response: Response, name: str, depth: int) -> Iterator[Any]:
        """The home page, or a page a link of the home page (or of a page found from it) led to:
        a list is crawled as a column (and recorded in the run report); a channel page's blocks
        give their articles; every page's column links are searched in turn, down to
        GOVCRAWL_DISCOVERY_DEPTH."""
        if not self._is_html(response):
            return
        page = parse_response(response, self.entry)
        stats = self.crawler.stats
        stats.inc_value("govcrawl/discovery/pages")
        if not depth:
            stats.set_value("govcrawl/discovery/home", [response.url])
            self._check_identity(page)
        # the home page is the site's front, never one of its columns
        # the list reader, the article reader and the search for columns below read one parse
        found = fetched(response, name)
        reading = read_discovered(page, found, self.entry, depth)
        self.logger.debug("Discovery read %s (depth %d) as %s", response.url, depth, reading.kind)
        self._discovered_kinds[response.url] = reading.kind
        headlines_before = len(self._headlines)
        if reading.kind == "list":
            self._discovery_lists += 1
            RunContext.for_crawler(self.crawler).columns_discovered.append(
                {"name": name, "url": response.url, "article_links": len(reading.listing.article_urls)})
            stats.inc_value("govcrawl/discovery/columns")
            yield from self._read_list(response, reading.listing, name, 1, response.url)
        elif reading.kind == "article":
            # a dated page the navigation links (政府信息公开指南, a short 头条): an article like any
            # other, requested as one unless a column lists it (and so exported once, with its column)
            stats.inc_value("govcrawl/discovery/article_pages")
            self._headlines[response.url] = False
        else:
            stats.inc_value("govcrawl/discovery/channels" if depth else "govcrawl/discovery/homes")
        if reading.kind != "article":
            # a channel's blocks, or the other blocks of a page read as one list (a sub-site's home)
            for url in headline_links(page, response.url, self.entry.domains):
                self._headlines[url] = False
        if reading.kind != "article":
            for url in block_headlines(page, response.url, self.entry.domains):
                self._headlines.setdefault(url, True)
        embedded = embedded_lists(page, response.url)
        items = set(reading.listing.article_urls)  # a list's short headlines are its articles
        links = _unique_links([link for link in column_links(page, response.url, self.entry.domains)
                               if link.url not in items]
                              + [ColumnLink(r.name or name, r.url, True) for r in embedded if r.rel == "list"])
        leads = len(self._headlines) > headlines_before or self._leads_on(response.request.url, links)
        yield from self._search_held(self._sampler.answered(response.request.url, reading.kind, leads=leads))
        if reading.kind == "other" and not links and not embedded and not self._headlines and \
                (refusal := refusal_of(reading.article or try_article(page, found, self.entry))):
            self._reject(response.request, refusal.reason, refusal.detail)  # a firewall, not a home page
            return
        if depth and reading.kind != "list":
            yield from self._script_lists([r for r in embedded if r.rel != "list"], name, response.url)
        yield from self._search(links, depth)

    def _check_identity(self, page: ParsedPage) -> None:
        """What the home page says it is, against the entry and its catalogue row: for the report and
        the summary's IDENTITY lines."""
        identity = check_identity(page, self.entry)
        self.crawler.stats.set_value(IDENTITY, identity.as_dict())
        for warning in identity.warnings:
            self.logger.info("Identity of the home page: %s", warning.problem)

    def _script_lists(self, requests: list[ListRequest], name: str, url: str) -> Iterator[scrapy.Request]:
        """A column whose records a script asks for (Hanweb's data proxy): its first request."""
        if not requests:
            return
        self._discovery_lists += 1
        RunContext.for_crawler(self.crawler).columns_discovered.append({"name": name, "url": url, "article_links": 0})
        self.crawler.stats.inc_value("govcrawl/discovery/columns")
        for request in requests:
            yield self._list_request(request, name, request.page or 1, url)

    def _search(self, links: list[ColumnLink], depth: int) -> Iterator[scrapy.Request]:
        """Discovery requests for the column links not yet requested, within the budget: at most
        GOVCRAWL_DISCOVERY_MAX_PAGES pages that turn out not to be lists, plus one for each list
        found (a site with many columns has many channel pages); what the budget leaves out is
        named in the report."""
        settings, stats = self.crawler.settings, self.crawler.stats
        if depth >= settings.getint("GOVCRAWL_DISCOVERY_DEPTH"):
            return
        # pages besides the home page that were not lists
        budget = settings.getint("GOVCRAWL_DISCOVERY_MAX_PAGES") + self._discovery_lists + 1
        for link in links:
            url = canonical_url(link.url)
            if url in self._pages_requested:
                continue  # every page repeats the site's menu
            if not self._sampler.admit(link, url, depth):
                continue  # held back until a sample of its template reads as a list or an article
            if self._discovery_requests >= budget:
                stats.set_value("govcrawl/discovery/capped", True)
                left_out = stats.get_value("govcrawl/discovery/left_out") or []
                if len(left_out) < MAX_LEFT_OUT and link.url not in {c["url"] for c in left_out}:
                    stats.set_value("govcrawl/discovery/left_out", [*left_out, {"name": link.name, "url": link.url}])
                continue
            yield self._discovery_request(link.url, link.name, depth + 1)

    def _leads_on(self, url: str, links: list[ColumnLink]) -> bool:
        """Whether a page links a page the search has not requested, of another template than its
        own (a sub-site's home leads to its columns; a directory's filter page only to its kin)."""
        own = url_template(url)
        return any(canonical_url(link.url) not in self._pages_requested and url_template(link.url) != own
                   for link in links)

    def _search_held(self, released: list[tuple[ColumnLink, int]]) -> Iterator[scrapy.Request]:
        """Discovery requests for links a template's samples released, each at its own depth."""
        for link, depth in released:
            yield from self._search([link], depth)

    def _request_headlines(self) -> None:
        """Once the columns are read: the articles home and channel pages link that no column
        listed (a 头条 from another section, a block without a 更多 page)."""
        self.crawler.stats.set_value("govcrawl/discovery/templates_left_out", self._sampler.left_out())
        # these requests reach the scheduler without the spider middlewares: canonical here
        needs_date = {canonical_url(u) for u, dated in self._headlines.items() if dated}
        urls = list(dict.fromkeys(c for u in self._headlines
                                  if (c := canonical_url(u)) not in self._articles_seen and c not in self._pager_pages))
        hops, self._related_hops = self._related_hops, {}
        self._headlines.clear()
        ctx = RunContext.for_crawler(self.crawler)
        if ctx.state is not None:
            known = ctx.state.articles(urls)
            urls = [u for u in urls if u not in known]  # a recheck catches their edits
        urls = [u for u in urls if u not in ctx.outcomes.found]
        if not urls:
            return
        self._articles_seen.update(urls)
        ctx.outcomes.found.update(urls)
        related = sum(url in hops for url in urls)
        self.crawler.stats.inc_value("govcrawl/discovery/headline_articles", len(urls) - related)
        self.crawler.stats.inc_value("govcrawl/discovery/related_articles", related)
        for url in urls:
            request = self._article_request(url, "", needs_date="block" if url in needs_date else "headline")
            request.meta[meta.HOPS] = hops.get(url, 0)
            self.crawler.engine.crawl(request)
        raise DontCloseSpider

    def _count_fields(self, article: Article) -> None:
        """Where an article's date came from, and what it lacks, in the crawl stats."""
        stats = self.crawler.stats
        stats.inc_value(f"govcrawl/published/from_{article.published_from}" if article.published_from
                        else "govcrawl/published/missing")
        if article.source is None:
            stats.inc_value("govcrawl/source/missing")

    def on_error(self, failure: Failure) -> None:
        """Record a page that could not be fetched (HTTP error, DNS, timeout, off-site redirect …)."""
        found = failure_reason(failure)
        if found is None:
            return  # not modified since the last run: a decision, not a failure
        if failure.request.meta.get(meta.KIND) == "discovery":
            self.crawler.stats.inc_value("govcrawl/discovery/failed")
            for request in self._search_held(self._sampler.answered(failure.request.url, "failed")):
                self.crawler.engine.crawl(request)
        if (request := self._past_the_hole(failure.request)) is not None:
            self.crawler.engine.crawl(request)
        self._reject(failure.request, *found)

    def _past_the_hole(self, failed: scrapy.Request) -> scrapy.Request | None:
        """The page a column's walk goes on to when its next page could not be fetched (a 404 in
        the middle of a pager, a page that times out): the next numbered page the pager before
        it showed, carried on the request (so any worker can go on). The crawl asked for it
        already (the scheduler drops it); the nightly run, walking one page at a time, would
        otherwise end the column there. The failed page is a rejection in the report."""
        later = failed.meta.get(meta.LATER) or []
        if failed.meta.get(meta.KIND) != "list" or not failed.meta.get(meta.NEXT) or not later:
            return None
        (url, number), rest = later[0], later[1:]
        column_url = failed.meta.get(meta.COLUMN_URL)
        if not self._page_allowed(number, column_url):
            return None
        request = self._list_request(ListRequest(url, rel="page", page=number), failed.cb_kwargs.get("column_name", ""),
                                     number, column_url)
        request.meta[meta.NEXT] = True
        if rest:
            request.meta[meta.LATER] = rest
        if shape := failed.meta.get(meta.LIST_SHAPE):
            request.meta[meta.LIST_SHAPE] = shape
        return request

    def _list_request(
        self, request: ListRequest, column_name: str, page_no: int, column_url: str
    ) -> scrapy.Request:
        kwargs = {"column_name": column_name, "page_no": page_no}
        if request.formdata is None:
            self._pages_requested.add(canonical_url(request.url))
        info = {meta.KIND: "list", meta.PAGE: page_no, meta.REL: request.rel, meta.COLUMN_URL: column_url}
        if request.formdata is not None:
            return scrapy.FormRequest(
                request.url, formdata=request.formdata, callback=self.parse_list,
                errback=self.on_error, cb_kwargs=kwargs, meta=info,
            )
        return scrapy.Request(
            request.url, callback=self.parse_list, errback=self.on_error, cb_kwargs=kwargs,
            meta=info,
        )

    def _is_html(self, response: Response) -> bool:
        if detail := html_refusal(response.headers.get(b"Content-Type"), response.body):
            self._reject(response.request, Reason.NOT_HTML, detail)
            return False
        return True

    def _reject(self, request: scrapy.Request, reason: Reason | str, detail: str) -> None:
        """Signal a page that gives no record, under the URL its list linked to."""
        listed = (request.meta.get("redirect_urls") or [request.url])[0]
        self.crawler.signals.send_catch_log(
            page_rejected, url=listed, reason=reason, detail=detail, column_name=request.cb_kwargs.get("column_name"),
            needs_date=needs_date_of(request.meta.get(meta.NEEDS_DATE)), spider=self,
        )
