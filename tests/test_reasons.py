"""Reasons and outcomes are one closed set, named alike by the code, the pages' verdicts and the README."""

from __future__ import annotations

import re
from pathlib import Path
from typing import get_args

import pytest

from govcrawl.extract import verdict
from govcrawl.reasons import Outcome, Reason, is_reason

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
#: reasons that never reach a rejects row: a column page is crawled as a list, a channel page
#: is an outcome of its own
NOT_IN_REJECTS = {Reason.LIST_PAGE, Reason.CHANNEL_PAGE}


def _reasons_section() -> set[str]:
    """The backquoted names of the README's list of reasons."""
    section = README.split("`govcrawl/rejected/<reason>`. Reasons:", 1)[1].split("\n\n", 2)[1]
    return {name for name in re.findall(r"`([a-z_0-9<>]+)`", section)}


def test_the_readme_lists_every_reason_and_no_other() -> None:
    listed = _reasons_section()
    assert listed == {r.value for r in Reason} - NOT_IN_REJECTS | {"http_<status>", "invalid_<field>"}


def test_the_readme_names_every_outcome() -> None:
    for outcome in Outcome:
        assert f"`{outcome}`" in README


def test_every_verdict_of_a_page_is_a_reason() -> None:
    assert {reason for reason in get_args(verdict.Reason)} <= {r.value for r in Reason}


@pytest.mark.parametrize(("text", "known"), [
    ("timeout", True), ("http_404", True), ("http_503", True), ("invalid_title", True),
    ("invalid_record", True), ("http_", False), ("http_4044", False), ("Timeout", False), ("slow", False),
])
def test_is_reason(text: str, known: bool) -> None:
    assert is_reason(text) is known
