"""The README's examples work: its site entries are entries govcrawl accepts, its dataset queries run."""

from __future__ import annotations

import re
import subprocess
import tomllib
from pathlib import Path

import pytest

from govcrawl.dataset import BuildOptions, build_dataset
from govcrawl.sites import SiteEntry
from tests.conftest import ROOT
from tests.dataset.runtree import RunTree, record

TOML_BLOCK = re.compile(r"```toml\n(.*?)```", re.S)


def test_every_toml_example_parses_and_every_whole_entry_validates() -> None:
    blocks = TOML_BLOCK.findall((ROOT / "README.md").read_text(encoding="utf-8"))
    entries = [tomllib.loads(block) for block in blocks]
    whole = [SiteEntry.model_validate(e) for e in entries if {"key", "name", "domains"} <= e.keys()]
    assert any(e.home and not e.start_columns for e in whole)  # a home-only entry
    pinned = [e for e in whole if e.article_pattern]
    assert pinned and re.search(pinned[0].article_pattern, "https://www.jingshan.gov.cn/xwzx/content/post_4100825.html")


PYTHON_BLOCK = re.compile(r"```python\n(.*?)```", re.S)


def test_the_duckdb_example_runs_on_a_dataset_with_column_quoted(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    [block] = [b for b in PYTHON_BLOCK.findall((ROOT / "README.md").read_text(encoding="utf-8")) if "duckdb" in b]
    assert '"column"' in block  # a reserved word in DuckDB: unquoted, the query fails
    tree = RunTree(tmp_path / "exports")
    tree.run("alpha", "r1", [record("alpha", 1), record("alpha", 2, column="通知公告")])
    build_dataset(BuildOptions(exports=tree.root, out=tmp_path / "data" / "dataset"))
    monkeypatch.chdir(tmp_path)
    exec(block, {})  # the README's queries, as a reader pastes them


def test_dataset_outputs_are_ignored_by_git() -> None:
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    for path in ("data/dataset/articles/site=alpha/part-0.parquet", "data/dataset-csv/alpha.csv"):
        ignored = subprocess.run(["git", "-C", str(ROOT), "check-ignore", "-q", "--no-index", path], check=False)
        assert ignored.returncode == 0, path


README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_set_up_says_where_the_labelled_corpus_goes() -> None:
    set_up = README.split("## The `govcrawl` command")[0]
    assert "../shared" in set_up and "GOVCRAWL_SHARED_DIR" in set_up and "GOVCRAWL_REQUIRE_SHARED" in set_up


def test_the_run_report_section_tells_article_links_from_links_found() -> None:
    section = README.split("## Scheduled, incremental runs")[1].split("\n## ")[0]
    told = section[section.index("`article_links`"):][:1200]
    assert "`links_found`" in told and "canonical" in told and "twice" in told
