"""The catalogue of Chinese government portals: one row per government unit (province, prefecture,
county) with its home page, read from ``govcrawl/catalogue/data/gov-sites.csv`` (package data:
installs and Scrapyd eggs carry it).

The file is data brought in from a public list (its README says which, at which commit, and what
was corrected); ``scripts/build_catalogue.py`` writes it, through :func:`write_catalogue`.
"""

from __future__ import annotations

import csv
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Literal, get_args
from urllib.parse import urlsplit

Level = Literal["province", "prefecture", "county"]
LEVELS: tuple[Level, ...] = get_args(Level)
#: the catalogue as a checkout has it (beside the sample site, as the demo finds that)
CATALOGUE_FILE = Path(__file__).resolve().parent / "data" / "gov-sites.csv"


class CatalogueError(ValueError):
    """The catalogue file is missing or a row of it is malformed."""


@dataclass(slots=True, frozen=True, kw_only=True)
class Unit:
    """One government unit and its portal, as a row of the catalogue."""

    key: str
    """The site key `govcrawl add` writes: an ASCII slug from the home's host, unique in the catalogue
    ('' when the unit has no home)."""
    name: str
    """The unit's name as the source spells it: 天门市, 恩施土家族苗族自治州, 朝阳区."""
    level: Level
    """province, prefecture or county (a municipality's districts and the county-level units a
    province governs directly are counties: the README says why)."""
    province: str
    """The province-level unit it is or belongs to: 湖北省, 北京市."""
    prefecture: str
    """The prefecture-level unit it is or belongs to; '' for a province and for a county directly
    under its province (a municipality's districts, 仙桃市)."""
    home: str
    """The portal's home page; '' when none is known (the note says why)."""
    domains: tuple[str, ...]
    """Hosts a crawl of the portal stays on: the home's host."""
    site_code: str
    """The portal's 网站标识码 (meta SiteIDCode), when known; '' otherwise."""
    note: str
    """Known problems and corrections, '; '-separated: what is wrong, what was done, the evidence."""
    source: str
    """Where the row came from: repository@commit:path."""

    @property
    def host(self) -> str:
        """The home's host, lower-case ('' without a home)."""
        return (urlsplit(self.home).hostname or "") if self.home else ""

    @property
    def place(self) -> str:
        """The unit with what it belongs to: 湖北省 黄石市 大冶市, 北京市 朝阳区, 湖北省."""
        return " ".join(dict.fromkeys(p for p in (self.province, self.prefecture, self.name) if p))

    def as_dict(self) -> dict[str, str | list[str]]:
        """The row as JSON takes it (domains as a list)."""
        row = asdict(self)
        row["domains"] = list(self.domains)
        return row


COLUMNS = tuple(f.name for f in fields(Unit))


def read_catalogue(path: Path = CATALOGUE_FILE) -> list[Unit]:
    """Every row of the catalogue file, in its order (province by province, as the source has them)."""
    try:
        with path.open(encoding="utf-8", newline="") as file:
            return [_unit(row, path, n) for n, row in enumerate(csv.DictReader(file), start=2)]
    except FileNotFoundError:
        raise CatalogueError(f"the catalogue file {path} is missing (it comes with a checkout of govcrawl; "
                             "scripts/build_catalogue.py writes it)") from None


def _unit(row: dict[str, str], path: Path, line: int) -> Unit:
    if tuple(row) != COLUMNS or row["level"] not in LEVELS:
        raise CatalogueError(f"{path}:{line}: not a catalogue row (columns {', '.join(COLUMNS)}; "
                             f"level one of {', '.join(LEVELS)})")
    return Unit(**{**row, "domains": tuple(row["domains"].split())})


def write_catalogue(units: list[Unit], path: Path) -> None:
    """Write the catalogue file: UTF-8 CSV with a header row, domains space-separated."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for unit in units:
            writer.writerow({**asdict(unit), "domains": " ".join(unit.domains)})
