"""The accuracy gate: the shipped record, scored on the labelled corpus, never drops below the
floors pinned in corpus_floors.json (raise them with scripts/pin_floors.py; lowering one needs
--allow-lower and a Floors-lowered line in the commit message). Skipped on a clone without
../shared."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import ROOT
from tests.shared import CORPUS, needs_shared

FLOORS = json.loads((Path(__file__).parent / "corpus_floors.json").read_text(encoding="utf-8"))
GATED = sorted(set(FLOORS["floors"]) - {"pages_with_chrome_leak"})

pytestmark = needs_shared(CORPUS / "labels.jsonl")


def _bench_corpus() -> ModuleType:
    spec = importlib.util.spec_from_file_location("govcrawl_bench_corpus", ROOT / "bench" / "corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scored() -> tuple[dict, list[dict]]:
    return _bench_corpus().score_shipped(CORPUS)


def test_floors_were_measured_on_this_corpus() -> None:
    assert _bench_corpus().corpus_digest(CORPUS) == FLOORS["corpus_digest"], (
        "the corpus changed since the floors were pinned: run scripts/pin_floors.py")


@pytest.mark.parametrize("field", GATED)
def test_field_stays_above_its_floor(scored: tuple[dict, list[dict]], field: str) -> None:
    summary, rows = scored
    row_field = "body_f1" if field.startswith(("body", "pages_f1")) else field
    misses = [r["file"] for r in rows if r.get(row_field) is False or (row_field == "body_f1" and r[row_field] < 0.95)]
    assert summary[field] >= FLOORS["floors"][field], misses


def test_no_more_chrome_leaks_than_pinned(scored: tuple[dict, list[dict]]) -> None:
    summary, rows = scored
    leaks = [(r["file"], r["leaks"]) for r in rows if r["leaks"]]
    assert summary["pages_with_chrome_leak"] <= FLOORS["floors"]["pages_with_chrome_leak"], leaks
