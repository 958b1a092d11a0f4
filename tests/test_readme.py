"""The README's site entries are entries: TOML reads them and govcrawl accepts them."""

from __future__ import annotations

import re
import tomllib

from govcrawl.sites import SiteEntry
from tests.conftest import ROOT

TOML_BLOCK = re.compile(r"```toml\n(.*?)```", re.S)


def test_every_toml_example_parses_and_every_whole_entry_validates() -> None:
    blocks = TOML_BLOCK.findall((ROOT / "README.md").read_text(encoding="utf-8"))
    entries = [tomllib.loads(block) for block in blocks]
    whole = [SiteEntry.model_validate(e) for e in entries if {"key", "name", "domains"} <= e.keys()]
    assert any(e.home and not e.start_columns for e in whole)  # a home-only entry
    pinned = [e for e in whole if e.article_pattern]
    assert pinned and re.search(pinned[0].article_pattern, "https://www.jingshan.gov.cn/xwzx/content/post_4100825.html")
