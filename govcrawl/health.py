"""Site health across runs: flag a site whose figures collapse (usually a redesign)."""

from __future__ import annotations

from statistics import median
from typing import Any

#: a figure below this share of its median over earlier runs is a collapse
COLLAPSE_RATIO = 0.5
#: coverage or rejection shares move by more than this (absolute) to count
SHARE_DROP = 0.3
#: below these a run says too little to judge
MIN_LIST_PAGES = 1
MIN_RECORDS = 5


def assess_health(report: dict[str, Any], history: list[dict[str, Any]]) -> dict[str, Any]:
    """Compare a run's figures with the site's earlier runs; status ok, alert or no_history."""
    usable = [h for h in history if h.get("list_pages")]
    flags = [*_links_per_page(report, usable), *_coverage(report, usable), *_rejections(report, usable)]
    if not flags and report.get("list_pages") and not report.get("article_links"):
        # a loud zero, first run included: it must never become the baseline
        flags.append("the list pages gave no article link")
    if not usable and not flags:
        return {"status": "no_history", "flags": []}
    return {"status": "alert" if flags else "ok", "flags": flags, "compared_runs": len(usable)}


def links_per_page(report: dict[str, Any]) -> float | None:
    """Article links found per list page, or None when no list page was read."""
    pages = report.get("list_pages", 0)
    return report.get("article_links", 0) / pages if pages >= MIN_LIST_PAGES else None


def rejection_rate(report: dict[str, Any]) -> float | None:
    """Rejected pages as a share of pages that became a record or a rejection."""
    rejected = sum(report.get("rejected", {}).values())
    total = rejected + report.get("exported", 0)
    return rejected / total if total >= MIN_RECORDS else None


def _links_per_page(report: dict[str, Any], history: list[dict[str, Any]]) -> list[str]:
    now = links_per_page(report)
    before = [v for h in history if (v := links_per_page(h)) is not None]
    if now is None or not before or now >= COLLAPSE_RATIO * median(before):
        return []
    return [f"article links per list page fell to {now:.1f} (median {median(before):.1f})"]


def _coverage(report: dict[str, Any], history: list[dict[str, Any]]) -> list[str]:
    if report.get("exported", 0) < MIN_RECORDS:
        return []
    flags = []
    for field, share in report.get("coverage", {}).items():
        before = [h["coverage"][field] for h in history
                  if h.get("exported", 0) >= MIN_RECORDS and field in h.get("coverage", {})]
        if before and share < median(before) - SHARE_DROP:
            flags.append(f"{field} coverage fell to {share:.0%} (median {median(before):.0%})")
    return flags


def _rejections(report: dict[str, Any], history: list[dict[str, Any]]) -> list[str]:
    now = rejection_rate(report)
    before = [v for h in history if (v := rejection_rate(h)) is not None]
    if now is None or not before or now <= median(before) + SHARE_DROP:
        return []
    return [f"rejection rate rose to {now:.0%} (median {median(before):.0%})"]
