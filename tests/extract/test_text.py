"""repair_text and to_simplified, including the Tianmen 繁體 page with pinyin residue."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from govcrawl.extract import Line, as_line, repair_text, strip_chrome_lines, to_simplified

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("發(fā)布時間", "發布時間"),
        ("穩(wěn)增長", "穩增長"),
        ("四化同步發(fā)展示范區(qū)", "四化同步發展示范區"),
        ("（德清县发改局）", "（德清县发改局）"),
        ("(2023)", "(2023)"),
        ("第(a)项", "第(a)项"),
        ("选手(wang)参赛", "选手(wang)参赛"),
        ("a\xa0\xa0b", "a b"),
        ("\u3000\u3000正文段落\u3000", "正文段落"),
        ("第一行 \n\u3000第二行", "第一行\n第二行"),
    ],
)
def test_repair_text(text: str, expected: str) -> None:
    assert repair_text(text) == expected


def test_tianmen_naive_scrape() -> None:
    naive = (FIXTURES / "tianmen-naive.txt").read_text(encoding="utf-8")
    expected = json.loads((FIXTURES / "tianmen-expected.json").read_text(encoding="utf-8"))
    repaired = repair_text(naive)
    assert not re.search(r"[(][a-zāáǎàēéěèīíǐìōóǒòūúǔù]+[)]", repaired)
    lines = repaired.split("\n")
    assert lines[0] == expected["title"]
    kept = [line.shown for line in strip_chrome_lines([as_line(line) for line in lines])]
    for paragraph in expected["body"].split("\n"):
        assert any(line.startswith(paragraph) for line in kept), paragraph[:20]
    for chrome in ("掃描二維碼", "在您的設備上瀏覽本頁", "網站簡介", "字體", "printapp", "發布時間", "來源:"):
        assert not any(chrome in line for line in kept), chrome


def test_to_simplified() -> None:
    assert to_simplified("穩增長工作推進會舉行") == "稳增长工作推进会举行"
    assert to_simplified("") == ""


def test_as_line_keeps_both_scripts() -> None:
    assert as_line("穩增長工作推進會") == Line("穩增長工作推進會", "稳增长工作推进会")
    assert as_line("稳增长") == Line("稳增长", "稳增长")
