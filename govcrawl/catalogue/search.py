"""Finding units in the catalogue: by name (with or without its 市/县/区), by pinyin or initials, by
host or key; and the one unit a name means, for `govcrawl add`."""

from __future__ import annotations

import difflib
import re
from functools import cache
from urllib.parse import urlsplit

from pypinyin import Style, pinyin

from govcrawl.catalogue import Level, Unit
from govcrawl.catalogue.names import aliases

#: what a province's name ends with: 湖北省 → 湖北, 广西壮族自治区 → 广西
PROVINCE_KIND = re.compile(r"(?:壮族|回族|维吾尔)?自治区$|特别行政区$|[省市]$")
SUGGESTIONS = 6


class UnknownProvince(LookupError):
    """--province names no province of the catalogue."""


class NoSuchUnit(LookupError):
    """A name matches no unit: ``suggestions`` holds the nearest ones."""

    def __init__(self, query: str, suggestions: list[Unit]) -> None:
        super().__init__(query)
        self.query = query
        self.suggestions = suggestions


class AmbiguousName(LookupError):
    """A name matches several units (朝阳区): ``matches`` holds each."""

    def __init__(self, query: str, matches: list[Unit]) -> None:
        super().__init__(query)
        self.query = query
        self.matches = matches


#: provinces whose official spelling is not their plain pinyin (山西 is shanxi)
PROVINCE_SPELLINGS = {"陕西": "shaanxi"}


def province_aliases(province: str) -> set[str]:
    """湖北省 → 湖北省, 湖北, hubei (陕西省: shaanxi)."""
    short = PROVINCE_KIND.sub("", province)
    return {province, short, PROVINCE_SPELLINGS.get(short) or "".join(s[0] for s in pinyin(short, style=Style.NORMAL))}


def filter_units(units: list[Unit], province: str | None = None, level: Level | None = None) -> list[Unit]:
    """The units of a province (any of its names: 湖北省, 湖北, hubei) and of a level."""
    if province:
        wanted = province.strip().lower()
        known = {u.province for u in units}
        names = {p for p in known if wanted in province_aliases(p)}
        if not names:
            raise UnknownProvince(f"no province {province!r} in the catalogue (provinces: {', '.join(sorted(known))})")
        units = [u for u in units if u.province in names]
    return [u for u in units if level is None or u.level == level]


def search(units: list[Unit], query: str) -> list[Unit]:
    """Units whose name, pinyin, initials, key or host match ``query``: exact matches first."""
    query = query.strip()
    if _is_ascii(query):
        needle = _host_of(query)
        exact = [u for u in units if needle in (u.key, u.host, u.host.removeprefix("www."))]
        rest = [u for u in units if _pinyin_prefix(needle, u.name, every_reading=False)]
        rest += [u for u in units if _on_host(needle, u.host)]
        rest += [u for u in units if _pinyin_prefix(needle, u.name, every_reading=True)]
    else:
        exact = [u for u in units if query in aliases(u.name)]
        rest = [u for u in units if any(query in alias for alias in aliases(u.name))]
        if not exact and not rest:  # 大冶县 for 大冶市: the query's own kind dropped
            rest = [u for u in units if any(a in u.name for a in aliases(query) - {query})]
    return list(dict.fromkeys(exact + rest))


def resolve(units: list[Unit], query: str) -> Unit:
    """The one unit a name, key, host or home URL means: exactly, never a guess."""
    query = query.strip()
    needle = _host_of(query) if _is_ascii(query) else query
    matches = [u for u in units if needle in (u.key, u.host, u.host.removeprefix("www.")) or needle in aliases(u.name)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise AmbiguousName(query, matches)
    raise NoSuchUnit(query, suggest(units, query))


def suggest(units: list[Unit], query: str) -> list[Unit]:
    """The units nearest to a name that matches none: those containing it, then the closest spellings
    of names with or without their kind (天们 is near 天门) and of keys (tianmn is near tianmen)."""
    found = search(units, query)
    by_alias: dict[str, list[Unit]] = {}
    for unit in units:
        for alias in aliases(unit.name) | {unit.key} - {""}:
            by_alias.setdefault(alias, []).append(unit)
    for alias in difflib.get_close_matches(query.strip(), list(by_alias), n=SUGGESTIONS, cutoff=0.5):
        found += by_alias[alias]
    return list(dict.fromkeys(found))[:SUGGESTIONS]


def _is_ascii(text: str) -> bool:
    return text.isascii()


def _host_of(text: str) -> str:
    """A host from a query that may be a URL: https://www.tianmen.gov.cn/ → www.tianmen.gov.cn."""
    text = text.lower()
    return (urlsplit(text).hostname or text) if "://" in text else text.rstrip("/")


def _on_host(needle: str, host: str) -> bool:
    """Whether a host holds the query: a part of it with its dots (tianmen.gov), or the start of a label (hbq)."""
    return needle in host if "." in needle else any(label.startswith(needle) for label in host.split("."))


def _pinyin_prefix(query: str, name: str, every_reading: bool) -> bool:
    """Whether the name's pinyin starts with the query, in initials (tms) or syllables (tianmen); with
    ``every_reading``, in any reading of a character that has several (长阳: changyang or cy)."""
    readings = _readings(name) if every_reading else tuple(r[:1] for r in _readings(name))
    if len(query) <= len(readings) and all(query[i] in {s[0] for s in readings[i]} for i in range(len(query))):
        return True
    reached = {0}
    for options in readings:
        reached = {end + len(s) for end in reached for s in options if query.startswith(s, end)} | {
            len(query) for end in reached for s in options if end < len(query) and s.startswith(query[end:])}
        if len(query) in reached or not reached:
            return len(query) in reached
    return False


@cache
def _readings(name: str) -> tuple[tuple[str, ...], ...]:
    """Each character's readings without tones, the usual one first: 长 → (zhang, chang)."""
    return tuple(tuple(options) for options in pinyin(name, style=Style.NORMAL, heteronym=True))
