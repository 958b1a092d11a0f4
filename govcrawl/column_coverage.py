"""What a run read of each column, and what became of the articles it listed: the report's
``columns`` table, so that a user sees what a site has as well as what was exported.

A column's paging ends for one reason, which the table names: ``end`` (no further page),
``known`` (the nightly run's early stop: a page of known articles), ``repeated`` (a page with
nothing new: a pager that answers every number with the last page), ``empty`` (pages in a row
without an article link: a calendar or an archive without end), ``page_cap`` (the column's page
cap), ``site_budget`` (the run's list-page budget), ``failed`` (a list page could not be read).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from govcrawl.extract.urls import canonical_url

#: the reasons that bound a crawl rather than end a column: the report lists them apart
BOUNDS = ("page_cap", "site_budget", "empty", "repeated")


@dataclass(slots=True)
class ColumnCoverage:
    """One column: its name, the list pages read, the article links they showed, why paging ended."""

    name: str
    list_pages: int = 0
    links: set[str] = field(default_factory=set)
    stopped: set[str] = field(default_factory=set)


@dataclass(slots=True)
class Coverage:
    """Every column of a run, by the URL of its first page."""

    columns: dict[str, ColumnCoverage] = field(default_factory=dict)

    def page(self, column_url: str, name: str, links: list[str]) -> None:
        """A list page of the column was read, showing these article links."""
        column = self.columns.setdefault(column_url, ColumnCoverage(name))
        column.list_pages += 1
        column.links.update(canonical_url(u) for u in links)

    def stop(self, column_url: str, reason: str) -> None:
        """The column's paging stopped here, for this reason."""
        if column_url in self.columns:
            self.columns[column_url].stopped.add(reason)

    def bounds(self) -> dict[str, list[str]]:
        """The columns each bound stopped (caps, budgets, traps): what was left out, and why."""
        found: dict[str, list[str]] = {}
        for url, column in self.columns.items():
            for reason in sorted(column.stopped & set(BOUNDS)):
                found.setdefault(reason, []).append(url)
        return found

    def table(self, settled: dict[str, str]) -> list[dict[str, Any]]:
        """One row a column: pages read, links seen, and what became of them (outcome counts)."""
        rows = []
        for url, column in self.columns.items():
            outcomes = Counter(settled.get(link, "unsettled").partition(":")[0] for link in column.links)
            rows.append({"name": column.name, "url": url, "list_pages": column.list_pages,
                         "links": len(column.links), "outcomes": dict(sorted(outcomes.items())),
                         "stopped": sorted(column.stopped) or ["end"]})
        return rows
