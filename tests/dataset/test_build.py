"""Datasets built from run trees that mix full crawls, incremental runs, empty runs, rejects and
half-written files: which rows, which revisions, which files were read."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tests.dataset.conftest import body, build
from tests.dataset.runtree import RunTree, at, record


def _mixed_tree(tree: RunTree) -> dict[int, dict]:
    """Two full crawls of site ``alpha``, then incremental runs; a second site with a run."""
    a = {n: record("alpha", n, body=body(n), crawled_at=at(1), first_seen=at(1)) for n in range(1, 4)}
    tree.run("alpha", "c1", list(a.values()), kind="crawl", day="2024-03-01")
    # the second snapshot repeats 1 and 3 unchanged, and has 2 edited (revision 1 again: no state)
    edited = record("alpha", 2, body=body(2) + "\n补充说明。", crawled_at=at(2), first_seen=at(2))
    tree.run("alpha", "c2", [{**a[1], "crawled_at": at(2)}, edited, {**a[3], "crawled_at": at(2)}],
             kind="crawl", day="2024-03-02")
    # an incremental run: article 4 is new, 2 changed again
    again = record("alpha", 2, body=body(2) + "\n再次更正。", crawled_at=at(3), revision=2,
                   previous_hash=edited["content_hash"], first_seen=at(2))
    new = record("alpha", 4, body=body(4), crawled_at=at(3), first_seen=at(3))
    tree.run("alpha", "r1", [again, new], day="2024-03-03", rejected={"http_404": 2, "soft_404": 1})
    tree.run("alpha", "r2", [], day="2024-03-04", rejected={"http_404": 1})  # nothing new: no file
    tree.run("alpha", "r3", [], day="2024-03-05", empty_file=True)  # an older govcrawl's 0-byte file
    tree.part("alpha", "r4", [record("alpha", 9, body=body(9))], day="2024-03-05")  # still running
    beta = record("beta", 1, body=body(101), crawled_at=at(3), first_seen=at(3))
    tree.run("beta", "r1", [beta], day="2024-03-03")
    return {"a1": a[1], "a2_crawl": edited, "a2": again, "a3": a[3], "a4": new, "b1": beta}


def _rows(out: Path) -> list[dict]:
    table = pq.read_table(out / "articles")
    return sorted(table.to_pylist(), key=lambda r: (r["site"], r["id"], r["revision"]))


def test_latest_revision_of_every_article_whatever_mix_of_runs(tree: RunTree, tmp_path: Path) -> None:
    recs = _mixed_tree(tree)
    result = build(tree, tmp_path / "ds")
    rows = _rows(tmp_path / "ds")
    want = sorted([recs[k] for k in ("a1", "a2", "a3", "a4", "b1")], key=lambda r: (r["site"], r["id"]))
    assert [(r["site"], r["id"], r["content_hash"]) for r in rows] == [
        (w["site"], w["id"], w["content_hash"]) for w in want]
    by_id = {r["id"]: r for r in rows}
    a2 = by_id[recs["a2"]["id"]]
    # three versions: the first crawl, the edit seen by the second crawl, the run's correction,
    # which carries the revision and previous hash its record was exported with
    assert a2["revision"] == recs["a2"]["revision"] == 2
    assert a2["previous_hash"] == recs["a2"]["previous_hash"] == recs["a2_crawl"]["content_hash"]
    assert a2["body"] == recs["a2"]["body"] and a2["run_id"] == "r1" and a2["run_kind"] == "run"
    assert a2["first_seen"].isoformat() == at(1)  # first seen by the first crawl, whatever a record says
    a1 = by_id[recs["a1"]["id"]]
    assert a1["revision"] == 1 and a1["previous_hash"] is None and a1["run_id"] == "c1"
    assert a1["crawled_at"].isoformat() == at(1)  # the version's first fetch, not its repeats
    assert result.runs_read == 5 and result.records_read == 9  # 3 + 3 + 2 + 0 (the 0-byte file) + 1
    assert result.rows == 5 and result.sites_written == ["alpha", "beta"]


def test_all_revisions_keeps_each_version_once(tree: RunTree, tmp_path: Path) -> None:
    recs = _mixed_tree(tree)
    build(tree, tmp_path / "ds", all_revisions=True)
    rows = [r for r in _rows(tmp_path / "ds") if r["id"] == recs["a2"]["id"]]
    rows.sort(key=lambda r: r["crawled_at"])
    assert [r["body"] for r in rows] == [body(2), recs["a2_crawl"]["body"], recs["a2"]["body"]]
    # each version as its record says: the crawls had no state, so both say revision 1
    assert [r["revision"] for r in rows] == [1, 1, 2]
    assert [r["previous_hash"] for r in rows] == [None, None, rows[1]["content_hash"]]
    assert len(_rows(tmp_path / "ds")) == 7  # a1, a3, a4, b1 once each (the repeats are not versions)


def test_rejects_part_files_and_reports(tree: RunTree, tmp_path: Path) -> None:
    recs = _mixed_tree(tree)
    build(tree, tmp_path / "ds")
    ids = {r["id"] for r in _rows(tmp_path / "ds")}
    assert record("alpha", 9)["id"] not in ids  # only in a .part file
    assert not {r["id"] for r in recs.values()} - ids
    card = json.loads((tmp_path / "ds" / "card.json").read_text(encoding="utf-8"))
    assert card["rejected"] == {"http_404": 3, "soft_404": 1}  # from the reports, not rows
    assert card["runs"] == {"count": 6, "records_read": 9, "by_kind": {"crawl": 2, "run": 4}}
    assert card["sites"] == {"alpha": 4, "beta": 1} and card["revisions"] == {"articles_revised": 1, "versions": 7}
    assert (tmp_path / "ds" / "plots" / "articles_per_month.png").read_bytes()[:4] == b"\x89PNG"
    assert "| alpha | 4 | 要闻 4 |" in (tmp_path / "ds" / "README.md").read_text(encoding="utf-8")


def test_a_second_build_reads_only_the_new_run_and_matches_a_full_build(tree: RunTree, tmp_path: Path) -> None:
    _mixed_tree(tree)
    out = tmp_path / "ds"
    build(tree, out)
    before = {p: p.read_bytes() for p in (out / "articles").rglob("*.parquet")}
    tree.run("beta", "r2", [record("beta", 2, body=body(102), crawled_at=at(4))], day="2024-03-04")
    result = build(tree, out)
    assert (result.runs_read, result.records_read, result.sites_written) == (1, 1, ["beta"])
    manifest = json.loads((out / ".build" / "manifest.json").read_text(encoding="utf-8"))
    assert "beta/2024-03-04/r2" in manifest["runs"]
    alpha = out / "articles" / "site=alpha" / "part-0.parquet"
    assert alpha.read_bytes() == before[alpha]  # untouched
    full = build(tree, tmp_path / "full")
    assert full.runs_read == 6
    for path in (out / "articles").rglob("*.parquet"):
        assert path.read_bytes() == (tmp_path / "full" / path.relative_to(out)).read_bytes(), path
    # nothing new: nothing read, nothing rewritten
    assert (build(tree, out).runs_read, build(tree, out).sites_written) == (0, [])


def test_same_inputs_same_bytes(tree: RunTree, tmp_path: Path) -> None:
    _mixed_tree(tree)
    build(tree, tmp_path / "one")
    build(tree, tmp_path / "two", rebuild=True)
    files = sorted(p.relative_to(tmp_path / "one") for p in (tmp_path / "one").rglob("*")
                   if p.is_file() and ".build" not in p.parts)
    assert len(files) >= 6
    for rel in files:
        one, two = (tmp_path / "one" / rel).read_bytes(), (tmp_path / "two" / rel).read_bytes()
        if rel.name in ("card.json", "README.md"):  # the build time differs, and only it
            one, two = _without_build_time(one), _without_build_time(two)
        assert one == two, rel


def _without_build_time(data: bytes) -> list[str]:
    return [line for line in data.decode().splitlines() if "built_at" not in line and not line.startswith("Built ")]


def test_rebuild_reads_everything_again(tree: RunTree, tmp_path: Path) -> None:
    _mixed_tree(tree)
    build(tree, tmp_path / "ds")
    assert build(tree, tmp_path / "ds", rebuild=True).runs_read == 5


def test_a_published_file_that_changed_asks_for_a_rebuild(tree: RunTree, tmp_path: Path) -> None:
    tree.run("alpha", "r1", [record("alpha", 1, body=body(1))])
    build(tree, tmp_path / "ds")
    # rewritten, not grown: what the build read is not the start of the file any more
    tree.run("alpha", "r1", [record("alpha", 2, body=body(2)), record("alpha", 1, body=body(1))])
    with pytest.raises(ValueError, match="--rebuild"):
        build(tree, tmp_path / "ds")


def test_site_column_and_crawled_since_filters(tree: RunTree, tmp_path: Path) -> None:
    _mixed_tree(tree)
    tree.run("beta", "r2", [record("beta", 2, body=body(102), column="通知公告", crawled_at=at(4)),
                            record("beta", 3, body=body(103), column="O'Neil's 专栏", crawled_at=at(4))])
    sites = {r["site"] for r in _rows_of(build(tree, tmp_path / "s", sites=("beta",)))}
    assert sites == {"beta"}
    assert not (tmp_path / "s" / "articles" / "site=alpha").exists()
    assert [r["column"] for r in _rows_of(build(tree, tmp_path / "c", columns=("通知公告",)))] == ["通知公告"]
    # filter values are bound, not spliced into the SQL: a quote is a character like any
    quoted = _rows_of(build(tree, tmp_path / "q", columns=("O'Neil's 专栏",)))
    assert [r["column"] for r in quoted] == ["O'Neil's 专栏"]
    from datetime import datetime
    recent = _rows_of(build(tree, tmp_path / "t", crawled_since=datetime.fromisoformat(at(3))))
    assert sorted(r["crawled_at"].isoformat() for r in recent) == [at(3), at(3), at(3), at(4), at(4)]


def _rows_of(result) -> list[dict]:
    return _rows(result.out)


def test_a_filter_change_rewrites_the_whole_dataset(tree: RunTree, tmp_path: Path) -> None:
    _mixed_tree(tree)
    build(tree, tmp_path / "ds")
    result = build(tree, tmp_path / "ds", sites=("beta",))
    assert result.runs_read == 0 and result.sites_written == ["beta"]
    assert sorted(p.name for p in (tmp_path / "ds" / "articles").iterdir()) == ["site=beta"]


def test_no_records_anywhere_is_an_error_that_says_so(tree: RunTree, tmp_path: Path) -> None:
    tree.run("alpha", "r1", [], empty_file=True)
    with pytest.raises(ValueError, match="no records"):
        build(tree, tmp_path / "ds")


def test_a_reextract_run_adds_a_version_only_where_the_record_came_out_different(tree: RunTree,
                                                                               tmp_path: Path) -> None:
    """`govcrawl reextract` writes the records of an archived crawl again, at the crawl's fetch
    time: an identical one is no new revision; one today's extractor reads differently is."""
    crawled = [record("alpha", n, body=body(n), crawled_at=at(1), first_seen=at(1)) for n in (1, 2)]
    tree.run("alpha", "20240301T000000Z-c1", crawled, kind="crawl", day="2024-03-01")
    improved = record("alpha", 2, body=body(2) + "\n图为会议现场", crawled_at=at(1), first_seen=at(1))
    tree.run("alpha", "20261207T000000Z-rx", [crawled[0], improved], kind="reextract", day="2024-03-01")
    build(tree, tmp_path / "ds", all_revisions=True)
    rows = _rows(tmp_path / "ds")
    assert [(r["id"], r["content_hash"]) for r in rows if r["id"] == crawled[0]["id"]] == [
        (crawled[0]["id"], crawled[0]["content_hash"])]
    assert [r["content_hash"] for r in rows if r["id"] == improved["id"]] == [
        crawled[1]["content_hash"], improved["content_hash"]]
    build(tree, tmp_path / "latest")
    latest = {r["id"]: r["content_hash"] for r in _rows(tmp_path / "latest")}
    assert latest == {crawled[0]["id"]: crawled[0]["content_hash"], improved["id"]: improved["content_hash"]}
