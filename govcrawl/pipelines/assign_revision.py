"""Tell new, changed and unchanged articles apart using the state of earlier runs."""

from __future__ import annotations

from scrapy.exceptions import DropItem

from govcrawl.exceptions import HeldRevision, UnchangedArticle
from govcrawl.items import Article
from govcrawl.pipelines.base import CrawlerPipeline
from govcrawl.reasons import Outcome
from govcrawl.record_quality import FIELDS, RecordQuality
from govcrawl.run_context import RunContext, state_failed
from govcrawl.state.base import ArticleState, CrawlState
from govcrawl.state.factory import STATE_ERRORS

#: the record fields whose loss makes a revision worse, and the body
QUALITY_FIELDS = (*FIELDS.values(), "body")


class AssignRevisionPipeline(CrawlerPipeline):
    """Fills first_seen, revision and previous_hash from the crawl state; drops unchanged articles.

    Without a state (a full crawl) every article stays what it was built as: revision 1. The state
    itself is written by the run export once the record is in the export file.
    """

    #: whether the site's health alarm was on when this run started (None: not read yet)
    alarm: bool | None = None

    def process_item(self, item: Article) -> Article:
        state = self._state()
        if state is None:
            return item
        try:
            return self._revise(state, item)
        except STATE_ERRORS as exc:  # the run ends, unpublished: the next run fetches it again
            state_failed(self.crawler, exc)
            raise DropItem(f"not stored: {exc}") from None

    def _revise(self, state: CrawlState, item: Article) -> Article:
        known = item.known
        if known is None and item.listed_url and item.listed_url != item.url:
            # the list linked elsewhere: the page it redirected to may be known under its own URL
            known = state.articles([item.url]).get(item.url)
        if known is None:
            return item
        if known.content_hash == item.content_hash:
            state.touch(RunContext.for_crawler(self.crawler).run_id, item.url, item.crawled_at, item.etag,
                        item.last_modified)
            self.crawler.stats.inc_value("govcrawl/state/unchanged")
            RunContext.for_crawler(self.crawler).outcomes.settle(item.listed_url or item.url, Outcome.UNCHANGED)
            raise UnchangedArticle(item.url)
        self._hold_if_worse(item, known)
        item.first_seen, item.revision = known.first_seen, known.revision + 1
        item.previous_hash = known.content_hash
        # a recheck or a retry is no list's link: the revision keeps the column it was listed under
        item.column = item.column or known.column
        return item

    def _hold_if_worse(self, item: Article, known: ArticleState) -> None:
        """While the site's health alarm is on, a revision that lost a field the known one had
        (its 来源, its date, most of its body) is the redesign's doing, not the site's
        correction: hold it. Not touched in the state, it is rechecked again in later runs."""
        was = RecordQuality.decode(known.quality)
        if was is None or not self._alarm_on():
            return
        lost = RecordQuality.of({name: getattr(item, name) for name in QUALITY_FIELDS}).lost(was)
        if lost:
            self.crawler.stats.inc_value("govcrawl/state/held")
            RunContext.for_crawler(self.crawler).outcomes.settle(item.listed_url or item.url, Outcome.HELD)
            raise HeldRevision(item.url, lost)

    def _alarm_on(self) -> bool:
        """Whether the site's last run ended with a health alert (read once a run)."""
        if self.alarm is None:
            ctx = RunContext.for_crawler(self.crawler)
            last = ctx.state.recent_reports(ctx.site, 1) if ctx.state is not None else []
            self.alarm = bool(last) and last[0].get("health", {}).get("status") == "alert"
        return self.alarm

    def _state(self) -> CrawlState | None:
        if self.crawler.spider is None or not self.crawler.settings.get("GOVCRAWL_STATE_PATH"):
            return None
        return RunContext.for_crawler(self.crawler).state
