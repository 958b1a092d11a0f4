"""Turn an export tree of run files into one dataset: Parquet, JSON Lines or CSV, with a card.

No Scrapy here: the dataset is built from published files alone (``govcrawl dataset``).
"""

from __future__ import annotations

from govcrawl.dataset.build import BuildOptions, BuildResult, build_dataset

__all__ = ["BuildOptions", "BuildResult", "build_dataset"]
