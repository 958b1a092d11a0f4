"""``govcrawl`` with every lxml parse recorded: ``python -m tests.parse_counter OUT.json ARGS…``
runs ``govcrawl ARGS…`` in this process and writes the markup of each parse to OUT.json.

A crawl has to run in a process of its own (the reactor cannot restart), so the counting is set
up here, in that process, before the crawl starts. ``lxml.etree.fromstring`` is where every parse
of govcrawl ends (``lxml.html.fromstring`` calls it too); the other entry points are counted as
well, so that a parse elsewhere cannot hide.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import lxml.etree

from govcrawl import cli

ENTRY_POINTS = ("fromstring", "HTML", "XML", "parse")


def _record(parses: list[dict[str, str]], name: str) -> None:
    original = getattr(lxml.etree, name)

    def counted(source: Any, *args: Any, **kwargs: Any) -> Any:
        markup = source.decode("utf-8", "replace") if isinstance(source, bytes) else str(source)
        parses.append({"call": name, "markup": markup})
        return original(source, *args, **kwargs)

    setattr(lxml.etree, name, counted)


def main() -> int:
    out, args = Path(sys.argv[1]), sys.argv[2:]
    parses: list[dict[str, str]] = []
    for name in ENTRY_POINTS:
        _record(parses, name)
    try:
        return cli.main(args)
    finally:
        out.write_text(json.dumps(parses, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
