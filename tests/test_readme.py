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


README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_set_up_says_where_the_labelled_corpus_goes() -> None:
    set_up = README.split("## The `govcrawl` command")[0]
    assert "../shared" in set_up and "GOVCRAWL_SHARED_DIR" in set_up and "GOVCRAWL_REQUIRE_SHARED" in set_up


def test_the_run_report_section_tells_article_links_from_links_found() -> None:
    section = README.split("## Scheduled, incremental runs")[1].split("\n## ")[0]
    told = section[section.index("`article_links`"):][:1200]
    assert "`links_found`" in told and "canonical" in told and "twice" in told
