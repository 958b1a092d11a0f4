"""Turn an export tree of run files into one dataset: Parquet, JSON Lines or CSV, with a card.

No Scrapy here: the dataset is built from published files alone (``govcrawl dataset``).
"""

from __future__ import annotations

from typing import Any

__all__ = ["BuildOptions", "BuildResult", "build_dataset"]


def __getattr__(name: str) -> Any:
    """The builder on first use: worker processes import ``ingest`` alone, without DuckDB and
    matplotlib, which would add a second to each one's start."""
    if name in __all__:
        from govcrawl.dataset import build

        return getattr(build, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
