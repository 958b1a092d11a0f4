"""Site entries: TOML files that describe a site to crawl. Adding a site is adding a file.

Entries come from, later ones overriding earlier ones with the same key: the bundled folder
(package data, read through importlib.resources so that it also works from a zipped egg on a
Scrapyd host), ``data/sites/`` under GOVCRAWL_HOME (default: the working directory), the folders in the environment
variable ``GOVCRAWL_SITE_DIRS`` (``os.pathsep``-separated), then any folders a caller passes
(the spider loader passes the ``GOVCRAWL_SITE_DIRS`` setting).
"""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from functools import cached_property
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic_core import ErrorDetails

from govcrawl import paths, site_rules
from govcrawl.extract.selectors import FieldSelectors, compile_query

#: bundled entries: a real folder in a checkout, a folder inside the zip in a Scrapyd egg
BUNDLED_DIR: Traversable = resources.files("govcrawl") / "sites"
#: environment variable naming more entry folders. Scrapyd checks a job's spider name with
#: `scrapy list` before the job's own settings apply, so a Scrapyd host names its folders here.
SITE_DIRS_ENV = "GOVCRAWL_SITE_DIRS"


class SiteEntryError(ValueError):
    """A site entry file is missing, unreadable or invalid."""


class Column(BaseModel):
    """A list page (栏目) to start from, with the name records carry in ``column``."""

    model_config = ConfigDict(extra="forbid")
    name: str
    url: str


class Selectors(BaseModel):
    """Per-site overrides (CSS or XPath, XPath when it starts with / or ( ) for extraction."""

    model_config = ConfigDict(extra="forbid")
    title: str | None = None
    body: str | None = None
    published: str | None = None
    source: str | None = None

    @field_validator("title", "body", "published", "source")
    @classmethod
    def _compiles(cls, query: str | None) -> str | None:
        if query is not None:
            compile_query(query)  # a ValueError here names the query and what is wrong
        return query

    def for_extraction(self) -> FieldSelectors | None:
        """The overrides as extraction takes them; None when the entry sets none."""
        queries = self.model_dump()
        return FieldSelectors(**queries) if any(queries.values()) else None


class SiteEntry(BaseModel):
    """One site: key, name, domains and a home page (or start URLs) are enough; the rest is detected."""

    model_config = ConfigDict(extra="forbid")
    key: str
    name: str
    domains: list[str] = Field(min_length=1)
    start_urls: list[str] = Field(default_factory=list)
    columns: list[Column] = Field(default_factory=list)
    #: the site's home page: with no start_urls or columns, its columns are found from it
    home: str | None = None
    enabled: bool = True
    #: regex an article URL must match (search); default: detected from URL shape
    article_pattern: str | None = None
    #: regex of further list pages to follow from a list page (besides pagination)
    list_pattern: str | None = None
    #: pagination depth per column (None: all pages)
    max_pages: int | None = Field(default=None, ge=1)
    selectors: Selectors = Field(default_factory=Selectors)
    download_delay: float | None = Field(default=None, ge=0)
    #: force a charset when the site lies about it
    encoding: str | None = None

    @field_validator("key")
    @classmethod
    def _slug(cls, key: str) -> str:
        return site_rules.check_key(key)

    @field_validator("domains")
    @classmethod
    def _hosts(cls, domains: list[str]) -> list[str]:
        return [site_rules.check_domain(d) for d in domains]

    @model_validator(mode="after")
    def _addresses_on_domains(self) -> Self:
        # Checked here, before any request: a home on another host (or a file:// one) was fetched
        # anyway, and the crawl then failed far from the cause.
        pages = [("home", self.home)] if self.home is not None else []
        pages += [(f"start_urls[{i}]", url) for i, url in enumerate(self.start_urls)]
        pages += [(f"columns[{i}].url", c.url) for i, c in enumerate(self.columns)]
        for where, url in pages:
            try:
                site_rules.check_url(url, self.domains)
            except ValueError as exc:
                raise ValueError(f"`{where}`: {exc}") from None
        return self

    @field_validator("article_pattern", "list_pattern")
    @classmethod
    def _compiles(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                re.compile(value)
            except re.error as exc:
                raise ValueError(f"not a valid regex: {exc}") from exc
        return value

    @cached_property
    def start_columns(self) -> list[Column]:
        """Every start page as a column: named columns first, then bare start URLs."""
        named = list(self.columns)
        seen = {c.url for c in named}
        named += [Column(name="", url=u) for u in self.start_urls if u not in seen]
        return named


def _read_toml(path: Traversable) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SiteEntryError(f"{path}: {exc}") from exc


def validate_entry(data: dict, source: object) -> SiteEntry:
    """An entry from its keys; SiteEntryError names ``source`` (its file), each key at fault and its fix."""
    try:
        return SiteEntry.model_validate(data)
    except ValidationError as exc:
        # an unknown key first: it is usually the typo behind a "missing" one (domain for domains)
        errors = sorted(exc.errors(include_url=False), key=lambda e: e["type"] != "extra_forbidden")
        problems = "; ".join(_problem(error) for error in errors)
        raise SiteEntryError(f"{source}: {problems}") from None


#: the keys a table of an entry may hold, by where the table is (list indexes left out)
_TABLES: dict[tuple[str, ...], type[BaseModel]] = {
    (): SiteEntry, ("columns",): Column, ("selectors",): Selectors}
#: what to write for a required key that is missing
_MISSING = {"key": 'key = "tianmen" (a short slug)', "name": 'name = "天门市人民政府"',
            "domains": 'domains = ["www.tianmen.gov.cn"] (the hosts the crawl stays on)',
            "url": 'url = "https://www.tianmen.gov.cn/xwzx/tmxw/"'}


def _problem(error: ErrorDetails) -> str:
    """One of pydantic's errors in a plain phrase: the key at fault and what to write instead."""
    where = _where(error["loc"])
    name = str(error["loc"][-1]) if error["loc"] else ""
    if error["type"] == "extra_forbidden":
        table = _TABLES.get(tuple(p for p in error["loc"][:-1] if isinstance(p, str)), SiteEntry)
        close = difflib.get_close_matches(name, list(table.model_fields), n=1)
        hint = f"did you mean `{close[0]}`?" if close else f"known keys: {', '.join(table.model_fields)}"
        return f"unknown key `{where}`: {hint}"
    if error["type"] == "missing":
        return f"`{where}` is missing: add {_MISSING.get(name, f'{name} = …')}"
    if error["type"] == "value_error":  # our own validators: the message already names the fix
        reason = str(error["ctx"]["error"])
        return f"`{where}`: {reason}" if where else reason
    return f"`{where}`: {error['msg']}"


def _where(loc: tuple[int | str, ...]) -> str:
    """A key's place as the file spells it: columns[2].url."""
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".")


def load_entry(path: Traversable) -> SiteEntry:
    """Read and validate one site entry file (a Path, or a file inside the package)."""
    entry = validate_entry(_read_toml(path), path)
    if not entry.start_columns and not entry.home:
        raise SiteEntryError(f"{path}: needs home, start_urls or columns")
    return entry


def env_site_dirs() -> list[Path]:
    """The folders named by the GOVCRAWL_SITE_DIRS environment variable."""
    return [Path(d) for d in os.environ.get(SITE_DIRS_ENV, "").split(os.pathsep) if d]


def entry_dirs(extra_dirs: list[Path] | None = None) -> list[Traversable]:
    """Where entries are looked for, in order: bundled, $GOVCRAWL_HOME/data/sites/,
    $GOVCRAWL_SITE_DIRS, extra."""
    return [BUNDLED_DIR, paths.sites_dir(), *env_site_dirs(), *(extra_dirs or [])]


def entry_files(extra_dirs: list[Path] | None = None) -> list[Traversable]:
    """Entry files of every entry folder; later ones override earlier ones."""
    return [f for d in entry_dirs(extra_dirs) if d.is_dir() for f in _toml_files(d)]


def _toml_files(folder: Traversable) -> list[Traversable]:
    # iterdir, not glob: a folder inside a zipped egg is a Traversable without glob().
    files = [f for f in folder.iterdir() if f.is_file() and f.name.endswith(".toml")]
    return sorted(files, key=lambda f: f.name)


def load_entries(
    extra_dirs: list[Path] | None = None, errors: list[SiteEntryError] | None = None
) -> dict[str, SiteEntry]:
    """All known site entries by key. A file that only sets a few keys of an entry found
    earlier (``key = "tianmen"`` and ``enabled = true``) changes those keys. With ``errors``,
    an unreadable file is noted there and skipped instead of raised."""
    entries: dict[str, SiteEntry] = {}
    for path in entry_files(extra_dirs):
        try:
            entry = _load_or_override(path, entries)
        except SiteEntryError as exc:
            if errors is None:
                raise
            errors.append(exc)
            continue
        entries[entry.key] = entry
    return entries


def _load_or_override(path: Traversable, entries: dict[str, SiteEntry]) -> SiteEntry:
    """An entry file, or an override of an entry already known (no name or domains of its own)."""
    data = _read_toml(path)
    earlier = entries.get(data.get("key", ""))
    if earlier is None or {"name", "domains"} & data.keys():
        return load_entry(path)
    return validate_entry({**earlier.model_dump(exclude_unset=True), **data}, path)


def entry_sources(extra_dirs: list[Path] | None = None) -> dict[str, list[Traversable]]:
    """The files that define or override each key, in the order they apply (unreadable ones left out:
    `load_entries` names those)."""
    sources: dict[str, list[Traversable]] = {}
    for path in entry_files(extra_dirs):
        try:
            key = _read_toml(path).get("key")
        except SiteEntryError:
            continue
        if isinstance(key, str):
            sources.setdefault(key, []).append(path)
    return sources


def resolve_site(site: str, extra_dirs: list[Path] | None = None) -> SiteEntry:
    """A site given as a key or as the path of an entry file."""
    if site.endswith(".toml") or "/" in site:
        path = Path(site)
        if not path.is_file():
            raise SiteEntryError(f"no such site entry file: {site}")
        return load_entry(path)
    errors: list[SiteEntryError] = []
    entries = load_entries(extra_dirs, errors)
    if site not in entries:
        known = ", ".join(sorted(entries)) or "none"
        unreadable = "".join(f"\n  unreadable entry file: {e}" for e in errors)
        raise SiteEntryError(f"unknown site {site!r} (known: {known}; folders searched: "
                             f"{', '.join(map(str, entry_dirs(extra_dirs)))}){unreadable}")
    return entries[site]
