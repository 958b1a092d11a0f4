"""The build's index: a build that updates it run by run gives the same bytes as a build from
nothing, whatever the runs do to revisions and reprint groups (new roots of a bucket, articles
leaving a group when revised, crawls that arrive out of order)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from govcrawl.dataset import write
from tests.dataset.conftest import body, build
from tests.dataset.runtree import RunTree, at, record

#: lead and tail a site puts around a reprinted story
CHROME = [("", ""), ("本网讯 ", "\n（来源：湖北日报）"), ("【转载】", "\n责任编辑：张三"), ("", "\n原标题：推进会召开")]
SITES = ("alpha", "beta", "gamma")


def _random_runs(tree: RunTree, seed: int, runs: int) -> list[tuple[str, str, list[dict]]]:
    """Runs of new articles and revisions over three sites; bodies from four stories, so that
    articles fall into reprint groups, and revisions move them from one group to another."""
    rng = random.Random(seed)
    stories = [body(1000 + k, sentences=20) for k in range(4)]
    seen: dict[tuple[str, int], dict] = {}
    out = []
    for r in range(runs):
        site = SITES[r % len(SITES)]
        recs = []
        for n in rng.sample(range(12), rng.randint(3, 6)):
            lead, tail = rng.choice(CHROME)
            text = lead + (rng.choice(stories) if rng.random() < 0.7 else body(rng.randrange(10**6))) + tail
            day = rng.randint(1, 9)  # a later run may hold an earlier crawl
            old = seen.get((site, n))
            rec = record(site, n, body=text, crawled_at=at(day), first_seen=at(day),
                         published_at=f"2024-03-0{rng.randint(1, 9)}T0{rng.randint(0, 9)}:00:00+08:00",
                         revision=(old["revision"] + 1) if old else 1,
                         previous_hash=old["content_hash"] if old else None)
            seen[(site, n)] = rec
            recs.append(rec)
        out.append((site, f"r{r:02d}", recs))
    return out


def _dataset_files(out: Path) -> dict[str, bytes]:
    files = {str(p.relative_to(out)): p.read_bytes() for p in sorted((out / "articles").rglob("*")) if p.is_file()}
    card = json.loads((out / "card.json").read_text(encoding="utf-8"))
    card.pop("built_at")
    files["card.json"] = json.dumps(card, sort_keys=True).encode()
    return files


@pytest.mark.parametrize(("seed", "options"), [(1, {}), (2, {}), (3, {"all_revisions": True}),
                                               (4, {"columns": ("要闻",), "format": "jsonl"})])
def test_run_by_run_equals_a_build_from_nothing(tree: RunTree, tmp_path: Path, seed: int, options: dict) -> None:
    for i, (site, run_id, recs) in enumerate(_random_runs(tree, seed, runs=6)):
        tree.run(site, run_id, recs, day=f"2024-03-{10 + i}")
        result = build(tree, tmp_path / "inc", **options)
        assert result.runs_read == 1
        build(tree, tmp_path / "full", rebuild=True, **options)
        assert _dataset_files(tmp_path / "inc") == _dataset_files(tmp_path / "full"), f"after run {i}"


def test_a_revision_that_leaves_a_group_and_a_new_first_publication(tree: RunTree, tmp_path: Path) -> None:
    story = body(7, sentences=20)
    tree.run("alpha", "r1", [record("alpha", n, body=story, published_at=f"2024-03-0{n}T09:00:00+08:00")
                             for n in (2, 3, 4)])
    build(tree, tmp_path / "inc")
    # article 2 is rewritten (it leaves the group), and beta prints the story first
    tree.run("alpha", "r2", [record("alpha", 2, body=body(8, sentences=20), crawled_at=at(7), revision=2)],
             day="2024-03-07")
    tree.run("beta", "r1", [record("beta", 1, body="本网讯 " + story, published_at="2024-03-01T08:00:00+08:00")],
             day="2024-03-07")
    build(tree, tmp_path / "inc")
    build(tree, tmp_path / "full", rebuild=True)
    assert _dataset_files(tmp_path / "inc") == _dataset_files(tmp_path / "full")
    card = json.loads((tmp_path / "inc" / "card.json").read_text(encoding="utf-8"))
    assert card["reprints"] == {"groups": 1, "articles": 3}


def test_a_build_cut_short_is_finished_by_the_next(tree: RunTree, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    for site in SITES:
        tree.run(site, "r1", [record(site, n, body=body(n + 10 * len(site))) for n in range(3)])
    build(tree, tmp_path / "inc")
    for site in SITES:
        tree.run(site, "r2", [record(site, 9, body=body(99 + len(site)), crawled_at=at(8))], day="2024-03-08")
    written = []

    def fail_on_second(table, path, fmt, *, bom=False):
        if written:
            raise OSError("disk full")
        written.append(path)
        real(table, path, fmt, bom=bom)

    real = write.write_site
    monkeypatch.setattr("govcrawl.dataset.build.write_site", fail_on_second)
    with pytest.raises(OSError, match="disk full"):
        build(tree, tmp_path / "inc")
    monkeypatch.setattr("govcrawl.dataset.build.write_site", real)
    again = build(tree, tmp_path / "inc")
    assert again.runs_read == 0 and len(again.sites_written) >= 2  # the sites left unwritten
    build(tree, tmp_path / "full")
    assert _dataset_files(tmp_path / "inc") == _dataset_files(tmp_path / "full")


def test_a_lost_or_outdated_index_is_made_again(tree: RunTree, tmp_path: Path) -> None:
    tree.run("alpha", "r1", [record("alpha", n, body=body(n)) for n in range(4)])
    build(tree, tmp_path / "inc")
    (tmp_path / "inc" / ".build" / "index.duckdb").unlink()
    tree.run("alpha", "r2", [record("alpha", 1, body=body(50), crawled_at=at(8), revision=2)], day="2024-03-08")
    assert build(tree, tmp_path / "inc").sites_written == ["alpha"]
    build(tree, tmp_path / "full")
    assert _dataset_files(tmp_path / "inc") == _dataset_files(tmp_path / "full")
