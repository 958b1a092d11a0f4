"""The catalogue of government portals (govcrawl/catalogue/data/gov-sites.csv): its rows hold what the README
promises, and the known wrong rows of its source are put right."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from govcrawl.catalogue import Unit, read_catalogue
from govcrawl.catalogue.search import UnknownProvince, filter_units, search
from govcrawl.exit_codes import ExitCode
from govcrawl.sites import BUNDLED_DIR, load_entry, validate_entry
from tests.conftest import run_cli

UNITS = read_catalogue()


def _unit(province: str, name: str) -> Unit:
    [unit] = [u for u in UNITS if (u.province, u.name) == (province, name)]
    return unit


def test_the_catalogue_has_every_unit_of_its_source() -> None:
    assert len(UNITS) == 3215
    assert sum(1 for u in UNITS if u.home) == 3210
    assert Counter(u.level for u in UNITS) == {"province": 34, "prefecture": 334, "county": 2847}


def test_keys_and_hosts_are_unique_and_every_home_makes_a_valid_entry() -> None:
    homes = [u for u in UNITS if u.home]
    assert len({u.key for u in homes}) == len(homes)
    assert len({u.host for u in homes}) == len(homes)
    for unit in homes:
        validate_entry({"key": unit.key, "name": unit.name, "domains": list(unit.domains), "home": unit.home},
                       unit.name)


def test_a_unit_without_a_home_says_why() -> None:
    without = [u for u in UNITS if not u.home]
    assert {u.name for u in without} == {"台湾省", "金门县", "西沙区", "南沙区", "贵池区"}
    assert all(u.note.startswith("no home: ") and not u.key for u in without)


def test_hubei_has_its_117_units_with_home_pages() -> None:
    hubei = [u for u in UNITS if u.province == "湖北省"]
    assert len(hubei) == 117 and all(u.home for u in hubei)
    levels = Counter((u.level, bool(u.prefecture)) for u in hubei)
    # the province, 12 cities and 恩施州, 4 units it governs directly, 99 counties and districts
    assert levels == {("province", False): 1, ("prefecture", True): 13, ("county", False): 4, ("county", True): 99}
    assert {u.name for u in hubei if u.level == "county" and not u.prefecture} == {"仙桃市", "潜江市", "天门市",
                                                                                   "神农架林区"}


@pytest.mark.parametrize(("province", "name", "host"), [
    ("湖北省", "大冶市", "www.hbdaye.gov.cn"),  # the source gives its parent's portal, huangshi.gov.cn
    ("吉林省", "珲春市", "www.hunchun.gov.cn"),  # the source gives its parent's portal, yanbian.gov.cn
    ("上海市", "普陀区", "www.shpt.gov.cn"),  # the source gives 舟山市普陀区's portal
    ("湖北省", "潜江市", "www.hbqj.gov.cn"),  # www.qianjiang.gov.cn is 重庆市黔江区
    ("重庆市", "黔江区", "www.qianjiang.gov.cn"),
])
def test_known_traps_are_put_right(province: str, name: str, host: str) -> None:
    unit = _unit(province, name)
    assert unit.host == host
    assert unit.note, "a corrected or confusable row says so"


def test_tianmen_is_at_its_own_portal() -> None:
    assert _unit("湖北省", "天门市").home == "https://www.tianmen.gov.cn/"


def test_the_bundled_entries_agree_with_the_catalogue() -> None:
    bundled = [load_entry(f) for f in BUNDLED_DIR.iterdir() if f.name.endswith(".toml")]
    assert {e.key for e in bundled} >= {"tianmen", "xiantao", "qianjiang"}
    by_host = {u.host: u for u in UNITS if u.home}
    for entry in bundled:
        unit = by_host[entry.domains[0]]
        assert (unit.key, unit.province) == (entry.key, "湖北省")
        assert entry.name.startswith(unit.name)


@pytest.mark.parametrize(("query", "names"), [
    ("天门", ["天门市"]),  # without its 市
    ("天门市", ["天门市"]),
    ("大冶县", ["大冶市"]),  # the wrong kind: the name without it
    ("恩施州", ["恩施土家族苗族自治州"]),  # the short form of an autonomous prefecture
    ("长阳县", ["长阳土家族自治县"]),
    ("tianmen", ["天门市"]),  # key, pinyin
    ("tms", ["图们市", "天门市", "图木舒克市"]),  # initials
    ("changyang", ["长阳土家族自治县"]),  # 长 read chang, not only its usual zhang
    ("hbqj", ["潜江市"]),  # a host's label
    ("https://www.tianmen.gov.cn/", ["天门市"]),  # a home page
    ("www.qianjiang.gov.cn", ["黔江区"]),
    ("朝阳区", ["朝阳区", "朝阳区"]),
])
def test_search_by_name_pinyin_initials_and_host(query: str, names: list[str]) -> None:
    assert [u.name for u in search(UNITS, query)] == names


def test_a_province_is_named_as_people_write_it() -> None:
    hubei = filter_units(UNITS, "湖北省")
    assert len(hubei) == 117
    assert filter_units(UNITS, "湖北") == hubei == filter_units(UNITS, "hubei")
    assert len(filter_units(UNITS, "广西")) == len(filter_units(UNITS, "广西壮族自治区")) > 100
    assert len(filter_units(UNITS, "湖北", "county")) == 103
    assert {u.province for u in filter_units(UNITS, "shanxi")} == {"山西省"}  # 陕西 is shaanxi
    assert {u.province for u in filter_units(UNITS, "shaanxi")} == {"陕西省"}
    with pytest.raises(UnknownProvince, match=r"no province '火星' in the catalogue .*湖北省"):
        filter_units(UNITS, "火星")


def test_catalogue_json_lists_every_unit(tmp_path: Path) -> None:
    proc = run_cli("catalogue", "--json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(rows) >= 3000
    assert set(rows[0]) == {"key", "name", "level", "province", "prefecture", "home", "domains", "site_code",
                            "note", "source"}


def test_catalogue_of_hubei_gives_its_117_units_with_home_pages(tmp_path: Path) -> None:
    proc = run_cli("catalogue", "--province", "湖北", "--json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    hubei = {row["name"]: row for row in map(json.loads, proc.stdout.splitlines())}
    assert len(hubei) == 117 and all(row["home"] for row in hubei.values())
    assert "huangshi.gov.cn" not in hubei["大冶市"]["home"]
    assert "qianjiang.gov.cn" not in hubei["潜江市"]["home"]
    assert hubei["天门市"]["home"] == "https://www.tianmen.gov.cn/" and hubei["天门市"]["key"] == "tianmen"


def test_an_ambiguous_name_lists_every_match_with_its_province(tmp_path: Path) -> None:
    proc = run_cli("catalogue", "朝阳区", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert [line.split()[1:3] for line in lines[:2]] == [["北京市", "朝阳区"], ["吉林省", "长春市"]]
    assert lines[-1] == "2 units, 2 with a home page"


def test_no_match_exits_2_with_the_nearest_names(tmp_path: Path) -> None:
    proc = run_cli("catalogue", "天们", cwd=tmp_path)
    assert proc.returncode == ExitCode.USAGE
    assert proc.stdout == ""
    assert "no unit of the catalogue matches '天们'" in proc.stderr and "天门市 (湖北省)" in proc.stderr


def test_a_reader_that_stops_early_ends_the_listing_quietly(tmp_path: Path) -> None:
    """`govcrawl catalogue | head -2`: the pipe closes under the listing, which ends without a traceback."""
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    env = {**os.environ, "PYTHONPATH": str(ROOT), "GOVCRAWL_HOME": str(tmp_path)}
    proc = subprocess.Popen([sys.executable, "-m", "govcrawl.cli", "catalogue", "--json"], cwd=tmp_path, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout.readline().startswith(b"{")
    proc.stdout.close()  # as head does once it has its lines
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0 and b"Traceback" not in err, err.decode()[-2000:]
