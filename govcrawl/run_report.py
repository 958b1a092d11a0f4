"""A run's report: what it read, exported and rejected, per column, and how healthy it looks."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from govcrawl.health import assess_health
from govcrawl.run_context import RunContext

COVERED_FIELDS = ("title", "published_at", "source", "body")
STATE_COUNTS = ("new", "changed", "unchanged", "held", "not_modified", "skipped_known")


def run_report(ctx: RunContext, stats: dict[str, Any], reason: str, *, exported: int,
               covered: dict[str, int], max_attempts: int) -> dict[str, Any]:
    """The report of the run ``ctx``, from the crawl's stats and what the export counted."""
    finished = datetime.now(UTC)
    report = {
        "run_id": ctx.run_id, "site": ctx.site, "finish_reason": reason,
        # a crawl (no state) exports every article it finds: a full snapshot; a run only
        # what is new or changed since the state's last run: an increment
        "run_kind": "run" if ctx.state is not None else "crawl",
        "started": ctx.started.isoformat(timespec="seconds"),
        "finished": finished.isoformat(timespec="seconds"),
        "duration_s": round((finished - ctx.started).total_seconds(), 3),
        "pages_fetched": pages_fetched(stats),
        "requests": int(stats.get("downloader/request_count", 0)),
        "list_pages": int(stats.get("govcrawl/list/pages", 0)),
        "article_links": int(stats.get("govcrawl/list/article_links", 0)),
        "article_pages": int(stats.get("govcrawl/article/pages", 0)),
        "exported": exported, **{k: int(stats.get(f"govcrawl/state/{k}", 0)) for k in STATE_COUNTS},
        "rejected": {k.removeprefix("govcrawl/rejected/"): v for k, v in stats.items()
                     if k.startswith("govcrawl/rejected/")},
        "errors": int(stats.get("log_count/ERROR", 0)),
        "outcomes": ctx.outcomes.table(),
        "columns_discovered": ctx.columns_discovered,
        # GOVCRAWL_DISCOVERY_MAX_PAGES stopped the search for columns: pin them in the entry
        "discovery_capped": bool(stats.get("govcrawl/discovery/capped")),
        "discovery": _discovery(stats),
        # a home-only entry's home page: its 网站标识码, SiteName, ICP number, and what contradicts the entry
        "identity": stats.get("govcrawl/identity"),
        # per column: list pages read, links seen, what became of them, why paging ended
        "columns": _columns(ctx),
        "bounds_reached": ctx.coverage.bounds(),
        "given_up": _given_up(ctx, max_attempts),
        "coverage": {k: round(v / exported, 3) for k, v in covered.items()} if exported else {},
        "export": str(ctx.path(".jsonl")) if exported else None,
        # the WARC files of the run (--archive), by the names they take when the run is published
        "archives": list(stats.get("govcrawl/archive/files") or []),
    }
    report["health"] = assess_health(report, healthy_history(ctx))
    if ctx.group_run_id:  # a part: its health is judged on the whole run
        report.update(part_of=ctx.group_run_id, health={"status": "part", "flags": []})
    return report


def healthy_history(ctx: RunContext) -> list[dict[str, Any]]:
    """The reports of the site's last healthy runs (so that an alert lasts until it recovers)."""
    recent = ctx.state.recent_reports(ctx.site, 30) if ctx.state is not None else []
    return [h for h in recent if h.get("health", {}).get("status") != "alert"][:10]


def pages_fetched(stats: dict[str, Any]) -> int:
    """Answers that came over the wire: Scrapy counts the pages the search for columns kept and
    gave again (``discovery.pages_reused``) among its responses too."""
    return int(stats.get("downloader/response_count", 0)) - int(stats.get("govcrawl/discovery/pages_reused", 0))


def _discovery(stats: dict[str, Any]) -> dict[str, Any]:
    """What the search for columns of a home-only entry read, and what its budget left out."""
    counts = {key: int(stats.get(f"govcrawl/discovery/{key}", 0))
              for key in ("pages", "columns", "channels", "article_pages", "headline_articles", "related_articles",
                          "pages_reused", "failed")}
    return {**counts, "left_out": stats.get("govcrawl/discovery/left_out") or [],
            "templates_left_out": stats.get("govcrawl/discovery/templates_left_out") or []}


def _columns(ctx: RunContext) -> list[dict[str, Any]]:
    for url in ctx.columns_failed:
        ctx.coverage.stop(url, "failed")
    return ctx.coverage.table(ctx.outcomes.settled)


def _given_up(ctx: RunContext, max_attempts: int) -> list[str]:
    """Pages this run failed on for a transient reason for the last allowed time."""
    transient = [r.url for r in ctx.outcomes.rejected if r.transient]
    if ctx.state is None or not transient:
        return []
    known = ctx.state.failed_articles(transient)
    attempts = {url: known[url].attempts if url in known else 0 for url in transient}
    return sorted(url for url in transient if attempts[url] + 1 >= max_attempts)
