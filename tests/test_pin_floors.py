"""scripts/pin_floors.py raises floors and refuses to lower one without --allow-lower."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import ROOT

SCORES = {"pages": 45, "title": 1.0, "date": 0.98, "time": 1.0, "source": 1.0, "source_when_none": 1.0,
          "body_p": 0.99996, "body_r": 1.0, "body_f1": 0.99998, "pages_f1_ge_0.95": 1.0, "pages_with_chrome_leak": 0}


@pytest.fixture
def pin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(ROOT / "bench"))
    spec = importlib.util.spec_from_file_location("pin_floors", ROOT / "scripts" / "pin_floors.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "FLOORS_FILE", tmp_path / "floors.json")
    monkeypatch.setattr(module, "corpus_digest", lambda corpus: "digest")
    return module


def _pinned(pin: ModuleType) -> dict:
    return json.loads(pin.FLOORS_FILE.read_text(encoding="utf-8"))


def test_floors_are_pinned_at_the_scores_rounded_down(pin: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pin, "score_shipped", lambda corpus: (SCORES, []))
    assert pin.main([]) == 0
    floors = _pinned(pin)["floors"]
    assert floors["title"] == 1.0 and floors["date"] == 0.98 and floors["body_p"] == 0.9999
    assert _pinned(pin)["corpus_digest"] == "digest"


def test_a_lower_score_is_refused_without_the_flag(pin: ModuleType, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setattr(pin, "score_shipped", lambda corpus: (SCORES, []))
    pin.main([])
    monkeypatch.setattr(pin, "score_shipped", lambda corpus: ({**SCORES, "title": 0.9}, []))
    assert pin.main([]) == 1
    assert "title: 1.0 → 0.9" in capsys.readouterr().err
    assert _pinned(pin)["floors"]["title"] == 1.0
    assert pin.main(["--allow-lower"]) == 0
    assert "Floors-lowered: title: 1.0 → 0.9" in capsys.readouterr().err
    assert _pinned(pin)["floors"]["title"] == 0.9
