"""Is the home page the unit its entry names? What the page says of itself (网站标识码, site name,
ICP number) against the entry and its catalogue row: the one decision the crawl's report and
`govcrawl check` both take. No Scrapy here: pages in, warnings out.

A mismatch is a warning, never a failure: 武汉经开区's portal is 汉南区's too, and a page may name
its site oddly. But `www.qianjiang.gov.cn` saying 黔江区 where the entry says 潜江市 is the trap
this is for.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from functools import cache
from typing import Literal
from urllib.parse import urlsplit

from govcrawl.catalogue import CatalogueError, Unit, read_catalogue
from govcrawl.catalogue.names import aliases
from govcrawl.extract.document import ParsedPage
from govcrawl.extract.identity import PageIdentity, read_identity
from govcrawl.sites import SiteEntry

IdentityField = Literal["catalogue", "site_name", "site_code", "icp"]
#: a place name in a site name or title: 重庆市黔江区人民政府 holds 重庆市 and 黔江区
PLACE = re.compile(r"[\u4e00-\u9fff]{2,}?(?:自治州|自治县|自治旗|特别行政区|自治区|林区|地区|新区|[省市县区州旗盟])")
#: what an entry's name adds to its unit's: 天门市人民政府 is 天门市
ENTRY_NAME_TAIL = re.compile(r"(?:人民政府|政府)?(?:门户网站|门户网|网站|网)?$")
#: the first two digits of a 网站标识码 are its province's division code
PROVINCE_CODES = {
    "11": "北京市", "12": "天津市", "13": "河北省", "14": "山西省", "15": "内蒙古自治区", "21": "辽宁省",
    "22": "吉林省", "23": "黑龙江省", "31": "上海市", "32": "江苏省", "33": "浙江省", "34": "安徽省",
    "35": "福建省", "36": "江西省", "37": "山东省", "41": "河南省", "42": "湖北省", "43": "湖南省",
    "44": "广东省", "45": "广西壮族自治区", "46": "海南省", "50": "重庆市", "51": "四川省", "52": "贵州省",
    "53": "云南省", "54": "西藏自治区", "61": "陕西省", "62": "甘肃省", "63": "青海省", "64": "宁夏回族自治区",
    "65": "新疆维吾尔自治区",
}
#: the one-character province names ICP numbers begin with
ICP_PROVINCES = {
    "京": "北京市", "津": "天津市", "冀": "河北省", "晋": "山西省", "蒙": "内蒙古自治区", "辽": "辽宁省",
    "吉": "吉林省", "黑": "黑龙江省", "沪": "上海市", "苏": "江苏省", "浙": "浙江省", "皖": "安徽省",
    "闽": "福建省", "赣": "江西省", "鲁": "山东省", "豫": "河南省", "鄂": "湖北省", "湘": "湖南省",
    "粤": "广东省", "桂": "广西壮族自治区", "琼": "海南省", "渝": "重庆市", "蜀": "四川省", "川": "四川省",
    "黔": "贵州省", "贵": "贵州省", "滇": "云南省", "云": "云南省", "藏": "西藏自治区", "陕": "陕西省",
    "秦": "陕西省", "陇": "甘肃省", "甘": "甘肃省", "青": "青海省", "宁": "宁夏回族自治区", "新": "新疆维吾尔自治区",
}


@dataclass(slots=True, frozen=True)
class IdentityWarning:
    """A fact of the page that does not fit the entry."""

    field: IdentityField
    problem: str


@dataclass(slots=True)
class IdentityCheck:
    """What a home page says of itself, the catalogue row of its entry, and what does not fit."""

    seen: PageIdentity
    unit: Unit | None = None
    warnings: list[IdentityWarning] = field(default_factory=list)

    def as_dict(self) -> dict:
        """As the run report and `check --json` give it."""
        return {**self.seen.as_dict(), "catalogue": self.unit.place if self.unit else None,
                "warnings": [asdict(w) for w in self.warnings]}


def check_identity(page: ParsedPage, entry: SiteEntry) -> IdentityCheck:
    """Read a home page's identity and compare it with the entry and its catalogue row (found by host)."""
    seen, unit = read_identity(page), catalogue_unit(entry)
    return IdentityCheck(seen, unit, compare_identity(seen, entry.name, unit))


def compare_identity(seen: PageIdentity, entry_name: str, unit: Unit | None) -> list[IdentityWarning]:
    """What contradicts the entry: a catalogue row of its host for another unit, a page that names
    another place, a 网站标识码 or ICP number of another province than its unit's."""
    if unit is not None and not any(alias in entry_name for alias in aliases(unit.name)):
        wrong = IdentityWarning("catalogue", f"the catalogue has this host for {unit.place}, where the entry says "
                                             f"{entry_name}")
        return [wrong, *_name_warnings(seen, entry_name, None)]
    found = _name_warnings(seen, entry_name, unit)
    if unit is None:
        return found
    code = seen.site_code or ""
    if unit.site_code and code and code != unit.site_code:
        found.append(IdentityWarning("site_code", f"this home page's 网站标识码 is {code} where the catalogue "
                                                  f"has {unit.site_code} for {unit.place}"))
    elif (province := PROVINCE_CODES.get(code[:2])) and code.isdigit() and province != unit.province:
        found.append(IdentityWarning("site_code", f"this home page's 网站标识码 {code} is one of {province}, "
                                                  f"where the entry's unit is in {unit.province}"))
    if seen.icp and (province := ICP_PROVINCES.get(seen.icp[0])) and province != unit.province:
        found.append(IdentityWarning("icp", f"this home page's ICP number {seen.icp} was filed in {province}, "
                                            f"where the entry's unit is in {unit.province}"))
    return found


def _name_warnings(seen: PageIdentity, entry_name: str, unit: Unit | None) -> list[IdentityWarning]:
    """The site name (else the title) names a place, and not the entry's (nor its unit's)."""
    said = seen.site_name or seen.title or ""
    places = PLACE.findall(said)
    own = ENTRY_NAME_TAIL.sub("", entry_name) or entry_name
    expected = unit.name if unit else own
    if not places or any(name in said for name in aliases(own) | aliases(expected)):
        return []
    where = "its SiteName" if seen.site_name else "its title"
    return [IdentityWarning("site_name", f"this home page says {places[-1]} where the entry says {expected} "
                                         f"({where}: {said})")]


def catalogue_unit(entry: SiteEntry) -> Unit | None:
    """The catalogue's row for an entry: the one at its home's host, else at one of its domains."""
    by_host = _units_by_host()
    hosts = [urlsplit(entry.home).hostname] if entry.home else []
    return next((by_host[h] for h in [*hosts, *entry.domains] if h in by_host), None)


@cache
def _units_by_host() -> dict[str, Unit]:
    """The catalogue's rows by host; none when the catalogue is not there (an installed egg)."""
    try:
        return {unit.host: unit for unit in read_catalogue() if unit.host}
    except CatalogueError:
        return {}
