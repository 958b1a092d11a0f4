"""Incremental-run state: what earlier runs saw, behind an interface other stores can implement."""

from govcrawl.state.base import ArticleState, CrawlState, RunRecord
from govcrawl.state.redis import RedisState
from govcrawl.state.sqlite import SQLiteState

__all__ = ["ArticleState", "CrawlState", "RedisState", "RunRecord", "SQLiteState"]
