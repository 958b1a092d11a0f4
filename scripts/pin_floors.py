#!/usr/bin/env python3
"""Measure govcrawl on the labelled corpus and pin the accuracy gate's floors at today's scores.

    .venv/bin/python scripts/pin_floors.py                 # raise floors, never lower one
    .venv/bin/python scripts/pin_floors.py --allow-lower   # lowering: say so in the commit message

Floors are the scores rounded down to four places (1.0 stays 1.0); the chrome-leak count is
a ceiling. The file records the corpus digest, so a floor is always read with the corpus it was
measured on.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from corpus import DEFAULT_CORPUS, FLOORS_FILE, corpus_digest, score_shipped

#: score.py summary fields that are shares (higher is better)
GATED = ("title", "date", "time", "source", "source_when_none", "body_p", "body_r", "body_f1",
         "pages_f1_ge_0.95")
LEAKS = "pages_with_chrome_leak"


def measured_floors(summary: dict) -> dict:
    """Floors at the measured scores, rounded down to four places; leaks as a ceiling."""
    floors = {name: math.floor(summary[name] * 10000 + 1e-9) / 10000 for name in GATED}
    return {**floors, LEAKS: summary[LEAKS]}


def lowered(old: dict, new: dict) -> list[str]:
    """Fields whose floor the new figures would lower (or whose leak ceiling they would raise)."""
    worse = [f"{name}: {old[name]} → {new[name]}" for name in GATED if new[name] < old.get(name, 0)]
    if LEAKS in old and new[LEAKS] > old[LEAKS]:
        worse.append(f"{LEAKS}: {old[LEAKS]} → {new[LEAKS]}")
    return worse


def main(argv: list[str] | None = None) -> int:
    """Measure, compare with the pinned floors, write them."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--allow-lower", action="store_true", help="accept lower floors (say why in the commit)")
    args = ap.parse_args(argv)
    summary, _rows = score_shipped(args.corpus)
    new = measured_floors(summary)
    old = json.loads(FLOORS_FILE.read_text(encoding="utf-8"))["floors"] if FLOORS_FILE.exists() else {}
    worse = lowered(old, new)
    if worse and not args.allow_lower:
        print("refusing to lower floors (use --allow-lower and say so in the commit message):", file=sys.stderr)
        print("\n".join(f"  {line}" for line in worse), file=sys.stderr)
        return 1
    pinned = {"corpus_digest": corpus_digest(args.corpus), "pages": summary["pages"],
              "measured": datetime.now(UTC).strftime("%Y-%m-%d"), "floors": new}
    FLOORS_FILE.write_text(json.dumps(pinned, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(new, ensure_ascii=False))
    if worse:
        print("Floors lowered; put this line in the commit message:", file=sys.stderr)
        print(f"  Floors-lowered: {'; '.join(worse)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
