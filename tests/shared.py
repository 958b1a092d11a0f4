"""The material beside the repository (../shared): the labelled corpus and the examples.

A test that reads it carries ``@needs_shared(...)``. On a developer's clone without ../shared the
test is skipped; in CI (``GOVCRAWL_REQUIRE_SHARED=1``, set by .ci/run) it fails instead, so a
missing corpus can never pass the corpus gate silently.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

#: where ../shared is looked for (GOVCRAWL_SHARED_DIR points elsewhere)
DIR_ENV = "GOVCRAWL_SHARED_DIR"
SHARED = Path(os.environ.get(DIR_ENV) or Path(__file__).resolve().parents[1].parent / "shared")
CORPUS = SHARED / "corpus"
EXAMPLES = SHARED / "examples"
REQUIRE_ENV = "GOVCRAWL_REQUIRE_SHARED"


def needs_shared(path: Path) -> pytest.MarkDecorator:
    """Mark a test that reads this file or folder of ../shared."""
    return pytest.mark.needs_shared(path)


def shared_files(folder: Path, pattern: str) -> list[Path]:
    """The files to parametrize over; one placeholder when the folder is missing, so that the
    test is still collected and its needs_shared mark fails (CI) or skips (a bare clone) it."""
    return sorted(folder.glob(pattern)) if folder.is_dir() else [folder / pattern]


def check_shared(item: pytest.Item) -> None:
    """Fail or skip a test whose ../shared material is missing (called before each test)."""
    for mark in item.iter_markers("needs_shared"):
        path: Path = mark.args[0]
        if path.exists():
            continue
        message = f"{path} is missing: ../shared is not beside the repository"
        if os.environ.get(REQUIRE_ENV) == "1":
            pytest.fail(f"{message}, and {REQUIRE_ENV}=1 (CI) requires it", pytrace=False)
        pytest.skip(message)
