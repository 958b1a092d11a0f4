"""Builds that never read half a file and never stop on one bad line: a run file copied in while
a build reads it, cut and invalid lines, a corrupt manifest or index, a lost store file, and a
second build at the same time."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import threading
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from govcrawl.dataset import lock
from govcrawl.dataset.lock import BuildLocked
from tests.dataset.conftest import body, build
from tests.dataset.runtree import RunTree, record


def _lines(site: str, n: int) -> list[str]:
    return [json.dumps(record(site, i, body=body(i)), ensure_ascii=False) + "\n" for i in range(1, n + 1)]


def _rows(out: Path) -> int:
    return pq.read_table(out / "articles").num_rows


def _card(out: Path) -> dict:
    return json.loads((out / "card.json").read_text(encoding="utf-8"))


def _warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]


def test_a_file_copied_in_while_read_is_left_for_the_next_build(tree: RunTree, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch,
                                                              caplog: pytest.LogCaptureFixture) -> None:
    tree.run("alpha", "r1", [record("alpha", 900, body=body(900))])
    path = tree.run("beta", "r1", [])  # the report is there; the records are being copied in
    lines = _lines("beta", 100)
    path.write_text("".join(lines[:34]), encoding="utf-8")
    real = Path.read_bytes

    def copy_goes_on(self: Path) -> bytes:
        data = real(self)
        if self == path and len(data) < len("".join(lines).encode()):
            with path.open("a", encoding="utf-8") as f:  # the copy writes on while the build reads
                f.write("".join(lines[34:]))
        return data

    monkeypatch.setattr(Path, "read_bytes", copy_goes_on)
    first = build(tree, tmp_path / "ds")
    assert first.left == [path] and first.rows == 1  # none of its 34 rows yet, and it is named
    assert any(str(path) in w and "next build" in w for w in _warnings(caplog))
    second = build(tree, tmp_path / "ds")
    assert (second.runs_read, second.records_read, second.left, _rows(tmp_path / "ds")) == (1, 100, [], 101)


def test_a_stable_file_with_a_cut_last_line_is_read_with_that_line_rejected(tree: RunTree, tmp_path: Path) -> None:
    path = tree.run("alpha", "r1", [])
    lines = _lines("alpha", 100)
    path.write_text("".join(lines[:99]) + lines[99][:40], encoding="utf-8")  # no end to the last line
    for options in ({}, {"rebuild": True}):
        result = build(tree, tmp_path / "ds", **options)
        assert result.rows == 99 and result.left == []
        rejected = _card(tmp_path / "ds")["rejected_lines"]
        assert rejected["count"] == 1
        assert [(r["file"], r["line"], r["reason"]) for r in rejected["lines"]] == [
            ("alpha/2024-03-06/r1.jsonl", 100, "cut")]
    readme = (tmp_path / "ds" / "README.md").read_text(encoding="utf-8")
    assert "| alpha/2024-03-06/r1.jsonl | 100 | cut: " in readme


def test_a_grown_file_is_read_again_whole(tree: RunTree, tmp_path: Path) -> None:
    """A copy that stalled mid-line while a build read the file, then finished."""
    path = tree.run("alpha", "r1", [])
    lines = _lines("alpha", 100)
    path.write_text("".join(lines[:34]) + lines[34][:25], encoding="utf-8")
    assert build(tree, tmp_path / "ds").rows == 34
    path.write_text("".join(lines), encoding="utf-8")
    again = build(tree, tmp_path / "ds")
    assert (again.runs_read, again.rows) == (1, 100)
    assert _card(tmp_path / "ds")["rejected_lines"] == {"count": 0, "lines": []}
    build(tree, tmp_path / "full")
    assert pq.read_table(tmp_path / "ds" / "articles").equals(pq.read_table(tmp_path / "full" / "articles"))


def test_invalid_lines_are_rejected_and_the_rest_is_read(tree: RunTree, tmp_path: Path) -> None:
    path = tree.run("alpha", "r1", [])
    lines = _lines("alpha", 6)
    lines[1] = '{"id": "x", "title": \n'  # not JSON
    lines[3] = "[1, 2, 3]\n"  # JSON, not a record
    lines[4] = json.dumps({**record("alpha", 5), "revision": "二"}, ensure_ascii=False) + "\n"  # a wrong type
    path.write_text("".join(lines[:3]) + "\n" + "".join(lines[3:]), encoding="utf-8")  # and a blank line
    result = build(tree, tmp_path / "ds")
    titles = sorted(r["title"] for r in pq.read_table(tmp_path / "ds" / "articles").to_pylist())
    assert titles == ["第1号新闻标题", "第3号新闻标题", "第6号新闻标题"] and result.records_read == 3
    rejected = _card(tmp_path / "ds")["rejected_lines"]["lines"]
    assert [(r["line"], r["reason"]) for r in rejected] == [(2, "invalid_json"), (5, "not_a_record"),
                                                            (6, "not_a_record")]
    assert all(r["detail"] for r in rejected)


@pytest.mark.parametrize("damage", ["garbage", "empty", "not_a_manifest"])
def test_a_corrupt_manifest_is_rebuilt_from_the_run_files(tree: RunTree, tmp_path: Path, damage: str,
                                                          caplog: pytest.LogCaptureFixture) -> None:
    tree.run("alpha", "r1", [record("alpha", n, body=body(n)) for n in range(3)])
    build(tree, tmp_path / "ds")
    manifest = tmp_path / "ds" / ".build" / "manifest.json"
    manifest.write_text({"garbage": '{"version": 1, "runs": {"a', "empty": "",
                         "not_a_manifest": '{"version": 1, "runs": {"a": {"colour": 1}}}'}[damage], encoding="utf-8")
    result = build(tree, tmp_path / "ds")
    assert (result.runs_read, result.rows) == (1, 3)
    [warning] = _warnings(caplog)
    assert str(manifest) in warning and "rebuilding" in warning


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_a_corrupt_index_is_made_again(tree: RunTree, tmp_path: Path, damage: str,
                                       caplog: pytest.LogCaptureFixture) -> None:
    tree.run("alpha", "r1", [record("alpha", n, body=body(n)) for n in range(3)])
    build(tree, tmp_path / "ds")
    index = tmp_path / "ds" / ".build" / "index.duckdb"
    data = index.read_bytes()
    index.write_bytes(b"\x00not duckdb\xff" * 500 if damage == "garbage" else data[:len(data) // 3])
    tree.run("alpha", "r2", [record("alpha", 7, body=body(7))], day="2024-03-08")
    result = build(tree, tmp_path / "ds")
    assert (result.runs_read, result.rows) == (1, 4)
    [warning] = _warnings(caplog)
    assert str(index) in warning and "again" in warning
    build(tree, tmp_path / "full")
    assert pq.read_table(tmp_path / "ds" / "articles").equals(pq.read_table(tmp_path / "full" / "articles"))


def test_a_lost_store_file_is_read_again_from_its_run_file(tree: RunTree, tmp_path: Path,
                                                          caplog: pytest.LogCaptureFixture) -> None:
    tree.run("alpha", "r1", [record("alpha", n, body=body(n)) for n in range(3)])
    tree.run("beta", "r1", [record("beta", n, body=body(50 + n)) for n in range(2)])
    build(tree, tmp_path / "ds")
    [chunk] = (tmp_path / "ds" / ".build" / "store").glob("alpha*")
    chunk.unlink()
    result = build(tree, tmp_path / "ds")
    assert (result.runs_read, result.rows) == (1, 5)
    [warning] = _warnings(caplog)
    assert str(chunk) in warning


def test_a_second_build_waits_for_the_first(tree: RunTree, tmp_path: Path) -> None:
    tree.run("alpha", "r1", [record("alpha", 1, body=body(1))])
    (tmp_path / "ds").mkdir()
    held = threading.Event()

    def first_build() -> None:
        with lock.build_lock(tmp_path / "ds" / ".lock"):
            held.set()
            threading.Event().wait(0.5)

    thread = threading.Thread(target=first_build)
    thread.start()
    held.wait()
    assert build(tree, tmp_path / "ds").rows == 1
    thread.join()


def test_a_second_build_that_waits_too_long_is_locked(tree: RunTree, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    tree.run("alpha", "r1", [record("alpha", 1, body=body(1))])
    (tmp_path / "ds").mkdir()
    monkeypatch.setattr(lock, "WAIT", 0.3)
    with lock.build_lock(tmp_path / "ds" / ".lock"), pytest.raises(BuildLocked, match="is being built by pid"):
        build(tree, tmp_path / "ds")


def test_an_index_held_open_elsewhere_is_locked(tree: RunTree, tmp_path: Path) -> None:
    tree.run("alpha", "r1", [record("alpha", 1, body=body(1))])
    build(tree, tmp_path / "ds")
    index = tmp_path / "ds" / ".build" / "index.duckdb"
    holder = subprocess.Popen([sys.executable, "-c", f"import duckdb, sys; con = duckdb.connect({str(index)!r}); "
                               "print('open', flush=True); sys.stdin.read()"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(BuildLocked, match="held open by another process"):
            build(tree, tmp_path / "ds")
    finally:
        holder.communicate("")
    assert build(tree, tmp_path / "ds").rows == 1
