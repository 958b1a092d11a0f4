"""scripts/build_catalogue.py reads the source's tree with its own parser, levels units, and fixes or
marks the rows known to be wrong; run on the source, it gives the committed catalogue byte for byte."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

spec = importlib.util.spec_from_file_location("build_catalogue", ROOT / "scripts" / "build_catalogue.py")
build_catalogue = importlib.util.module_from_spec(spec)
sys.modules["build_catalogue"] = build_catalogue  # dataclasses look their module up there
spec.loader.exec_module(build_catalogue)

#: a clone (or bare git directory) of anyi-econ/china-public-debt, to rebuild the catalogue from
SOURCE_ENV = "GOVCRAWL_CATALOGUE_SOURCE"

TREE = """/** 注释 */
export interface GovWebsiteNode { name: string; url: string; children?: GovWebsiteNode[]; }

export const GOV_WEBSITES: GovWebsiteNode[] = [
  {
    name: "湖北省",  // a comment
    url: "https://www.hubei.gov.cn/",
    children: [
      { name: "黄石市", url: "https://www.huangshi.gov.cn/", children: [
        { name: '大冶市', url: "http://www.huangshi.gov.cn/" },
        { "name": "阳新县", url: "http://www.yx.gov.cn/", },
      ] },
      { name: "天门市", url: "https://www.tianmen.gov.cn/" },
    ],
  },
  { name: "台湾省", url: "" },
];
"""


def test_the_tree_is_read_with_comments_trailing_commas_and_both_quotes() -> None:
    tree = build_catalogue.parse_tree(TREE)
    assert [n["name"] for n in tree] == ["湖北省", "台湾省"]
    [huangshi, tianmen] = tree[0]["children"]
    assert [c["name"] for c in huangshi["children"]] == ["大冶市", "阳新县"]
    assert tianmen == {"name": "天门市", "url": "https://www.tianmen.gov.cn/", "children": []}


@pytest.mark.parametrize(("text", "message"), [
    ('export const GOV_WEBSITES = [{ name: "a", url: 1 }];', r"line 1: unexpected '1 }\];'"),
    ('export const GOV_WEBSITES = [{ name: "a" url: "" }];', "expected '}', found 'url'"),
    ('export const GOV_WEBSITES = [{ name: "a", url: "", rank: "x" }];', r"not a \{name, url, children\} node"),
    ("export const OTHER = [];", "no `GOV_WEBSITES … =`"),
])
def test_what_the_parser_cannot_take_stops_the_build_with_the_line(text: str, message: str) -> None:
    with pytest.raises(build_catalogue.BuildError, match=message):
        build_catalogue.parse_tree(text)


def test_levels_follow_the_tree_and_its_exceptions() -> None:
    rows = build_catalogue.rows_of(build_catalogue.parse_tree(TREE))
    levels = {row.name: build_catalogue.level_of(row) for row in rows}
    assert levels == {"湖北省": "province", "黄石市": "prefecture", "大冶市": "county", "阳新县": "county",
                      "天门市": "county", "台湾省": "province"}
    unknown = build_catalogue.Row("某市", "湖北省", "湖北省", 1, False, "", "")
    with pytest.raises(build_catalogue.BuildError, match=r"某市 .*add it to PREFECTURES_WITHOUT_COUNTIES"):
        build_catalogue.level_of(unknown)


def test_a_child_on_its_parent_s_host_loses_its_home_and_says_why() -> None:
    rows = build_catalogue.rows_of(build_catalogue.parse_tree(TREE))
    build_catalogue.mark_shared_hosts(rows)
    daye = next(r for r in rows if r.name == "大冶市")
    assert daye.home == ""
    assert daye.notes == ["no home: the source gives http://www.huangshi.gov.cn/, the portal of its parent 黄石市"]
    assert next(r for r in rows if r.name == "黄石市").home == "https://www.huangshi.gov.cn/"


def test_a_correction_whose_source_changed_stops_the_build() -> None:
    rows = build_catalogue.rows_of(build_catalogue.parse_tree(TREE.replace("http://www.huangshi", "http://www.hs")))
    with pytest.raises(build_catalogue.BuildError, match=re.escape("大冶市: the source now gives 'http://www.hs.gov.cn/'")):
        build_catalogue.apply_corrections(rows)


def test_keys_come_from_hosts_and_shared_ones_get_the_province() -> None:
    row = build_catalogue.Row
    rows = [row("潜江市", "湖北省", "湖北省", 1, False, "", "https://www.hbqj.gov.cn/"),
            row("黔江区", "重庆市", "重庆市", 1, False, "", "https://www.qianjiang.gov.cn/"),
            row("茅箭区", "湖北省", "十堰市", 2, False, "", "http://maojian.shiyan.gov.cn/"),
            row("朝阳区", "北京市", "北京市", 1, False, "", "http://www.chaoyang.gov.cn/"),
            row("朝阳区", "吉林省", "长春市", 2, False, "", "http://chaoyang.gov.cn/"),
            row("香港特别行政区", "香港特别行政区", "", 0, False, "", "https://www.gov.hk/")]
    build_catalogue.assign_keys(rows, {"www.hbqj.gov.cn": "qianjiang"})
    assert [r.key for r in rows] == ["qianjiang", "qianjiang-cq", "maojian-shiyan", "chaoyang-bj", "chaoyang-jl",
                                     "xianggang"]


def test_the_rebuilt_catalogue_is_the_committed_one(tmp_path: Path) -> None:
    source = os.environ.get(SOURCE_ENV)
    if not source:
        pytest.skip(f"set {SOURCE_ENV} to a clone of anyi-econ/china-public-debt to rebuild the catalogue")
    committed = ROOT / "govcrawl" / "catalogue" / "data"
    commit = committed.joinpath("README.md").read_text(encoding="utf-8").split("--commit ")[1].split()[0]
    out = tmp_path / "gov-sites.csv"
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_catalogue.py"), source, "--commit", commit,
                           "--out", str(out)], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes() == (committed / "gov-sites.csv").read_bytes()
    assert out.with_name("README.md").read_bytes() == (committed / "README.md").read_bytes()
