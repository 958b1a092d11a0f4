"""Running site crawls in this process, and reading what they did."""

from __future__ import annotations

import asyncio
import logging
import sys
from collections import Counter, deque
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from scrapy.crawler import AsyncCrawlerProcess, Crawler
from scrapy.settings import Settings
from scrapy.utils.project import get_project_settings

from govcrawl import distributed
from govcrawl.check import PageCheck, finish
from govcrawl.exit_codes import ExitCode
from govcrawl.logfile import echo_to_stderr
from govcrawl.reasons import BLOCK_REASONS
from govcrawl.run_context import run_published
from govcrawl.run_report import pages_fetched
from govcrawl.sites import SiteEntry
from govcrawl.spiders.site import IDENTITY, REFUSED_LISTS, SiteSpider
from govcrawl.state.factory import is_redis_url, state_url
from govcrawl.state.redis_client import unreachable


class _WithoutTraceback(logging.Filter):
    """Keep a log record's message, drop its traceback: a site that cannot be reached is a
    line for the operator, and its rejects row says why, not a stack of Twisted frames."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info, record.exc_text = None, None
        return True


#: loggers that attach a traceback to an expected network failure (robots.txt unreachable …)
QUIET_LOGGERS = ("scrapy.downloadermiddlewares.robotstxt",)


def quiet_network_tracebacks() -> None:
    """No traceback in a normal offline run (the failure itself is still logged and recorded)."""
    for name in QUIET_LOGGERS:
        logging.getLogger(name).addFilter(_WithoutTraceback())


def project_settings(overrides: dict[str, Any] | None = None) -> Settings:
    """govcrawl's settings, wherever the command runs from, plus command-line overrides."""
    settings = get_project_settings()
    if settings.get("BOT_NAME") != "govcrawl":
        settings.setmodule("govcrawl.settings", priority="project")
    settings.setdict(overrides or {}, priority="cmdline")
    return settings


@dataclass(slots=True)
class CrawlSummary:
    """What one site's crawl did, from its stats."""

    site: str
    export: Path | None
    stats: dict[str, Any] = field(default_factory=dict)

    @property
    def pages(self) -> int:
        return pages_fetched(self.stats)

    @property
    def published(self) -> bool:
        """Whether the run's export was published (a crawl into Scrapy's feeds has no publish)."""
        return run_published(self.stats)  # a run that could not start, or a crawl into feeds, has no publish

    @property
    def exported(self) -> int:
        """Records published: by the run export when it ran, else written by Scrapy's feeds."""
        if "govcrawl/run/id" in self.stats:
            return int(self.stats.get("govcrawl/run/exported", 0)) if self.published else 0
        return int(self.stats.get("item_scraped_count", 0))

    @property
    def rejected(self) -> int:
        return int(self.stats.get("govcrawl/rejected", 0))

    @property
    def failed(self) -> bool:
        """The crawl ended abnormally, or not one list page could be read (site down, DNS)."""
        if self.stats.get("finish_reason") not in ("finished", "closespider_itemcount"):
            return True
        if "govcrawl/run/part_of" in self.stats:
            # one worker may well have read no list page: the run's last worker judges the run
            return self.stats.get("govcrawl/run/whole_read_pages", 1) == 0
        if any(self.stats.get(key) for key in ("govcrawl/list/pages", "govcrawl/list/article_pages")):
            return False
        # a home page that led to no column is a loud zero; columns that all failed are a failure
        searched = self.stats.get("govcrawl/discovery/pages") and not self.stats.get("govcrawl/discovery/failed")
        return not searched and not self.blocked

    @property
    def not_started(self) -> bool:
        """The run was stopped (Ctrl-C, a signal) before this site's turn came."""
        return self.stats.get("finish_reason") == NOT_STARTED

    @property
    def locked(self) -> str | None:
        """Why the site was not crawled: another run holds its lock."""
        return self.stats.get("govcrawl/run/locked")

    @property
    def health_flags(self) -> list[str]:
        return list(self.stats.get("govcrawl/run/health_alert") or [])

    @property
    def storage_error(self) -> str | None:
        """Why records could not be stored (state unreadable, disk full …)."""
        return self.stats.get("govcrawl/run/storage_error")

    @property
    def empty_list_pages(self) -> list[str]:
        """List pages read that gave no article link, when none of them gave one."""
        if self.stats.get("govcrawl/list/article_links") or self.stats.get("govcrawl/state/retried"):
            return []
        if self.stats.get("govcrawl/list/article_pages") or self.exported:
            return []  # the start pages were articles, or the home page's blocks linked them
        return list(self.stats.get("govcrawl/list/empty_pages") or self.stats.get("govcrawl/discovery/home") or [])

    @property
    def refused_lists(self) -> list[tuple[str, str]]:
        """List pages answered with a block, login, soft-404 or maintenance page: (url, reason)."""
        return [(url, reason) for url, reason in self.stats.get(REFUSED_LISTS) or []]

    @property
    def blocked_lists(self) -> list[str]:
        """The refused list pages that were a block, challenge or login page: "url (reason)"."""
        return [f"{url} ({reason})" for url, reason in self.refused_lists if reason in BLOCK_REASONS]

    @property
    def blocked(self) -> int:
        """Pages answered with a block or challenge page: any list page, however much else was
        exported (the articles behind it were not), or article pages when nothing was exported."""
        reasons = self.rejected_by_reason()
        count = sum(reasons.get(r, 0) for r in BLOCK_REASONS)
        if self.blocked_lists:
            return max(count, len(self.blocked_lists))
        return count if count and not self.exported and count * 2 >= self.rejected else 0

    def exit_code(self) -> ExitCode:
        """This site's exit code (see govcrawl.exit_codes)."""
        if self.storage_error:
            return ExitCode.STORAGE
        if self.locked:
            return ExitCode.LOCKED
        if self.failed:
            return ExitCode.FAILED
        if self.blocked:
            return ExitCode.BLOCKED
        if self.empty_list_pages:
            return ExitCode.NO_ARTICLES
        return ExitCode.HEALTH if self.health_flags else ExitCode.OK

    def rejected_by_reason(self) -> dict[str, int]:
        prefix = "govcrawl/rejected/"
        return {k[len(prefix):]: v for k, v in self.stats.items() if k.startswith(prefix)}


#: finish reason of a site whose crawl never started: the run was stopped while it waited its turn
NOT_STARTED = "not_started"


class SiteQueue:
    """Starts the sites' crawls at most ``cap`` at a time, each as soon as another ends, so that
    a slow, blocked or dead site holds one place and never the others; once a crawl ends
    because the run was stopped (Ctrl-C), no further site starts."""

    def __init__(self, process: AsyncCrawlerProcess, crawlers: list[Crawler], cap: int):
        self.process, self.pending, self.cap = process, deque(crawlers), max(1, cap)
        self.running, self.stopped = 0, False
        self.started: set[Crawler] = set()

    def start(self) -> None:
        """Start crawls until ``cap`` run (called once before the process starts, then as each ends)."""
        while self.pending and self.running < self.cap and not self.stopped:
            crawler = self.pending.popleft()
            self.running += 1
            self.started.add(crawler)
            self.process.crawl(crawler).add_done_callback(partial(self._ended, crawler))

    def _ended(self, crawler: Crawler, task: asyncio.Task[None]) -> None:
        self.running -= 1
        self.stopped |= crawler.stats.get_value("finish_reason") == "shutdown"
        self.start()


def crawl_sites(
    entries: list[SiteEntry],
    settings: Settings,
    *,
    out_dir: Path | None = None,
) -> list[CrawlSummary]:
    """Crawl the sites on one process (the reactor cannot restart) and summarise each."""
    if out_dir is not None:
        settings.set("GOVCRAWL_EXPORT_DIR", str(out_dir), priority="cmdline")
    distributed.enable(settings)
    if problem := _redis_problem(settings):
        # a line per site (print_summary), rather than a traceback or a wait of GOVCRAWL_REDIS_WAIT
        return [CrawlSummary(e.key, None, {"govcrawl/run/storage_error": problem, "finish_reason": "storage_error"})
                for e in entries]
    process = AsyncCrawlerProcess(settings)
    echo_to_stderr(settings)
    quiet_network_tracebacks()
    crawlers = [process.create_crawler(SiteSpider.for_entry(entry)) for entry in entries]
    queue = SiteQueue(process, crawlers, settings.getint("GOVCRAWL_SITES_AT_ONCE"))
    queue.start()
    process.start()
    summaries = []
    for entry, crawler in zip(entries, crawlers, strict=True):
        # a crawler has stats only once it started
        stats = dict(crawler.stats.get_stats()) if crawler in queue.started else {"finish_reason": NOT_STARTED}
        export = stats.get("govcrawl/run/export") or _feed_path(settings, entry.key)
        summaries.append(CrawlSummary(entry.key, Path(export) if export else None, stats))
    return summaries


def _redis_problem(settings: Settings) -> str | None:
    """Why the Redis the run needs (a distributed frontier, or the state) cannot be used now."""
    url = distributed.redis_url(settings) if distributed.is_distributed(settings) else state_url(settings)
    return unreachable(url) if is_redis_url(url) else None


def print_summary(summary: CrawlSummary) -> None:
    """What a site's crawl did, in a few lines (problems on stderr)."""
    if summary.not_started:
        print(f"{summary.site}: not crawled: the run was stopped before this site's turn", file=sys.stderr)
        return
    if summary.locked:
        print(f"{summary.site}: not crawled: {summary.locked}", file=sys.stderr)
        return
    if summary.stats.get("govcrawl/run/handed_over"):
        print(f"{summary.site}: worker {summary.stats.get('govcrawl/distributed/worker')} stopped early"
              f" ({summary.stats.get('finish_reason')}): the other workers took its requests over, it published"
              " nothing", file=sys.stderr)
        return
    _print_problems(summary)
    reasons = ", ".join(f"{k} {v}" for k, v in sorted(summary.rejected_by_reason().items()))
    done = f"{summary.exported} articles exported" if summary.published else "nothing published"
    stopped = " INTERRUPTED (stopped by Ctrl-C or a signal: the next run goes on from here)," if (
        summary.stats.get("finish_reason") == "shutdown") else ""
    print(f"{summary.site}:{stopped} {summary.pages} pages fetched, {done}, "
          f"{summary.rejected} rejected{f' ({reasons})' if reasons else ''}")
    if summary.export and summary.published:
        print(f"  export: {summary.export}")
    if rejects := summary.stats.get("govcrawl/rejects_file"):
        print(f"  rejects: {rejects}")
    if report := summary.stats.get("govcrawl/run/report"):
        print(f"  report: {report}")
    if worker := summary.stats.get("govcrawl/distributed/worker"):
        print(f"  worker {worker} of distributed run {summary.stats.get('govcrawl/distributed/run')}")
    if report := summary.stats.get("govcrawl/run/whole_report"):
        print(f"  run report (all workers): {report}")
    for flag in summary.health_flags:
        print(f"  HEALTH: {flag}", file=sys.stderr)


def _print_problems(summary: CrawlSummary) -> None:
    """The lines that say what went wrong with a site, and what to do about it."""
    site = summary.site
    if summary.storage_error:
        print(f"{site}: NOT STORED: {summary.storage_error} (the crawl state was not committed;"
              " the next run fetches these articles again)", file=sys.stderr)
    if summary.blocked:
        lists = summary.blocked_lists
        where = f", among them {len(lists)} list page(s): {', '.join(lists[:3])}" if lists else ""
        rest = f"; {summary.exported} articles of the other pages were exported" if summary.exported else ""
        print(f"{site}: BLOCKED: {summary.blocked} pages were block or challenge pages{where}{rest}"
              " (a firewall refuses us: slow down with download_delay, or ask the site)", file=sys.stderr)
    if empty := summary.empty_list_pages:
        print(f"{site}: NO ARTICLES: {len(empty)} page(s) read, no article link found: {', '.join(empty[:3])}"
              f" — see how govcrawl reads them: govcrawl check {site} (set article_pattern in the entry"
              " if its article URLs have an unusual shape)", file=sys.stderr)
    for warning in (summary.stats.get(IDENTITY) or {}).get("warnings", []):
        print(f"{site}: IDENTITY: {warning['problem']} (is the entry's home the unit's own portal? the catalogue's"
              " note may say more: govcrawl catalogue HOST)", file=sys.stderr)
    if left_out := summary.stats.get("govcrawl/discovery/left_out"):
        names = ", ".join(f"{c['name']} {c['url']}" for c in left_out[:3])
        print(f"{site}: DISCOVERY BUDGET reached: {len(left_out)} column link(s) left out, such as {names}"
              " (raise -s GOVCRAWL_DISCOVERY_MAX_PAGES=…, or name the columns in the entry)", file=sys.stderr)
    if summary.failed:
        reason = summary.stats.get("finish_reason")
        why = "no list page could be read" if reason == "finished" else f"closed: {reason}"
        if refused := summary.refused_lists:
            why += ": " + ", ".join(f"{url} was a {reason.replace('_', ' ')} page" for url, reason in refused[:3])
        print(f"{site}: FAILED ({why})", file=sys.stderr)


def _feed_path(settings: Settings, site: str) -> str | None:
    """The export file of a site when FEEDS names one local file."""
    for uri in settings.getdict("FEEDS"):
        if "://" not in str(uri):
            return str(uri).replace("%(name)s", site)
    return None


def check_live(targets: list[tuple[SiteEntry, list[str]]], settings: Settings) -> list[PageCheck]:
    """Probe start pages live, one crawler per entry, exporting nothing (``govcrawl check``)."""
    from govcrawl.spiders.check import CheckSpider

    for name in ("EXTENSIONS", "ITEM_PIPELINES", "SPIDER_MIDDLEWARES"):
        settings.set(name, {}, priority="cmdline")
    settings.set("GOVCRAWL_EXPORT_DIR", "", priority="cmdline")
    settings.set("GOVCRAWL_STATE_PATH", None, priority="cmdline")
    process = AsyncCrawlerProcess(settings)
    echo_to_stderr(settings)
    quiet_network_tracebacks()
    crawlers = []
    for entry, pages in targets:
        crawler = process.create_crawler(CheckSpider)
        crawlers.append(crawler)
        process.crawl(crawler, entry=entry, start_pages=pages)
    process.start()
    return [finish(check) for crawler in crawlers for check in crawler.spider.checks]


def print_total(summaries: list[CrawlSummary]) -> None:
    """One closing line for a run of several sites: how many ended how, and what they gave."""
    if len(summaries) < 2:
        return
    codes = Counter(s.exit_code().name.lower() for s in summaries)
    ended = ", ".join(f"{count} {code}" for code, count in sorted(codes.items(), key=lambda kv: (-kv[1], kv[0])))
    print(f"total: {len(summaries)} sites ({ended}), {sum(s.pages for s in summaries)} pages fetched, "
          f"{sum(s.exported for s in summaries)} articles exported, {sum(s.rejected for s in summaries)} rejected")
