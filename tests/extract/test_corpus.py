"""Regression floors on the labelled corpus (skipped on a bare clone without /work/shared)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from govcrawl.extract import (
    choose_published,
    extract_article,
    parse_credits,
    repair_text,
    strip_chrome_lines,
)

CORPUS = Path(__file__).parents[2].parent / "shared" / "corpus"
SCORER = CORPUS.parent / "eval" / "score.py"
#: floors just under what the extractor reaches; raise them with the extractor, never lower silently
FLOORS = {"title": 0.97, "date": 0.97, "source": 0.95, "body_f1": 0.97}

pytestmark = pytest.mark.skipif(not (CORPUS / "labels.jsonl").exists() or not SCORER.exists(), reason="no corpus")


def _predict(label: dict) -> dict:
    """The record the CLI makes of one saved page (no URL: the page alone)."""
    draft = extract_article((CORPUS / "pages" / label["file"]).read_bytes())
    published = choose_published(draft.date_candidates)
    credits = parse_credits(draft.source_text, draft.credit_lines)
    return {
        "file": label["file"],
        "title": repair_text(draft.title or ""),
        "published_at": published.value.isoformat() if published else None,
        "source": credits.source,
        "body": "\n".join(strip_chrome_lines([repair_text(line) for line in draft.body_lines])),
    }


@pytest.fixture(scope="module")
def scored() -> tuple[dict, list[dict]]:
    spec = importlib.util.spec_from_file_location("score", SCORER)
    assert spec is not None and spec.loader is not None
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    labels = [json.loads(line) for line in (CORPUS / "labels.jsonl").read_text(encoding="utf-8").splitlines() if line]
    predictions = {label["file"]: _predict(label) for label in labels}
    return scorer.score(labels, predictions)


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_floor(scored: tuple[dict, list[dict]], field: str) -> None:
    summary, rows = scored
    misses = [r["file"] for r in rows if r.get(field) is False or (field == "body_f1" and r[field] < 0.95)]
    assert summary[field] >= FLOORS[field], misses


def test_no_chrome_leaks(scored: tuple[dict, list[dict]]) -> None:
    summary, rows = scored
    assert summary["pages_with_chrome_leak"] == 0, [(r["file"], r["leaks"]) for r in rows if r["leaks"]]
