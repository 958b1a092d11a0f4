"""Reprints: one article republished by several sites is one group; different articles are not."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow.parquet as pq

from govcrawl.dataset.reprints import SIMILARITY, band_keys, leaders, signatures, similarity
from tests.dataset.conftest import body, build
from tests.dataset.runtree import RunTree, record

#: how five county sites print the same 湖北日报 article: their own lead, credit and small edits
CHROME = [
    ("", ""),
    ("本网讯 ", "\n（来源：湖北日报）"),
    ("【转载】", "\n责任编辑：张三"),
    ("湖北日报讯（记者 王明）", "\n编辑：李四 审核：王五"),
    ("", "\n原标题：全省推进会召开"),
]


def test_one_article_on_five_sites_is_one_group(tree: RunTree, tmp_path: Path) -> None:
    text = body(7, sentences=20)
    for i, (lead, tail) in enumerate(CHROME):
        edited = text.replace("。", "，", 1) if i % 2 else text  # a comma where another site kept a stop
        rec = record(f"site{i}", 1, body=lead + edited + tail, published_at=f"2024-03-0{5 + i}T09:00:00+08:00")
        tree.run(f"site{i}", "r1", [rec, record(f"site{i}", 2, body=body(100 + i))])
    rows = pq.read_table(build(tree, tmp_path / "ds").out / "articles").to_pylist()
    reprints = [r for r in rows if r["title"] == "第1号新闻标题"]
    first = min(reprints, key=lambda r: r["published_at"])
    assert {r["reprint_group"] for r in reprints} == {first["id"]}  # named after the first publication
    assert {r["reprint_first_published"].isoformat() for r in reprints} == {"2024-03-05T09:00:00+08:00"}
    others = [r for r in rows if r["title"] != "第1号新闻标题"]
    assert all(r["reprint_group"] == r["id"] for r in others)  # each a group of its own
    assert build(tree, tmp_path / "ds").figures["reprints"] == {"groups": 1, "articles": 5}


def test_five_different_articles_on_one_site_are_five_groups(tree: RunTree, tmp_path: Path) -> None:
    tree.run("alpha", "r1", [record("alpha", n, body=body(n, sentences=20)) for n in range(5)])
    rows = pq.read_table(build(tree, tmp_path / "ds").out / "articles").to_pylist()
    assert len({r["reprint_group"] for r in rows}) == 5


def test_signature_similarity_follows_the_overlap() -> None:
    text = body(3, sentences=30)
    half = text[: len(text) // 2] + body(4, sentences=15)
    sig, valid = signatures([text, "本网讯 " + text + "（编辑：张三）", half, body(5, sentences=30), "详见附件。"])
    assert valid.tolist() == [True, True, True, True, False]  # too short to judge
    assert similarity(sig[0], sig[1]) > 0.9
    assert 0.2 < similarity(sig[0], sig[2]) < 0.6
    assert similarity(sig[0], sig[3]) < 0.1
    keys = band_keys(sig)
    assert np.any(keys[0] == keys[1]) and not np.any(keys[0] == keys[3])


def _chain() -> list[str]:
    """Bodies A, B, C: sentences 0-29, 5-34 and 10-39 of one text, so that A is like B and B
    like C, but A is unlike C."""
    sentences = body(7, sentences=60).split("\n")
    return ["\n".join(sentences[shift:shift + 30]) for shift in (0, 5, 10)]


def test_a_group_is_its_first_articles_near_duplicates_not_a_chain(tree: RunTree, tmp_path: Path) -> None:
    a, b, c = _chain()
    sig, _ = signatures([a, b, c])
    assert similarity(sig[0], sig[1]) >= SIMILARITY and similarity(sig[1], sig[2]) >= SIMILARITY
    assert similarity(sig[0], sig[2]) < SIMILARITY
    recs = [record(site, 1, body=text, published_at=f"2024-03-0{day}T09:00:00+08:00")
            for site, text, day in (("alpha", a, 1), ("beta", b, 2), ("gamma", c, 3))]
    for rec in recs:
        tree.run(rec["site"], "r1", [rec])
    rows = {r["site"]: r for r in pq.read_table(build(tree, tmp_path / "ds").out / "articles").to_pylist()}
    assert rows["alpha"]["reprint_group"] == rows["beta"]["reprint_group"] == recs[0]["id"]
    assert rows["gamma"]["reprint_group"] == recs[2]["id"]  # like B, but unlike the group's first, A


def test_leaders_take_the_earliest_first_article_a_row_is_like() -> None:
    a, b, c = _chain()
    sig, _ = signatures([a, b, c, b, a])
    # two components: A B C, and B A (B published first there)
    lead = leaders(np.array([1, 1, 1, 2, 2]), sig)
    assert lead.tolist() == [0, 0, 2, 3, 3]
