"""A home page's identity (网站标识码, site name, ICP number) read from saved pages and compared with
the entry and its catalogue row: the pure decision the run report and `govcrawl check` share."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from govcrawl.catalogue import read_catalogue
from govcrawl.catalogue.identity import check_identity, compare_identity
from govcrawl.extract.document import parse_page
from govcrawl.extract.identity import PageIdentity, read_identity
from govcrawl.sites import validate_entry

FIXTURES = Path(__file__).parents[1] / "fixtures" / "identity"
UNITS = {(u.province, u.name): u for u in read_catalogue()}


def _page(name: str):
    return parse_page((FIXTURES / name).read_bytes(), None)


@pytest.mark.parametrize(("name", "expected"), [
    ("qianjiang-cq.html", PageIdentity(site_code="5001140001", site_name="重庆市黔江区人民政府",
                                       icp="渝ICP备10001234号-1", title="黔江区人民政府")),
    # no meta tags: the code from the footer (written by a script), the ICP number from its text
    ("tianmen.html", PageIdentity(site_code="4290060001", icp="鄂ICP备05001234号", title="天门市人民政府")),
    ("bare.html", PageIdentity(title="首页")),
])
def test_what_a_home_page_says_of_itself(name: str, expected: PageIdentity) -> None:
    assert read_identity(_page(name)) == expected


def test_qianjiang_chongqing_s_page_under_hubei_s_entry_is_flagged_on_every_count() -> None:
    warnings = compare_identity(read_identity(_page("qianjiang-cq.html")), "潜江市人民政府", UNITS["湖北省", "潜江市"])
    assert [(w.field, w.problem) for w in warnings] == [
        ("site_name", "this home page says 黔江区 where the entry says 潜江市 (its SiteName: 重庆市黔江区人民政府)"),
        ("site_code", "this home page's 网站标识码 5001140001 is one of 重庆市, where the entry's unit is in 湖北省"),
        ("icp", "this home page's ICP number 渝ICP备10001234号-1 was filed in 重庆市, where the entry's unit is in 湖北省"),
    ]


def test_the_right_page_gives_no_warning() -> None:
    assert compare_identity(read_identity(_page("qianjiang-cq.html")), "黔江区", UNITS["重庆市", "黔江区"]) == []
    assert compare_identity(read_identity(_page("tianmen.html")), "天门市人民政府", UNITS["湖北省", "天门市"]) == []


def test_a_page_that_names_no_place_gives_no_warning() -> None:
    assert compare_identity(read_identity(_page("bare.html")), "潜江市人民政府", UNITS["湖北省", "潜江市"]) == []


def test_without_a_catalogue_row_only_the_name_is_compared() -> None:
    seen = read_identity(_page("qianjiang-cq.html"))
    assert [w.field for w in compare_identity(seen, "潜江市人民政府", None)] == ["site_name"]
    assert compare_identity(seen, "重庆市黔江区人民政府", None) == []


def test_a_catalogue_site_code_must_match_exactly() -> None:
    unit = UNITS["重庆市", "黔江区"]
    unit = type(unit)(**{**unit.as_dict(), "domains": unit.domains, "site_code": "5001140002"})
    [warning] = compare_identity(read_identity(_page("qianjiang-cq.html")), "黔江区", unit)
    assert warning.problem == "this home page's 网站标识码 is 5001140001 where the catalogue has 5001140002 for 重庆市 黔江区"


def test_an_entry_finds_its_catalogue_row_by_host() -> None:
    entry = validate_entry({"key": "qianjiang", "name": "潜江市人民政府", "domains": ["www.qianjiang.gov.cn"],
                            "home": "https://www.qianjiang.gov.cn/"}, "test")
    check = check_identity(_page("qianjiang-cq.html"), entry)
    assert check.unit is not None and check.unit.place == "重庆市 黔江区"
    # the trap: an entry for 潜江市 on 黔江区's host; the catalogue and the page both say so
    assert [(w.field, w.problem) for w in check.warnings] == [
        ("catalogue", "the catalogue has this host for 重庆市 黔江区, where the entry says 潜江市人民政府"),
        ("site_name", "this home page says 黔江区 where the entry says 潜江市 (its SiteName: 重庆市黔江区人民政府)"),
    ]
    assert check.as_dict()["catalogue"] == "重庆市 黔江区"


def test_the_identity_modules_import_no_scrapy() -> None:
    code = ("import sys, govcrawl.catalogue.identity, govcrawl.extract.identity; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('scrapy', 'twisted')))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "[]"
