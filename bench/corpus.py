"""The labelled corpus beside the repository: its pages, the shared metric, and a digest.

Shared by ``bench/extraction.py``, the accuracy gate (``tests/extract/test_corpus.py``) and
``scripts/pin_floors.py``, so all three score the same pages the same way.
"""

from __future__ import annotations

import hashlib
import importlib.util
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
SCORE_PY = ROOT.parent / "shared" / "eval" / "score.py"
#: the pinned floors of the accuracy gate
FLOORS_FILE = ROOT / "tests" / "extract" / "corpus_floors.json"
#: a fixed fetch time, so that a relative date scores the same on every run
FETCHED_AT = datetime(2026, 11, 26, 2, 0, tzinfo=UTC)


class Page(NamedTuple):
    """One labelled page, preloaded: file name, raw bytes, page URL."""

    file: str
    body: bytes
    url: str


def import_by_path(path: Path, name: str) -> ModuleType:
    """A shared script imported from where it lies (the metrics are never copied)."""
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_score() -> ModuleType:
    """The shared article metric, score.py."""
    return import_by_path(SCORE_PY, "govcrawl_bench_score")


def load_pages(corpus: Path, scorer: ModuleType, labels: list[dict[str, Any]]) -> list[Page]:
    """Every labelled page's bytes, with its URL from provenance.jsonl (else a file:// URI)."""
    provenance = corpus / "provenance.jsonl"
    rows = scorer.load(provenance) if provenance.exists() else []
    urls = {row["file"]: row.get("page_url") for row in rows}
    pages = []
    for label in labels:
        path = corpus / "pages" / label["file"]
        url = urls.get(label["file"]) or path.resolve().as_uri()
        # One provenance URL was saved without its scheme, which govcrawl rejects.
        pages.append(Page(label["file"], path.read_bytes(), url if "://" in url else f"http://{url}"))
    return pages


def corpus_digest(corpus: Path) -> str:
    """SHA-256 over the labels and every labelled page: which corpus a figure was measured on."""
    digest = hashlib.sha256((corpus / "labels.jsonl").read_bytes())
    for path in sorted((corpus / "pages").iterdir()):
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()


def score_shipped(corpus: Path = DEFAULT_CORPUS) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """score.py's summary and rows for the records govcrawl ships (``govcrawl extract``'s path)."""
    from govcrawl.offline import SavedPageSite, extract_saved_page

    scorer = load_score()
    labels = scorer.load(corpus / "labels.jsonl")
    site = SavedPageSite()
    predictions = {page.file: {"file": page.file, **extract_saved_page(page.body, page.url, site, FETCHED_AT)}
                   for page in load_pages(corpus, scorer, labels)}
    return scorer.score(labels, predictions)
