"""`govcrawl add`: a home-only site entry for a unit of the catalogue, in the user's sites folder.

An entry is never written twice: a unit whose host an entry already crawls, or whose key an entry
already has, is refused with that entry named. The one exception is a bundled entry that is off
(天门, 仙桃, 潜江 ship turned off): adding its unit turns it on, with the two-line entry the README
describes, and keeps its columns.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from govcrawl.catalogue import Unit
from govcrawl.extract.listing.shapes import on_domains
from govcrawl.sites import BUNDLED_DIR, SiteEntry, SiteEntryError, load_entry, validate_entry

AddOutcome = Literal["added", "turned on"]


class NotAdded(Exception):
    """A unit that cannot be added, and why (the message names what is in the way)."""


@dataclass(slots=True, frozen=True)
class Added:
    """What `add` did for one unit: the entry it wrote, and where."""

    unit: Unit
    outcome: AddOutcome
    entry: SiteEntry
    path: Path


@dataclass(slots=True)
class KnownEntries:
    """The entries of every sites folder, and the files each comes from; kept current as `add` writes."""

    entries: dict[str, SiteEntry]
    sources: dict[str, list[Traversable]]

    def on_host(self, unit: Unit) -> SiteEntry | None:
        """The entry that already crawls the unit's home host, if one does."""
        for entry in self.entries.values():
            if on_domains(unit.home, entry.domains) or (entry.home and urlsplit(entry.home).hostname == unit.host):
                return entry
        return None

    def describe(self, entry: SiteEntry) -> str:
        """An entry as a message names it: key, name, hosts, files."""
        files = ", ".join(str(f) for f in self.sources.get(entry.key, [])) or "no file"
        state = "" if entry.enabled else ", turned off"
        return f"{entry.key} ({entry.name}, {', '.join(entry.domains)}{state}; {files})"

    def bundled_and_off(self, entry: SiteEntry) -> bool:
        """A bundled entry that no file of the user's turns on or changes."""
        files = self.sources.get(entry.key, [])
        return not entry.enabled and bool(files) and all(_in_bundled(f) for f in files)


def add_unit(unit: Unit, known: KnownEntries, sites_dir: Path) -> Added:
    """Write the unit's entry into ``sites_dir`` (or turn on the bundled entry on its host)."""
    if not unit.home:
        raise NotAdded(f"{unit.place} has no home page in the catalogue ({unit.note})")
    existing = known.on_host(unit)
    if existing is not None and known.bundled_and_off(existing):
        return _write(unit, "turned on", {"key": existing.key, "enabled": True}, known, sites_dir)
    if existing is not None:
        raise NotAdded(f"{unit.place} ({unit.host}) is already an entry: {known.describe(existing)}")
    if unit.key in known.entries:
        raise NotAdded(f"{unit.place}: its key {unit.key!r} is taken by the entry "
                       f"{known.describe(known.entries[unit.key])}")
    data = {"key": unit.key, "name": unit.name, "domains": list(unit.domains), "home": unit.home}
    return _write(unit, "added", data, known, sites_dir)


def _write(unit: Unit, outcome: AddOutcome, data: dict, known: KnownEntries, sites_dir: Path) -> Added:
    """Validate the entry, write it to a new file (never over one) and read it back as govcrawl will."""
    path = sites_dir / f"{data['key']}.toml"
    if outcome == "added":
        validate_entry(data, path)
    sites_dir.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as file:
            file.write(entry_text(unit, data, outcome))
    except FileExistsError:
        raise NotAdded(f"{unit.place}: {path} exists already (an entry file govcrawl could not read?)") from None
    try:  # read back as `govcrawl sites` will: a whole entry, or the bundled one with enabled = true
        bundled = known.entries.get(data["key"]) if outcome == "turned on" else None
        entry = load_entry(path) if bundled is None else validate_entry(
            {**bundled.model_dump(exclude_unset=True), **data}, path)
    except SiteEntryError:
        path.unlink()
        raise
    known.entries[entry.key] = entry
    known.sources.setdefault(entry.key, []).append(path)
    return Added(unit, outcome, entry, path)


def entry_text(unit: Unit, data: dict, outcome: AddOutcome) -> str:
    """The entry file: a comment saying where it comes from, then its keys."""
    lines = [f"# {unit.place}: written by `govcrawl add` from govcrawl's catalogue ({unit.source})"]
    if outcome == "turned on":
        lines.append("# The bundled entry of the same key holds its columns; this file turns it on.")
    lines += [f"# note: {unit.note}"] if unit.note else []
    lines += [f"{key} = {_toml(value)}" for key, value in data.items()]
    return "\n".join(lines) + "\n"


def _toml(value: object) -> str:
    """A string, list of strings or boolean as TOML writes it (a JSON string is a TOML basic string)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def _in_bundled(path: Traversable) -> bool:
    return str(path).startswith(str(BUNDLED_DIR).rstrip("/") + "/")
