"""Every article link a run finds ends in exactly one recorded outcome.

The outcomes are ``reasons.Outcome``: exported (``exported_new``, ``exported_changed``),
``unchanged``, ``not_modified``, ``skipped_known``, ``retry_later`` (a pending page whose back-off
has not run out), ``skipped_failed`` (a page that failed for good, or was given up),
``followed_as_list``, ``rejected:<reason>`` and ``ignored:<reason>`` (a rule said no: robots.txt,
off-site). The run report's outcome table adds up to the links found; anything left over is
counted as ``unaccounted`` so that it shows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from govcrawl.extract.urls import canonical_url
from govcrawl.reasons import IGNORED_REASONS, TRANSIENT_REASONS, Outcome, is_transient
from govcrawl.state.base import Rejected

__all__ = ["IGNORED_REASONS", "TRANSIENT_REASONS", "Outcomes", "UrlSet", "is_transient"]


class UrlSet(set[str]):
    """A set of URLs in their canonical form, whatever form they are added or asked in: the
    spider notes the links a list shows, the requests carry them canonical."""

    def add(self, url: str) -> None:
        super().add(canonical_url(url))

    def update(self, *urls: Iterable[str]) -> None:
        for batch in urls:
            super().update(canonical_url(url) for url in batch)

    def __contains__(self, url: object) -> bool:
        return super().__contains__(canonical_url(url) if isinstance(url, str) else url)


@dataclass(slots=True)
class Outcomes:
    """The ledger of one run: links found, and what became of each."""

    found: UrlSet = field(default_factory=UrlSet)
    #: links requested straight from the state (retries, rechecks): their list link adds nothing
    requested: UrlSet = field(default_factory=UrlSet)
    settled: dict[str, str] = field(default_factory=dict)
    rejected: list[Rejected] = field(default_factory=list)

    def settle(self, url: str, outcome: Outcome | str) -> None:
        """Record what became of a link; the first outcome of a URL stands."""
        self.settled.setdefault(canonical_url(url), str(outcome))

    def reject(self, url: str, reason: str, column_name: str | None = None, needs_date: str | None = None) -> None:
        """Record a rejection (or a rule's refusal) of a page; article links are remembered."""
        kind = Outcome.IGNORED if reason in IGNORED_REASONS else Outcome.REJECTED
        url = canonical_url(url)
        if url in self.found and url not in self.settled:
            # an article link: the state keeps it, to retry it or to know it failed for good
            # (a failed list page is the column's business: it is paged fully next time)
            self.rejected.append(Rejected(url, str(reason), column_name, is_transient(reason), needs_date))
        self.settle(url, f"{kind}:{reason}")

    def table(self) -> dict[str, Any]:
        """Counts per outcome over the links found; rejections and refusals by reason."""
        counts: Counter[str] = Counter(self.settled[url] for url in self.found if url in self.settled)
        table: dict[str, Any] = {"links_found": len(self.found)}
        for outcome, count in sorted(counts.items()):
            kind, _, reason = outcome.partition(":")
            if reason:
                table.setdefault(kind, {})[reason] = count
            else:
                table[outcome] = count
        table["unaccounted"] = len(self.found) - sum(counts.values())
        return table
