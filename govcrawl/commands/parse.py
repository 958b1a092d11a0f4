"""``scrapy parse URL``: a look at one page, which leaves no export, rejects file, report or state."""

from __future__ import annotations

import argparse

from scrapy.commands.parse import Command as ScrapyParse


class Command(ScrapyParse):
    """Scrapy's parse command, with the run component told that this is a look, not a run."""

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        self.settings.set("GOVCRAWL_PARSE_ONLY", True, priority="cmdline")
