"""The published runs of an export tree, and the manifest of those a dataset has consumed.

A run publishes ``<site>/<YYYY-MM-DD>/<run-id>.jsonl`` (renamed from ``.jsonl.part`` when it
closes) and ``<run-id>.report.json``; ``rejects/`` sits one level lower. Only those two names
at exactly that depth are read, so half-written files, rejects and stray feeds never are.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

_DATE_DIR = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SITE_DIR = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
MANIFEST_VERSION = 1


@dataclass(slots=True)
class RunFiles:
    """One run as the tree holds it: its records (absent for a run that exported nothing) and report."""

    key: str  # <site>/<date>/<run-id>: unique in the tree, and the manifest's key
    site: str
    run_id: str
    records: Path | None
    report: Path | None


@dataclass(slots=True)
class ConsumedRun:
    """What the manifest remembers of a run: enough for the card without reading it again."""

    site: str
    run_id: str
    records: int = 0  # rows read from its .jsonl (0: none, or an empty file)
    size: int = 0  # bytes of the .jsonl when it was read; a published file never changes
    chunk: str | None = None  # its rows in the store, relative to the build folder
    run_kind: str | None = None
    rejected: dict[str, int] = field(default_factory=dict)
    has_report: bool = False
    sha256: str | None = None  # of the bytes read (None: read by a build that kept no hash)
    bad_lines: list[dict[str, Any]] = field(default_factory=list)  # line, reason, detail
    bad_count: int = 0  # bad lines in all (bad_lines keeps the first hundred)


class ManifestUnreadable(ValueError):
    """The manifest cannot be read: not JSON, another version, or not a manifest's fields."""


def find_runs(exports: Path, sites: list[str] | None = None) -> list[RunFiles]:
    """Every published run under ``exports``, sorted by key; ``sites`` limits the site folders."""
    runs: dict[str, RunFiles] = {}
    for site_dir in _subdirs(exports, _SITE_DIR):
        if sites and site_dir.name not in sites:
            continue
        for date_dir in _subdirs(site_dir, _DATE_DIR):
            for path in date_dir.iterdir():
                run_id, kind = _run_file(path.name)
                if kind is None or not path.is_file():
                    continue
                key = f"{site_dir.name}/{date_dir.name}/{run_id}"
                run = runs.setdefault(key, RunFiles(key, site_dir.name, run_id, None, None))
                setattr(run, kind, path)
    return [runs[key] for key in sorted(runs)]


def _subdirs(parent: Path, pattern: re.Pattern[str]) -> list[Path]:
    if not parent.is_dir():
        return []
    return sorted(p for p in parent.iterdir() if pattern.match(p.name) and p.is_dir())


def _run_file(name: str) -> tuple[str, str | None]:
    """(run id, "records" or "report") for a published run file's name, else (name, None)."""
    if name.endswith(".report.json"):
        return name.removesuffix(".report.json"), "report"
    if name.endswith(".jsonl"):
        return name.removesuffix(".jsonl"), "records"
    return name, None


def read_report(path: Path) -> tuple[str | None, dict[str, int]]:
    """(run kind, rejections by reason) from a run report; runs from before run_kind give None."""
    report = json.loads(path.read_text(encoding="utf-8"))
    rejected = {str(k): int(v) for k, v in (report.get("rejected") or {}).items()}
    return report.get("run_kind"), rejected


def load_manifest(path: Path) -> dict[str, Any]:
    """The manifest of a build folder (an empty one when there is none)."""
    if not path.exists():
        return {"version": MANIFEST_VERSION, "options": None, "runs": {}}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        version = data.get("version")
        if version == MANIFEST_VERSION:
            data["runs"] = {key: ConsumedRun(**run) for key, run in data["runs"].items()}
    except (ValueError, TypeError, AttributeError, KeyError) as exc:  # any shape but a manifest's
        raise ManifestUnreadable(f"{path}: not a readable manifest ({exc})") from None
    if version != MANIFEST_VERSION:
        raise ManifestUnreadable(f"{path}: manifest version {version}, expected {MANIFEST_VERSION}")
    return data


def save_manifest(path: Path, options: dict[str, Any], runs: dict[str, ConsumedRun]) -> None:
    """Write the manifest whole or not at all (it says which files the store holds)."""
    data = {"version": MANIFEST_VERSION, "options": options,
            "runs": {key: asdict(runs[key]) for key in sorted(runs)}}
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, path)
